"""YAML files -> validated models -> a pandas DataFrame of events.

``load_events`` checks the events file on its own (YAML, fields, types, dates, unique ids) and
raises ``DataError`` with every problem found. Checks against the vocabularies and the seeds
live in ``timeline.checker``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

import pandas as pd
from pydantic import BaseModel, TypeAdapter, ValidationError

from timeline.checks.schema import problems_from_validation
from timeline.checks.yaml_syntax import YamlDocument, gc_paused, read_yaml
from timeline.dates import PartialDate, event_date_text, parse_partial_date
from timeline.model import Event, EventsFile
from timeline.paths import DEFAULT_EVENTS
from timeline.problems import DataError, Problem

EVENT_COLUMNS = [
    "id",
    "date",
    "date_end",
    "precision",
    "end_precision",
    "start",
    "end",
    "window",
    "is_span",
    "date_text",
    "date_basis",
    "title",
    "summary",
    "category",
    "actors",
    "status",
    "location",
    "other_locations",
    "key",
    "figures",
    "sources",
    "source_files",
    "n_citations",
    "n_sources",
    "search_text",
]

M = TypeVar("M", bound=BaseModel)


def search_text(title: str, summary: str, quotes: list[str]) -> str:
    """Title, summary and every quote of an event, case-folded, for free-text search."""
    return " ".join([title, summary, *quotes]).casefold()


_EVENT = TypeAdapter(Event)


@dataclass
class ParsedFile(Generic[M]):
    """A YAML file validated against a model: the model, or None and the problems."""

    doc: YamlDocument
    model: M | None
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class ReadCounts:
    """How much the events file holds as read, valid or not."""

    events: int = 0  # items of the events list that are mappings
    citations: int = 0  # mappings in their sources lists
    sources: int = 0  # distinct file names cited


@dataclass
class ParsedEvents:
    """The events file: each event that passed the model, with its index in the file."""

    doc: YamlDocument
    events: list[tuple[int, Event]]
    problems: list[Problem] = field(default_factory=list)
    raw: list = field(default_factory=list)  # the events as read, valid or not

    def read_counts(self) -> ReadCounts:
        events = [item for item in self.raw if isinstance(item, dict)]
        citations = [
            citation
            for event in events
            if isinstance(event.get("sources"), list)
            for citation in event["sources"]
            if isinstance(citation, dict)
        ]
        files = {c.get("file") for c in citations if isinstance(c.get("file"), str)}
        return ReadCounts(len(events), len(citations), len(files))


def read_model_file(path: Path, model: type[M], display: str | None = None) -> ParsedFile[M]:
    doc = read_yaml(Path(path), display)
    parsed: ParsedFile[M] = ParsedFile(doc, None, list(doc.problems))
    if doc.ok:
        try:
            parsed.model = model.model_validate(doc.data)
        except ValidationError as error:
            parsed.problems.extend(problems_from_validation(error, doc, model))
    return parsed


def parse_events(path: Path | str, display: str | None = None) -> ParsedEvents:
    """Read and check the events file on its own; never raises for bad data."""
    path = Path(path)
    parsed = read_model_file(path, EventsFile, display if display is not None else str(path))
    doc = parsed.doc
    raw = doc.data.get("events") if isinstance(doc.data, dict) else None
    raw = raw if isinstance(raw, list) else []
    if parsed.model is not None:
        events = list(enumerate(parsed.model.events))
    else:
        # Keep every event that is valid on its own, so the other checks still run on them.
        events = []
        for index, item in enumerate(raw):
            # Its errors are already reported, with locations, by the whole-file validation.
            with contextlib.suppress(ValidationError):
                events.append((index, _EVENT.validate_python(item)))
    problems = parsed.problems + _duplicate_id_problems(doc, raw)
    return ParsedEvents(doc, events, problems, raw)


def _duplicate_id_problems(doc: YamlDocument, raw: list) -> list[Problem]:
    first_index: dict[str, int] = {}
    problems = []
    for index, item in enumerate(raw):
        event_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(event_id, str):
            continue
        if event_id in first_index:
            first_at = doc.locate(("events", first_index[event_id], "id"))
            if doc.locate(("events", index, "id")) == first_at:
                continue  # the same event again, through an alias: the alias is the problem
            first_line = first_at[0]
            problems.append(
                doc.problem(
                    ("events", index, "id"),
                    "duplicate-id",
                    f"duplicate id '{event_id}' (first used at line {first_line}): "
                    "give this event its own id",
                )
            )
        else:
            first_index[event_id] = index
    return problems


def load_events(path: Path | str = DEFAULT_EVENTS) -> pd.DataFrame:
    """The events file as a DataFrame, one row per event in file order (see EVENT_COLUMNS).

    Raises DataError carrying every problem when the file is not valid on its own.
    """
    with gc_paused():
        parsed = parse_events(path)
        errors = [p for p in parsed.problems if p.is_error]
        events = [event for _, event in parsed.events]
        del parsed  # the node tree: freed now, before the collector is back on
        if errors:
            raise DataError(errors)
        return events_frame(events)


def events_frame(events: list[Event]) -> pd.DataFrame:
    """The DataFrame of the contract for validated events."""
    columns: dict[str, list] = {name: [] for name in EVENT_COLUMNS}
    for event in events:
        first = _partial(event.date)
        last = _partial(event.end) if event.end is not None else None
        citations = [{"file": c.file, "quote": c.quote} for c in event.sources]
        files = list(dict.fromkeys(c["file"] for c in citations))
        row = {
            "id": event.id,
            "date": event.date,
            "date_end": event.end,
            "precision": first.precision,
            "end_precision": last.precision if last is not None else None,
            "start": first.first_day(),
            "end": (last or first).last_day() + dt.timedelta(days=1),
            "window": event.window,
            "is_span": last is not None and not event.window,
            "date_text": event_date_text(event.date, event.end, event.window),
            "date_basis": event.date_basis,
            "title": event.title,
            "summary": event.summary,
            "category": event.category,
            "actors": list(event.actors),
            "status": event.status,
            "location": event.location,
            "other_locations": list(event.other_locations),
            "key": event.key,
            "figures": [figure.model_dump() for figure in event.figures],
            "sources": citations,
            "source_files": files,
            "n_citations": len(citations),
            "n_sources": len(files),
            # Case-folded once here, not on every filter change (issue: speed at 10,000 events).
            "search_text": search_text(event.title, event.summary, [c["quote"] for c in citations]),
        }
        for name, value in row.items():
            columns[name].append(value)
    frame = pd.DataFrame(columns, columns=EVENT_COLUMNS)
    for name in ("start", "end"):
        frame[name] = pd.to_datetime(pd.Series(columns[name], dtype="object"))
    for name in ("date_end", "end_precision", "date_basis", "location"):
        frame[name] = pd.Series(columns[name], dtype="object")  # keeps None, not NaN
    for name in ("window", "is_span", "key"):
        frame[name] = frame[name].astype(bool)
    for name in ("n_citations", "n_sources"):
        frame[name] = frame[name].astype("int64")
    return frame


@lru_cache(maxsize=4096)
def _partial(text: str) -> PartialDate:
    return parse_partial_date(text)
