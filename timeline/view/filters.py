"""What the dashboard shows, as a value: FilterState <-> URL query parameters, and filtering.

The query string is the shareable form of a view::

    ?source=001_x.txt&actor=russia&actor=north-korea&status=confirmed
    &from=2024-06-01&to=2024-12-31&q=kursk&min_sources=2&corroboration=single
    &event=duma-ratifies-treaty&lanes=actor&range=all

``source``, ``actor``, ``category`` and ``status`` repeat; ``from`` and ``to`` take ``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD`` (``to=2024-06`` means up to the end of June). Parsing never fails:
a value that is unknown or malformed is left out and explained in a note for the reader.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from timeline.dates import parse_partial_date

LANES = ("category", "actor", "source")
# single: events one seed reports; corroborated: events two or more seeds report.
CORROBORATION = ("single", "corroborated")
# range=all: the time axis spans every event kept, not only the dense middle of them.
RANGES = ("all",)
MAX_QUERY_LENGTH = 200
MAX_MIN_SOURCES = 99
# Dates outside these bounds are typos; the date pickers refuse them too.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)

# Parameters that belong to Streamlit or to other widgets of the page, not to the filters.
FOREIGN_PARAMS = frozenset({"view", "embed", "embed_options"})

_REPEATED = {
    "source": "sources",
    "actor": "actors",
    "category": "categories",
    "status": "statuses",
}
_SINGLE = ("from", "to", "q", "min_sources", "corroboration", "event", "lanes", "range")
PARAMS = (*_REPEATED, *_SINGLE)


@dataclass(frozen=True)
class FilterState:
    """The filters, the selected event and the lane grouping of one view."""

    sources: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str = ""
    min_sources: int = 1
    corroboration: str | None = None
    event: str | None = None
    lanes: str = "category"
    full_range: bool = False


@dataclass(frozen=True)
class Choices:
    """The values a query parameter may take; anything else is ignored with a note."""

    sources: Collection[str] = ()
    actors: Collection[str] = ()
    categories: Collection[str] = ()
    statuses: Collection[str] = ()
    events: Collection[str] = field(default_factory=tuple)


def _values(params: Mapping[str, str | Iterable[str]], key: str) -> list[str]:
    value = params.get(key)
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _parse_bound(text: str, name: str, last: bool, notes: list[str]) -> dt.date | None:
    try:
        date = parse_partial_date(text.strip())
    except ValueError as error:
        notes.append(f"Ignored {name}={text!r}: {error}.")
        return None
    day = date.last_day() if last else date.first_day()
    if not EARLIEST <= day <= LATEST:
        notes.append(f"Ignored {name}={text!r}: outside {EARLIEST.year} to {LATEST.year}.")
        return None
    return day


def _parse_min_sources(text: str, notes: list[str]) -> int:
    if not re.fullmatch(r"\s*[0-9]+\s*", text):
        notes.append(f"Ignored min_sources={text!r}: not a whole number.")
    elif int(text) > MAX_MIN_SOURCES:
        notes.append(f"Ignored min_sources={text!r}: at most {MAX_MIN_SOURCES}.")
    else:
        return max(int(text), 1)
    return 1


def from_query_params(
    params: Mapping[str, str | Iterable[str]], choices: Choices
) -> tuple[FilterState, list[str]]:
    """Read a view from query parameters: (state, notes on every value that was ignored)."""
    notes: list[str] = []
    picked: dict[str, Any] = {}  # FilterState's keyword arguments, of several types
    for key, attribute in _REPEATED.items():
        allowed = getattr(choices, attribute)
        kept: list[str] = []
        for value in _values(params, key):
            if value not in allowed:
                notes.append(f"Ignored {key}={value!r}: not a known {key}.")
            elif value not in kept:
                kept.append(value)
        picked[attribute] = tuple(kept)

    single: dict[str, str] = {}
    for key in _SINGLE:
        values = _values(params, key)
        if values:
            single[key] = values[0]
        if len(values) > 1:
            notes.append(f"Ignored extra values of {key}: kept the first, {values[0]!r}.")

    if "from" in single:
        picked["date_from"] = _parse_bound(single["from"], "from", False, notes)
    if "to" in single:
        picked["date_to"] = _parse_bound(single["to"], "to", True, notes)
    date_from, date_to = picked.get("date_from"), picked.get("date_to")
    if date_from and date_to and date_from > date_to:
        notes.append(f"Ignored from={single['from']!r} and to={single['to']!r}: from is after to.")
        picked["date_from"] = picked["date_to"] = None
    if "q" in single:
        q = single["q"].strip()
        if len(q) > MAX_QUERY_LENGTH:
            notes.append(f"Shortened q to its first {MAX_QUERY_LENGTH} characters.")
            q = q[:MAX_QUERY_LENGTH]
        picked["q"] = q
    if "min_sources" in single:
        picked["min_sources"] = _parse_min_sources(single["min_sources"], notes)
    if "corroboration" in single:
        if single["corroboration"] in CORROBORATION:
            picked["corroboration"] = single["corroboration"]
        else:
            value = single["corroboration"]
            notes.append(f"Ignored corroboration={value!r}: use {' or '.join(CORROBORATION)}.")
    if "range" in single:
        if single["range"] in RANGES:
            picked["full_range"] = True
        else:
            notes.append(f"Ignored range={single['range']!r}: use range=all for the full span.")
    if "event" in single:
        if single["event"] in choices.events:
            picked["event"] = single["event"]
        else:
            notes.append(f"Ignored event={single['event']!r}: no event has this id.")
    if "lanes" in single:
        if single["lanes"] in LANES:
            picked["lanes"] = single["lanes"]
        else:
            notes.append(f"Ignored lanes={single['lanes']!r}: use one of {', '.join(LANES)}.")

    for key in params:
        if key not in PARAMS and key not in FOREIGN_PARAMS:
            notes.append(f"Ignored unknown parameter {key!r}.")
    return FilterState(**picked), notes


def to_query_params(state: FilterState) -> dict[str, str | list[str]]:
    """The query parameters of a view; defaults are left out so links stay short."""
    params: dict[str, str | list[str]] = {}
    for key, attribute in _REPEATED.items():
        values = getattr(state, attribute)
        if values:
            params[key] = list(values)
    if state.date_from:
        params["from"] = state.date_from.isoformat()
    if state.date_to:
        params["to"] = state.date_to.isoformat()
    if state.q:
        params["q"] = state.q
    if state.min_sources > 1:
        params["min_sources"] = str(state.min_sources)
    if state.corroboration:
        params["corroboration"] = state.corroboration
    if state.event:
        params["event"] = state.event
    if state.lanes != "category":
        params["lanes"] = state.lanes
    if state.full_range:
        params["range"] = "all"
    return params


def _any_of(column: pd.Series, wanted: Collection[str]) -> pd.Series:
    wanted = set(wanted)
    return column.map(lambda values: not wanted.isdisjoint(values)).astype(bool)


def apply(df: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """The events the view shows, in their original order.

    Lists (sources, actors) match when any of their values is selected; the date range keeps
    events whose covered period overlaps it; every word of ``q`` must appear in the title,
    summary or a quote.
    """
    keep = pd.Series(True, index=df.index)
    if state.sources:
        keep &= _any_of(df["source_files"], state.sources)
    if state.actors:
        keep &= _any_of(df["actors"], state.actors)
    if state.categories:
        keep &= df["category"].isin(state.categories)
    if state.statuses:
        keep &= df["status"].isin(state.statuses)
    if state.date_from:
        keep &= df["end"] > pd.Timestamp(state.date_from)
    if state.date_to:
        keep &= df["start"] < pd.Timestamp(state.date_to + dt.timedelta(days=1))
    if state.min_sources > 1:
        keep &= df["n_sources"] >= state.min_sources
    if state.corroboration == "single":
        keep &= df["n_sources"] == 1
    elif state.corroboration == "corroborated":
        keep &= df["n_sources"] >= 2
    if state.q and keep.any():
        text = df.loc[keep, "search_text"]
        for word in state.q.casefold().split():
            keep.loc[text.index] &= text.str.contains(word, regex=False)
    return df[keep]
