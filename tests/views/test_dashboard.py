"""The Streamlit app, run headless with AppTest against a small fixture dataset.

The fixture (tests/fixtures/dashboard/small) has six events; the comments next to each expected
count name the events that match.
"""

import copy
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
import streamlit as st
import yaml
from dashboard_support import dashboard_app, event_points

from timeline.charts import crowds
from views import detail_panel, export_panel, sidebar, timeline_view

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "dashboard"
ALL = 6


@pytest.fixture
def app(monkeypatch):
    """A fresh app over the small fixture; call ``app()`` or ``app(query params)`` to run it."""
    monkeypatch.setenv("TIMELINE_DATA", str(FIXTURES / "small" / "data" / "events.yaml"))
    st.cache_data.clear()

    def run(params=None):
        at = dashboard_app()
        at.query_params.update(params or {})
        return at.run()

    return run


def count_line(at):
    """The "Showing N of M events" of the line above the views (without what follows it)."""
    lines = [m.value for m in at.markdown if m.value.startswith("Showing ")]
    assert len(lines) == 1
    return re.match(r"Showing \d+ of \d+ events", lines[0])[0]


def detail_headings(at):
    """The text of the detail panel's heading (HTML-escaped, as sent), one per open detail."""
    pattern = re.compile(r"<h\d data-detail-heading[^>]*>(.*?)</h\d>")
    return [found for h in at.get("html") for found in pattern.findall(h.proto.body)]


def passages_shown(at):
    return [h.proto.body for h in at.get("html") if detail_panel.PASSAGE_STYLE in h.proto.body]


def timeline_spec(at):
    (chart,) = [c for c in at.get("plotly_chart") if c.proto.id.endswith("timeline_chart")]
    return json.loads(chart.proto.spec)


def event_ids_in(spec):
    return sorted(
        {row[0] for trace in spec["data"] if "customdata" in trace for row in trace["customdata"]}
    )


def test_app_runs_and_shows_every_event(app):
    at = app()
    assert not at.exception
    assert count_line(at) == f"Showing {ALL} of {ALL} events"
    assert [t.label for t in at.tabs] == ["Timeline", "Story", "Sources", "Figures", "Map", "Table"]
    assert at.query_params == {}


@pytest.mark.parametrize(
    ("widget", "key", "value", "shown", "params"),
    [
        # treaty-signed, treaty-ratified, special-forces-shipped, moscow-denies
        ("multiselect", "f_actor", ["russia"], 4, {"actor": "russia"}),
        # special-forces-shipped, troops-arrive
        ("multiselect", "f_category", ["troop-deployment"], 2, {"category": "troop-deployment"}),
        # treaty-signed, treaty-ratified, korean-war
        ("multiselect", "f_status", ["confirmed"], 3, {"status": "confirmed"}),
        # special-forces-shipped (reported), troops-arrive (claimed)
        (
            "multiselect",
            "f_status",
            ["reported", "claimed"],
            2,
            {"status": ["reported", "claimed"]},
        ),
        # treaty-signed, special-forces-shipped, troops-arrive, moscow-denies
        ("multiselect", "f_source", ["beta.txt"], 4, {"source": "beta.txt"}),
        # everything after 1 October 2024: the four October events
        ("date_input", "f_from", dt.date(2024, 10, 1), 4, {"from": "2024-10-01"}),
        # treaty-signed and the Korean War
        ("date_input", "f_to", dt.date(2024, 6, 30), 2, {"to": "2024-06-30"}),
        # troops-arrive: "Ussuriysk" in its summary and a quote
        ("text_input", "f_q", "ussuriysk", 1, {"q": "ussuriysk"}),
        # treaty-signed, troops-arrive, moscow-denies
        ("number_input", "f_min_sources", 2, 3, {"min_sources": "2"}),
    ],
)
def test_each_filter_changes_the_count_and_the_url(app, widget, key, value, shown, params):
    at = app()
    if key in MORE_KEYS:
        open_more_filters(at)
    getattr(at, widget)(key=key).set_value(value).run()
    assert not at.exception
    assert count_line(at) == f"Showing {shown} of {ALL} events"
    assert event_points(_figure(at)) == shown
    assert at.query_params == params


MORE_KEYS = {sidebar.KEYS[field] for field in sidebar.MORE_FIELDS}


def open_more_filters(at):
    """Open the sidebar's "More filters" panel, as a click on it does (its widgets are drawn
    only while it is open)."""
    at.session_state[sidebar.MORE_KEY] = True
    return at.run()


