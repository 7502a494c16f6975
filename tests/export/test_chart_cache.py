"""timeline.export.chart_cache: a chart laid out once per view, size and header lines; a new
title, subtitle or theme only dresses it again, and gives what a fresh layout gives."""

import datetime as dt
import json
from pathlib import Path

import plotly.io as pio
import pytest

import timeline
from timeline.export import PRESETS, ChartCache, ChartOptions, Size, chart_figure, export
from timeline.view import View
from timeline.view.filters import FilterState

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "dashboard" / "small" / "data"
TODAY = dt.date(2024, 11, 5)
LONG = "A title long enough to take two lines at the social preset, " * 2


@pytest.fixture(scope="module")
def view():
    return View(timeline.load_dataset(SMALL / "events.yaml"))


def plain(chart) -> dict:
    """A chart as the JSON plotly.js receives."""
    return json.loads(pio.to_json(chart, validate=False))


def fresh(view, options) -> dict:
    return plain(chart_figure(view, options, today=TODAY))


def test_a_new_title_subtitle_or_theme_reuses_the_layout(view):
    charts = ChartCache()
    asked = [
        ChartOptions(),
        ChartOptions(title="Troops in Kursk"),
        ChartOptions(title="Troops <b>& more</b>", theme="dark"),
        ChartOptions(title="Troops in Kursk", theme="light"),
    ]
    made = [plain(charts.chart(view, options, TODAY)) for options in asked]
    assert charts.layouts == 1
    assert made == [fresh(view, options) for options in asked]
    assert made[1] != made[2] != made[3]
    with_subtitle = [ChartOptions(subtitle="From the seeds"), ChartOptions(subtitle="Another")]
    made = [plain(charts.chart(view, options, TODAY)) for options in with_subtitle]
    assert charts.layouts == 2  # a subtitle's line moves the plot down: laid out once more
    assert made == [fresh(view, options) for options in with_subtitle]


@pytest.mark.parametrize(
    "other",
    [
        ChartOptions(title=LONG),  # two lines of title
        ChartOptions(size=PRESETS["web"]),
        ChartOptions(size=PRESETS["print"]),
    ],
    ids=["title-lines", "web", "print"],
)
def test_what_moves_the_marks_lays_the_chart_out_again(view, other):
    charts = ChartCache()
    charts.chart(view, ChartOptions(), TODAY)
    assert plain(charts.chart(view, other, TODAY)) == fresh(view, other)
    assert charts.layouts == 2


def test_a_new_scale_changes_no_layout(view):
    charts = ChartCache()
    for size in (PRESETS["web"], PRESETS["print"]):  # 1600 x 900 at scale 1, then 3
        options = ChartOptions(size=size)
        assert plain(charts.chart(view, options, TODAY)) == fresh(view, options)
    assert charts.layouts == 1


def test_each_view_and_day_has_its_own_chart(view):
    charts = ChartCache()
    narrower = View(view.dataset, FilterState(statuses=("reported",)))
    for shown in (view, narrower, view):
        assert plain(charts.chart(shown, ChartOptions(), TODAY)) == fresh(shown, ChartOptions())
    assert charts.layouts == 2
    charts.chart(view, ChartOptions(), TODAY + dt.timedelta(days=1))
    assert charts.layouts == 3


def test_the_oldest_charts_give_way(view):
    charts = ChartCache(keep=2)
    sizes = [PRESETS["social"], PRESETS["web"], Size(800, 450)]
    for size in [*sizes, sizes[0]]:
        charts.chart(view, ChartOptions(size=size), TODAY)
    assert charts.layouts == 4


def test_exports_share_the_cache(view):
    charts = ChartCache()
    first = export(view, "html", ChartOptions(title="One"), charts=charts, today=TODAY)
    second = export(view, "html", ChartOptions(title="Two"), charts=charts, today=TODAY)
    assert b"One" in first and b"Two" in second
    assert charts.layouts == 1
