"""Placeholders of the new-event skeleton (``<<title>>``) left in the events: each an error.

A placeholder also breaks whatever rule its field has (kebab-case ids, dates, the vocabularies,
seed file names, quotes): those problems at the same place say less, and give way to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from timeline.checks.yaml_syntax import YamlDocument
from timeline.problems import Problem

# What ``python -m timeline new`` writes where a value is to be filled in: <<title>>, <<date: ...>>.
PLACEHOLDER = re.compile(r"<<([a-z][a-z ]*)(?::[^>]*)?>>")


def with_placeholder_problems(
    problems: list[Problem], doc: YamlDocument, raw_events: list
) -> list[Problem]:
    """``problems`` plus one per placeholder in the raw events, less those it explains."""
    if not PLACEHOLDER.search(doc.text):
        return problems  # one scan of the text is quicker than a walk through every event
    found = [
        problem
        for index, raw in enumerate(raw_events)
        for problem in placeholder_problems(doc, index, raw)
    ]
    places = {(p.path, p.line, p.col) for p in found}
    return [p for p in problems if (p.path, p.line, p.col) not in places] + found


def placeholder_problems(doc: YamlDocument, index: int, raw: object) -> Iterable[Problem]:
    """Each placeholder left in one raw event (valid or not)."""
    for loc, text in _texts(raw, ("events", index)):
        match = PLACEHOLDER.search(text)
        if match:
            yield doc.problem(
                loc,
                "placeholder",
                f"placeholder <<{match[1]}>> from the new-event skeleton is still here: "
                f"replace it with the {match[1]}",
            )


def _texts(value: object, loc: tuple, depth: int = 3) -> Iterable[tuple[tuple, str]]:
    """Every text in an event, with its location: fields, list items and their fields.

    Three levels reach every text the model has (``sources[0].quote``); a list or mapping met
    again through an alias is not walked again, so nested aliases cost no more than their text.
    """
    seen: set[int] = set()

    def walk(value: object, loc: tuple, depth: int) -> Iterable[tuple[tuple, str]]:
        if isinstance(value, str):
            yield loc, value
        elif isinstance(value, dict | list) and depth > 0 and id(value) not in seen:
            seen.add(id(value))
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                yield from walk(item, (*loc, key), depth - 1)

    return walk(value, loc, depth)