def test_more_filters_are_built_only_when_open_and_open_while_one_is_in_force(app):
    at = app()
    assert not at.date_input and not at.number_input  # the first page builds none of them
    assert not at.session_state[sidebar.MORE_KEY]
    at = app({"min_sources": "2"})
    assert at.session_state[sidebar.MORE_KEY]
    assert at.number_input(key="f_min_sources").value == 2
    at.session_state[sidebar.MORE_KEY] = False  # closed by the reader: reopens, the filter shown
    at.run()
    assert at.number_input(key="f_min_sources").value == 2
    assert at.query_params == {"min_sources": "2"}


def _figure(at):
    return go.Figure(timeline_spec(at))


def test_query_params_restore_the_view(app):
    at = app(
        {
            "actor": "north-korea",
            "status": "confirmed",
            "from": "1950",
            "to": "2024-06",
            "lanes": "actor",
            "event": "treaty-signed",
        }
    )
    assert not at.exception
    assert at.multiselect(key="f_actor").value == ["north-korea"]
    assert at.multiselect(key="f_status").value == ["confirmed"]
    assert at.date_input(key="f_from").value == dt.date(1950, 1, 1)
    assert at.date_input(key="f_to").value == dt.date(2024, 6, 30)
    assert at.radio(key="f_lanes").value == "actor"
    assert at.selectbox(key="f_event").value == "treaty-signed"
    # treaty-signed and korean-war; treaty-signed shows in both actor lanes.
    assert count_line(at) == f"Showing 2 of {ALL} events"
    spec = timeline_spec(at)
    assert event_ids_in(spec) == ["korean-war", "treaty-signed"]
    assert spec["layout"]["xaxis"]["range"] == ["1950-01-01", "2024-06-30"]
    assert detail_headings(at) == ["Leaders sign a defence treaty"]
    # The URL keeps the view, in its canonical form.
    assert at.query_params["from"] == "1950-01-01"
    assert at.query_params["event"] == "treaty-signed"


def test_bad_link_values_are_ignored_with_a_note(app):
    at = app({"actor": ["martians", "russia"], "min_sources": "lots", "colour": "red"})
    assert not at.exception
    assert count_line(at) == f"Showing 4 of {ALL} events"
    assert [w.value for w in at.warning] == ["Some values in the link were ignored:"]
    (notes,) = at.text
    assert notes.value.splitlines() == [
        "Ignored actor='martians': not a known actor.",
        "Ignored min_sources='lots': not a whole number.",
        "Ignored unknown parameter 'colour'.",
    ]
    assert at.query_params == {"actor": "russia"}
    at.button(key="dismiss_url_notes").click().run()
    assert not at.warning


def test_an_event_with_errors_is_left_out_and_the_banner_says_why(app, monkeypatch):
    bad = FIXTURES / "bad" / "data" / "events.yaml"
    monkeypatch.setenv("TIMELINE_DATA", str(bad))
    at = app()
    assert not at.exception
    assert at.warning[0].value.startswith("The data has 2 errors: 1 event with errors is left out")
    first, second = at.code[0].value.splitlines()
    assert first.startswith(f"{bad}:4:11: impossible date: '2024-06-31' is not a real day")
    assert second.startswith(f"{bad}:8:22: unknown actor 'north-koera'")
    assert second.endswith("(unknown-vocabulary)")
    assert count_line(at) == "Showing 0 of 0 events"


def test_one_bad_quote_leaves_the_other_events_on_screen(app, monkeypatch, tmp_path):
    shutil.copytree(FIXTURES / "small", tmp_path / "small")
    events = tmp_path / "small" / "data" / "events.yaml"
    text = events.read_text(encoding="utf-8")
    quote = 'quote: "'
    at_quote = text.index(quote) + len(quote)
    events.write_text(text[:at_quote] + "Words no seed has ever said, " + text[at_quote:], "utf-8")
    monkeypatch.setenv("TIMELINE_DATA", str(events))
    at = app()
    assert not at.exception
    assert at.warning[0].value.startswith("The data has 1 error: 1 event with errors is left out")
    (line,) = at.code[0].value.splitlines()
    assert line.startswith(f"{events}:") and line.endswith("(quote-not-found)")
    assert count_line(at) == f"Showing {ALL - 1} of {ALL - 1} events"
    assert event_points(_figure(at)) == ALL - 1
    at.session_state["export_panel"] = True  # open the Export panel
    at.run()
    refusal = [w.value for w in at.warning if w.value.startswith("Nothing is exported")]
    assert refusal and not at.get("download_button")
    assert not [w for w in at.selectbox if w.key == export_panel.KEYS["format"]]


def test_a_file_that_cannot_be_read_shows_the_problems_alone(app, monkeypatch, tmp_path):
    shutil.copytree(FIXTURES / "small", tmp_path / "small")
    events = tmp_path / "small" / "data" / "events.yaml"
    events.write_text("events:\n  - id: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_DATA", str(events))
    at = app()
    assert not at.exception
    assert at.error[0].value.startswith("The data has 1 error, so the timeline cannot be shown")
    assert "(yaml-syntax)" in at.code[0].value
    assert not at.get("plotly_chart")
    assert not at.tabs


