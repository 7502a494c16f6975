"""The commented event skeleton that ``python -m timeline new`` prints or appends.

Every value to write is a ``<<...>>`` placeholder; optional fields are commented out. The
vocabulary lists come from the vocabularies file, so the skeleton never goes stale.
"""

from __future__ import annotations

import re
import textwrap

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from timeline.checks.yaml_syntax import parse_yaml
from timeline.problems import DataError, Problem

WIDTH = 100


def skeleton(vocabularies: object, seed_files: list[str], dash_col: int = 2) -> str:
    """The skeleton as lines of YAML for a list item whose dash is at ``dash_col``."""
    vocab = vocabularies if isinstance(vocabularies, dict) else {}
    width = WIDTH - dash_col
    places = _ids(vocab, "places")
    lines = [
        "# New event: replace every <<...>> placeholder; uncomment the optional lines you need.",
        "# Then run: python -m timeline fmt && python -m timeline check (see CONTRIBUTING.md).",
        '- id: "<<id>>"  # kebab-case, unique, never renamed once published: duma-ratifies-treaty',
        "  # The date as precise as the sources make it, no more: YYYY, YYYY-MM or YYYY-MM-DD.",
        "  # A month is not a day: 'in October' is 2024-10, never 2024-10-01.",
        '  date: "<<date>>"',
        '  # end: "YYYY-MM-DD"  # a span (8 to 13 October): its last day, month or year',
        "  # window: true  # with end: it happened once, sometime between date and end",
        "  # Required when no quote writes the date out ('last Thursday', 'on Friday', 'this month'):",
        "  # date_basis: >-",
        '  #   Seed 000 (published 28-31 Oct 2024) says "last Thursday": Thursday 24 October 2024.',
        '  title: "<<title>>"  # one line, at most 120 characters, neutral wording',
        "  summary: >-",
        "    <<summary: a few neutral sentences: what happened and who says so, nothing more>>",
        *_choice("category: <<category>>", "one of", _ids(vocab, "categories"), width),
        *_choice("actors: [<<actor>>]", "one or more of", _ids(vocab, "actors"), width),
        "  status: <<status>>  # how well established the title is, on the strongest source:",
        *_statuses(vocab, width),
        *_choice("location: <<place>>", "optional; where it happened, one of", places, width),
        "  # other_locations: [place-id]  # more places, from the same list",
        "  # key: true  # a key event: labelled on the timeline",
        "  # figures:  # numbers a source states; conflicting numbers stay apart, each with its claimant",
        "  #   - value: 3000",
        "  #     qualifier: about  # exactly (default), about, some, nearly, more than, at least,",
        "  #                       # up to, as many as, millions",
        "  #     unit: people  # what is counted, in the plural",
        "  #     counts: who or what the number counts",
        "  #     claimant: who states the number, as the source attributes it",
        "  #     source: <<seed file>>  # one of this event's cited files",
        "  # One citation per seed that reports it; the quote is copied from the seed word for word.",
        "  sources:",
        *_choice("  - file: <<seed file>>", "one of", seed_files, width),
        '      quote: "<<quote: the exact words of the seed that support the event>>"',
    ]
    pad = " " * dash_col
    return "".join(f"{pad}{line}\n" for line in lines)


def _ids(vocab: dict, section: str) -> list[str]:
    entries = vocab.get(section)
    if not isinstance(entries, list):
        return []
    return [str(e["id"]) for e in entries if isinstance(e, dict) and "id" in e]


def _choice(field_line: str, intro: str, values: list[str], width: int) -> list[str]:
    """``  field: <<x>>  # one of: a, b, c`` with the list wrapped onto comment lines."""
    line = f"  {field_line}"
    if not values:
        return [line]
    continuation = " " * (len(line) - len(line.lstrip())) + "#   "
    first = f"{line}  # {intro}: "
    wrapped = textwrap.wrap(
        ", ".join(values),
        width=width - len(continuation),
        initial_indent="x" * (len(first) - len(continuation)),  # room the first line lacks
        break_on_hyphens=False,
    )
    return [first + wrapped[0].lstrip("x"), *(continuation + rest for rest in wrapped[1:])]


def _statuses(vocab: dict, width: int) -> list[str]:
    lines = []
    for entry in vocab.get("statuses") or []:
        if isinstance(entry, dict) and "id" in entry:
            lines += textwrap.wrap(
                f"{entry['id']}: {' '.join(str(entry.get('description', '')).split())}",
                width=width,
                initial_indent="  #   ",
                subsequent_indent="  #       ",
            )
    return lines


def append_skeleton(
    text: str, path: str, vocabularies: object, seed_files: list[str]
) -> tuple[str, int]:
    """``text`` (an events file) with the skeleton added at the end of its events list, and
    the 1-based line where the skeleton starts.

    The file is otherwise left exactly as it was; ``fmt`` puts the new event in its place.
    """
    doc = parse_yaml(text, path)
    if doc.root is None:
        raise DataError(doc.problems)
    events = _events_node(doc.root)
    if events is None:
        raise DataError([_problem(path, doc.root, "expected a mapping with an 'events:' list")])
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if isinstance(events, SequenceNode) and events.value and not events.flow_style:
        dash_col = max(events.value[0].start_mark.column - 2, 0)
        at = _last_line(events.value[-1]) + 1
    else:
        key_line = _events_key(doc.root).start_mark.line
        lines[key_line] = re.sub(r"events:.*", "events:", lines[key_line], count=1)
        if events.end_mark.line != key_line or not _empty(events):
            raise DataError([_problem(path, events, _CANNOT_APPEND)])
        dash_col, at = 2, key_line + 1
    new_text = "".join([*lines[:at], skeleton(vocabularies, seed_files, dash_col), *lines[at:]])
    added = parse_yaml(new_text, path)
    added_events = _events_node(added.root) if added.root is not None else None
    count = len(events.value) if isinstance(events, SequenceNode) else 0
    if added_events is None or len(added_events.value) != count + 1:
        raise DataError([_problem(path, events, _CANNOT_APPEND)])
    return new_text, at + 1


_CANNOT_APPEND = (
    "cannot append to this events list: print the skeleton with `python -m timeline new` "
    "and paste it in by hand"
)


def _events_key(root: Node) -> Node:
    return next(k for k, _ in root.value if isinstance(k, ScalarNode) and k.value == "events")


def _events_node(root: Node) -> Node | None:
    if not isinstance(root, MappingNode):
        return None
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "events":
            return value
    return None


def _empty(node: Node) -> bool:
    if isinstance(node, SequenceNode):
        return not node.value
    return isinstance(node, ScalarNode) and node.tag.endswith(":null")


def _last_line(node: Node) -> int:
    """The 0-based line where the node's last value ends (block ends run on past it)."""
    while isinstance(node, MappingNode | SequenceNode) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    mark = node.end_mark
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        return mark.line - 1 if mark.column == 0 else mark.line
    return mark.line


def _problem(path: str, node: Node, message: str) -> Problem:
    mark = node.start_mark
    return Problem.at(path, mark, "wrong-type", message)
