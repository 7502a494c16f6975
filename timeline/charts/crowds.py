"""Marks the screen cannot tell apart, drawn as one: above ``CROWDED_ABOVE`` marks, the events
of a lane with the same category and claim status whose middles fall in the same mark-wide
stretch of time (a bin) become one mark, sized by its count, whose hover says how many events
and when, and whose click zooms in on them. A bin holding one event keeps its own mark.

Colour (category) and shape (claim status) stay true, since a group never mixes them; the
Story and Table views still list every event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline.dates import event_date_text

# Above this many marks (events times their lanes) crowded bins are drawn as one mark each. A
# laptop's plot (820 px, 11-px marks) cannot show more apart, and each mark's hover is some
# 0.36 KB sent on every rerun: 1,356 marks made a filter rerun at 10,000 events 494 KB.
CROWDED_ABOVE = 500
# customdata[0] of a group's mark: this prefix, then its first and last day (ISO, "/" between).
ZOOM_PREFIX = "zoom:"
GROUP_COLUMNS = ["lane", "category", "status"]


@dataclass(frozen=True)
class Crowding:
    """How many events a chart draws, and as how many marks, when it groups them."""

    events: int
    marks: int

    def sentence(self) -> str:
        return (
            f"{self.events:,} events drawn as {self.marks:,} marks: a larger mark stands for "
            "events of one lane, colour and status close in time (hover for how many); click "
            "it, or filter, to see each one."
        )


def bins(middles_ns: np.ndarray, origin: pd.Timestamp, width: pd.Timedelta) -> np.ndarray:
    """The mark-wide bin of each middle (nanoseconds), counted from ``origin``."""
    return np.floor_divide(middles_ns - origin.value, max(width.value, 1))


def group(marks: pd.DataFrame, origin: pd.Timestamp, width: pd.Timedelta) -> pd.DataFrame:
    """One row per lane, category, status and bin of ``marks`` (columns lane, category,
    status, start, end, and row: the mark's own number): ``count``, ``first`` and ``last``
    (the earliest start and latest end of its events), ``low`` and ``high`` (its earliest
    and latest middle), ``middle`` (halfway between them: where its mark sits) and ``row``
    (the row of its first mark, for a lone event), with its key (lane, category, status, bin)."""
    middles = marks["start"] + (marks["end"] - marks["start"]) / 2
    keyed = marks[[*GROUP_COLUMNS, "start", "end", "row"]].assign(
        middle=middles, bin=bins(middles.to_numpy("datetime64[ns]").astype(np.int64), origin, width)
    )
    grouped = keyed.groupby([*GROUP_COLUMNS, "bin"], sort=False, observed=True)
    out = grouped.agg(
        count=("row", "size"),
        row=("row", "first"),
        first=("start", "min"),
        last=("end", "max"),
        low=("middle", "min"),
        high=("middle", "max"),
    ).reset_index()
    out["middle"] = out["low"] + (out["high"] - out["low"]) / 2
    return out


def holding(
    groups: pd.DataFrame, marks: pd.DataFrame, origin: pd.Timestamp, width: pd.Timedelta
) -> pd.DataFrame:
    """The rows of ``groups`` (made by ``group`` with the same origin and width) that hold any
    of ``marks`` (columns lane, category, status, start, end)."""
    middles = marks["start"] + (marks["end"] - marks["start"]) / 2
    keys = marks[GROUP_COLUMNS].assign(
        bin=bins(middles.to_numpy("datetime64[ns]").astype(np.int64), origin, width)
    )
    return groups.merge(keys.drop_duplicates(), on=[*GROUP_COLUMNS, "bin"])


def days(first: pd.Timestamp, last: pd.Timestamp) -> tuple[dt.date, dt.date]:
    """The first and last day of a group (``last`` is the end of its latest event, exclusive)."""
    return first.date(), max(first.date(), (last - pd.Timedelta(days=1)).date())


def zoom_key(low: pd.Timestamp, high: pd.Timestamp) -> str:
    """What a click on a group asks for: the days its events' middles fall on (its bin, at
    most), which the dashboard filters to: there the group's events have room apart."""
    return f"{ZOOM_PREFIX}{low.date().isoformat()}/{high.date().isoformat()}"


def zoom_range(customdata: object) -> tuple[dt.date, dt.date] | None:
    """The days a clicked group's mark stands for, from its ``customdata[0]``; None for an
    event's own mark."""
    if not isinstance(customdata, str) or not customdata.startswith(ZOOM_PREFIX):
        return None
    try:
        start, end = customdata.removeprefix(ZOOM_PREFIX).split("/")
        return dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return None


def when(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """The days of a group in words: "19 June 2024", "8 to 13 October 2024"."""
    start, end = days(first, last)
    return event_date_text(start.isoformat(), end.isoformat())


def size(count: np.ndarray) -> np.ndarray:
    """A group's mark grows with its count, from the lone mark's 11 px to 16 px at 1,000 or
    more: still inside its row (17 px)."""
    return np.round(np.clip(11 + 5 * np.log10(np.maximum(count, 1)) / 3, 11, 16), 1)