def test_figure_has_a_point_per_event_and_lane(app):
    at = app()
    assert event_points(_figure(at)) == ALL
    open_more_filters(at).radio(key="f_lanes").set_value("actor").run()
    # Russia: 4 events, North Korea: 4 events.
    assert event_points(_figure(at)) == 8
    assert at.query_params == {"lanes": "actor"}


def test_marks_grouped_for_the_screen_are_said_on_the_page(app, monkeypatch, tmp_path):
    assert not [m for m in app().markdown if "events drawn as" in m.value]
    shutil.copytree(FIXTURES / "small", tmp_path / "small")
    events_path = tmp_path / "small" / "data" / "events.yaml"
    data = yaml.safe_load(events_path.read_text(encoding="utf-8"))
    copies = [{**copy.deepcopy(data["events"][0]), "id": f"copy-{n}"} for n in range(3)]
    data["events"] += copies
    events_path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("TIMELINE_DATA", str(events_path))
    monkeypatch.setattr(crowds, "CROWDED_ABOVE", 2)
    st.cache_resource.clear()  # the shared figure was built with every event apart
    at = app()
    spec = timeline_spec(at)
    marks = [
        row[0] for trace in spec["data"] if "customdata" in trace for row in trace["customdata"]
    ]
    (said,) = [m.value for m in at.markdown if "events drawn as" in m.value]
    assert f"{ALL + 3} events drawn as {len(marks)} marks" in said
    assert len(marks) < ALL + 3
    assert any(crowds.zoom_range(mark) for mark in marks)
    st.cache_resource.clear()


def test_picking_an_event_shows_its_quotes_in_their_passages(app):
    at = app()
    assert not detail_headings(at)
    at.selectbox(key="f_event").set_value("moscow-denies").run()
    assert at.query_params == {"event": "moscow-denies"}
    # Text from the data is escaped, not rendered as markup.
    assert detail_headings(at) == ["Moscow denies &lt;b&gt;any&lt;/b&gt; troops &amp; more"]
    passages = passages_shown(at)
    assert len(passages) == 2
    assert "<mark>Moscow denied that any North Korean soldiers" in passages[0]
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in passages[1]
    assert "<script>" not in "".join(passages)


def test_reading_a_whole_seed_marks_every_cited_passage(app):
    at = app({"event": "treaty-ratified"})
    at.toggle(key="seed_alpha.txt").set_value(True).run()
    (whole,) = [b for b in passages_shown(at) if detail_panel.SEED_STYLE in b]
    # Alpha is cited by five events, each quote a different passage.
    assert whole.count("<mark>") == 5
    assert "Alpha Daily" in whole


@pytest.mark.parametrize("view", ["Sources", "Figures", "Map", "Table"])
def test_every_view_runs(app, view):
    at = app({"view": view, "actor": "north-korea"})
    assert not at.exception
    assert count_line(at) == f"Showing 4 of {ALL} events"


def test_sources_view_counts_and_flags(app):
    at = app({"view": "Sources"})
    summary = at.dataframe[0].value
    assert summary[["file", "events", "only_source_of"]].values.tolist() == [
        ["alpha.txt", 5, 2],
        ["beta.txt", 4, 1],
    ]
    single = at.dataframe[-1].value
    assert sorted(single["id"]) == ["korean-war", "special-forces-shipped", "treaty-ratified"]


def test_map_uses_the_local_topojson(app):
    at = app({"view": "Map"})
    (chart,) = at.get("plotly_chart")
    assert json.loads(chart.proto.config)["topojsonURL"] == "app/static/topojson/"
    assert (REPO_ROOT / "static" / "topojson" / "world_110m.json").is_file()


def test_table_downloads_hold_exactly_what_is_shown(app, downloads):
    at = app({"view": "Table", "category": "troop-deployment"})
    at.selectbox(key="table_sort").set_value("title").run()
    shown = at.dataframe[0].value
    assert list(shown["id"]) == ["special-forces-shipped", "troops-arrive"]
    from_csv = pd.read_csv(io.BytesIO(downloads["events.csv"]), keep_default_na=False)
    assert from_csv.astype(str).values.tolist() == shown.astype(str).values.tolist()
    from_json = pd.DataFrame(json.loads(downloads["events.json"]))
    assert from_json.astype(str).values.tolist() == shown.astype(str).values.tolist()


