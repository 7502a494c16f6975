"""timeline.export.data through timeline.export: CSV, JSON and TimelineJS files of the events shown,
and the filters narrowing every format (charts included) alike."""

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from dashboard_support import VOCABULARIES, event_row, events_frame

import timeline
from timeline.dataset import Dataset
from timeline.export import ChartOptions, chart_figure, export
from timeline.export.data import CSV_COLUMNS
from timeline.model import EventsFile, Period, Settings
from timeline.paths import DataPaths
from timeline.text import escape_html as escape
from timeline.view import View
from timeline.view.filters import FilterState

REPO_ROOT = Path(__file__).resolve().parents[2]
SMALL = REPO_ROOT / "tests" / "fixtures" / "dashboard" / "small" / "data" / "events.yaml"
REAL = REPO_ROOT / "data" / "events.yaml"
TODAY = dt.date(2024, 11, 5)


@pytest.fixture(scope="module")
def small():
    return timeline.load_dataset(SMALL)


def view_of(dataset, path=SMALL, **filters):
    return View(dataset, FilterState(**filters))


def exported(view, fmt):
    return export(view, fmt, today=TODAY).decode("utf-8")


def events_in_file(path: Path):
    return EventsFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).events


@pytest.mark.parametrize("path", [SMALL, REAL], ids=["small", "data"])
def test_json_round_trips_to_the_same_events(path):
    dataset = timeline.load_dataset(path)
    assert dataset.ok, [p.text() for p in dataset.problems if p.is_error]
    document = json.loads(exported(view_of(dataset, path), "json"))
    again = EventsFile.model_validate({"events": document["events"]}).events
    assert again == events_in_file(path)


def test_json_carries_the_credit_filters_and_the_cited_seeds(small):
    view = view_of(small, categories=("troop-deployment",), date_from=dt.date(2024, 10, 1))
    document = json.loads(exported(view, "json"))
    assert [e["id"] for e in document["events"]] == ["special-forces-shipped", "troops-arrive"]
    assert document["filters"] == {"category": ["troop-deployment"], "from": "2024-10-01"}
    assert document["exported"] == "2024-11-05"
    assert document["data_version"].startswith(("git ", "sha256 "))
    assert len(document["data_sha256"]) == 64
    assert document["title"] == (
        "North Korea's military support to Russia: Troop deployment, from 1 October 2024"
    )
    assert [s["file"] for s in document["sources"]] == ["alpha.txt", "beta.txt"]
    assert document["cited_sources"] == [
        "Alpha Daily, “Alpha's report on the treaty”",
        "Beta Weekly, “Beta's report on the troops”",
    ]
    assert document["credit"].startswith("Source: Alpha Daily")


@pytest.mark.parametrize("path", [SMALL, REAL], ids=["small", "data"])
def test_csv_round_trips_to_the_same_events(path):
    dataset = timeline.load_dataset(path)
    rows = list(csv.DictReader(io.StringIO(exported(view_of(dataset, path), "csv"))))
    assert list(rows[0]) == CSV_COLUMNS
    events = dataset.events.to_dict("records")
    assert len(rows) == len(events)

    def split(text):
        return text.split("; ") if text else []

    for row, event in zip(rows, events, strict=True):
        assert row["id"] == event["id"]
        assert (row["date"], row["end"] or None) == (event["date"], event["date_end"])
        assert row["window"] == str(bool(event["window"]))
        assert (row["title"], row["summary"]) == (event["title"], event["summary"])
        assert (row["category"], row["status"]) == (event["category"], event["status"])
        assert split(row["actors"]) == event["actors"]
        assert (row["location"] or None) == event["location"]
        assert split(row["other_locations"]) == event["other_locations"]
        assert row["key"] == str(bool(event["key"]))
        assert (row["date_basis"] or None) == event["date_basis"]
        assert split(row["source_files"]) == event["source_files"]
        assert len(split(row["sources"])) == len(event["source_files"])
        assert int(row["n_sources"]) == event["n_sources"]
        assert int(row["n_citations"]) == len(event["sources"])
        assert int(row["n_figures"]) == len(event["figures"])


def test_csv_gives_labels_beside_ids(small):
    rows = list(csv.DictReader(io.StringIO(exported(view_of(small, q="Vladivostok"), "csv"))))
    (row,) = [r for r in rows if r["id"] == "special-forces-shipped"]
    assert row["date_text"] == "8 to 13 October 2024"
    assert row["category_label"] == "Troop deployment"
    assert row["actor_labels"] == "Russia; North Korea"
    assert row["status_label"] == "Reported"
    assert row["sources"] == "Beta Weekly"  # the short name, as everywhere a source is named


def timelinejs(view):
    return json.loads(exported(view, "timelinejs"))


