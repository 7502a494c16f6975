"""timeline.export.text_width: line widths estimated without a browser, erring long."""

import pytest

from timeline.export.text_width import fit, line_height, plain, text_width, wrap


def test_markup_is_not_measured():
    assert plain("<b>Troops</b> &amp; more") == "Troops x more"
    assert text_width("<b>ab</b>", 10) == text_width("ab", 10)


def test_wide_letters_count_more_than_narrow_ones_and_bold_more_still():
    assert text_width("WWW", 12) > text_width("iii", 12) * 3
    assert text_width("Kursk", 12, bold=True) > text_width("Kursk", 12)
    assert text_width("Kursk", 24) == pytest.approx(2 * text_width("Kursk", 12))


def test_estimates_err_long_against_arial():
    # This line is 259.5 px in Liberation Sans (Arial's metrics) at 12 px, 291.1 in DejaVu Sans.
    estimate = text_width("Russia launches its full-scale invasion of Ukraine", 12)
    assert 259.5 * 1.1 < estimate < 300


def test_fit_cuts_with_an_ellipsis_and_wrap_keeps_words_whole():
    text = "North Korean units deploy to Russia's Kursk region"
    cut = fit(text, 12, 100)
    assert cut.endswith("…") and text_width(cut, 12) <= 100
    assert fit(text, 12, 1000) == text
    lines = wrap(text, 12, 120)
    assert " ".join(lines) == text and all(text_width(line, 12) <= 120 for line in lines)
    assert line_height(10) == pytest.approx(13)
