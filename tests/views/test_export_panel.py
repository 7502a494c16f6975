"""The dashboard's Export panel (views/export_panel.py), run headless with AppTest against the
small fixture dataset; downloads are read back from Streamlit's media storage."""

import csv
import io
import json
import os
import struct
import threading
from pathlib import Path

import pytest
import streamlit as st
from browser_support import needs_chromium
from dashboard_support import dashboard_app

from timeline import export
from timeline.export import ImageRenderer
from views import export_panel

REPO_ROOT = Path(__file__).resolve().parents[2]
SMALL = REPO_ROOT / "tests" / "fixtures" / "dashboard" / "small" / "data" / "events.yaml"
DEFAULT_NAME = "north-koreas-military-support-to-russia-2024"


@pytest.fixture
def app(monkeypatch):
    """Run the app over the small fixture; ``app(params, panel=True)`` opens the Export panel."""
    monkeypatch.setenv("TIMELINE_DATA", str(SMALL))
    st.cache_data.clear()

    def run(params=None, panel=True):
        at = dashboard_app(timeout=90)
        at.query_params.update(params or {})
        at.run()
        if panel:
            at.session_state["export_panel"] = True
            at.run()
        assert not at.exception
        return at

    yield run
    st.cache_resource.clear()  # closes the shared Chromium, if a test started it


def toolbar(at) -> dict:
    (chart,) = [c for c in at.get("plotly_chart") if c.proto.id.endswith("timeline_chart")]
    return json.loads(chart.proto.config)["toImageButtonOptions"]


def download_labels(at) -> list[str]:
    return [
        button.proto.label for button in at.get("download_button") if "export" in button.proto.id
    ]


def test_the_closed_panel_shows_no_widgets_and_the_page_does_not_wait_for_chromium(
    app, monkeypatch
):
    """The first page run starts Chromium and lays out the export's chart in a thread of its
    own: here the warm-up is held until the page's run has ended, so a page that waited for
    it would never end."""
    monkeypatch.setenv(export_panel.WARMUP_VARIABLE, "page")
    hold, asked = threading.Event(), []

    def held_warm(renderer, chart=None, size=None):
        asked.append((chart, size))
        hold.wait(timeout=120)

    monkeypatch.setattr(ImageRenderer, "warm", held_warm)
    at = app(panel=False)
    (panel,) = [e for e in at.expander if e.label.startswith("Export this view")]
    assert not download_labels(at)
    assert not [w for w in at.selectbox if w.key == export_panel.KEYS["format"]]
    assert panel.proto.expanded is False
    (warming,) = [t for t in threading.enumerate() if t.name == "warm"]
    assert warming.is_alive()  # the page ran to its end while the warm-up was held
    hold.set()
    warming.join(timeout=30)
    ((chart, size),) = asked
    assert size == export.PRESETS["social"]  # the panel's first choice
    charts = export_panel.shared_charts()
    assert chart()["layout"]["width"] == 1200 and charts.layouts == 1
    app(panel=False)
    assert len(asked) == 1  # once per server


def test_with_warmup_at_the_panel_the_closed_panel_starts_nothing(app):
    assert os.environ[export_panel.WARMUP_VARIABLE] == "panel"  # tests/conftest.py
    app(panel=False)
    assert not export_panel.shared_renderer().started
    assert not [t for t in threading.enumerate() if t.name == "warm"]
    assert export_panel.shared_charts().layouts == 0


def test_the_chart_toolbar_downloads_with_the_exports_name_and_size(app):
    at = app(panel=False)
    assert toolbar(at) == {
        "format": "png",
        "filename": f"{DEFAULT_NAME}-social",
        "width": 1200,
        "height": 675,
        "scale": 1.0,
    }
    at = app()
    at.selectbox(key=export_panel.KEYS["preset"]).set_value("print").run()
    at.text_input(key=export_panel.KEYS["title"]).set_value("Troops in Kursk").run()
    assert toolbar(at) == {
        "format": "png",
        "filename": "troops-in-kursk-print",
        "width": 1600,
        "height": 900,
        "scale": 3.0,
    }


def test_data_downloads_hold_the_filtered_events(app, downloads):
    at = app({"category": "troop-deployment"})
    at.selectbox(key=export_panel.KEYS["format"]).set_value("csv").run()
    name = "north-koreas-military-support-to-russia-troop-deployment-2024.csv"
    assert download_labels(at) == [f"Download {name}"]
    rows = list(csv.DictReader(io.StringIO(downloads[name].decode("utf-8"))))
    assert [row["id"] for row in rows] == ["special-forces-shipped", "troops-arrive"]

    at.selectbox(key=export_panel.KEYS["format"]).set_value("timelinejs").run()
    document = json.loads(downloads[name.replace(".csv", ".timelinejs.json")])
    assert [slide["unique_id"] for slide in document["events"]] == [
        "special-forces-shipped",
        "troops-arrive",
    ]