def test_timelinejs_dates_go_only_as_far_as_the_event_is_known(small):
    slides = {s["unique_id"]: s for s in timelinejs(view_of(small))["events"]}
    assert slides["treaty-signed"]["start_date"] == {"year": 2024, "month": 6, "day": 19}
    assert "end_date" not in slides["treaty-signed"]
    assert slides["troops-arrive"]["start_date"] == {"year": 2024, "month": 10}
    assert slides["korean-war"]["start_date"] == {"year": 1950}
    assert slides["korean-war"]["end_date"] == {"year": 1953}
    window = slides["moscow-denies"]
    assert window["end_date"] == {"year": 2024, "month": 10, "day": 20}
    assert window["display_date"] == "between 14 and 20 October 2024"
    assert slides["special-forces-shipped"]["group"] == "Troop deployment"


def test_timelinejs_text_is_escaped_html_with_every_citation(small):
    document = timelinejs(view_of(small))
    (slide,) = [s for s in document["events"] if s["unique_id"] == "moscow-denies"]
    assert slide["text"]["headline"] == "Moscow denies &lt;b&gt;any&lt;/b&gt; troops &amp; more"
    text = slide["text"]["text"]
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    assert text.count("<li>") == 2
    assert "<strong>Beta Weekly, “Beta&#x27;s report on the troops”</strong>" in text
    assert "<em>Status: Denied</em>" in text
    title = document["title"]
    assert title["text"]["headline"] == "North Korea&#x27;s military support to Russia, 1950–2024"
    assert "Source: Alpha Daily" in title["text"]["text"]
    assert "Filters: none (every event), data as of " in title["text"]["text"]
    ids = [s["unique_id"] for s in document["events"]]
    assert len(set(ids)) == len(ids) and title["unique_id"] not in ids


FILTERS = [
    {},
    {"categories": ("troop-deployment",)},
    {"actors": ("russia",), "statuses": ("confirmed", "denied")},
    {"sources": ("beta.txt",), "date_from": dt.date(2024, 10, 1)},
    {"q": "treaty", "min_sources": 2},
    {"q": "no event says this"},
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f) or "none")
def test_filters_narrow_every_format_alike(small, filters):
    view = view_of(small, **filters)
    ids = list(view.events["id"])
    assert len(ids) < len(small.events) or not filters

    csv_ids = [r["id"] for r in csv.DictReader(io.StringIO(exported(view, "csv")))]
    json_ids = [e["id"] for e in json.loads(exported(view, "json"))["events"]]
    timelinejs_ids = [e["unique_id"] for e in timelinejs(view)["events"]]
    assert csv_ids == json_ids == timelinejs_ids == ids

    # Charts draw the events kept that reach into the time axis (1950 is off the default one).
    drawn = list(view.drawn["id"])
    assert set(drawn) <= set(ids)
    assert set(drawn) == set(ids) - {"korean-war"}
    fig = chart_figure(view, ChartOptions(), TODAY)
    charted = {
        row[0] for trace in fig.data if trace.customdata is not None for row in trace.customdata
    }
    assert charted == set(drawn)
    # Plotly writes the figure as JSON with <, > and / as \u escapes.
    page = exported(view, "html")
    page = page.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u002f", "/")
    for event_id in small.events["id"]:
        assert (f'"{event_id}"' in page) == (event_id in drawn)
    for title in view.drawn["title"]:
        assert escape(title) in page


def test_drawn_follows_the_date_filter(small):
    view = view_of(small, date_from=dt.date(1950, 1, 1), date_to=dt.date(1960, 12, 31))
    assert list(view.events["id"]) == list(view.drawn["id"]) == ["korean-war"]
    assert view.x_range == (dt.date(1950, 1, 1), dt.date(1960, 12, 31))


def test_unknown_format_is_refused(small):
    with pytest.raises(ValueError, match="unknown format 'docx'"):
        export(view_of(small), "docx")


def test_the_chart_draws_what_reaches_into_its_axis_and_the_data_keeps_everything():
    frame = events_frame(
        event_row("last-day", "2024-12-31"),
        event_row("next-year", "2025"),  # starts where the default axis (2022 to 2024) ends
        event_row("long-ago", "1950", end="1953"),
    )
    period = Period(start="2022-01-01", end="2025-01-01")
    settings = Settings(title="T", page_title="T", subject="T", period=period)
    dataset = Dataset(frame, VOCABULARIES, [], DataPaths.of("data/events.yaml"), settings)
    view = View(dataset)
    assert list(view.events["id"]) == ["last-day", "next-year", "long-ago"]
    assert list(view.drawn["id"]) == ["last-day"]
    view = View(dataset, FilterState(date_to=dt.date(2025, 1, 1)))  # "to" includes its day
    assert list(view.drawn["id"]) == ["last-day", "next-year"]
