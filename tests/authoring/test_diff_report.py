"""The diff as text and as a Markdown pull-request comment in which data stays text."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.authoring.diff_report import MARKDOWN_LIMIT, as_markdown, as_text, md_code
from timeline.authoring.semantic_diff import diff_events, events_from_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff"


@pytest.fixture(scope="module")
def markdown() -> str:
    old, new = (FIXTURES / "old.yaml", FIXTURES / "new.yaml")
    diff = diff_events(
        events_from_text(old.read_text("utf-8"), "old"),
        events_from_text(new.read_text("utf-8"), "new"),
        "origin/main:data/events.yaml",
        "data/events.yaml (working tree)",
    )
    return as_markdown(diff)


def test_markdown_heading_counts_and_sections(markdown):
    lines = markdown.splitlines()
    assert lines[0] == "### Timeline events: 1 added, 1 removed, 2 renamed, 1 changed"
    assert lines[2] == "`origin/main:data/events.yaml` → `data/events.yaml (working tree)`"
    headings = [line for line in lines if line.startswith("#### ")]
    assert headings == ["#### Added", "#### Removed", "#### Renamed", "#### Changed"]


def test_markdown_shows_old_and_new_values_and_quotes_as_blockquotes(markdown):
    assert "  - **date**: `2024-10` → `2024-10-08`" in markdown
    assert "  - **status**: `reported` → `confirmed`" in markdown
    assert (
        "  - **sources**: quote removed from `001_x.txt`\n    > The troops arrived this month\\."
        in (markdown)
    )
    assert (
        "  - **sources**: quote added from `001_x.txt`\n    > The troops arrived on Tuesday\\."
        in (markdown)
    )
    assert "- **`old-name` → `new-name`**: An event renamed with nothing else changed" in markdown
    assert "  sometime between `2024-11-01` and `2024-11-30` · `claimed`" in markdown


def test_markdown_renders_data_as_text(markdown):
    # Every ASCII punctuation character is backslash-escaped (timeline.text.markdown), so no
    # tag, link, emphasis or entity in the data is read as Markdown or HTML.
    for raw in ("<b>", "<script>", "[a link](", "*stars*", " & "):
        assert raw not in markdown
    assert (
        "\\<b\\>markup\\<\\/b\\>\\, \\*stars\\* and \\[a link\\]\\(https\\:\\/\\/example\\.com\\)"
    ) in markdown
    assert (
        "  > \\# Not a heading\\, \\<script\\>alert\\(1\\)\\<\\/script\\> \\& not \\`code\\`"
        in markdown
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("id", "`id`"), ("a`b", "``a`b``"), ("`x", "`` `x ``"), ("two\nlines", "`two lines`")],
)
def test_md_code_holds_any_text(text, expected):
    assert md_code(text) == expected


def test_no_changes():
    diff = diff_events([{"id": "a", "date": "2024"}], [{"id": "a", "date": 2024}], "A", "B")
    assert as_markdown(diff) == "### Timeline events: no changes to the events\n\n`A` → `B`\n"
    assert as_text(diff) == "A -> B: no changes to the events\n"


def test_text_report_lines():
    old = [{"id": "a", "date": "2024-10", "status": "reported", "title": "T"}]
    new = [
        {"id": "a", "date": "2024-10-08", "status": "reported", "title": "T"},
        {"id": "b", "date": "2024-06", "end": "2024-08", "status": "claimed", "title": "U"},
    ]
    assert as_text(diff_events(old, new, "A", "B")) == (
        "A -> B: 1 added, 1 changed\n"
        "added    b  2024-06..2024-08  claimed  U\n"
        "changed  a\n"
        "  date: '2024-10' -> '2024-10-08'\n"
    )


def test_a_huge_markdown_diff_is_cut_to_fit_a_comment():
    quote = "word " * 40
    new = [
        {"id": f"e{n}", "date": "2024", "title": "T", "sources": [{"file": "f", "quote": quote}]}
        for n in range(400)
    ]
    markdown = as_markdown(diff_events([], new))
    assert len(markdown) <= MARKDOWN_LIMIT + 200
    assert markdown.endswith("run `python -m timeline diff` to see everything.*\n")
