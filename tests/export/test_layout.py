"""timeline.export.layout: the timeline figure laid out for publication (no browser needed)."""

import datetime as dt
from pathlib import Path

import plotly.io as pio
import pytest
from dashboard_support import event_points

import timeline
from timeline.charts.lanes import view_figure
from timeline.export import PRESETS
from timeline.export import layout as export_chart
from timeline.export.layout import (
    DARK_COLOURS,
    ChartOptions,
    Size,
    min_text_size,
    publication_layout,
)
from timeline.export.text_width import text_width
from timeline.view import View
from timeline.view.credit import Credit, DataVersion
from timeline.view.filters import FilterState

SMALL = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "dashboard"
    / "small"
    / "data"
    / "events.yaml"
)
VERSION = DataVersion("git abc1234", dt.date(2024, 10, 30), "0" * 64)
CREDIT = Credit(
    sources=("Alpha Daily", "Beta <Weekly> & Co"),
    filters="",
    version=VERSION,
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
    assert footer_of(fig).text.split("<br>") == [
        "Source: Alpha Daily; Beta &lt;Weekly&gt; &amp; Co",
        "Filters: none (every event), data as of 30 October 2024",
    ]


def test_no_subtitle_unless_asked(timeline_fig):
    fig = publication_layout(timeline_fig, ChartOptions(), "T", CREDIT)
    assert annotation(fig, "subtitle") is None


def test_the_footer_is_two_lines_whatever_the_number_of_sources(timeline_fig):
    many = Credit(
        tuple(f"Publisher number {n}" for n in range(40)), "", VERSION, dt.date(2024, 1, 1)
    )
    fig = publication_layout(timeline_fig, ChartOptions(), "T", many)
    source, filters = footer_of(fig).text.split("<br>")
    width = fig.layout.width - 2 * export_chart.EDGE
    size = export_chart.TextSizes.at(ChartOptions().size).footer
    assert text_width(source, size) <= width
    assert source.startswith("Source: Publisher number 0; Publisher number 1;")
    assert source.endswith(" more")  # the others are counted; the metadata names them all
    assert filters.startswith("Filters: ")


def test_long_title_wraps_and_pushes_the_plot_down(timeline_fig):
    short = publication_layout(timeline_fig, ChartOptions(), "Short", CREDIT)
    long = publication_layout(timeline_fig, ChartOptions(), "A much longer title " * 8, CREDIT)
    assert annotation(long, "title").text.count("<br>") >= 1
    assert long.layout.margin.t > short.layout.margin.t
    with_subtitle = publication_layout(timeline_fig, ChartOptions(subtitle="S"), "Short", CREDIT)
    assert with_subtitle.layout.margin.t > short.layout.margin.t
    assert annotation(with_subtitle, "subtitle").y < annotation(with_subtitle, "title").y


def test_text_starts_at_the_left_edge_and_the_title_at_the_top(timeline_fig):
    fig = publication_layout(timeline_fig, ChartOptions(subtitle="S"), "T", CREDIT)
    edge, margin = export_chart.EDGE, fig.layout.margin
    assert fig.layout.legend2.x * fig.layout.width == pytest.approx(edge)
    plot_width = fig.layout.width - margin.l - margin.r
    plot_height = fig.layout.height - margin.t - margin.b
    for name in ("title", "subtitle", "footer"):
        assert margin.l + annotation(fig, name).x * plot_width == pytest.approx(edge)
    top = margin.b + annotation(fig, "title").y * plot_height
    assert fig.layout.height - top == pytest.approx(edge)


def shown_legends(fig):
    return {t.legend or "legend" for t in fig.data if t.showlegend is not False and t.name}


def test_a_legend_only_where_it_tells_something(timeline_fig):
    both = publication_layout(timeline_fig, ChartOptions(), "T", CREDIT)
    assert shown_legends(both) == {"legend", "legend2"}
    lanes_say_it = publication_layout(
        timeline_fig, ChartOptions(), "T", CREDIT, colour_legend=False
    )
    assert shown_legends(lanes_say_it) == {"legend2"}


def test_one_status_shows_no_status_legend():
    dataset = timeline.load_dataset(SMALL)
    one = view_figure(View(dataset, FilterState(statuses=("confirmed",))))
    fig = publication_layout(one, ChartOptions(), "T", CREDIT)
    assert "legend2" not in shown_legends(fig)


@pytest.mark.parametrize("preset", ["social", "web", "print"])
def test_text_is_never_below_the_presets_minimum(timeline_fig, preset):
    size = PRESETS[preset]
    fig = publication_layout(timeline_fig, ChartOptions(size=size), "T", CREDIT)
    smallest = min_text_size(size)
    assert smallest >= 12
    assert fig.layout.font.size >= smallest
    assert all(a.font.size >= smallest for a in fig.layout.annotations)
    assert fig.layout.yaxis.tickfont.size >= smallest and fig.layout.xaxis.tickfont.size >= smallest
