"""timeline.export.layout: the timeline figure laid out for publication (no browser needed)."""

import datetime as dt
from pathlib import Path

import plotly.io as pio
import pytest
from dashboard_support import event_points

import timeline
from timeline.charts.lanes import view_figure
from timeline.export import layout as export_chart
from timeline.export.layout import DARK_COLOURS, ChartOptions, Size, publication_layout
from timeline.text import escape_html
from timeline.view import View
from timeline.view.credit import Credit

SMALL = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "dashboard"
    / "small"
    / "data"
    / "events.yaml"
)
CREDIT = Credit(
    sources=("Alpha Daily, “Alpha's report on the treaty”", "Beta <Weekly> & Co, “Troops”"),
    filters="Filters: none (every event)",
    version="git abc1234",
    exported=dt.date(2024, 11, 5),
)


@pytest.fixture(scope="module")
def timeline_fig():
    dataset = timeline.load_dataset(SMALL)
    return view_figure(View(dataset))


def annotation(fig, name):
    found = [a for a in fig.layout.annotations if a.name == name]
    return found[0] if found else None


def footer_of(fig):
    return annotation(fig, "footer")


def colours(value, key=""):
    """Every colour value in a figure dict."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from colours(item, name)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from colours(item, key)
    elif "color" in key and isinstance(value, str):
        yield value


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_size_template_and_marks(timeline_fig, theme):
    options = ChartOptions(size=Size(1600, 900, 3), theme=theme)
    fig = publication_layout(timeline_fig, options, "A title", CREDIT)
    assert (fig.layout.width, fig.layout.height) == (1600, 900)
    assert fig.layout.template == pio.templates[export_chart.THEMES[theme]]
    assert event_points(fig) == event_points(timeline_fig)
    assert fig.layout.xaxis.rangeslider.visible is False
    assert timeline_fig.layout.width is None  # the figure given is left as it was


def test_dark_theme_swaps_every_light_colour(timeline_fig):
    light = publication_layout(timeline_fig, ChartOptions(), "T", CREDIT).to_plotly_json()
    dark = publication_layout(timeline_fig, ChartOptions(theme="dark"), "T", CREDIT)
    dark_colours = set(colours(dark.to_plotly_json()))
    assert set(colours(light)) & set(DARK_COLOURS)  # the chart does draw with them
    assert not dark_colours & set(DARK_COLOURS)
    assert "rgba(17,17,17,0.9)" in dark_colours  # hollow spans are filled with the dark background
    assert footer_of(dark).font.color == export_chart.FOOTER_COLOUR["dark"]


def test_title_subtitle_and_footer_are_escaped_text(timeline_fig):
    fig = publication_layout(
        timeline_fig, ChartOptions(subtitle="Seen <here> & there"), "<b>Troops</b> & more", CREDIT
    )
    assert annotation(fig, "title").text == "<b>&lt;b&gt;Troops&lt;/b&gt; &amp; more</b>"
    assert annotation(fig, "subtitle").text == "Seen &lt;here&gt; &amp; there"
    footer = footer_of(fig).text
    assert "Beta &lt;Weekly&gt; &amp; Co, “Troops”" in footer
    lines = footer.split("<br>")
    assert (
        lines[-1] == "Filters: none (every event) · Data version git abc1234 · Exported 2024-11-05"
    )
    assert " ".join(lines[:-1]) == escape_html(CREDIT.source_line)


def test_no_subtitle_unless_asked(timeline_fig):
    fig = publication_layout(timeline_fig, ChartOptions(), "T", CREDIT)
    assert annotation(fig, "subtitle") is None


def test_long_footer_wraps_within_the_width_and_the_margin_holds_it(timeline_fig):
    many = Credit(
        tuple(f"Publisher {n}, “A rather long title number {n}”" for n in range(12)),
        "F",
        "v",
        dt.date(2024, 1, 1),
    )
    fig = publication_layout(timeline_fig, ChartOptions(), "T", many)
    lines = footer_of(fig).text.split("<br>")
    assert len(lines) >= 3
    width = fig.layout.width - 2 * export_chart.EDGE
    size = export_chart.FOOTER_SIZE
    assert all(len(line) * size * export_chart.CHAR_WIDTH <= width for line in lines)
    assert fig.layout.margin.b >= len(lines) * size * export_chart.LINE_HEIGHT
    for n in range(12):
        assert f"Publisher {n}, “A rather long title number {n}”" in " ".join(lines)


def test_long_title_wraps_and_pushes_the_plot_down(timeline_fig):
    short = publication_layout(timeline_fig, ChartOptions(), "Short", CREDIT)
    long = publication_layout(timeline_fig, ChartOptions(), "A much longer title " * 8, CREDIT)
    assert annotation(long, "title").text.count("<br>") >= 1
    assert long.layout.margin.t > short.layout.margin.t
    with_subtitle = publication_layout(timeline_fig, ChartOptions(subtitle="S"), "Short", CREDIT)
    assert with_subtitle.layout.margin.t > short.layout.margin.t
    assert annotation(with_subtitle, "subtitle").yshift < 0  # under the title


def test_text_starts_at_the_left_edge_and_the_title_at_the_top(timeline_fig):
    fig = publication_layout(timeline_fig, ChartOptions(subtitle="S"), "T", CREDIT)
    edge, margin = export_chart.EDGE, fig.layout.margin
    assert fig.layout.legend.x * fig.layout.width == pytest.approx(edge)
    plot_width = fig.layout.width - margin.l - margin.r
    plot_height = fig.layout.height - margin.t - margin.b
    for name in ("title", "subtitle", "footer"):
        assert margin.l + annotation(fig, name).x * plot_width == pytest.approx(edge)
    top = margin.b + annotation(fig, "title").y * plot_height
    assert fig.layout.height - top == pytest.approx(edge)
