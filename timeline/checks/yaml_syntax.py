"""Reading YAML with libyaml, keeping where every value came from.

The fast path composes the node tree with ``yaml.CSafeLoader`` (libyaml records each node's
start mark in C) and builds plain Python data from it in one pass that also rejects duplicate
keys. Nothing per node is kept in Python; the node tree is kept as it is and only walked when a
problem needs a line and column (``YamlDocument.locate``).

Dates stay text: the loader has no timestamp resolver, so ``2024-02-30`` reaches the model as a
string and becomes a located ``impossible-date`` problem instead of a crash.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from timeline.files import read_text
from timeline.problems import Level, Mark, Problem

STR_TAG = "tag:yaml.org,2002:str"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
_KEPT_IMPLICIT_TAGS = {
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:null",
}
_YAML_TAG_PREFIX = "tag:yaml.org,2002:"
_BEFORE_PROPERTY = " \t\r\n[{,"
_NOT_IN_ANCHOR = " \t\r\n[]{},"
# Deeper than any data file needs; libyaml's composer crashes the process at some 100,000.
MAX_DEPTH = 100
# What YAML 1.1 allows (PyYAML's Reader.NON_PRINTABLE): tab, newlines and printable text.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_CONTROL_NAMES = {0: "NUL", 7: "BEL", 8: "backspace", 0x1B: "ESC", 0x7F: "DEL"}
_CONTROL_NAMES |= {0xFFFE: "a noncharacter", 0xFFFF: "a noncharacter", 0x0C: "form feed"}
_MAX_REPORTED = 20


class Loader(yaml.CSafeLoader):
    """libyaml's safe loader without the timestamp, merge-key and value resolvers."""

    # A class-level table in PyYAML (add_implicit_resolver is a classmethod); types-PyYAML
    # declares it per instance, so mypy objects to the ClassVar.
    yaml_implicit_resolvers: ClassVar[dict[str, list]] = {  # type: ignore[misc]
        first: [(tag, regexp) for tag, regexp in resolvers if tag in _KEPT_IMPLICIT_TAGS]
        for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
    }

    # How many levels deep the node being composed is. The composer recurses in C and crashes
    # the process some 100,000 levels down: it is stopped past MAX_DEPTH instead (NestedTooDeep).
    depth = 0

    # Called by the composer around every node. No path resolvers are registered, so PyYAML's
    # own versions of these two do nothing.
    def descend_resolver(self, current_node, current_index):
        self.depth += 1

    def ascend_resolver(self):
        self.depth -= 1

    def resolve(self, kind, value, implicit):
        # Called by libyaml for every node: the same answers as BaseResolver.resolve, fewer steps.
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return STR_TAG
        if self.depth > MAX_DEPTH:
            raise NestedTooDeep
        return SEQ_TAG if kind is SequenceNode else MAP_TAG


class NestedWithinLimit(Loader):
    """``Loader`` for text known to nest no deeper than MAX_DEPTH (fmt's output, nested as the
    file it was written from, which composed): nothing counts the depth. The composer still
    calls these two around every node: C built-ins that take its arguments and do nothing,
    instead of Python methods, save some 10% of a large file's parse."""

    descend_resolver = staticmethod(slice)  # called with (parent, index)
    ascend_resolver = staticmethod(tuple)  # called with ()


class NestedTooDeep(Exception):
    """Raised by ``Loader`` at a list or mapping nested more than MAX_DEPTH levels deep."""


