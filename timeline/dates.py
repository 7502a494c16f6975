"""Partial dates: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, where the form is the precision."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Precision = Literal["year", "month", "day"]

PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_PARTIAL_DATE = re.compile(PARTIAL_DATE_PATTERN)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return self.first_day()
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def parse_partial_date(text: str) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError saying what is wrong."""
    if not _PARTIAL_DATE.match(text):
        raise ValueError(f"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in text.split("-")]
    year, month, day = parts[0], None, None
    if len(parts) > 1:
        month = parts[1]
        if not 1 <= month <= 12:
            raise ValueError(f"'{text}' has no month {month:02d} (months are 01 to 12)")
        if len(parts) > 2:
            day = parts[2]
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(f"'{text}' is not a real day ({year}-{month:02d} has {last} days)")
    return PartialDate(year, month, day)


def partial_date_text(date: PartialDate) -> str:
    """``19 June 2024``, ``June 2024`` or ``2024``."""
    if date.month is None:
        return str(date.year)
    month = calendar.month_name[date.month]
    if date.day is None:
        return f"{month} {date.year}"
    return f"{date.day} {month} {date.year}"


def _range_parts(first: PartialDate, last: PartialDate) -> tuple[str, str]:
    # Drop the year (and month) the two ends share, when both are written to the same precision:
    # "8 and 13 October 2024", "June and August 2024", but "30 September and 2 October 2024".
    if first.precision == last.precision and first.year == last.year and first.month is not None:
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
