from timeline.passages import Passage, merge_spans, passage, segments, to_html

SEED = "Headline\nshort line before\nThe quote is here.\nshort line after\n\nlast paragraph\n"


def span_of(text, part):
    start = text.index(part)
    return start, start + len(part)


def test_merge_spans_joins_overlaps_and_sorts():
    assert merge_spans([(10, 12), (0, 3), (2, 5), (5, 6)]) == [(0, 6), (10, 12)]


def test_segments_cut_plain_and_highlighted_pieces():
    assert segments("abcdefgh", [(2, 4), (6, 20)]) == [
        ("ab", False),
        ("cd", True),
        ("ef", False),
        ("gh", True),
    ]


def test_segments_clip_highlights_to_the_range():
    assert segments("abcdefgh", [(0, 3), (7, 8)], start=2, end=5) == [("c", True), ("de", False)]


def test_short_passage_takes_a_line_either_side():
    quote = span_of(SEED, "quote is")
    assert passage(SEED, quote) == Passage(
        line=2,
        segments=(
            ("short line before\nThe ", False),
            ("quote is", True),
            (" here.\nshort line after", False),
        ),
    )


def test_long_paragraph_stands_alone():
    seed = "before\n" + "x" * 300 + " needle " + "y" * 10 + "\nafter"
    result = passage(seed, span_of(seed, "needle"))
    assert result.line == 2
    assert "".join(text for text, _ in result.segments) == "x" * 300 + " needle " + "y" * 10


def test_widening_skips_blank_lines():
    result = passage(SEED, span_of(SEED, "last paragraph"))
    assert result.line == 4
    assert result.segments == (("short line after\n\n", False), ("last paragraph", True))


def test_passage_at_the_start_of_the_text():
    result = passage(SEED, span_of(SEED, "Headline"))
    assert result.line == 1
    assert result.segments[0] == ("Headline", True)


def test_other_highlights_show_in_the_passage():
    result = passage(SEED, span_of(SEED, "quote"), highlights=[span_of(SEED, "line after")])
    assert ("line after", True) in result.segments


def test_to_html_escapes_text_before_marking_it():
    pieces = [("<script>alert(1)</script> & ", False), ('<img src=x onerror="x">', True)]
    assert to_html(pieces) == (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
        "<mark>&lt;img src=x onerror=&quot;x&quot;&gt;</mark>"
    )