@dataclass
class YamlDocument:
    """A parsed YAML file: its data, its node tree (for positions) and the problems found.

    ``text`` is the file as read (empty when it could not be read), for scans that are faster
    on the text than on the data.
    """

    path: str
    data: object = None
    root: Node | None = None
    problems: list[Problem] = field(default_factory=list)
    text: str = field(default="", repr=False)

    @property
    def ok(self) -> bool:
        return self.root is not None

    def locate(self, loc: Sequence[object], *, key: bool = False) -> tuple[int, int]:
        """1-based line and column of the value at ``loc`` (a pydantic-style path).

        Path parts that do not match (a missing field, a pydantic union tag) are skipped, so a
        missing field points at the mapping that lacks it. With ``key``, point at the last key
        rather than at its value.
        """
        node, key_node = self.root, None
        for part in loc:
            if isinstance(node, MappingNode):
                for k, v in node.value:
                    if isinstance(k, ScalarNode) and k.value == str(part):
                        node, key_node = v, k
                        break
                else:
                    key_node = None
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if 0 <= part < len(node.value):
                    node, key_node = node.value[part], None
            else:
                break
        target = key_node if key and key_node is not None else node
        if target is None:
            return 1, 1
        mark = target.start_mark
        return mark.line + 1, mark.column + 1

    def problem(
        self,
        loc: Sequence[object],
        rule: str,
        message: str,
        *,
        key: bool = False,
        level: Level = "error",
    ) -> Problem:
        line, col = self.locate(loc, key=key)
        return Problem(self.path, line, col, level, message, rule)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects at once.

    A 10,000-event file is half a million YAML nodes, and every few thousand allocations the
    collector walks them all again: that doubled the load time. Nothing built here forms
    reference cycles, so nothing is lost by collecting once afterwards instead.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Read and parse one YAML file; problems are collected, never raised."""
    display = display if display is not None else str(path)
    text, problems = read_text(path, display)
    if text is None:
        return YamlDocument(display, problems=problems)
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str, loader_class: type[Loader] = Loader) -> YamlDocument:
    doc = YamlDocument(display, text=text)
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
    except (NestedTooDeep, yaml.YAMLError) as error:
        # Nesting too deep is reported before anything else, at the value that opens the level
        # past MAX_DEPTH: the exact place takes a scan of the events, which only a file that
        # does not compose needs.
        too_deep = _too_deep(text, display)
        if too_deep is not None:
            doc.problems.append(too_deep)
            return doc
        doc.problems.extend(_compose_problems(error, text, display))
        return doc
    finally:
        loader.dispose()

    marked = _may_have_properties(text)
    if marked:
        doc.problems.extend(_property_problems(text, display))
    if root is None:  # an empty file or only comments
        root = ScalarNode("tag:yaml.org,2002:null", "", _empty_mark(), _empty_mark())
    builder = _Builder(display, share_aliased=marked, report_tags=not marked)
    doc.data = builder.build(root)
    doc.root = root
    doc.problems.extend(builder.problems)
    return doc


def _compose_problems(error: Exception, text: str, display: str) -> list[Problem]:
    if isinstance(error, yaml.MarkedYAMLError):
        return [_syntax_problem(error, text, display)]
    if isinstance(error, yaml.reader.ReaderError):
        return control_character_problems(text, display)
    # Not raised by libyaml today (and NestedTooDeep is always found by the scan); kept so
    # nothing escapes.
    return [Problem(display, 1, 1, "error", str(error) or "nested too deep", "yaml-syntax")]


def control_character_problems(text: str, display: str) -> list[Problem]:
    """Each character YAML does not allow (NUL, ESC, DEL, U+FFFE...), at its line and column."""
    problems: list[Problem] = []
    for match in _NOT_PRINTABLE.finditer(text):
        if len(problems) == _MAX_REPORTED:
            break
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        code = ord(match.group())
        name = _CONTROL_NAMES.get(code, "a control character")
        escape = f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
        problems.append(
            Problem(
                display,
                line,
                col,
                "error",
                f"U+{code:04X} ({name}) is not allowed in YAML: delete it, or write it as "
                f'the escape "{escape}" inside double quotes',
                "control-character",
            )
        )
    if not problems:  # libyaml refused a character the pattern allows: say so, still located
        problems.append(
            Problem(display, 1, 1, "error", "a character YAML does not allow", "control-character")
        )
    return problems


def _too_deep(text: str, display: str) -> Problem | None:
    """A problem at the value that opens the level past MAX_DEPTH, if any (before the first
    syntax error): a scan of libyaml's events, which does not recurse."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    assert event.start_mark is not None  # libyaml marks every event
                    return Problem.at(
                        display,
                        event.start_mark,
                        "yaml-syntax",
                        f"values are nested more than {MAX_DEPTH} levels deep from here: "
                        "the data files need a few levels; check the brackets and indentation",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass  # the syntax error is reported when the file is read
    return None


def _empty_mark() -> yaml.Mark:
    return yaml.Mark("", 0, 0, 0, None, 0)


class _Builder:
    """Node tree to plain data, in one recursive pass; collects duplicate keys and odd keys.

    With ``share_aliased``, a node met again through an alias gives the value built the first
    time: its problems are reported once (the alias is reported on its own), and aliases of
    aliases cost no more than the text they are written in. An alias inside the value it
    names (a loop) becomes nothing, reported at that value.

    Explicit tags are reported by the scan of ``_property_problems``; here a tagged value is
    read as what it is written as (text, list or mapping), never converted, so ``!!int more``
    is text and not a crash. ``report_tags`` is for when that scan did not run.
    """

    def __init__(
        self, display: str, *, share_aliased: bool = False, report_tags: bool = False
    ) -> None:
        self.display = display
        self.problems: list[Problem] = []
        self.built: dict[int, object] | None = {} if share_aliased else None
        self.building: set[int] = set()
        self.report_tags = report_tags
        constructor = yaml.SafeLoader("")
        self.scalars = {
            "tag:yaml.org,2002:bool": constructor.construct_yaml_bool,
            "tag:yaml.org,2002:int": constructor.construct_yaml_int,
            "tag:yaml.org,2002:float": constructor.construct_yaml_float,
            "tag:yaml.org,2002:null": constructor.construct_yaml_null,
        }

    def build(self, node: Node) -> object:
        if self.built is None:
            return self._build(node)
        key = id(node)
        if key not in self.built:
            if key in self.building:
                self.report(
                    node,
                    "alias",
                    "this value holds an alias of itself (a loop): write it out in full",
                )
                return None
            self.building.add(key)
            self.built[key] = self._build(node)
            self.building.discard(key)
        return self.built[key]

    def _build(self, node: Node) -> object:
        tag = node.tag
        if tag == STR_TAG:
            if type(node) is ScalarNode:
                return node.value
        elif tag == MAP_TAG:
            if type(node) is MappingNode:
                return self.mapping(node)
        elif tag == SEQ_TAG:
            if type(node) is SequenceNode:
                return self.sequence(node)
        elif tag in self.scalars and type(node) is ScalarNode:
            try:
                return self.scalars[tag](node)
            except (ArithmeticError, LookupError, TypeError, ValueError):
                pass  # an explicit tag that does not fit its value (!!int more than)
        if self.report_tags:
            self.problems.append(tag_problem(self.display, node.start_mark, tag))
        if isinstance(node, MappingNode):
            return self.mapping(node)
        if isinstance(node, SequenceNode):
            return self.sequence(node)
        return node.value

    # Plain text is most of the nodes: it is taken inline, without a call to build().
    def sequence(self, node: SequenceNode) -> list:
        return [
            item.value if item.tag == STR_TAG and type(item) is ScalarNode else self.build(item)
            for item in node.value
        ]

    def mapping(self, node: MappingNode) -> dict:
        data: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == STR_TAG and type(key_node) is ScalarNode:
                key = key_node.value
            else:
                key = self.build(key_node)
                if not isinstance(key, str | int | float | bool) and key is not None:
                    self.report(key_node, "unsupported-yaml", "a key must be plain text")
                    continue
            if key in data:
                self.duplicate(node, key_node, key)
            if value_node.tag == STR_TAG and type(value_node) is ScalarNode:
                data[key] = value_node.value
            else:
                data[key] = self.build(value_node)
        return data

    def duplicate(self, node: MappingNode, key_node: Node, key: object) -> None:
        first = next(k for k, _ in node.value if k.value == key_node.value)
        self.report(
            key_node,
            "duplicate-key",
            f"duplicate key '{key}' (first at line {first.start_mark.line + 1}): "
            "YAML keeps only the last one; merge the two or delete one",
        )

    def report(self, node: Node, rule: str, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem.at(self.display, mark, rule, message))


def _may_have_properties(text: str) -> bool:
    """False when no &, * or ! stands where an anchor, alias or tag could (fast: str.find only).

    The event scan that finds them runs only when this is True: text such as "AT&T", "a * b"
    or "Yes !" merely costs that scan.
    """
    for char in "&*!":
        at = text.find(char)
        while at != -1:
            before = text[at - 1] if at else "\n"
            after = text[at + 1 : at + 2]
            # A lone "!" is a tag too (the non-specific one): only anchors need a name.
            named = char == "!" or after not in _NOT_IN_ANCHOR
            if before in _BEFORE_PROPERTY and after and named:
                return True
            at = text.find(char, at + 1)
    return False


def tag_problem(display: str, mark: Mark, tag: str) -> Problem:
    shown = "!!" + tag.removeprefix(_YAML_TAG_PREFIX) if tag.startswith(_YAML_TAG_PREFIX) else tag
    return Problem.at(
        display,
        mark,
        "yaml-tag",
        f"tag {shown} is not allowed: remove it (a value's type comes from how it is written: "
        '2024 is a number, "2024" is text)',
    )


def _property_problems(text: str, display: str) -> list[Problem]:
    """Every anchor, alias and explicit tag, at its place."""
    problems = []
    try:
        for event in yaml.parse(text, Loader=Loader):
            mark = event.start_mark
            assert mark is not None  # libyaml marks every event it parses
            tag = getattr(event, "tag", None)
            implicit = getattr(event, "implicit", True)
            explicit = implicit is False or (isinstance(implicit, tuple) and not any(implicit))
            if tag is not None and (explicit or tag == "!"):
                problems.append(tag_problem(display, mark, tag))
            anchor = getattr(event, "anchor", None)
            if anchor is None:
                continue
            if isinstance(event, yaml.AliasEvent):
                rule, message = "alias", f"alias *{anchor}: write the value out in full instead"
            else:
                rule, message = (
                    "anchor",
                    f"anchor &{anchor}: remove it and write values out in full",
                )
            problems.append(Problem.at(display, mark, rule, message))
    except yaml.YAMLError:
        pass  # only reached after the same text composed; kept so nothing escapes
    return problems


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, display: str) -> Problem:
    problem_mark, context_mark = error.problem_mark, error.context_mark
    if problem_mark is None:  # libyaml's errors all have one; kept so nothing escapes
        return Problem(display, 1, 1, "error", str(error), "yaml-syntax")
    problem = error.problem or "syntax error"
    context = error.context or ""
    at = f"line {problem_mark.line + 1} col {problem_mark.column + 1}"
    if _char_at(text, problem_mark.index) == "\t":
        mark = problem_mark
        message = "tab character: YAML indentation must use spaces; replace the tab with spaces"
    elif "quoted scalar" in context and context_mark is not None:
        mark = context_mark
        if "end of stream" in problem:
            message = (
                f"the quote that opens here is never closed (the file ends at line "
                f"{problem_mark.line + 1}): add the closing quote"
            )
        else:
            message = f"in the quoted text that starts here: {problem} at {at}"
    elif context_mark is not None and _char_at(text, context_mark.index) in ("[", "{"):
        mark = context_mark
        bracket = _char_at(text, context_mark.index)
        message = f"the '{bracket}' that opens here is not closed: {problem} at {at}"
    elif (opened := _runaway_quote(text, problem_mark)) is not None:
        mark = opened
        message = (
            f"the quote that opens here is not closed on its line: it runs on to line "
            f"{problem_mark.line + 1}, where YAML fails ({problem}): add the closing quote"
        )
    else:
        mark = problem_mark
        message = f"{context + ': ' if context else ''}{problem}"
        if "mapping values are not allowed" in problem:
            message += " (check the indentation, or quote a value that contains ': ')"
    return Problem.at(display, mark, "yaml-syntax", message)


def _runaway_quote(text: str, problem_mark: yaml.Mark) -> yaml.Mark | None:
    """Where a quoted value starts that runs over lines into the error, if one does.

    A missing closing quote makes YAML read on to the next quote character, often lines
    later; the error then shows up far from the mistake, which is where the quote opened.
    """
    found = None
    depth = 0
    try:
        for token in yaml.scan(text, Loader=Loader):
            if token.start_mark.line > problem_mark.line:
                break
            # The scanner's work per token grows with the nesting of [ and {: past the limit
            # (an error of its own) 300,000 of them would take minutes.
            if isinstance(token, yaml.FlowSequenceStartToken | yaml.FlowMappingStartToken):
                depth += 1
                if depth > MAX_DEPTH:
                    break
            elif isinstance(token, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken):
                depth -= 1
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.start_mark.line < token.end_mark.line
                and problem_mark.line - token.end_mark.line <= 1
            ):
                found = token.start_mark
    except yaml.YAMLError:
        pass  # the scanner stops at the error too; the tokens before it are what we need
    return found


def _char_at(text: str, index: int | None) -> str:
    return text[index] if index is not None and 0 <= index < len(text) else ""
