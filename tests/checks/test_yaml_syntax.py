import pytest

from timeline.checks.yaml_syntax import NestedWithinLimit, parse_yaml, read_text


def parse(text):
    return parse_yaml(text, "f.yaml")


def located(doc):
    return [(p.line, p.col, p.rule) for p in doc.problems]


def test_plain_data_with_no_timestamps_and_yaml_1_1_scalars():
    doc = parse("a: 2024-06-19\nb: 2024\nc: 1.5\nd: true\ne: ~\nf: 'x'\ng: [1, two]\n")
    assert doc.data == {
        "a": "2024-06-19",
        "b": 2024,
        "c": 1.5,
        "d": True,
        "e": None,
        "f": "x",
        "g": [1, "two"],
    }
    assert doc.problems == []


def test_locate_follows_keys_and_indexes():
    doc = parse("events:\n  - id: a\n    sources:\n      - file: x\n        quote: q\n")
    assert doc.locate(("events", 0, "sources", 0, "quote")) == (5, 16)
    assert doc.locate(("events", 0, "sources", 0, "quote"), key=True) == (5, 9)
    # A part that is not there (a missing field) stops at the mapping that lacks it.
    assert doc.locate(("events", 0, "title")) == (2, 5)
    assert doc.locate(()) == (1, 1)


def test_duplicate_keys_at_any_depth_keep_the_last_value():
    doc = parse("a:\n  b: 1\n  c: 2\n  b: 3\n")
    assert doc.data == {"a": {"b": 3, "c": 2}}
    assert located(doc) == [(4, 3, "duplicate-key")]


def test_anchors_and_aliases_are_both_reported():
    doc = parse("a: &x [1]\nb: *x\nc: &unused 2\n")
    assert located(doc) == [(1, 4, "anchor"), (2, 4, "alias"), (3, 4, "anchor")]


def test_problems_inside_an_aliased_value_are_reported_once():
    doc = parse("a: &x {b: 1, b: 2, c: !odd 3}\nd: *x\n")
    assert sorted(located(doc)) == [
        (1, 4, "anchor"),
        (1, 14, "duplicate-key"),
        (1, 23, "yaml-tag"),
        (2, 4, "alias"),
    ]
    assert doc.data["d"] == {"b": 2, "c": "3"}


def test_nested_aliases_are_built_once_not_expanded():
    # A "billion laughs": each level nine aliases of the one before, 9**6 texts if expanded
    # (9**9 and more with a few more lines: the size of the file does not bound it).
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 6)]
    doc = parse("\n".join(lines) + "\n")
    assert doc.ok
    assert [rule for _, _, rule in located(doc)] == ["anchor"] + (["anchor"] + ["alias"] * 9) * 5
    top = doc.data["l5"]
    assert len(top) == 9 and all(item is top[0] for item in top)


@pytest.mark.parametrize("text", ["a: AT&T\n", "a: '*note*'\n", "a: 2 * 3\n"])
def test_ampersands_and_stars_in_text_are_not_anchors(text):
    assert parse(text).problems == []


def test_merge_keys_are_plain_keys():
    assert parse("<<: {a: 1}\n").data == {"<<": {"a": 1}}


def test_empty_and_comment_only_files_are_null():
    for text in ("", "# only a comment\n"):
        doc = parse(text)
        assert doc.ok and doc.data is None and doc.problems == []


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('a: "open\nb: 1\n', (1, 4)),  # unclosed at the end of the file: the opening quote
        ('a: "open\nb: 1\nc: "x"\n', (1, 4)),  # runs on to the next quote: still the opening
        ("a: [1, 2\nb: 3\n", (1, 4)),  # the unclosed bracket
        ("a:\n\tb: 1\n", (2, 1)),  # the tab
        ("a: 1\n  b: 2\n", (2, 4)),  # bad indentation: where it fails
        ("a: 1\n---\nb: 2\n", (2, 1)),  # a second document
    ],
)
def test_syntax_errors_point_where_the_construct_started(text, where):
    doc = parse(text)
    assert not doc.ok
    assert located(doc) == [(*where, "yaml-syntax")]


def test_positions_count_characters_not_bytes():
    doc = parse('a: "été"\nb: [1\n')
    assert located(doc) == [(2, 4, "yaml-syntax")]


