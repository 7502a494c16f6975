"""Where the comments of a YAML file belong, so that reordering the data keeps them in place.

PyYAML drops comments and ruamel.yaml hangs each one on the value *before* it, so sorting
events would carry a comment to the wrong event. Here a comment belongs to what it describes:

- an end-of-line comment stays with the key (or list item) on its line;
- a run of comment lines (and blank lines) goes *before* the key or list item that follows it;
- except its first lines when they are indented deeper than what follows, as a note at the end
  of an event: those go *after* the nearest key or item above that starts at or left of them;
- comment lines at the end of the file, in column 1, stay at the end of the file.

A ``#`` outside every scalar of the parsed tree, after a space or at the start of a line,
starts a comment.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode

# The line breaks libyaml counts when it numbers lines.
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")
_OTHER_BREAKS = "\r\x85\u2028\u2029"  # when absent, a plain split is faster
# A blank line (whitespace only, as str.strip sees it) first, or after a line break.
_BLANK_FIRST = re.compile(r"\s*(?:\n|\Z)")
_BLANK_AFTER = re.compile(r"\n\s*(?:\n|\Z)")


@dataclass
class Comments:
    """The comment lines around one key or list item; "" stands for a blank line."""

    before: list[str] = field(default_factory=list)
    eol: str | None = None
    after: list[str] = field(default_factory=list)


_NONE = Comments()


@dataclass
class FileComments:
    by_anchor: dict[int, Comments] = field(default_factory=dict)
    trailing: list[str] = field(default_factory=list)

    def of(self, node: Node) -> Comments:
        """Comments of a mapping key node or of a block-list item node."""
        return self.by_anchor.get(id(node), _NONE)

    def texts(self) -> list[str]:
        """Every comment, sorted: the same before and after formatting."""
        found = [t for c in self.by_anchor.values() for t in [*c.before, c.eol, *c.after] if t]
        return sorted([*found, *(t for t in self.trailing if t)])

    def has(self, node: Node) -> bool:
        return id(node) in self.by_anchor

    def _at(self, node: Node) -> Comments:
        return self.by_anchor.setdefault(id(node), Comments())


class _Anchor(NamedTuple):  # a tuple: a large file has hundreds of thousands
    line: int
    col: int
    node: Node


def find_comments(text: str, root: Node) -> FileComments:
    """Attach every comment of ``text`` (which parsed to ``root``) to a key or list item."""
    found = FileComments()
    other_breaks = any(char in text for char in _OTHER_BREAKS)
    if not other_breaks and not _may_hold_comments(text):
        return found
    lines = _LINE_BREAK.split(text) if other_breaks else text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the text ends with a line break, not with an empty line
    # Only a line with a '#' or a blank line can hold a comment: the rest is data, and a
    # canonical file is nearly all data, so everything below looks at these lines alone.
    candidates = [n for n, line in enumerate(lines) if "#" in line or not line.strip()]
    if not candidates:
        return found
    anchors: list[_Anchor] = []
    scalars: list[ScalarNode] = []
    _walk(root, anchors, scalars)
    covered = _scalar_spans(scalars, lines, frozenset(candidates))
    anchor_lines = [a.line for a in anchors]

    block: list[tuple[int, int | None, str]] = []  # (line, column of '#' or None, text)
    previous = -2
    for number in candidates:
        if number != previous + 1:  # a line of data came between: it ends the block
            _attach_block(block, anchors, anchor_lines, found)
            block = []
        previous = number
        line = lines[number]
        spans = covered.get(number, ())
        col = _comment_column(line, spans)
        if col is not None and not line[:col].strip():
            block.append((number, col, line[col:].rstrip()))
            continue
        if not line.strip() and not _inside(spans, 0):
            block.append((number, None, ""))
            continue
        _attach_block(block, anchors, anchor_lines, found)
        block = []
        if col is not None:
            _attach_eol(number, line[col:].rstrip(), anchors, anchor_lines, found)
    _attach_block(block, anchors, anchor_lines, found)
    return found


def _may_hold_comments(text: str) -> bool:
    """Whether a line of ``text`` (split at "\\n" alone) has a '#' or is blank, the lines that
    can hold a comment; found without splitting the text, which takes a while on a large file.
    True for "" too, which has no line."""
    end = len(text) - 1 if text.endswith("\n") else len(text)  # no line after the last break
    return (
        "#" in text
        or _BLANK_FIRST.match(text, 0, end) is not None
        or _BLANK_AFTER.search(text, 0, end) is not None
    )


def _walk(node: Node, anchors: list[_Anchor], scalars: list[ScalarNode], flow: bool = False):
    """Collect, in document order, the keys and block-list items (anchors) and every scalar."""
    if isinstance(node, ScalarNode):
        scalars.append(node)
        return
    assert isinstance(node, CollectionNode)  # a composed tree has scalars, mappings and lists
    # Comments inside a flow collection ([a, b]) go around it: no anchors inside one.
    flow = flow or bool(node.flow_style)
    # Scalars are most of the nodes: taken inline, without a call, as a large file has many.
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if not flow:
                mark = key.start_mark
                anchors.append(_Anchor(mark.line, mark.column, key))
            for child in (key, value):
                if type(child) is ScalarNode:
                    scalars.append(child)
                else:
                    _walk(child, anchors, scalars, flow)
        return
    dash_col = node.start_mark.column  # a block list's dashes are all in its first one's column
    for item in node.value:
        if not flow:
            anchors.append(_Anchor(item.start_mark.line, dash_col, item))
        if type(item) is ScalarNode:
            scalars.append(item)
        else:
            _walk(item, anchors, scalars, flow)


def _scalar_spans(
    scalars: list[ScalarNode], lines: list[str], wanted: frozenset[int]
) -> dict[int, list[tuple[int, float]]]:
    """Per line of ``wanted``, the column ranges [start, end) that scalars cover (where '#'
    is text)."""
    covered: dict[int, list[tuple[int, float]]] = {}
    for scalar in scalars:
        start, end = scalar.start_mark, scalar.end_mark
        if start.line == end.line and start.line not in wanted:
            continue
        end_line, end_col = end.line, end.column
        if scalar.style in ("|", ">"):
            # The scalar runs on to where the next token starts, past blank lines: those, and
            # that next line, are not the scalar's.
            end_line = _last_text_line(lines, start.line, end.line if end.column else end.line - 1)
            end_col = len(lines[end_line])
        for n in range(start.line, end_line + 1):
            if n not in wanted:
                continue
            first = start.column if n == start.line else 0
            last = end_col if n == end_line else float("inf")
            covered.setdefault(n, []).append((first, last))
    return covered


def _last_text_line(lines: list[str], first: int, last: int) -> int:
    found = first
    for n in range(first + 1, min(last, len(lines) - 1) + 1):
        if lines[n].strip():
            found = n
    return found


def _inside(spans, col: int) -> bool:
    return any(first <= col < last for first, last in spans)


def _comment_column(line: str, spans) -> int | None:
    col = line.find("#")
    while col != -1:
        if (col == 0 or line[col - 1] in " \t") and not _inside(spans, col):
            return col
        col = line.find("#", col + 1)
    return None


def _attach_eol(
    number: int, text: str, anchors: list[_Anchor], anchor_lines: list[int], found: FileComments
) -> None:
    at = bisect.bisect_right(anchor_lines, number) - 1
    if at < 0:  # on a line before any key, such as '--- # comment'
        if anchors:
            found._at(anchors[0].node).before.append(text)
        else:
            found.trailing.append(text)
        return
    comments = found._at(anchors[at].node)
    if comments.eol is None:
        comments.eol = text
    else:  # a second line of the same value (a long flow list): keep it, below
        comments.after.append(text)


def _attach_block(
    block: list[tuple[int, int | None, str]],
    anchors: list[_Anchor],
    anchor_lines: list[int],
    found: FileComments,
) -> None:
    if not block:
        return
    following = bisect.bisect_right(anchor_lines, block[-1][0])
    after = anchors[following] if following < len(anchors) else None
    limit = after.col if after is not None else 0
    # Comment lines indented deeper than what follows them close what is above them.
    split = next(
        (n for n, (_, c, _) in enumerate(block) if c is not None and c <= limit), len(block)
    )
    while split > 0 and block[split - 1][1] is None:
        split -= 1  # blank lines before the next part go with it
    closing, opening = block[:split], block[split:]
    if closing:
        col = next(c for _, c, _ in closing if c is not None)
        preceding = bisect.bisect_left(anchor_lines, closing[0][0])
        # Walked back by index: a slice would copy the anchors before it (quadratic in a
        # large file with many comments).
        owner = next(
            (anchors[n] for n in range(preceding - 1, -1, -1) if anchors[n].col <= col), None
        )
        if owner is None:
            opening = closing + opening
        else:
            found._at(owner.node).after.extend(_texts(closing))
    if not opening:
        return
    if after is not None:
        found._at(after.node).before.extend(_texts(opening))
    else:
        found.trailing.extend(_texts(opening))


def _texts(block: list[tuple[int, int | None, str]]) -> list[str]:
    return _collapse_blank_runs([text for _, _, text in block])


def _collapse_blank_runs(texts: list[str]) -> list[str]:
    return [t for n, t in enumerate(texts) if t or n == 0 or texts[n - 1]]
