"""The checker's fixtures: a valid mini data set and invalid variants of it, one per rule.

``tests/fixtures/valid/`` is a complete data set (events, vocabularies, two tiny invented seeds
and their catalogue) that passes every check with no warnings.

``tests/fixtures/invalid/`` holds one case per rule, named ``<rule-id>.yaml`` or
``<rule-id>--<variant>.yaml`` (an events file), or ``<rule-id>[--<variant>]/`` (a folder whose
files replace those of the valid set). A case says which problems it must give, all of them:
a YAML case in ``# expect: LINE RULE`` comments at its top (the path is data/events.yaml), a
folder in ``expect.txt`` lines ``PATH:LINE RULE``, plus ``delete: PATH`` to remove a file.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"
EVENTS = "data/events.yaml"

_EXPECT = re.compile(rb"^# expect: (\d+) ([a-z0-9-]+)$")

Expected = set[tuple[str, int, str]]


def invalid_cases() -> list[Path]:
    return sorted(INVALID.iterdir())


def rule_of(case: Path) -> str:
    return case.name.removesuffix(".yaml").split("--")[0]


def build(case: Path | None, root: Path) -> Path:
    """A copy of the valid set under ``root`` with the case applied; returns ``root``."""
    shutil.copytree(VALID, root)
    if case is None:
        return root
    if case.is_file():
        shutil.copyfile(case, root / EVENTS)
        return root
    for path in case.rglob("*"):
        if path.is_file() and path.name != "expect.txt":
            target = root / path.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    for line in (case / "expect.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("delete: "):
            (root / line.removeprefix("delete: ")).unlink()
    return root


def expected(case: Path) -> Expected:
    """(path, line, rule) of every problem the case must give."""
    if case.is_file():
        found = set()
        for line in case.read_bytes().splitlines():
            match = _EXPECT.match(line)
            if not match:
                break
            found.add((EVENTS, int(match[1]), match[2].decode()))
        return found
    found = set()
    for line in (case / "expect.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("delete: "):
            place, rule = line.split(" ")
            path, number = place.rsplit(":", 1)
            found.add((path, int(number), rule))
    return found