def test_read_text_strips_a_byte_order_mark(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes("\ufeffa: 1\n".encode())
    assert read_text(path) == ("a: 1\n", [])


def test_read_text_reports_where_the_bad_byte_is(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    text, problems = read_text(path, "x.yaml")
    assert text is None
    assert [p.text() for p in problems] == [
        "x.yaml:2:7: [error] byte 0xe9 is not UTF-8: save the file as UTF-8 (not-utf8)"
    ]


def test_a_folder_is_unreadable(tmp_path):
    text, problems = read_text(tmp_path, "dir")
    assert text is None and [p.rule for p in problems] == ["unreadable-file"]


@pytest.mark.parametrize("depth", [101, 5000, 200_000])  # libyaml crashed the process at 100,000
def test_absurd_nesting_is_a_problem_where_it_starts_not_a_crash(depth):
    doc = parse("a: " + "[" * depth + "]" * depth + "\n")
    assert not doc.ok
    # The root mapping is level 1: the 100th bracket opens level 101.
    assert located(doc) == [(1, 3 + 100, "yaml-syntax")]


def test_a_syntax_error_before_absurd_unclosed_nesting_is_answered_at_once():
    # Looking for a runaway quote scanned every one of the 300,000 brackets, each slower than
    # the last: minutes. The scan stops past the nesting limit.
    doc = parse("events:\n  - id: *a " + "[" * 300_000 + "\n")
    assert located(doc) == [(2, 9, "yaml-syntax")]


def test_deep_block_nesting_is_reported_at_its_line():
    doc = parse("a:\n" + "".join(" " * level + "- \n" for level in range(120)))
    assert located(doc) == [(101, 100, "yaml-syntax")]


def test_nesting_within_the_limit_is_read():
    assert parse("a: " + "[" * 99 + "]" * 99 + "\n").ok
    assert parse("a:\n" + "".join(" " * level + "- \n" for level in range(99))).ok


@pytest.mark.parametrize(
    "text",
    [
        "a: !!int more than\n",
        "a: !!float confirmed\n",
        'a: !!bool "2023"\n',
        "a: !!int ''\n",
        "!!int x: 1\n",
        "a: !!binary 'not base64'\n",
        "a: !!timestamp 2024-02-30\n",
        "a: ! text\n",
        "a: !local {b: 1}\n",
    ],
)
def test_explicit_tags_are_refused_at_their_place_and_never_converted(text):
    doc = parse(text)
    assert located(doc) == [(1, text.index("!") + 1, "yaml-tag")]


def test_a_tagged_value_is_read_as_written():
    assert parse("a: !!int more than\nb: !!bool '2023'\n").data == {"a": "more than", "b": "2023"}


def test_tags_are_reported_in_files_without_anchors_too():
    doc = parse('title: "Hello !" \nvalue: !!str 5\n')
    assert located(doc) == [(2, 8, "yaml-tag")]
    assert doc.data == {"title": "Hello !", "value": "5"}


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f", "\ufffe", "\x08"])
def test_control_characters_are_reported_at_their_line_and_column(char):
    doc = parse(f"a: fine\nb: 'caf\u00e9 {char}x'\nc: {char}\n")
    assert not doc.ok
    assert located(doc) == [(2, 10, "control-character"), (3, 4, "control-character")]


def test_an_alias_inside_its_own_anchor_is_a_loop_reported_at_the_anchor():
    doc = parse("a: &x [1, *x]\n")
    assert sorted(located(doc)) == [(1, 4, "alias"), (1, 4, "anchor"), (1, 11, "alias")]
    assert doc.data == {"a": [1, None]}


@pytest.mark.parametrize(
    "path", ["data/events.yaml", "seeds/sources.yaml", "data/vocabularies.yaml"]
)
def test_the_loader_that_counts_no_depth_reads_the_same_tree(path, repo_root):
    text = (repo_root / path).read_text("utf-8")
    counted, uncounted = parse_yaml(text, path), parse_yaml(text, path, NestedWithinLimit)
    assert uncounted.problems == counted.problems == []
    assert uncounted.data == counted.data
    assert uncounted.locate(("events", 3, "sources", 0)) == counted.locate(
        ("events", 3, "sources", 0)
    )