def test_editing_the_data_shows_on_the_next_run(app, monkeypatch, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(FIXTURES / "small", copy)
    events = copy / "data" / "events.yaml"
    monkeypatch.setenv("TIMELINE_DATA", str(events))
    assert count_line(app()) == f"Showing {ALL} of {ALL} events"
    text = events.read_text(encoding="utf-8")
    events.write_text(text[: text.index("  - id: korean-war")], encoding="utf-8")
    # A new session of the same server keeps the cache, which is keyed on the files'
    # modification times and sizes: the edit shows with no restart.
    assert count_line(app()) == f"Showing {ALL - 1} of {ALL - 1} events"


def test_a_failing_view_shows_an_error_id_and_logs_the_traceback(app, monkeypatch, caplog):
    from views import table_view

    def broken(view):
        raise RuntimeError("a bug in the Table view")

    monkeypatch.setattr(table_view, "render", broken)
    at = app({"view": "Table"})
    assert not at.exception
    (message,) = [e.value for e in at.error]
    assert message.startswith("Something went wrong while drawing the Table view.")
    error_id = message.rsplit("error id ", 1)[1].rstrip(".")
    logged = [r for r in caplog.records if r.name == "timeline.dashboard"]
    assert [r.getMessage() for r in logged] == [f"error {error_id} while drawing the Table view"]
    assert "a bug in the Table view" in caplog.text  # the traceback, in the log only
    assert "Traceback" not in message and "RuntimeError" not in message


def full_count_line(at):
    (line,) = [m.value for m in at.markdown if m.value.startswith("Showing ")]
    return line


def test_the_corroboration_filter_and_its_link(app):
    at = app()
    open_more_filters(at).radio(key="f_corroboration").set_value("single").run()
    # treaty-ratified, special-forces-shipped, korean-war
    assert count_line(at) == f"Showing 3 of {ALL} events"
    assert at.query_params["corroboration"] == "single"
    at = app({"corroboration": "corroborated"})
    assert at.radio(key="f_corroboration").value == "corroborated"
    assert count_line(at) == f"Showing 3 of {ALL} events"


def test_events_outside_the_time_range_are_counted_and_one_click_shows_them(app):
    at = app()
    # korean-war (1950) is outside the axis the dataset's period bounds.
    assert full_count_line(at) == f"Showing {ALL} of {ALL} events · 1 outside the time range:"
    at.button(key="show_all").click().run()
    assert at.query_params["range"] == "all"
    assert "outside" not in full_count_line(at)
    assert timeline_spec(at)["layout"]["xaxis"]["range"][0] < "1950-01-01"
    assert app({"range": "all"}).toggle(key="f_range").value is True


def test_no_match_shows_an_empty_state_with_a_one_click_reset(app):
    at = app({"q": "no event says this", "actor": "russia"})
    assert not at.exception
    assert count_line(at) == f"Showing 0 of {ALL} events"
    assert not at.tabs
    assert any("No event matches these filters" in m.value for m in at.markdown)
    at.button(key="empty_reset").click().run()
    assert count_line(at) == f"Showing {ALL} of {ALL} events"
    assert "q" not in at.query_params and "actor" not in at.query_params


def test_an_unknown_view_is_noted_and_a_known_one_opens_in_any_letter_case(app):
    at = app({"view": "Nope", "corroboration": "maybe", "range": "most"})
    assert not at.exception
    (notes,) = at.text
    assert notes.value.splitlines() == [
        "Ignored corroboration='maybe': use single or corroborated.",
        "Ignored range='most': use range=all for the full span.",
        "Ignored view='Nope': use one of timeline, story, sources, figures, map, table.",
    ]
    assert "view" not in at.query_params
    at = app({"view": "story"})
    assert at.session_state["view"] == "Story"
    assert at.query_params["view"] == "story"
    assert any(h.value == "The story, event by event" for h in at.header)


def test_the_story_lists_every_event_in_time_order_and_opens_one_in_place(app):
    at = app({"view": "story"})
    cards = [h.proto.body for h in at.get("html") if 'class="story-card"' in h.proto.body]
    assert len(cards) == ALL
    assert "1950 to 1953" in cards[0]  # korean-war first
    assert not detail_headings(at)
    at.button(key="read_treaty-ratified").click().run()
    assert detail_headings(at) == ["Parliament ratifies the treaty"]
    assert at.query_params["event"] == "treaty-ratified"


def test_a_long_pick_list_holds_the_first_events_and_says_so(app, monkeypatch):
    assert not [m for m in app().markdown if "The list holds the first" in m.value]
    monkeypatch.setattr(timeline_view, "MAX_PICKS", 4)
    at = app()
    assert len(at.selectbox(key="f_event").options) == 4
    (said,) = [m.value for m in at.markdown if "The list holds the first" in m.value]
    assert f"the first 4 of {ALL} events" in said
