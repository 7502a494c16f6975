"""What an export says about itself: its title, its source line, its data version, its alt text.

The source line is computed from the events shown, never typed: a published chart cites every
seed behind what it shows, the filters that chose those events and the version of the data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from timeline.checker import default_seeds_dir, vocabulary_path
from timeline.dates import parse_partial_date, partial_date_text
from timeline.model import Source, Vocabularies
from timeline.view.filters import FilterState

SUBJECT = "North Korea's military support to Russia"


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


def _labels(ids: Iterable[str], labels: Mapping[str, str]) -> str:
    return ", ".join(labels.get(i, i) for i in ids)


def filters_text(state: FilterState, vocab: Vocabularies, source_labels: Mapping[str, str]) -> str:
    """``Filters: category Troop deployment; from 2024-06-01`` or ``Filters: none``."""
    parts = []
    if state.categories:
        parts.append(
            "category " + _labels(state.categories, {c.id: c.label for c in vocab.categories})
        )
    if state.actors:
        parts.append("actor " + _labels(state.actors, {a.id: a.label for a in vocab.actors}))
    if state.statuses:
        parts.append("status " + _labels(state.statuses, {s.id: s.label for s in vocab.statuses}))
    if state.sources:
        parts.append("source " + _labels(state.sources, source_labels))
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


def default_title(events: pd.DataFrame, state: FilterState, vocab: Vocabularies) -> str:
    """``North Korea's military support to Russia: Troop deployment, 2024``."""
    title = SUBJECT
    if state.categories:
        labels = {c.id: c.label for c in vocab.categories}
        title += ": " + " and ".join(labels.get(c, c) for c in state.categories)
    period = period_text(events, state)
    return f"{title}, {period}" if period else title


def alt_text(events: pd.DataFrame, vocab: Vocabularies, title: str) -> str:
    """One or two sentences saying what the chart shows: span, number of events, categories."""
    count = len(events)
    if count == 0:
        return f"{title}: a timeline chart with no events."
    first = events.loc[events["start"].idxmin()]
    last = events.loc[events["end"].idxmax()]
    first_text = partial_date_text(parse_partial_date(first["date"]))
    last_date = last["date_end"] if isinstance(last["date_end"], str) else last["date"]
    last_text = partial_date_text(parse_partial_date(last_date))
    if first_text != last_text:
        span = f"from {first_text} to {last_text}"
    else:
        span = ("on " if parse_partial_date(first["date"]).day else "in ") + first_text
    labels = {c.id: c.label for c in vocab.categories}
    counts = events["category"].value_counts(sort=True)
    categories = ", ".join(f"{labels.get(c, c)} ({n})" for c, n in counts.items())
    noun = "event" if count == 1 else "events"
    if len(counts) == 1:
        kinds = f"in one category, {labels.get(counts.index[0], counts.index[0])}"
    else:
        kinds = f"in {len(counts)} categories: {categories}"
    return (
        f"{title}: a timeline chart of {count} {noun} {span}, {kinds}. "
        "Each mark is one event, coloured by category and shaped by how well the claim is "
        "established (confirmed, reported, claimed, denied or expected)."
    )


def data_files(events_path: Path) -> list[Path]:
    """The files an export's content comes from: events, vocabularies, seed catalogue."""
    return [
        events_path,
        vocabulary_path(events_path),
        default_seeds_dir(events_path) / "sources.yaml",
    ]


def data_version(events_path: Path | str) -> str:
    """``git 1a2b3c4``: the last commit that changed the data files, when they are committed
    unchanged; else a short hash of the events file (``sha256 1a2b3c4d5e6f``)."""
    events_path = Path(events_path)
    commit = _data_commit(events_path)
    if commit:
        return f"git {commit}"
    digest = hashlib.sha256(events_path.read_bytes()).hexdigest()
    return f"sha256 {digest[:12]}"


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _data_commit(events_path: Path) -> str | None:
    folder = events_path.resolve().parent
    files = [str(p.resolve()) for p in data_files(events_path) if p.exists()]
    # Untracked or edited data is not what any commit holds: then the file hash tells the truth.
    tracked = _git(["ls-files", "--error-unmatch", "--", *files], folder)
    changed = _git(["status", "--porcelain", "--", *files], folder)
    if tracked is None or changed != "":
        return None
    # The commit that last changed the data, not HEAD: code commits leave the version alone.
    return _git(["log", "-1", "--format=%h", "--", *files], folder) or None


def slug(text: str, limit: int = 80) -> str:
    """``north-koreas-military-support-to-russia-2022-2024``: a file name from a title, cut
    after a whole word when it is longer than ``limit``."""
    words = re.sub(r"[’']", "", text.casefold())
    name = re.sub(r"[^a-z0-9]+", "-", words).strip("-")
    if len(name) > limit:
        name = name[: limit + 1].rsplit("-", 1)[0]
    return name or "timeline"
