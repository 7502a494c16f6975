"""Problems found in the data: each one a location, a level, a message and a stable rule id.

Printed as ``path:line:col: [error] message (rule-id)``, as GitHub annotations, or as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Literal, Protocol, Self

Level = Literal["error", "warning"]


class Mark(Protocol):
    """Where a YAML node starts or ends, as PyYAML and ruamel.yaml mark it (0-based)."""

    line: int
    column: int


class Rule(StrEnum):
    """Every rule the checker knows. The ids are stable: tools, tests and `--ignore` use them."""

    about: str

    def __new__(cls, rule_id: str, about: str) -> Self:
        member = str.__new__(cls, rule_id)
        member._value_ = rule_id
        member.about = about
        return member

    UNREADABLE_FILE = (
        "unreadable-file",
        "a file or folder cannot be read (missing, a folder, no permission)",
    )
    FILE_TOO_LARGE = ("file-too-large", "a file is larger than the checker accepts")
    NOT_UTF8 = ("not-utf8", "a file is not UTF-8 text")
    YAML_SYNTAX = ("yaml-syntax", "the file is not valid YAML")
    DUPLICATE_KEY = ("duplicate-key", "a mapping has the same key twice")
    ANCHOR = ("anchor", "a YAML anchor (&name): write the value out instead")
    ALIAS = ("alias", "a YAML alias (*name): write the value out instead")
    UNSUPPORTED_YAML = ("unsupported-yaml", "a mapping key that is not plain text")
    YAML_TAG = ("yaml-tag", "an explicit YAML tag (!!int, !!str, !note): remove it")
    CONTROL_CHARACTER = (
        "control-character",
        "a character YAML does not allow (NUL, ESC, DEL, U+FFFE...)",
    )
    UNKNOWN_FIELD = ("unknown-field", "a field the model does not have")
    MISSING_FIELD = ("missing-field", "a required field is absent")
    WRONG_TYPE = (
        "wrong-type",
        "a value of the wrong type (text, number, list, mapping, true/false)",
    )
    INVALID_VALUE = (
        "invalid-value",
        "a value of the right type that breaks a rule (pattern, length, choice)",
    )
    DATE_FORMAT = ("date-format", "a date not written YYYY, YYYY-MM or YYYY-MM-DD")
    IMPOSSIBLE_DATE = ("impossible-date", "a date that does not exist (2024-02-30)")
    END_BEFORE_DATE = ("end-before-date", "an event whose end is before its date")
    WINDOW_WITHOUT_END = ("window-without-end", "window: true on an event without an end")
    DUPLICATE_ID = ("duplicate-id", "an id (or catalogue file) used twice")
    UNKNOWN_VOCABULARY = (
        "unknown-vocabulary",
        "a category, actor, status or place not in the vocabularies",
    )
    UNKNOWN_SEED = ("unknown-seed", "a citation of a file that is not in the seeds folder")
    UNCATALOGUED_SEED = ("uncatalogued-seed", "a seed file with no entry in the seed catalogue")
    MISSING_SEED_FILE = (
        "missing-seed-file",
        "a catalogue entry whose file is not in the seeds folder",
    )
    QUOTE_NOT_FOUND = ("quote-not-found", "a quote that is not in the seed it cites")
    QUOTE_TOO_SHORT = ("quote-too-short", "a quote too short to show that it supports the event")
    QUOTE_TOO_LONG = ("quote-too-long", "a quote longer than a passage of an article can be")
    DATE_BASIS_MISSING = (
        "date-basis-missing",
        "a date not written out in any quote, with no date_basis",
    )
    FIGURE_SOURCE_NOT_CITED = (
        "figure-source-not-cited",
        "a figure whose source is not among the event's citations",
    )
    PLACEHOLDER = (
        "placeholder",
        "a <<...>> placeholder of the new-event skeleton left in an event",
    )
    SINGLE_SOURCE = ("single-source", "(warning) an event cited by one seed only")
    UNCITED_SEED = ("uncited-seed", "(warning) a catalogued seed that no event cites")
    FMT_INTERNAL = (
        "fmt-internal",
        "(fmt) fmt would change a value or a comment, so it left the file alone",
    )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, at a 1-based line and column."""

    path: str
    line: int
    col: int
    level: Level
    message: str
    rule: str

    @classmethod
    def at(cls, path: str, mark: Mark, rule: str, message: str, level: Level = "error") -> Problem:
        """A problem at a PyYAML mark (0-based line and column)."""
        return cls(path, mark.line + 1, mark.column + 1, level, message, rule)

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