def test_alt_text_and_credit_are_shown_beside_the_download(app):
    at = app()
    (alt,) = at.code
    assert alt.value.startswith(
        "North Korea's military support to Russia, 2024: a timeline chart of 5 events from "
        "19 June 2024 to October 2024"
    )
    credit = [c.value for c in at.caption if c.value.startswith("Printed under the chart: ")]
    assert len(credit) == 1 and "Alpha Daily" in credit[0] and "data as of " in credit[0]


def images(at) -> list:
    return at.get("image")


@pytest.mark.browser
@needs_chromium
def test_the_preview_is_the_png_that_will_be_downloaded(app, downloads):
    at = app()
    name = f"{DEFAULT_NAME}-social.png"
    assert download_labels(at) == [f"Download {name}"]
    (preview,) = images(at)
    assert preview.captions == ["Preview: the file, at 1200 x 675"]
    first = downloads[name]
    assert struct.unpack(">II", first[16:24]) == (1200, 675)
    assert downloads[None] == first  # the image shown is the file, byte for byte
    # A new title, preset or theme makes a new file, and the preview follows.
    at.text_input(key=export_panel.KEYS["title"]).set_value("Troops in Kursk").run()
    assert download_labels(at) == ["Download troops-in-kursk-social.png"]
    assert downloads["troops-in-kursk-social.png"] != first
    at.radio(key=export_panel.KEYS["theme"]).set_value("dark").run()
    at.selectbox(key=export_panel.KEYS["preset"]).set_value("web").run()
    made = downloads["troops-in-kursk-web.png"]
    assert struct.unpack(">II", made[16:24]) == (1600, 900)
    assert export_panel.MADE in at.session_state
    assert at.session_state[export_panel.MADE][2] == made  # the preview shows these bytes


@pytest.mark.browser
@needs_chromium
def test_a_new_title_or_theme_redresses_the_chart_without_laying_it_out_again(app, downloads):
    at = app()
    charts = export_panel.shared_charts()
    assert charts.layouts == 1
    at.text_input(key=export_panel.KEYS["title"]).set_value("Troops in Kursk").run()
    at.text_input(key=export_panel.KEYS["subtitle"]).set_value("").run()
    at.radio(key=export_panel.KEYS["theme"]).set_value("dark").run()
    assert download_labels(at) == ["Download troops-in-kursk-social.png"]
    assert downloads[None] == downloads["troops-in-kursk-social.png"]
    assert charts.layouts == 1
    at.selectbox(key=export_panel.KEYS["preset"]).set_value("web").run()
    assert charts.layouts == 2  # a new size moves the marks


@pytest.mark.browser
@needs_chromium
def test_other_chart_formats_show_a_png_of_the_same_chart(app, downloads):
    at = app()
    for fmt in ("svg", "pdf"):
        at.selectbox(key=export_panel.KEYS["format"]).set_value(fmt).run()
        assert download_labels(at) == [f"Download {DEFAULT_NAME}-social.{fmt}"]
        (preview,) = images(at)
        assert f"the {fmt.upper()} file, drawn as a PNG" in preview.captions[0]
    assert downloads[f"{DEFAULT_NAME}-social.pdf"].startswith(b"%PDF-")
    # At the print preset the PDF is for print; its preview is drawn at the page's scale.
    at.selectbox(key=export_panel.KEYS["preset"]).set_value("print").run()
    assert downloads[f"{DEFAULT_NAME}-print.pdf"].startswith(b"%PDF-")
    preview = at.session_state[export_panel.MADE][2]
    assert struct.unpack(">II", preview[16:24]) == (1600, 900)


@pytest.mark.browser
@needs_chromium
def test_custom_size_and_a_html_file(app, downloads):
    at = app()
    at.selectbox(key=export_panel.KEYS["format"]).set_value("html").run()
    at.selectbox(key=export_panel.KEYS["preset"]).set_value("custom").run()
    at.number_input(key=export_panel.KEYS["width"]).set_value(900).run()
    at.number_input(key=export_panel.KEYS["height"]).set_value(600).run()
    assert toolbar(at)["width"] == 900 and toolbar(at)["height"] == 600
    assert not at.exception
    name = f"{DEFAULT_NAME}-900x600.html"
    assert download_labels(at) == [f"Download {name}"]
    page = downloads[name].decode("utf-8")
    assert '"width":900' in page and "<figcaption>" in page


def test_without_chromium_the_panel_explains_and_points_to_the_toolbar(app, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = app()
    (warning,) = at.warning
    assert "apt-get install chromium" in warning.value and "toolbar" in warning.value
    assert not download_labels(at)
    # HTML needs no browser: its file is offered, without a preview.
    at.selectbox(key=export_panel.KEYS["format"]).set_value("html").run()
    assert download_labels(at) == [f"Download {DEFAULT_NAME}-social.html"]
    assert not images(at)


@pytest.mark.browser
@needs_chromium
def test_png_made_in_the_dashboard_has_the_preset_size(app, downloads):
    at = app({"status": "confirmed"})
    at.selectbox(key=export_panel.KEYS["preset"]).set_value("web").run()
    assert not at.exception
    name = f"{DEFAULT_NAME}-web.png"
    assert download_labels(at) == [f"Download {name}"]
    assert struct.unpack(">II", downloads[name][16:24]) == (1600, 900)
