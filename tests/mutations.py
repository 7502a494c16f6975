"""Malformed copies of the real data files, for the fuzz tests and `make fuzz`.

A mutation is drawn through a ``Draw`` (an integer in a range), so the same code serves
Hypothesis (which shrinks a failing case to a small one) and the long seeded run of
``benchmarks/fuzz_checker.py`` (which counts cases, crashes and the slowest case).
"""

from __future__ import annotations

import shutil
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from timeline.dataset import load_dataset
from timeline.problems import Problem, Rule

Draw = Callable[[int, int], int]  # an integer between the two bounds, both included

REPO_ROOT = Path(__file__).resolve().parent.parent
# The files a contributor edits by hand, as they sit in a dataset folder.
TARGETS = ("data/events.yaml", "data/vocabularies.yaml", "seeds/sources.yaml", "data/timeline.yaml")

CONTROL_CHARACTERS = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ufeff", "\ufffe", "\uffff", "\x0c"]
TYPED_VALUES = [
    "!!int more than",
    "!!float confirmed",
    '!!bool "2023"',
    "!!int ''",
    "!!binary Zm9v",
    "!!timestamp 2024-02-30",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!!python/object:os.system x",
    "!local value",
    ".nan",
    ".inf",
    "-.inf",
    "1e309",
    "-5",
    '"1500"',
    "true",
    "null",
    "~",
    "[]",
    "{}",
    "[1, [2, {3: 4}]]",
    "0x1F",
    "2024-02-30",
    "'" + "x" * 3000 + "'",
]
TAGS = ["!!int", "!!float", "!!bool", "!!str", "!!null", "!!map", "!!seq", "!!binary", "!x"]


def _pick(draw: Draw, items: list) -> object:
    return items[draw(0, len(items) - 1)]


def _line_span(text: str, draw: Draw) -> tuple[int, int]:
    """Start and end (after its newline) of a line drawn at random."""
    at = draw(0, max(len(text) - 1, 0))
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end == -1 else end + 1


def _value_at(text: str, draw: Draw) -> tuple[int, int] | None:
    """The span of the value after a `key: ` on a line drawn at random, if that line has one."""
    start, end = _line_span(text, draw)
    colon = text.find(": ", start, end)
    if colon == -1:
        return None
    return colon + 2, end - 1 if text[end - 1 : end] == "\n" else end


def flip_byte(data: bytes, draw: Draw) -> bytes:
    at = draw(0, max(len(data) - 1, 0))
    return data[:at] + bytes([draw(0, 255)]) + data[at + 1 :]


def insert_bytes(data: bytes, draw: Draw) -> bytes:
    at = draw(0, len(data))
    inserted = bytes(draw(0, 255) for _ in range(draw(1, 8)))
    return data[:at] + inserted + data[at:]


def delete_line(text: str, draw: Draw) -> str:
    start, end = _line_span(text, draw)
    return text[:start] + text[end:]


def duplicate_line(text: str, draw: Draw) -> str:
    start, end = _line_span(text, draw)
    return text[:end] + text[start:end] + text[end:]


def indent_line(text: str, draw: Draw) -> str:
    start, end = _line_span(text, draw)
    shift = draw(-4, 4)
    line = text[start:end]
    line = " " * shift + line if shift > 0 else line[min(-shift, len(line) - len(line.lstrip())) :]
    return text[:start] + line + text[end:]


def truncate(text: str, draw: Draw) -> str:
    return text[: draw(0, len(text))]


def control_character(text: str, draw: Draw) -> str:
    at = draw(0, len(text))
    return text[:at] + str(_pick(draw, CONTROL_CHARACTERS)) + text[at:]


def swap_type(text: str, draw: Draw) -> str:
    span = _value_at(text, draw)
    if span is None:
        return text
    return text[: span[0]] + str(_pick(draw, TYPED_VALUES)) + text[span[1] :]


def remove_key(text: str, draw: Draw) -> str:
    start, end = _line_span(text, draw)
    if ":" not in text[start:end]:
        return text
    return text[:start] + text[end:]


