"""Dates and their basis: a date no quote writes out needs a ``date_basis``.

A date is written out when one quote states it at the event's precision:

- year precision (``2023``): the year, ``2023``;
- month precision (``2024-06``): the month's name (``June``, ``Jun.``) or ``2024-06``;
- day precision (``2024-06-19``): day and month together (``19 June``, ``June 19``,
  ``June 19th``, ``Oct. 8``, ``the 19th of June``), ``2024-06-19``, or a range that ends or
  starts on that day (``8-13 October``, ``October 8 to 13``).

For month and day precision the year need not be in the quote: the sources write "on June 19"
of their own year, which the seed catalogue dates. A span (``end``) needs its end written out
too. Weekdays and relative words ("last Thursday", "this month") are not written-out dates:
they need a ``date_basis`` saying how the date was worked out.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from functools import lru_cache

from timeline.checks.yaml_syntax import YamlDocument
from timeline.dates import parse_partial_date
from timeline.model import Event
from timeline.problems import Problem
from timeline.sources import normalise

_ORDINAL = r"(?:st|nd|rd|th)?"
_JOIN = r"\s*(?:-|to|and|through|until)\s*"


def _month_pattern(month: int) -> str:
    name = calendar.month_name[month]
    short = calendar.month_abbr[month]
    names = {name, short, "Sept"} if month == 9 else {name, short}
    return r"(?:" + "|".join(sorted(names, key=len, reverse=True)) + r")\b\.?"


@lru_cache(maxsize=2048)
def _pattern(date: str) -> re.Pattern[str]:
    partial = parse_partial_date(date)
    if partial.month is None:
        return re.compile(rf"\b{partial.year}\b")
    month = _month_pattern(partial.month)
    iso_month = f"{partial.year}-{partial.month:02d}"
    if partial.day is None:
        return re.compile(rf"{month}|\b{iso_month}\b")
    day = rf"0?{partial.day}{_ORDINAL}"
    other = rf"\d{{1,2}}{_ORDINAL}"
    forms = [
        rf"\b{day}(?:\s+of)?\s+{month}",  # 19 June, 19th of June
        rf"\b{month}\s+{day}\b",  # June 19, Oct. 8
        rf"\b{day}{_JOIN}{other}\s+{month}",  # 8-13 October (start)
        rf"\b{other}{_JOIN}{day}\s+{month}",  # 8-13 October (end)
        rf"\b{month}\s+{other}{_JOIN}{day}\b",  # October 8 to 13 (end)
        rf"\b{month}\s+{day}{_JOIN}{other}\b",  # October 8 to 13 (start)
        rf"\b{iso_month}-{partial.day:02d}\b",
    ]
    return re.compile("|".join(forms))


def is_written_out(date: str, quotes: Iterable[str]) -> bool:
    """True when one of the quotes states ``date`` (YYYY, YYYY-MM or YYYY-MM-DD)."""
    pattern = _pattern(date)
    return any(pattern.search(normalise(quote)) for quote in quotes)


def date_basis_problems(doc: YamlDocument, at: tuple, event: Event) -> Iterable[Problem]:
    """A date (or end) that no quote writes out needs a ``date_basis`` saying how it was found."""
    if event.date_basis is not None:
        return
    quotes = [citation.quote for citation in event.sources]
    for name in ("date", "end"):
        value = getattr(event, name)
        if value is not None and not is_written_out(value, quotes):
            yield doc.problem(
                (*at, name),
                "date-basis-missing",
                f"{name} {value} is not written out in any of this event's quotes: add "
                "date_basis saying how it was worked out (e.g. \"'last Thursday' in an "
                'article published on ...")',
            )
            return
