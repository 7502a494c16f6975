"""What an export says about itself: its title, its source line, its data version, its alt text.

The source line is computed from the events shown, never typed: a published chart cites every
seed behind what it shows, the filters that chose those events and the version of the data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from timeline.dates import parse_partial_date, partial_date_text
from timeline.git import git_line
from timeline.model import Source
from timeline.paths import DataPaths
from timeline.view.filters import FilterState
from timeline.view.labels import Labels

ALT_CATEGORIES = 4  # categories named in the alt text; more are counted


@dataclass(frozen=True)
class DataVersion:
    """Which data an export was made from: a commit or a hash, and the day of that data."""

    label: str  # ``git 1a2b3c4`` or ``sha256 1a2b3c4d5e6f``
    day: dt.date  # the commit's day, else the day the events file was last written
    sha256: str  # of the events file, in full


@dataclass(frozen=True)
class Credit:
    """What an exported chart or file says about where it comes from.

    Two lines go on the picture (``source_line``, ``filters_line``); ``provenance`` (the
    exact filters, the data version and hash, every seed in full) goes into the file's metadata.
    """

    sources: tuple[str, ...]  # the short names of the seeds cited
    filters: str  # the filters in words; "" when there are none
    version: DataVersion
    exported: dt.date
    query: str = ""  # the filters exactly, as the dashboard's URL holds them
    citations: tuple[str, ...] = ()  # each seed cited: ``Publisher, “Title”``

    @property
    def source_line(self) -> str:
        return "Source: " + ("; ".join(self.sources) if self.sources else "no events shown")

    @property
    def filters_line(self) -> str:
        day = partial_date_text(parse_partial_date(self.version.day.isoformat()))
        return f"Filters: {self.filters or 'none (every event)'}, data as of {day}"

    @property
    def text(self) -> str:
        return f"{self.source_line}. {self.filters_line}."

    def provenance(self) -> dict[str, str]:
        """Everything needed to make the same file again, for its metadata."""
        return {
            "Source": "; ".join(self.citations or self.sources) or "no events shown",
            "Filters": self.query or "none",
            "Data version": self.version.label,
            "Data SHA-256": self.version.sha256,
            "Data as of": self.version.day.isoformat(),
            "Exported": self.exported.isoformat(),
        }


def source_citation(source: Source) -> str:
    """``Publisher, “Title”``: a seed in full, for metadata and data files."""
    return f"{source.publisher}, “{source.title}”"


def _cited_files(events: pd.DataFrame, sources: Sequence[Source]) -> list[str]:
    cited = dict.fromkeys(f for files in events["source_files"] for f in files)
    ordered = [s.file for s in sources if s.file in cited]
    return ordered + [f for f in cited if f not in ordered]


def cited_sources(events: pd.DataFrame, sources: Sequence[Source]) -> list[str]:
    """The short names of the seeds the events cite, in catalogue order, each once; a seed
    missing from the catalogue by its file name."""
    by_file = {s.file: s for s in sources}
    names = (by_file[f].short_name if f in by_file else f for f in _cited_files(events, sources))
    return list(dict.fromkeys(names))


def cited_citations(events: pd.DataFrame, sources: Sequence[Source]) -> list[str]:
    """``Publisher, “Title”`` of each seed the events cite, in catalogue order."""
    by_file = {s.file: s for s in sources}
    files = _cited_files(events, sources)
    return [source_citation(by_file[f]) if f in by_file else f for f in files]


def _either(values: Sequence[str]) -> str:
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]


# Keyed by filters.CORROBORATION; a new value there fails test_credit until it has words here.
_CORROBORATION_WORDS = {
    "single": "cited by a single source",
    "corroborated": "cited by two sources or more",
}


def filters_text(state: FilterState, labels: Labels) -> str:
    """The filters in words (``Arrivals; involving the harbour; from 1 June 2024``),
    or "" when there are none."""

    def named(kind: str, values: Sequence[str]) -> str:
        return _either([labels.label(kind, value) for value in values])

    parts = []
    if state.categories:
        parts.append(named("category", state.categories))
    if state.actors:
        parts.append("involving " + named("actor", state.actors))
    if state.statuses:
        parts.append(named("status", state.statuses).lower())
    if state.sources:
        parts.append("citing " + named("source", state.sources))
    if state.date_from:
        parts.append(f"from {_day_text(state.date_from)}")
    if state.date_to:
        parts.append(f"to {_day_text(state.date_to)}")
    if state.q:
        parts.append(f"mentioning “{state.q}”")
    if state.min_sources > 1:
        parts.append(f"cited by at least {state.min_sources} sources")
    if state.corroboration:
        parts.append(_CORROBORATION_WORDS[state.corroboration])
    return "; ".join(parts)


def _day_text(day: dt.date) -> str:
    return partial_date_text(parse_partial_date(day.isoformat()))


def period_text(events: pd.DataFrame, state: FilterState) -> str:
    """``2022–2024``, ``2024`` or ``1 June 2024 to 31 December 2024`` (when filtered by date)."""
    if state.date_from or state.date_to:
        start = _day_text(state.date_from) if state.date_from else None
        end = _day_text(state.date_to) if state.date_to else None
        if start and end:
            return f"{start} to {end}"
        return f"from {start}" if start else f"up to {end}"
    if events.empty:
        return ""
    first = events["start"].min().year
    last = (events["end"].max() - pd.Timedelta(days=1)).year
    return str(first) if first == last else f"{first}–{last}"


def default_title(events: pd.DataFrame, state: FilterState, labels: Labels, subject: str) -> str:
    """``<subject>: Troop deployment, 2024``: the dataset's subject, the categories chosen and
    the period shown."""
    title = subject
    if state.categories:
        title += ": " + labels.joined("category", state.categories, " and ")
    period = period_text(events, state)
    return f"{title}, {period}" if period else title


def _span_text(events: pd.DataFrame) -> str:
    first = events.iloc[events["start"].argmin()]
    last = events.iloc[events["end"].argmax()]
    first_text = partial_date_text(parse_partial_date(first["date"]))
    last_date = last["date_end"] if isinstance(last["date_end"], str) else last["date"]
    last_text = partial_date_text(parse_partial_date(last_date))
    if first_text != last_text:
        return f"from {first_text} to {last_text}"
    return ("on " if parse_partial_date(first["date"]).day else "in ") + first_text


def densest_month(events: pd.DataFrame) -> tuple[str, int] | None:
    """The month in which most events happened (those dated to a month or a day; the earliest
    such month on a tie), and how many; None when no month has two."""
    dated = events[events["precision"] != "year"]
    if dated.empty:
        return None
    months = dated["start"].dt.to_period("M").value_counts()
    top = int(months.max())
    if top < 2:
        return None
    month = min(period for period, count in months.items() if count == top)
    return partial_date_text(parse_partial_date(f"{month.year}-{month.month:02d}")), top


def most_important(events: pd.DataFrame) -> pd.Series:
    """The event a reader should hear of first: a key event before others, then the one cited
    by the most seeds, then by the most quotes, then the latest."""
    ranked = events.assign(_key=events["key"].astype(bool)).sort_values(
        ["_key", "n_sources", "n_citations", "start", "id"],
        ascending=[False, False, False, False, True],
        kind="stable",
    )
    return ranked.iloc[0]


def alt_text(events: pd.DataFrame, labels: Labels, title: str) -> str:
    """Two or three plain sentences for a reader who cannot see the chart: what it shows, the
    span, the number of events (by category), the busiest month and the most important event."""
    return f"{title}: {chart_description(events, labels)}"


def chart_description(events: pd.DataFrame, labels: Labels) -> str:
    """The alt text after its title (the same whatever the title)."""
    count = len(events)
    if count == 0:
        return "a timeline chart with no events."
    noun = "event" if count == 1 else "events"
    counts = events["category"].value_counts(sort=True)
    named = [f"{labels.label('category', str(c))} ({n})" for c, n in counts.items()]
    if len(named) == 1:
        only = labels.label("category", str(counts.index[0]))
        kinds = f"in {only}" if count == 1 else f"all of them {only}"
    else:
        shown = named if len(named) <= ALT_CATEGORIES else named[: ALT_CATEGORIES - 1]
        rest = len(named) - len(shown)
        listed = ", ".join(shown[:-1]) + " and " + shown[-1] if not rest else ", ".join(shown)
        kinds = f"in {len(named)} categories: {listed}" + (f" and {rest} more" if rest else "")
    sentences = [f"a timeline chart of {count} {noun} {_span_text(events)}, {kinds}."]
    busiest = densest_month(events)
    if busiest is not None and count > 2:
        sentences.append(f"The busiest month is {busiest[0]}, with {busiest[1]} events.")
    if count > 1:
        event = most_important(events)
        sources = int(event["n_sources"])
        why = "a key event" if bool(event["key"]) else "the most cited"
        sentences.append(
            f"The most important, {why} cited by {sources} source{'s' * (sources != 1)}, is "
            f"“{event['title']}” ({event['date_text']})."
        )
    return " ".join(sentences)


def data_version(paths: DataPaths) -> DataVersion:
    """``git 1a2b3c4``: the last commit that changed the data files, when they are committed
    unchanged, with its day; else a short hash of the events file (``sha256 1a2b3c4d5e6f``)
    with the day the file was last written."""
    content = paths.events.read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    commit = _data_commit(paths)
    if commit:
        label, day = commit
        return DataVersion(f"git {label}", dt.date.fromisoformat(day), digest)
    written = dt.datetime.fromtimestamp(paths.events.stat().st_mtime, dt.UTC).date()
    return DataVersion(f"sha256 {digest[:12]}", written, digest)


def _data_commit(paths: DataPaths) -> tuple[str, str] | None:
    folder = paths.events.resolve().parent
    files = [str(p.resolve()) for p in paths.data_files() if p.exists()]
    # Untracked or edited data is not what any commit holds: then the file hash tells the truth.
    tracked = git_line(["ls-files", "--error-unmatch", "--", *files], folder)
    changed = git_line(["status", "--porcelain", "--", *files], folder)
    if tracked is None or changed != "":
        return None
    # The commit that last changed the data, not HEAD: code commits leave the version alone.
    found = git_line(["log", "-1", "--format=%h %cs", "--", *files], folder)
    if not found:
        return None
    label, day = found.split()
    return label, day
