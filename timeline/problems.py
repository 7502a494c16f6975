"""Problems found in the data: each one a location, a level, a message and a stable rule id.

Printed as ``path:line:col: [error] message (rule-id)``, as GitHub annotations, or as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Level = Literal["error", "warning"]

# Every rule the checker knows, with what it is about. The ids are stable: tools and tests use them.
RULES: dict[str, str] = {
    "unreadable-file": "a file or folder cannot be read (missing, a folder, no permission)",
    "file-too-large": "a file is larger than the checker accepts",
    "not-utf8": "a file is not UTF-8 text",
    "yaml-syntax": "the file is not valid YAML",
    "duplicate-key": "a mapping has the same key twice",
    "anchor": "a YAML anchor (&name): write the value out instead",
    "alias": "a YAML alias (*name): write the value out instead",
    "unsupported-yaml": "a YAML tag or a key that is not plain text",
    "unknown-field": "a field the model does not have",
    "missing-field": "a required field is absent",
    "wrong-type": "a value of the wrong type (text, number, list, mapping, true/false)",
    "invalid-value": "a value of the right type that breaks a rule (pattern, length, choice)",
    "date-format": "a date not written YYYY, YYYY-MM or YYYY-MM-DD",
    "impossible-date": "a date that does not exist (2024-02-30)",
    "end-before-date": "an event whose end is before its date",
    "window-without-end": "window: true on an event without an end",
    "duplicate-id": "an id (or catalogue file) used twice",
    "unknown-vocabulary": "a category, actor, status or place not in the vocabularies",
    "unknown-seed": "a citation of a file that is not in the seeds folder",
    "uncatalogued-seed": "a seed file with no entry in the seed catalogue",
    "missing-seed-file": "a catalogue entry whose file is not in the seeds folder",
    "quote-not-found": "a quote that is not in the seed it cites",
    "quote-too-short": "a quote too short to show that it supports the event",
    "date-basis-missing": "a date not written out in any quote, with no date_basis",
    "figure-source-not-cited": "a figure whose source is not among the event's citations",
    "placeholder": "a <<...>> placeholder of the new-event skeleton left in an event",
    "single-source": "(warning) an event cited by one seed only",
    "uncited-seed": "(warning) a catalogued seed that no event cites",
    "fmt-internal": "(fmt) fmt would change a value or a comment, so it left the file alone",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, at a 1-based line and column."""

    path: str
    line: int
    col: int
    level: Level
    message: str
    rule: str

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        return (self.path, self.line, self.col, self.rule, self.message, self.level)

    def text(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: [{self.level}] {self.message} ({self.rule})"

    def github(self) -> str:
        # GitHub workflow commands: properties escape , and :, messages escape newlines.
        props = (
            f"file={_escape_property(self.path)},line={self.line},col={self.col},"
            f"title={_escape_property(self.rule)}"
        )
        return f"::{self.level} {props}::{_escape_data(self.message)}"


class DataError(Exception):
    """The data cannot be loaded; ``problems`` lists everything that is wrong with it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sort_problems(problems)
        lines = [p.text() for p in self.problems]
        super().__init__("\n".join(lines) if lines else "the data cannot be loaded")


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by path and position, each distinct problem once.

    The same problem can be found twice (an alias makes its anchor's content checked again
    wherever it is used); saying it twice helps nobody.
    """
    return sorted(set(problems), key=Problem.sort_key)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


def format_text(problems: Iterable[Problem]) -> str:
    return "".join(p.text() + "\n" for p in sort_problems(problems))


def format_github(problems: Iterable[Problem]) -> str:
    return "".join(p.github() + "\n" for p in sort_problems(problems))


def format_json(problems: Iterable[Problem]) -> str:
    return json.dumps([asdict(p) for p in sort_problems(problems)], indent=2, ensure_ascii=False)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
