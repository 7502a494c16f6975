"""Where comments belong: the rules fmt relies on to keep them in place."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.authoring import yaml_comments
from timeline.authoring.yaml_comments import Comments, FileComments, find_comments
from timeline.checks.yaml_syntax import parse_yaml

TEXT = """\
# header

top:  # on top
  # before b
  b: "a # in quotes"  # on b
  c: >-
    a # in a block scalar
  # before d
  d: 1  # on d, after a block scalar
  items:
    - x: 1
      # closing x, deeper than what follows

    # before the second item
    - x: 2
# the end
"""


def comments() -> tuple[FileComments, dict[str, object]]:
    root = parse_yaml(TEXT, "t").root
    top_key, top = root.value[0]
    nodes = {"top": top_key} | {k.value: k for k, _ in top.value}
    items = dict(top.value)[nodes["items"]].value
    nodes |= {"item1": items[0], "item2": items[1], "x1": items[0].value[0][0]}
    return find_comments(TEXT, root), nodes


def test_each_comment_goes_where_it_belongs():
    found, nodes = comments()
    assert found.of(nodes["top"]) == Comments(before=["# header", ""], eol="# on top")
    assert found.of(nodes["b"]) == Comments(before=["# before b"], eol="# on b")
    assert found.of(nodes["d"]) == Comments(
        before=["# before d"], eol="# on d, after a block scalar"
    )
    assert found.of(nodes["x1"]) == Comments(after=["# closing x, deeper than what follows"])
    assert found.of(nodes["item2"]) == Comments(before=["", "# before the second item"])
    assert found.trailing == ["# the end"]


def test_hashes_inside_scalars_are_text():
    found, nodes = comments()
    assert found.of(nodes["c"]) == Comments()
    texts = found.texts()
    assert not [t for t in texts if t.startswith(("# in quotes", "# in a block scalar"))]
    assert len(texts) == 9


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["a", "b: c", "#", " ", "\t", "\n", "\xa0", "\x0c", "\x1f"])))
def test_the_quick_test_finds_a_line_with_a_hash_or_a_blank_line_when_there_is_one(parts):
    text = "".join(parts)
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    has_one = any("#" in line or not line.strip() for line in lines)
    assert yaml_comments._may_hold_comments(text) == (has_one or not text)  # "": no matter
