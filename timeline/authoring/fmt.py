"""The canonical form of the data files, so that a diff shows what changed and nothing else.

``canonical_text`` rewrites an events file, a seed catalogue or a vocabularies file
(told apart by their top-level key) in one form:

- keys in the order of ``SHAPES`` (the model's fields, most telling first); keys the model does
  not know follow in the order they had;
- events sorted by the first day of their date, then by precision (``2024`` before ``2024-10``
  before ``2024-10-01``, all starting on the same day), then by id; catalogue entries by file;
  vocabulary lists keep their order, which is the order of the legends;
- dates, colours and quotes double-quoted on one line, however long: a quote stays verbatim,
  curly quotes, dashes and backslashes included;
- prose (summary, date_basis, notes, ...) folded (``>-``) at 100 columns when it does not fit on
  its line, and only when folding gives the text back exactly; other text plain when YAML allows;
- lists of plain values on one line (``[russia, north-korea]``), other lists one item a line;
  two spaces of indentation, list items indented under their key;
- comments kept where they belong (see ``timeline.authoring.yaml_comments``); runs of blank lines become one.

The result, when it is not the text given, is parsed again and compared with the data it was
written from: formatting never changes a value, and formatting twice gives the same text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from timeline.authoring.yaml_comments import Comments, FileComments, find_comments
from timeline.checks.yaml_syntax import (
    STR_TAG,
    Loader,
    NestedWithinLimit,
    gc_paused,
    parse_yaml,
)
from timeline.dates import PARTIAL_DATE_PATTERN, parse_partial_date
from timeline.problems import DataError, Mark, Problem, has_errors

WIDTH = 100
INDENT = 2
_INT_TAG = "tag:yaml.org,2002:int"
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


class _Unsortable(Exception):
    def __init__(self, node: Node, rule: str, message: str) -> None:
        super().__init__(message)
        self.node, self.rule, self.message = node, rule, message


SortKey = Callable[[Node], tuple]


@dataclass(frozen=True)
class Shape:
    """How one kind of mapping is written."""

    keys: tuple[str, ...] = ()
    children: dict[str, str] = field(default_factory=dict)  # key -> shape of value or items
    quoted: frozenset[str] = frozenset()
    prose: frozenset[str] = frozenset()
    sorted_by: dict[str, SortKey] = field(default_factory=dict)  # list key -> item order


def _fields(node: Node) -> dict[str, Node]:
    if not isinstance(node, MappingNode):
        return {}
    return {k.value: v for k, v in node.value if isinstance(k, ScalarNode)}


def _event_order(item: Node) -> tuple:
    if not isinstance(item, MappingNode):
        raise _Unsortable(item, "wrong-type", "an event must be a mapping of fields")
    fields = _fields(item)
    date = fields.get("date")
    if not isinstance(date, ScalarNode):
        raise _Unsortable(item, "missing-field", "event has no date: fmt sorts events by date")
    try:
        partial = parse_partial_date(date.value)
    except ValueError as error:
        rule = "impossible-date" if re.match(PARTIAL_DATE_PATTERN, date.value) else "date-format"
        raise _Unsortable(date, rule, f"{error}: fmt sorts events by date") from None
    event_id = fields.get("id")
    id_text = event_id.value if isinstance(event_id, ScalarNode) else ""
    return (partial.first_day(), _PRECISION_RANK[partial.precision], id_text)


def _source_order(item: Node) -> tuple:
    file = _fields(item).get("file")
    return (file.value if isinstance(file, ScalarNode) else "",)


SHAPES: dict[str, Shape] = {
    "events-file": Shape(("events",), {"events": "event"}, sorted_by={"events": _event_order}),
    "event": Shape(
        # The model's field order (timeline.model.Event; a test checks they agree): spelled
        # out, as importing the model (pydantic) would take longer than formatting a file.
        (
            "id",
            "date",
            "end",
            "window",
            "date_basis",
            "title",
            "summary",
            "category",
            "actors",
            "status",
            "location",
            "other_locations",
            "key",
            "figures",
            "sources",
        ),
        {"figures": "figure", "sources": "citation"},
        quoted=frozenset({"date", "end"}),
        prose=frozenset({"summary", "date_basis"}),
    ),
    "figure": Shape(
        ("value", "qualifier", "unit", "counts", "claimant", "source", "note"),
        prose=frozenset({"note"}),
    ),
    "citation": Shape(("file", "quote"), quoted=frozenset({"quote"})),
    "sources-file": Shape(
        ("sources",), {"sources": "source"}, sorted_by={"sources": _source_order}
    ),
    "source": Shape(
        (
            "file",
            "short_name",
            "title",
            "publisher",
            "publisher_basis",
            "published",
            "published_basis",
            "language",
            "notes",
        ),
        {"published": "published-range"},
        quoted=frozenset({"published"}),
        prose=frozenset({"publisher_basis", "published_basis", "notes"}),
    ),
    "published-range": Shape(("earliest", "latest"), quoted=frozenset({"earliest", "latest"})),
    "vocabularies-file": Shape(
        ("categories", "actors", "statuses", "places"),
        {"categories": "category", "actors": "actor", "statuses": "status", "places": "place"},
    ),
    "category": Shape(
        ("id", "label", "colour", "description"),
        quoted=frozenset({"colour"}),
        prose=frozenset({"description"}),
    ),
    "actor": Shape(("id", "label", "colour"), quoted=frozenset({"colour"})),
    "status": Shape(("id", "label", "description"), prose=frozenset({"description"})),
    "place": Shape(("id", "label", "country", "lat", "lon")),
}
_ANY = Shape()
_FILE_KINDS = {"events": "events-file", "sources": "sources-file"} | dict.fromkeys(
    SHAPES["vocabularies-file"].keys, "vocabularies-file"
)


def canonical_text(text: str, path: str) -> str:
    """The canonical form of ``text`` (the content of ``path``); raises DataError if it has none."""
    # Two parses of a large file build a million nodes: collecting garbage meanwhile would
    # walk them again and again (it tripled the time on 10,000 events). Nothing here is cyclic.
    with gc_paused():
        return _canonical_text(text, path)


def _canonical_text(text: str, path: str) -> str:
    result, expected, comment_texts, start = _written(text, path)
    if result == text:
        # Formatting gives the file back as it was: parsing it again would give the tree and
        # the comments already read, so there is nothing to check (and nothing to write).
        return result
    # The file's node tree is gone by now: the check's tree takes its memory.
    check = parse_yaml(result, path, NestedWithinLimit)
    if check.problems or check.root is None or check.data != expected:
        raise DataError([Problem.at(path, start, "fmt-internal", _CHANGED_DATA)])
    if find_comments(result, check.root).texts() != comment_texts:
        raise DataError([Problem.at(path, start, "fmt-internal", _LOST_COMMENT)])
    return result


def _written(text: str, path: str) -> tuple[str, dict, list[str], Mark]:
    """The canonical text, the data it was written from, the comments and where data starts."""
    doc = parse_yaml(text, path)
    if has_errors(doc.problems) or doc.root is None:
        raise DataError(doc.problems)
    root = doc.root
    if not isinstance(root, MappingNode) or (kind := _file_kind(root)) is None:
        raise DataError([_problem(path, root, "wrong-type", _NOT_DATA)])
    try:
        comments = find_comments(text, root)
        writer = _Writer(comments)
        expected = writer.mapping(root, SHAPES[kind], 0)
    except _Unsortable as error:
        raise DataError([_problem(path, error.node, error.rule, error.message)]) from None
    writer.emit_lines(writer.comments.trailing, 0)
    return writer.text(), expected, comments.texts(), root.start_mark


_NOT_DATA = (
    "not a timeline data file: expected a mapping with 'events:', 'sources:' or the "
    "vocabularies ('categories:', 'actors:', 'statuses:', 'places:')"
)
_LOST_COMMENT = (
    "fmt would lose or change a comment of this file, so it left the file alone: please "
    "report this with the file attached"
)
_CHANGED_DATA = (
    "fmt would change a value of this file, so it left the file alone: please report this "
    "with the file attached"
)


def _file_kind(root: MappingNode) -> str | None:
    for key, _ in root.value:
        if isinstance(key, ScalarNode) and key.value in _FILE_KINDS:
            return _FILE_KINDS[key.value]
    return None


def _problem(path: str, node: Node, rule: str, message: str) -> Problem:
    mark = node.start_mark
    return Problem.at(path, mark, rule, message)


class _Writer:
    """Writes nodes out line by line; each method returns the data it wrote, for the check."""

    def __init__(self, comments: FileComments) -> None:
        self.comments = comments
        self.lines: list[str] = []
        self.constructor = yaml.SafeLoader("")

    def text(self) -> str:
        if "" not in self.lines:  # no blank line to drop: nearly always, and a quick test
            return "\n".join(self.lines) + "\n"
        lines: list[str] = []
        for line in self.lines:
            # No blank line at the start, after another, or right under a key that opens a block.
            if line or (lines and lines[-1] and not _opens_block(lines[-1])):
                lines.append(line)
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines) + "\n"

    def emit_lines(self, texts: list[str], col: int) -> None:
        if not texts:  # nearly always: most keys have no comment around them
            return
        self.lines.extend(" " * col + t if t else "" for t in texts)

    def add(self, line: str, eol: str | None) -> None:
        self.lines.append(f"{line}  {eol}" if eol else line)

    def mapping(self, node: MappingNode, shape: Shape, indent: int, lead: str = "") -> dict:
        """A block mapping with keys at ``indent``; ``lead`` starts its first line ('  - ')."""
        data = {}
        pad = " " * indent
        first_of_item = bool(lead)
        for key, value in _ordered(node, shape):
            comments = self.comments.of(key)
            if comments.before:
                self.emit_lines(comments.before, indent - INDENT if first_of_item else indent)
            start = lead if first_of_item else pad
            first_of_item = False
            name = key.value if key.tag == STR_TAG else self.scalar_data(key)
            data[name] = self.entry(key, value, shape, indent, start, comments)
            if comments.after:
                self.emit_lines(comments.after, indent)
        return data

    def entry(
        self, key: Node, value: Node, shape: Shape, indent: int, start: str, comments: Comments
    ) -> object:
        name = key.value if isinstance(key, ScalarNode) else None
        if name is not None and key.tag == STR_TAG:  # most keys: _key_text's answer, directly
            head = f"{start}{_block_text(name)}:"
        else:
            head = f"{start}{_key_text(key)}:"
        if isinstance(value, ScalarNode):
            written = self.scalar(value, name, shape, indent, len(head) + 1)
            if isinstance(written, list):
                self.add(f"{head} >-", comments.eol)
                self.emit_lines(written, indent + INDENT)
            elif comments.eol:
                self.add(f"{head} {written}" if written else head, comments.eol)
            else:
                self.lines.append(f"{head} {written}" if written else head)
            if value.tag == STR_TAG:  # most values: what scalar_data gives, without the call
                return value.value
            return self.scalar_data(value, as_text=name in shape.quoted)
        child = SHAPES.get(shape.children.get(name or "", ""), _ANY)
        if isinstance(value, MappingNode):
            if not value.value:
                self.add(f"{head} {{}}", comments.eol)
                return {}
            self.add(head, comments.eol)
            return self.mapping(value, child, indent + INDENT)
        items = list(value.value)
        if name in shape.sorted_by:
            items.sort(key=shape.sorted_by[name])
        if not items:
            self.add(f"{head} []", comments.eol)
            return []
        if all(isinstance(i, ScalarNode) and not self.comments.has(i) for i in items):
            self.add(f"{head} [{', '.join(_flow_text(i) for i in items)}]", comments.eol)
            return [self.scalar_data(i) for i in items]
        self.add(head, comments.eol)
        return self.sequence(items, child, indent + INDENT)

    def sequence(self, items: list[Node], shape: Shape, dash_col: int) -> list:
        data: list[object] = []
        lead = " " * dash_col + "- "
        for item in items:
            comments = self.comments.of(item)
            self.emit_lines(comments.before, dash_col)
            first_line = len(self.lines)
            if isinstance(item, MappingNode) and item.value:
                data.append(self.mapping(item, shape, dash_col + INDENT, lead))
                if comments.eol:
                    self.lines[first_line] += f"  {comments.eol}"
            elif isinstance(item, ScalarNode):
                self.add(lead + _scalar_text(item), comments.eol)
                data.append(self.scalar_data(item))
            else:
                self.add(lead + _flow_text(item), comments.eol)
                data.append(self.constructor.construct_object(item, deep=True))
            self.emit_lines(comments.after, dash_col)
        return data

    def scalar(
        self, node: ScalarNode, name: str | None, shape: Shape, indent: int, head_len: int
    ) -> str | list[str]:
        """The scalar's text on its key's line, or the lines of a folded block."""
        if node.tag != STR_TAG:
            if name in shape.quoted and node.tag == _INT_TAG:
                return _double_quoted(node.value)  # a year: 2024 is the date "2024"
            return node.value
        if name in shape.quoted:
            return _double_quoted(node.value)
        prose = name in shape.prose
        if prose and head_len + len(node.value) > WIDTH:
            # Too long for its line however it is written (quoting only adds): folded if it
            # can be, without writing it on one line first.
            folded = _folded(node.value, indent + INDENT)
            if folded is not None:
                return folded
            return _scalar_text(node)
        text = _scalar_text(node)
        too_long = head_len + len(text) > WIDTH
        if prose and (too_long or not _is_plain(text)):
            folded = _folded(node.value, indent + INDENT)
            if folded is not None:
                return folded
        return text

    def scalar_data(self, node: Node, as_text: bool = False) -> object:
        if node.tag == STR_TAG or (as_text and node.tag == _INT_TAG):
            return node.value
        return self.constructor.construct_object(node, deep=True)


def _opens_block(line: str) -> bool:
    return line.endswith(":") and not line.lstrip().startswith("#")


def _ordered(node: MappingNode, shape: Shape) -> list[tuple[Node, Node]]:
    rank = _key_ranks(shape.keys)
    unknown = len(rank)
    pairs = node.value
    ranks = [rank.get(k.value, unknown) if isinstance(k, ScalarNode) else unknown for k, _ in pairs]
    if ranks == sorted(ranks):  # in order already, as in a canonical file
        return pairs
    return [pairs[n] for n in sorted(range(len(pairs)), key=ranks.__getitem__)]


@lru_cache(maxsize=64)
def _key_ranks(keys: tuple[str, ...]) -> dict[str, int]:
    return {name: n for n, name in enumerate(keys)}


def _key_text(key: Node) -> str:
    return _scalar_text(key) if isinstance(key, ScalarNode) else _flow_text(key)


def _scalar_text(node: ScalarNode) -> str:
    return _block_text(node.value) if node.tag == STR_TAG else node.value


def _flow_text(node: Node) -> str:
    if isinstance(node, ScalarNode):
        return _in_flow(node.value) if node.tag == STR_TAG else node.value
    if isinstance(node, SequenceNode):
        return "[" + ", ".join(_flow_text(item) for item in node.value) + "]"
    pairs = (f"{_flow_text(k)}: {_flow_text(v)}" for k, v in node.value)
    return "{" + ", ".join(pairs) + "}"


def _dump(data: object, default_style: str | None = None, default_flow_style: bool = False) -> str:
    return yaml.dump(
        data,
        Dumper=yaml.CSafeDumper,
        allow_unicode=True,
        width=10**9,
        default_style=default_style,
        default_flow_style=default_flow_style,
    )


# Text that libyaml's emitter writes as it is, which saves a yaml.dump (some 40 us) for most
# values (ids, file names, most titles); anything else goes through yaml.dump as before.
# Plain: a letter or digit first, no space last, none of the characters that YAML reads as
# syntax inside a value (': ', ' #', and in a flow list ',' '[' ']' '{' '}'), and not a
# word that PyYAML reads as something other than text (yes, null, 2024-10-01, 1e3...).
_PLAIN_IN_BLOCK = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 ._/(),'’-]*[A-Za-z0-9._/(),'’-])?")
_PLAIN_IN_FLOW = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 ._/()'’-]*[A-Za-z0-9._/()'’-])?")
# Double-quoted: what libyaml writes without an escape (printable, not '"' or a backslash,
# not a line break, not U+FEFF; with allow_unicode), on one line as the width is unlimited.
_UNESCAPED = re.compile(
    "[\x20\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*"
)
_RESOLVER = yaml.resolver.Resolver()  # the one yaml.CSafeDumper asks whether text looks typed
# The first characters of the text that the resolver may read as something else (yes, 2024):
# it looks up its patterns by the first character.
_TYPED_FIRST = frozenset(_RESOLVER.yaml_implicit_resolvers)


def _is_plain_text(text: str, pattern: re.Pattern[str]) -> bool:
    if pattern.fullmatch(text) is None:
        return False
    return text[0] not in _TYPED_FIRST or (
        _RESOLVER.resolve(ScalarNode, text, (True, False)) == STR_TAG
    )


@lru_cache(maxsize=4096)
def _block_text(text: str) -> str:
    """Plain when YAML allows it, else double-quoted; always one line."""
    if _is_plain_text(text, _PLAIN_IN_BLOCK):
        return text
    written = _dump({"k": text}).removeprefix("k: ").removesuffix("\n")
    return written if _is_plain(written) else _double_quoted(text)


@lru_cache(maxsize=4096)
def _in_flow(text: str) -> str:
    if _is_plain_text(text, _PLAIN_IN_FLOW):
        return text
    written = _dump([text], default_flow_style=True).removesuffix("\n")[1:-1]
    return written if _is_plain(written) else _double_quoted(text)


def _is_plain(written: str) -> bool:
    return "\n" not in written and written[:1] not in ("'", '"')


@lru_cache(maxsize=4096)
def _double_quoted(text: str) -> str:
    if _UNESCAPED.fullmatch(text):
        return f'"{text}"'
    return _dump({"k": text}, default_style='"').removeprefix('"k": ').removesuffix("\n")


# Text a folded block gives back exactly: no line breaks, no space at either end, printable.
_FOLDABLE = re.compile(r"^\S(?:[^\r\n\x85\u2028\u2029]*\S)?$")
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]")
_FOLD_POINT = re.compile(r"(?<=\S) (?=\S)")


def _folded(text: str, indent: int) -> list[str] | None:
    room = WIDTH - indent
    if text and text.isprintable() and "  " not in text and text[0] != " " != text[-1]:
        # The common case, without a check: ' ' is the only space among Python's printable
        # characters, so each one stands between two visible characters, and folding joins
        # the lines back with one space each, which is the text.
        return _lines_within(room).findall(text) if room > 0 else text.split(" ")
    return _folded_by_words(text, room)


def _folded_by_words(text: str, room: int) -> list[str] | None:
    """The lines of a folded block of ``text``, adding words one at a time while they fit in
    ``room``; None when no folded block gives the text back."""
    if not _FOLDABLE.match(text) or _UNPRINTABLE.search(text):
        return None
    words = _FOLD_POINT.split(text)
    lines = []
    line = words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= room:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    if text.isprintable():
        # Python's printable characters are all printable in YAML, and the only space among
        # them is ' ': every line starts and ends with a visible character at the block's
        # indent, so folding joins them back with one space each, which is the text.
        return lines
    block = "k: >-\n" + "".join(f"  {line}\n" for line in lines)
    return lines if yaml.load(block, Loader=Loader) == {"k": text} else None


@lru_cache(maxsize=64)
def _lines_within(room: int) -> re.Pattern[str]:
    """Lines of at most ``room`` characters from text whose words are single-spaced: on each,
    as many words as fit, or one word longer than that alone; the space after a line is not
    part of it. The same lines as adding words one at a time, in one call."""
    return re.compile(f"([^ ]{{{room + 1},}}|[^ ].{{0,{room - 1}}})(?: |$)")
