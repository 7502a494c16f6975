"""Dates as people read them, exactly as precise as they are known.

``2024-06`` reads "June 2024", never "1 June 2024"; a window reads "between 14 and 20 October
2024"; a span reads "8 to 13 October 2024".
"""

from __future__ import annotations

import calendar
from functools import lru_cache

from timeline.dates import PartialDate, parse_partial_date


def partial_date_text(date: PartialDate) -> str:
    """``19 June 2024``, ``June 2024`` or ``2024``."""
    if date.day is not None:
        return f"{date.day} {calendar.month_name[date.month]} {date.year}"
    if date.month is not None:
        return f"{calendar.month_name[date.month]} {date.year}"
    return str(date.year)


def _range_parts(first: PartialDate, last: PartialDate) -> tuple[str, str]:
    # Drop the year (and month) the two ends share, when both are written to the same precision:
    # "8 and 13 October 2024", "June and August 2024", but "30 September and 2 October 2024".
    if first.precision == last.precision and first.year == last.year:
        if first.precision == "day" and first.month == last.month:
            return str(first.day), partial_date_text(last)
        if first.precision == "day":
            return f"{first.day} {calendar.month_name[first.month]}", partial_date_text(last)
        if first.precision == "month":
            return calendar.month_name[first.month], partial_date_text(last)
    return partial_date_text(first), partial_date_text(last)


@lru_cache(maxsize=65536)
def event_date_text(date: str, end: object = None, window: bool = False) -> str:
    """The date of an event as written in the data, for people.

    ``end`` makes a span ("8 to 13 October 2024") or, with ``window``, the window a single
    happening fell in ("between 8 and 13 October 2024"). An ``end`` that is not text (None, or
    the NaN pandas uses for a missing value) means there is none.
    """
    first = parse_partial_date(date)
    if not isinstance(end, str) or end == date:
        return partial_date_text(first)
    start_text, end_text = _range_parts(first, parse_partial_date(end))
    if window:
        return f"between {start_text} and {end_text}"
    return f"{start_text} to {end_text}"
