"""The canonical form: idempotent, values and comments kept, ``--check`` and errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.authoring import fmt
from timeline.authoring.fmt import SHAPES, WIDTH, canonical_text
from timeline.checks.yaml_syntax import parse_yaml
from timeline.cli import main
from timeline.model import Event
from timeline.problems import DataError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fmt"
MESSY = FIXTURES / "events.yaml"
CANONICAL = FIXTURES / "events.canonical.yaml"
REAL_FILES = ["data/events.yaml", "seeds/sources.yaml", "data/vocabularies.yaml"]


def data_of(text: str) -> object:
    doc = parse_yaml(text, "test")
    assert not doc.problems
    return doc.data


def events_by_id(text: str) -> dict[str, dict]:
    return {event["id"]: event for event in data_of(text)["events"]}


def comment_lines(text: str) -> list[str]:
    return sorted(line.strip() for line in text.splitlines() if line.strip().startswith("#"))


def test_messy_file_becomes_the_canonical_fixture():
    assert canonical_text(MESSY.read_text("utf-8"), str(MESSY)) == CANONICAL.read_text("utf-8")


@pytest.mark.parametrize("path", [MESSY, CANONICAL, *REAL_FILES])
def test_formatting_twice_gives_the_same_text(path, repo_root):
    text = (repo_root / path).read_text("utf-8")
    once = canonical_text(text, str(path))
    assert canonical_text(once, str(path)) == once


@pytest.mark.parametrize("path", [MESSY, *REAL_FILES])
def test_values_are_unchanged(path, repo_root):
    text = (repo_root / path).read_text("utf-8")
    before, after = data_of(text), data_of(canonical_text(text, str(path)))
    if "events" in before:
        for event in before["events"]:  # the one change fmt makes: a year 2024 becomes "2024"
            event["date"] = str(event["date"])
        before = {e["id"]: e for e in before["events"]}
        after = {e["id"]: e for e in after["events"]}
    elif "sources" in before:
        before = {s["file"]: s for s in before["sources"]}
        after = {s["file"]: s for s in after["sources"]}
    assert after == before


@pytest.mark.parametrize("path", [MESSY, *REAL_FILES])
def test_every_comment_is_kept(path, repo_root):
    text = (repo_root / path).read_text("utf-8")
    assert comment_lines(canonical_text(text, str(path))) == comment_lines(text)


def test_quotes_survive_exactly():
    quotes = {
        event["id"]: event["sources"][0]["quote"]
        for event in data_of(CANONICAL.read_text("utf-8"))["events"]
    }
    assert quotes["day-event"] == (
        "Curly “double” and ‘single’ quotes, an apostrophe’s, dashes – and —, "
        "a backslash \\ and a tab\there."
    )
    assert quotes["another-day-event"] == "Line one\nline two"
    assert quotes["year-event"] == "A quote in flow style with a # hash and a: colon."


def test_quotes_and_dates_are_double_quoted_on_one_line():
    lines = CANONICAL.read_text("utf-8").splitlines()
    quote_lines = [line for line in lines if line.lstrip().startswith("quote:")]
    date_lines = [line for line in lines if re.match(r"\s+(date|end):", line)]
    assert len(quote_lines) == 4 and len(date_lines) == 5
    for line in quote_lines + date_lines:
        assert re.fullmatch(r'\s+(quote|date|end): ".*"', line), line
    assert max(len(line) for line in quote_lines) > WIDTH  # long quotes are never folded


def test_long_prose_is_folded_and_reads_back_the_same():
    text = CANONICAL.read_text("utf-8")
    summary = events_by_id(text)["year-event"]["summary"]
    assert (
        'year-event\n    date: "2024"\n    title: "A year: with a colon"\n    summary: >-\n' in text
    )
    assert summary.startswith("A long summary") and summary.endswith("a full stop.")
    assert "\n" not in summary and "  " not in summary
    assert all(len(line) <= WIDTH for line in text.splitlines() if "quote:" not in line)


def test_prose_that_folding_would_change_stays_on_one_line():
    text = CANONICAL.read_text("utf-8")
    summary = events_by_id(text)["another-day-event"]["summary"]
    assert (
        summary == "  Leading spaces, double  spaces and a trailing space stay exactly as written. "
    )
    assert '    summary: "  Leading spaces' in text


@pytest.mark.parametrize(
    "odd",
    ["a\ttab", "a no-break\u00a0space", "a zero-width\u200bspace", "an ideographic\u3000space"],
)
def test_long_prose_with_unusual_spaces_reads_back_the_same(odd):
    # Folding is checked by reading the block back unless every character is plainly printable.
    summary = " ".join(["Words to fill the line past its width,"] * 3 + [odd, "and more words."])
    text = (
        'events:\n  - id: an-event\n    date: "2024"\n    summary: "'
        + summary.replace("\t", "\\t")
        + '"\n'
    )
    once = canonical_text(text, "test")
    assert events_by_id(once)["an-event"]["summary"] == summary
    assert canonical_text(once, "test") == once


def test_events_are_sorted_by_first_day_then_precision_then_id():
    ids = list(events_by_id(CANONICAL.read_text("utf-8")))
    # 2024 and 2024-10 and 2024-10-01 all start on a first day: year, month, day; then 10-08.
    assert ids == ["year-event", "month-event", "another-day-event", "day-event"]


def test_keys_follow_the_canonical_order():
    order = SHAPES["event"].keys
    for event in data_of(CANONICAL.read_text("utf-8"))["events"]:
        keys = list(event)
        assert keys == sorted(keys, key=order.index)
        for figure in event.get("figures", []):
            assert list(figure) == [k for k in SHAPES["figure"].keys if k in figure]
        for citation in event["sources"]:
            assert list(citation) == ["file", "quote"]


def test_comments_stay_with_what_they_describe():
    lines = CANONICAL.read_text("utf-8").splitlines()

    def index(fragment: str) -> int:
        return next(n for n, line in enumerate(lines) if fragment in line)

    assert index("Comment before the day event") == index("- id: day-event") - 1
    assert index("Comment before the year event") == index("- id: year-event") - 1
    assert lines[index("- id: day-event") + 2].endswith("# end-of-line comment on title")
    assert index("A note at the end of this citation") == index("a backslash") + 1
    assert lines[-1] == "# Trailing comment at the end of the file."


def test_sources_are_sorted_by_file_and_vocabularies_keep_their_order():
    sources = "sources:\n  - file: b.txt\n    title: B\n  - title: A\n    file: a.txt\n"
    assert canonical_text(sources, "s.yaml") == (
        "sources:\n  - file: a.txt\n    title: A\n  - file: b.txt\n    title: B\n"
    )
    vocabulary = "statuses:\n  - label: Z\n    id: z\n  - id: a\n    label: A\n"
    assert canonical_text(vocabulary, "v.yaml") == (
        "statuses:\n  - id: z\n    label: Z\n  - id: a\n    label: A\n"
    )


@pytest.mark.parametrize(
    ("text", "line", "col", "rule"),
    [
        ('events:\n  - id: a\n    title: "unclosed\n', 3, 12, "yaml-syntax"),
        ("events:\n  - id: a\n    date: 2024-02-30\n", 3, 11, "impossible-date"),
        ("events:\n  - id: a\n    date: June 2024\n", 3, 11, "date-format"),
        ("events:\n  - id: a\n    title: no date\n", 2, 5, "missing-field"),
        ("events:\n  - id: a\n    id: b\n    date: '2024'\n", 3, 5, "duplicate-key"),
        ("- just\n- a list\n", 1, 1, "wrong-type"),
    ],
)
def test_what_cannot_be_formatted_is_a_located_problem(text, line, col, rule):
    with pytest.raises(DataError) as raised:
        canonical_text(text, "bad.yaml")
    problem = raised.value.problems[0]
    assert (problem.path, problem.line, problem.col, problem.rule) == ("bad.yaml", line, col, rule)


def test_the_event_keys_are_the_models_fields_in_order():
    assert SHAPES["event"].keys == tuple(Event.model_fields)


def test_fmt_does_not_import_the_model(fresh_python):
    # pydantic takes longer to import than formatting the data files takes.
    code = (
        "import sys; from timeline.cli import main; main(['fmt', '--help'])\n"
        "print('pydantic' in sys.modules, 'timeline.model' in sys.modules)"
    )
    assert fresh_python(code) == "False False"


def _counting_parses(monkeypatch) -> list[str]:
    parsed: list[str] = []

    def parse(text: str, *args):
        parsed.append(text)
        return parse_yaml(text, *args)

    monkeypatch.setattr(fmt, "parse_yaml", parse)
    return parsed


@pytest.mark.parametrize("path", [CANONICAL, *REAL_FILES])
def test_a_canonical_file_is_parsed_once(path, repo_root, monkeypatch):
    # The check parses the result; when the result is the text given, that parse would give
    # what the first one gave, so it is skipped.
    text = (repo_root / path).read_text("utf-8")
    parsed = _counting_parses(monkeypatch)
    assert canonical_text(text, str(path)) == text
    assert parsed == [text]


def test_a_changed_file_is_parsed_again_and_checked(monkeypatch):
    parsed = _counting_parses(monkeypatch)
    result = canonical_text(MESSY.read_text("utf-8"), "x")
    assert parsed == [MESSY.read_text("utf-8"), result]


def test_a_writer_that_changed_a_value_is_caught(monkeypatch):
    monkeypatch.setattr(fmt, "_double_quoted", lambda text: f'"{text}!"')
    with pytest.raises(DataError) as raised:
        canonical_text(MESSY.read_text("utf-8"), "x")
    [problem] = raised.value.problems
    assert (problem.rule, "change a value" in problem.message) == ("fmt-internal", True)


def test_a_writer_that_lost_a_comment_is_caught(monkeypatch):
    add = fmt._Writer.add
    monkeypatch.setattr(fmt._Writer, "add", lambda self, line, eol: add(self, line, None))
    with pytest.raises(DataError) as raised:
        canonical_text(MESSY.read_text("utf-8"), "x")
    [problem] = raised.value.problems
    assert (problem.rule, "lose or change a comment" in problem.message) == ("fmt-internal", True)


# -- the command ----------------------------------------------------------------------------


@pytest.fixture
def messy_copy(tmp_path) -> Path:
    return Path(shutil.copy(MESSY, tmp_path / "events.yaml"))


def test_fmt_rewrites_the_file_then_finds_nothing_to_do(messy_copy, capsys):
    assert main(["fmt", str(messy_copy)]) == 0
    assert capsys.readouterr().out == f"{messy_copy}: reformatted\n"
    assert messy_copy.read_text("utf-8") == CANONICAL.read_text("utf-8")
    assert main(["fmt", str(messy_copy)]) == 0
    assert capsys.readouterr().out == ""


def test_check_fails_on_a_shuffled_file_with_a_diff_and_changes_nothing(tmp_path, capsys):
    text = CANONICAL.read_text("utf-8")
    blocks = re.split(r"(?m)^(?=  (?:# Comment before|- id: ))", text.split("# Trailing")[0])
    header, events = blocks[0], blocks[1:]
    shuffled = header + "".join(reversed(events)) + "# Trailing" + text.split("# Trailing")[1]
    path = tmp_path / "events.yaml"
    path.write_text(shuffled, "utf-8")
    assert main(["fmt", "--check", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"--- {path}\n+++ {path} (canonical)\n@@ ")
    assert f"1 of 1 files not in canonical form: run python -m timeline fmt {path}\n" in out
    assert path.read_text("utf-8") == shuffled


def test_check_passes_on_a_canonical_file(tmp_path, capsys):
    path = Path(shutil.copy(CANONICAL, tmp_path / "events.yaml"))
    assert main(["fmt", "--check", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_a_byte_order_mark_is_not_canonical_and_fmt_drops_it(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_bytes("\ufeff".encode() + CANONICAL.read_bytes())
    assert main(["fmt", "--check", str(path)]) == 1
    assert main(["fmt", str(path)]) == 0
    assert path.read_bytes() == CANONICAL.read_bytes()
    capsys.readouterr()


def test_without_a_path_fmt_formats_the_three_data_files(tmp_path, monkeypatch, repo_root, capsys):
    for name in REAL_FILES:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(repo_root / name, tmp_path / name)
    (tmp_path / "data/events.yaml").write_bytes(MESSY.read_bytes())
    monkeypatch.chdir(tmp_path)
    main(["fmt"])
    capsys.readouterr()
    assert main(["fmt", "--check"]) == 0
    assert (tmp_path / "data/events.yaml").read_bytes() == CANONICAL.read_bytes()


def test_a_malformed_file_is_reported_with_its_location_and_left_alone(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text('events:\n  - id: a\n    title: "unclosed\n', "utf-8")
    assert main(["fmt", str(path)]) == 1
    out = capsys.readouterr().out
    assert re.fullmatch(rf"{re.escape(str(path))}:3:12: \[error\] .+ \(yaml-syntax\)\n", out)
    assert path.read_text("utf-8") == 'events:\n  - id: a\n    title: "unclosed\n'


def test_a_missing_file_is_reported(tmp_path, capsys):
    assert main(["fmt", str(tmp_path / "nope.yaml")]) == 1
    assert "(unreadable-file)" in capsys.readouterr().out


def test_fmt_has_help(capsys):
    assert main(["fmt", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m timeline fmt")
    assert "canonical form" in out and "--check" in out


def test_check_names_the_first_differing_line_when_a_diff_would_be_too_long(
    tmp_path, capsys, monkeypatch
):
    import timeline.commands.fmt as fmt_command

    text = CANONICAL.read_text("utf-8")
    blocks = re.split(r"(?m)^(?=  (?:# Comment before|- id: ))", text.split("# Trailing")[0])
    header, events = blocks[0], blocks[1:]
    shuffled = header + "".join(reversed(events)) + "# Trailing" + text.split("# Trailing")[1]
    pairs = zip(shuffled.splitlines(), canonical_text(shuffled, "x").splitlines(), strict=False)
    first = next(n for n, (ours, canonical) in enumerate(pairs, 1) if ours != canonical)
    path = tmp_path / "events.yaml"
    path.write_text(shuffled, "utf-8")
    monkeypatch.setattr(fmt_command, "MAX_DIFF_LINES", 2)
    assert main(["fmt", "--check", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{path}:{first}:1: not in canonical form from this line on (")
    assert "too many to show as a diff" in out and "@@" not in out
    assert path.read_text("utf-8") == shuffled


# The text of a scalar, as yaml.dump writes it: what fmt wrote for every value before it had
# fast paths for the common ones, and still writes for the rest.
def _dumped(data: object, **options: object) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, width=10**9, **options)


def _double_quoted_by_yaml(text: str) -> str:
    return _dumped({"k": text}, default_style='"').removeprefix('"k": ').removesuffix("\n")


def _block_text_by_yaml(text: str) -> str:
    written = _dumped({"k": text}).removeprefix("k: ").removesuffix("\n")
    plain = "\n" not in written and written[:1] not in ("'", '"')
    return written if plain else _double_quoted_by_yaml(text)


def _in_flow_by_yaml(text: str) -> str:
    written = _dumped([text], default_flow_style=True).removesuffix("\n")[1:-1]
    plain = "\n" not in written and written[:1] not in ("'", '"')
    return written if plain else _double_quoted_by_yaml(text)


def _scalars(node: object) -> list[str]:
    if isinstance(node, dict):
        return [text for value in node.values() for text in _scalars(value)] + [
            key for key in node if isinstance(key, str)
        ]
    if isinstance(node, list):
        return [text for value in node for text in _scalars(value)]
    return [node] if isinstance(node, str) else []


TRICKY_TEXT = [
    *("yes", "No", "on", "OFF", "null", "Null", "true", "y", "n", "~", "=", "<<", "-", "a -"),
    *("2024", "2024-10-01", "2024-10", "1e3", "1.5", ".inf", ".nan", "0x1F", "0o17", "1_000"),
    *("12:30", "190:20:30", "-1", "+1", "1,000", "a: b", "a:b", "a #b", "a#b", "#a", "a:", "a,b"),
    *("--- a", "... a", "a  b", " a", "a ", "", "’s", "it's", "(a)", "a/b", "a.b.", "A_b", "a\tb"),
    *('"a"', "a\\b", "a\x85b", "a\u2028b", "a\ufeffb", "a\xa0b", "a\U0001f600", "a\x7f", "é"),
]


def _written_both_ways(text: str, indent: int) -> tuple[tuple, tuple]:
    fast = (
        fmt._block_text.__wrapped__(text),
        fmt._in_flow.__wrapped__(text),
        fmt._double_quoted.__wrapped__(text),
        fmt._folded(text, indent),
    )
    by_yaml = (
        _block_text_by_yaml(text),
        _in_flow_by_yaml(text),
        _double_quoted_by_yaml(text),
        # every text the long way, word by word: what the fast path must match
        fmt._folded_by_words(text, WIDTH - indent),
    )
    return fast, by_yaml


def test_fast_paths_write_each_value_of_the_data_as_yaml_dump_does():
    values = {t for path in REAL_FILES for t in _scalars(data_of(Path(path).read_text()))}
    for text in [*TRICKY_TEXT, *sorted(values)]:
        fast, by_yaml = _written_both_ways(text, 6)
        assert fast == by_yaml, text


_EDGES = list(" -:#,[]{}?'\"\\.!&*|>%@`~\t\n\r\x85\u2028\u2029\ufeff\xa0\u2019\U0001f600\x00\x7f")


@settings(max_examples=1500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from([*_EDGES, *"aeynoltruNTF0123456789xE+._/()"])
        | st.characters(blacklist_categories=("Cs",)),  # no surrogates in UTF-8 text
        max_size=24,
    )
)
def test_fast_paths_write_any_text_as_yaml_dump_does(text):
    fast, by_yaml = _written_both_ways(text, 90)
    assert fast == by_yaml


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.text(st.characters(blacklist_categories=("Cs", "C", "Z")), min_size=1, max_size=30),
        min_size=1,
        max_size=40,
    ),
    st.integers(min_value=0, max_value=110),
)
def test_folding_single_spaced_words_gives_the_lines_of_adding_one_word_at_a_time(words, indent):
    text = " ".join(words)
    assert fmt._folded(text, indent) == fmt._folded_by_words(text, WIDTH - indent)