def duplicate_key(text: str, draw: Draw) -> str:
    start, end = _line_span(text, draw)
    line = text[start:end]
    if ":" not in line:
        return text
    key_line = line.lstrip("- ")
    indent = len(line) - len(key_line)
    return text[:end] + " " * indent + key_line + text[end:]


def anchor_and_alias(text: str, draw: Draw) -> str:
    first = _value_at(text, draw)
    second = _value_at(text, draw)
    if first is None or second is None or first[0] == second[0]:
        return text
    name = "a" * draw(1, 3)
    (a, _), (b, b_end) = sorted([first, second])
    aliased = text[:b] + f"*{name}" + text[b_end:]
    return aliased[:a] + f"&{name} " + aliased[a:]


def add_tag(text: str, draw: Draw) -> str:
    start, end = _line_span(text, draw)
    line = text[start:end]
    stripped = line.lstrip("- ")
    if not stripped.strip():
        return text
    at = start + len(line) - len(stripped)
    if draw(0, 1):  # before the value rather than before the key
        colon = text.find(": ", start, end)
        if colon != -1:
            at = colon + 2
    return text[:at] + str(_pick(draw, TAGS)) + " " + text[at:]


TEXT_MUTATIONS: dict[str, Callable[[str, Draw], str]] = {
    "delete-line": delete_line,
    "duplicate-line": duplicate_line,
    "indent": indent_line,
    "truncate": truncate,
    "control-character": control_character,
    "type-swap": swap_type,
    "remove-key": remove_key,
    "duplicate-key": duplicate_key,
    "anchor-alias": anchor_and_alias,
    "tag": add_tag,
}
BYTE_MUTATIONS: dict[str, Callable[[bytes, Draw], bytes]] = {
    "flip-byte": flip_byte,
    "insert-bytes": insert_bytes,
}
KINDS = sorted([*TEXT_MUTATIONS, *BYTE_MUTATIONS])


def mutate(original: bytes, draw: Draw) -> tuple[str, bytes]:
    """One to three mutations of ``original``: their names and the mutated bytes."""
    data, names = original, []
    for _ in range(draw(1, 3)):
        kind = KINDS[draw(0, len(KINDS) - 1)]
        names.append(kind)
        if kind in BYTE_MUTATIONS:
            data = BYTE_MUTATIONS[kind](data, draw)
        else:
            text = data.decode("utf-8", errors="surrogateescape")
            mutated = TEXT_MUTATIONS[kind](text, draw)
            data = mutated.encode("utf-8", errors="surrogateescape")
    return "+".join(names), data


class Workspace:
    """A copy of the real dataset in a folder, where one file at a time is replaced."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        for part in ("data", "seeds"):
            shutil.copytree(REPO_ROOT / part, folder / part, dirs_exist_ok=True)
        self.originals = {target: (REPO_ROOT / target).read_bytes() for target in TARGETS}

    def events(self) -> Path:
        return self.folder / "data" / "events.yaml"

    def write(self, target: str, data: bytes) -> None:
        (self.folder / target).write_bytes(data)

    def restore(self, target: str) -> None:
        self.write(target, self.originals[target])


@dataclass
class Outcome:
    problems: list[Problem]
    seconds: float
    crash: str | None  # the traceback of an exception, if one escaped


def check_outcome(workspace: Workspace) -> Outcome:
    """Run the checker and the dashboard's loader on the workspace as it stands."""
    started = time.perf_counter()
    try:
        problems = load_dataset(workspace.events()).problems  # every check, then the frame
    except Exception:  # noqa: BLE001 (any exception that escapes is what the fuzzing looks for)
        return Outcome([], time.perf_counter() - started, traceback.format_exc())
    return Outcome(problems, time.perf_counter() - started, None)


def unlocated(problems: list[Problem]) -> list[Problem]:
    """The problems that break the promise: no place, or a rule the checker does not know."""
    rules = {str(rule) for rule in Rule}
    return [
        p
        for p in problems
        if not p.path or p.line < 1 or p.col < 1 or p.rule not in rules or not p.message
    ]
