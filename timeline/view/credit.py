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


@dataclass(frozen=True)
class Credit:
    """The lines an exported chart or file carries about where it comes from."""

    sources: tuple[str, ...]
    filters: str
    version: str
    exported: dt.date

    @property
    def source_line(self) -> str:
        return "Source: " + ("; ".join(self.sources) if self.sources else "no events shown")

    @property
    def about_line(self) -> str:
        return f"{self.filters} · Data version {self.version} · Exported {self.exported}"

    @property
    def text(self) -> str:
        return f"{self.source_line}. {self.about_line}."


def source_citation(source: Source) -> str:
    """``Publisher, “Title”``."""
    return f"{source.publisher}, “{source.title}”"


def cited_sources(events: pd.DataFrame, sources: Sequence[Source]) -> list[str]:
    """The seeds the events cite, in catalogue order; a seed missing from it by file name."""
    cited = dict.fromkeys(f for files in events["source_files"] for f in files)
    by_file = {s.file: s for s in sources}
    ordered = [s.file for s in sources if s.file in cited]
    ordered += [f for f in cited if f not in by_file]
    return [source_citation(by_file[f]) if f in by_file else f for f in ordered]


def filters_text(state: FilterState, labels: Labels) -> str:
    """``Filters: category Troop deployment; from 2024-06-01`` or ``Filters: none``."""
    parts = []
    for kind, values in (
        ("category", state.categories),
        ("actor", state.actors),
        ("status", state.statuses),
        ("source", state.sources),
    ):
        if values:
            parts.append(f"{kind} {labels.joined(kind, values)}")
    if state.date_from:
        parts.append(f"from {state.date_from.isoformat()}")
    if state.date_to:
        parts.append(f"to {state.date_to.isoformat()}")
    if state.q:
        parts.append(f"search “{state.q}”")
    if state.min_sources > 1:
        parts.append(f"cited by at least {state.min_sources} sources")
    return "Filters: " + ("; ".join(parts) if parts else "none (every event)")


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


def alt_text(events: pd.DataFrame, labels: Labels, title: str) -> str:
    """One or two sentences saying what the chart shows: span, number of events, categories."""
    count = len(events)
    if count == 0:
        return f"{title}: a timeline chart with no events."
    first = events.iloc[events["start"].argmin()]
    last = events.iloc[events["end"].argmax()]
    first_text = partial_date_text(parse_partial_date(first["date"]))
    last_date = last["date_end"] if isinstance(last["date_end"], str) else last["date"]
    last_text = partial_date_text(parse_partial_date(last_date))
    if first_text != last_text:
        span = f"from {first_text} to {last_text}"
    else:
        span = ("on " if parse_partial_date(first["date"]).day else "in ") + first_text
    counts = events["category"].value_counts(sort=True)
    categories = ", ".join(f"{labels.label('category', str(c))} ({n})" for c, n in counts.items())
    noun = "event" if count == 1 else "events"
    if len(counts) == 1:
        kinds = f"in one category, {labels.label('category', counts.index[0])}"
    else:
        kinds = f"in {len(counts)} categories: {categories}"
    return (
        f"{title}: a timeline chart of {count} {noun} {span}, {kinds}. "
        "Each mark is one event, coloured by category and shaped by how well the claim is "
        "established (confirmed, reported, claimed, denied or expected)."
    )


def data_version(paths: DataPaths) -> str:
    """``git 1a2b3c4``: the last commit that changed the data files, when they are committed
    unchanged; else a short hash of the events file (``sha256 1a2b3c4d5e6f``)."""
    commit = _data_commit(paths)
    if commit:
        return f"git {commit}"
    digest = hashlib.sha256(paths.events.read_bytes()).hexdigest()
    return f"sha256 {digest[:12]}"


def _data_commit(paths: DataPaths) -> str | None:
    folder = paths.events.resolve().parent
    files = [str(p.resolve()) for p in paths.data_files() if p.exists()]
    # Untracked or edited data is not what any commit holds: then the file hash tells the truth.
    tracked = git_line(["ls-files", "--error-unmatch", "--", *files], folder)
    changed = git_line(["status", "--porcelain", "--", *files], folder)
    if tracked is None or changed != "":
        return None
    # The commit that last changed the data, not HEAD: code commits leave the version alone.
    return git_line(["log", "-1", "--format=%h", "--", *files], folder) or None
