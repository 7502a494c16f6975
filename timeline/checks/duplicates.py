"""Ids (or catalogue files) that must be unique within a section of a file."""

from __future__ import annotations

from collections.abc import Sequence

from timeline.checks.yaml_syntax import YamlDocument
from timeline.problems import Problem


def duplicate_problems(
    doc: YamlDocument, section: str, values: Sequence[str], name: str, fix: str
) -> list[Problem]:
    """One problem for each value met again after its first place in ``section``."""
    first: dict[str, int] = {}
    problems = []
    for number, value in enumerate(values):
        if value in first:
            line, _ = doc.locate((section, first[value], name))
            problems.append(
                doc.problem(
                    (section, number, name),
                    "duplicate-id",
                    f"duplicate {name} '{value}' in {section} (first at line {line}): {fix}",
                )
            )
        else:
            first[value] = number
    return problems
