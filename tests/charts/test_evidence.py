import datetime as dt
import itertools

import pandas as pd

from timeline.charts.evidence import default_units, figures_figure, map_figure, matrix_figure

RANGE = (dt.date(2022, 1, 1), dt.date(2025, 1, 1))

DAY_MS = 86_400_000


FIGURES = pd.DataFrame(
    {
        "event_id": ["a", "b", "c"],
        "event_title": ["A <b>", "B", "C"],
        "date_text": ["October 2024", "1 November 2024", "2024"],
        "when": pd.to_datetime(["2024-10-16 12:00", "2024-11-01 12:00", "2024-07-02 00:00"]),
        "start": pd.to_datetime(["2024-10-01", "2024-11-01", "2024-01-01"]),
        "end": pd.to_datetime(["2024-11-01", "2024-11-02", "2025-01-01"]),
        "value": [3000.0, 10000.0, 3.1],
        "unit": ["troops", "troops", "percent"],
        "counts": ["soldiers", "soldiers", "GDP growth"],
        "claimant": ["US", "South Korea", "Bank of Korea"],
        "qualifier": ["about", "exactly", "exactly"],
        "source": ["a.txt", "b.txt", "a.txt"],
        "source_label": ["A", "B", "A"],
        "quote": ["q", "q", "q"],
        "note": ["", "", ""],
    }
)


def test_figures_a_panel_per_unit_a_colour_per_claimant_each_point_linked_to_its_event():
    fig = figures_figure(FIGURES, ["troops", "percent", "unknown"], RANGE)
    points = [t for t in fig.data if t.name != "whiskers"]
    assert [(t.name, t.yaxis) for t in points] == [
        ("South Korea", "y"),
        ("US", "y"),
        ("Bank of Korea", "y2"),
    ]
    assert [a.text for a in fig.layout.annotations] == ["troops", "percent"]
    assert [list(t.customdata[0]) for t in points] == [["b", 1], ["a", 0], ["c", 2]]
    assert points[1].hovertext[0].startswith("<b>about 3,000 troops</b>: soldiers")
    assert "A &lt;b&gt;" in points[1].hovertext[0]
    whisker = [t for t in fig.data if t.name == "whiskers"][1]  # US, October 2024
    assert [pd.Timestamp(x) for x in whisker.x[:2]] == [
        pd.Timestamp("2024-10-01"),
        pd.Timestamp("2024-11-01"),
    ]


def test_every_claimant_looks_different_even_beyond_the_palette():
    claimants = [f"claimant {n:02d}" for n in range(14)]  # the real data has 14
    many = pd.concat([FIGURES.iloc[[0]]] * len(claimants), ignore_index=True)
    many["claimant"] = claimants
    fig = figures_figure(many, ["troops"], RANGE)
    looks = {(t.marker.color, t.marker.symbol) for t in fig.data if t.name != "whiskers"}
    assert len(looks) == len(claimants)


def test_default_units_are_those_used_more_than_once():
    assert default_units(FIGURES) == ["troops"]
    assert default_units(FIGURES.iloc[1:]) == ["troops", "percent"]


def test_map_marks_each_place_with_its_count():
    places = pd.DataFrame(
        {
            "id": ["kursk", "pyongyang"],
            "label": ["Kursk", "Pyongyang"],
            "country": ["Russia", "North Korea"],
            "lat": [51.7, 39.0],
            "lon": [36.2, 125.7],
            "events": [3, 1],
            "titles": [["a", "b", "c"], ["<d>"]],
            "event_ids": [["a", "b", "c"], ["d"]],
        }
    )
    fig = map_figure(places)
    (trace,) = fig.data
    assert list(trace.lat) == [51.7, 39.0]
    assert trace.marker.size[0] > trace.marker.size[1]
    assert trace.hovertext[1] == "<b>Pyongyang</b> (North Korea)<br>1 event<br>&lt;d&gt;"
    assert fig.layout.geo.scope == "world"
    assert fig.layout.geo.resolution == 110


def test_matrix_has_a_cell_per_source_and_event():
    matrix = pd.DataFrame([[1, 0], [2, 1]], index=["a.txt", "b.txt"], columns=["e1", "e2"])
    fig = matrix_figure(matrix, {"a.txt": "A"}, {"e1": "Event one"})
    (trace,) = fig.data
    assert trace.z.tolist() == [[1, 0], [2, 1]]
    assert list(trace.y) == ["A", "b.txt"]
    assert trace.hovertext[1][0] == "<b>Event one</b><br>b.txt<br>2 citations"


def test_units_whose_numbers_span_orders_of_magnitude_get_a_log_axis():
    wide = FIGURES.copy()
    wide.loc[1, "value"] = 1_300_000.0
    assert figures_figure(wide, ["troops", "percent"], RANGE).layout.yaxis.type == "log"
    assert figures_figure(FIGURES, ["troops"], RANGE).layout.yaxis.type is None


def test_the_axis_type_follows_the_numbers_on_the_time_axis():
    old_army = FIGURES.copy()
    old_army.loc[1, ["value", "when", "start", "end"]] = [
        1_300_000.0,
        pd.Timestamp("1951-07-02"),
        pd.Timestamp("1950-01-01"),
        pd.Timestamp("1954-01-01"),
    ]
    assert figures_figure(old_army, ["troops"], RANGE).layout.yaxis.type is None


def test_equal_numbers_at_the_same_time_are_set_side_by_side():
    same = pd.concat([FIGURES.iloc[[0]]] * 3, ignore_index=True)
    same["claimant"] = ["US", "NIS", "Kyiv"]
    fig = figures_figure(same, ["troops"], RANGE)
    xs = sorted(pd.Timestamp(t.x[0]) for t in fig.data if t.name != "whiskers")
    assert len(set(xs)) == 3
    assert xs[1] == pd.Timestamp("2024-10-16 12:00")  # the middle one stays on its date
    span = pd.Timestamp(RANGE[1]) - pd.Timestamp(RANGE[0])
    assert all(b - a >= span * 0.01 for a, b in itertools.pairwise(xs))
