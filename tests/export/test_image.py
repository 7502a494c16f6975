"""timeline.export.image through timeline.export: PNG, SVG and PDF drawn by kaleido in Debian's
Chromium, and the offline HTML page opened in Chromium. PDF text is read with pdf.js
(tests/js, installed by ``make js``)."""

import datetime as dt
import html
import json
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from browser_support import needs_chromium

import timeline
from timeline.export import PRESETS, ChartOptions, Size, export, metadata, plotly_js_file
from timeline.export.image import BrowserMissing, ImageRenderer
from timeline.view import View
from timeline.view.filters import FilterState

REPO_ROOT = Path(__file__).resolve().parents[2]
SMALL = REPO_ROOT / "tests" / "fixtures" / "dashboard" / "small" / "data" / "events.yaml"
JS = REPO_ROOT / "tests" / "js"
TODAY = dt.date(2024, 11, 5)
ALPHA = "Alpha Daily"
BETA = "Beta Weekly"


@pytest.fixture(scope="module")
def dataset():
    return timeline.load_dataset(SMALL)


@pytest.fixture(scope="module")
def renderer():
    with ImageRenderer() as images:
        yield images


def view_of(dataset, **filters):
    return View(dataset, FilterState(**filters))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def svg_text(data: bytes) -> str:
    return " ".join(" ".join(ET.fromstring(data).itertext()).split())


def pdf_pages(data: bytes, tmp_path: Path) -> list[dict]:
    if not (JS / "node_modules" / "pdfjs-dist").is_dir() or shutil.which("node") is None:
        pytest.skip("pdf.js is not installed: run make js")
    path = tmp_path / "chart.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        ["node", str(JS / "pdf_text.mjs"), str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout.splitlines()[-1])  # pdf.js may warn first


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize(
    ("size", "pixels"),
    [
        (PRESETS["social"], (1200, 675)),
        (PRESETS["web"], (1600, 900)),
        (PRESETS["print"], (4800, 2700)),
        (Size(640, 360, 2), (1280, 720)),
    ],
    ids=["social", "web", "print", "custom"],
)
def test_png_has_the_requested_size(dataset, renderer, size, pixels):
    data = export(view_of(dataset), "png", ChartOptions(size=size), renderer=renderer)
    assert png_size(data) == pixels == size.pixels


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_svg_carries_title_subtitle_and_footer(dataset, renderer, theme):
    options = ChartOptions(title="Troops <b>& treaties</b>", subtitle="A subtitle", theme=theme)
    data = export(view_of(dataset), "svg", options, renderer=renderer, today=TODAY)
    root = ET.fromstring(data)
    assert (root.get("width"), root.get("height")) == ("1200", "675")
    text = svg_text(data)
    assert "Troops <b>& treaties</b>" in text  # shown as typed, not as markup
    assert "A subtitle" in text
    assert f"Source: {ALPHA}; {BETA}" in text
    assert "Filters: none (every event), data as of " in text


@pytest.mark.browser
@needs_chromium
def test_filters_narrow_the_image_footer_too(dataset, renderer):
    # special-forces-shipped is the only reported event; it cites beta.txt only.
    view = view_of(dataset, statuses=("reported",))
    text = svg_text(export(view, "svg", renderer=renderer, today=TODAY))
    assert f"Source: {BETA}" in text and "Alpha Daily" not in text
    assert "Filters: reported, data as of" in text
    assert "Special forces shipped to Vladivostok" not in text  # not a key event: no label
    assert "Troops arrive" not in text


@pytest.mark.browser
@needs_chromium
def test_pdf_has_the_page_size_and_the_footer_text(dataset, renderer, tmp_path):
    data = export(view_of(dataset), "pdf", ChartOptions(), renderer=renderer, today=TODAY)
    assert data.startswith(b"%PDF-")
    (page,) = pdf_pages(data, tmp_path)
    # CSS pixels are 1/96 inch, PDF points 1/72.
    assert (page["width"], page["height"]) == pytest.approx((1200 * 0.75, 675 * 0.75), abs=1)
    text = " ".join(page["text"].split())
    assert "North Korea's military support to Russia, 2024" in text
    assert "Source: Alpha Daily" in text and "Beta Weekly" in text
    assert "data as of" in text


@pytest.mark.browser
@needs_chromium
def test_one_browser_serves_every_image(dataset, monkeypatch):
    starts = []
    start = ImageRenderer._start
    monkeypatch.setattr(ImageRenderer, "_start", lambda self: (starts.append(1), start(self)))
    with ImageRenderer() as images:
        for fmt in ("png", "svg", "pdf"):
            assert export(view_of(dataset), fmt, renderer=images)
        assert images.started
    assert not images.started
    assert len(starts) == 1


@pytest.mark.browser
@needs_chromium
def test_the_page_is_kept_between_images_and_reloaded_after_a_pdf(dataset, monkeypatch):
    from kaleido._kaleido_tab import _KaleidoTab  # the tab kaleido 1.5 reloads

    reloads = []
    reload = _KaleidoTab.reload

    async def counted(tab):
        reloads.append(1)
        await reload(tab)

    monkeypatch.setattr(_KaleidoTab, "reload", counted)
    view = view_of(dataset)
    with ImageRenderer() as images:
        first = export(view, "png", renderer=images, today=TODAY)
        assert export(view, "png", renderer=images, today=TODAY) == first
        assert export(view, "svg", renderer=images, today=TODAY)
        assert reloads == []
        # A PDF leaves its picture in the page: the page is reloaded, and the same PDF again
        # (the same picture put back) and a PNG after it are drawn as before.
        pdf = export(view, "pdf", renderer=images, today=TODAY)
        assert export(view, "pdf", renderer=images, today=TODAY)[:5] == pdf[:5] == b"%PDF-"
        assert export(view, "png", renderer=images, today=TODAY) == first
    assert len(reloads) == 2


def test_without_chromium_the_error_says_how_to_install_it_and_what_to_use(dataset, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(BrowserMissing) as raised:
        export(view_of(dataset), "png")
    message = str(raised.value)
    assert "apt-get install chromium" in message
    assert "/nonexistent/chromium" in message
    assert "toolbar" in message and "same file name and size" in message
    assert export(view_of(dataset), "html")  # what needs no Chromium still works


@pytest.mark.browser
def test_html_is_self_contained_and_draws_offline(dataset, browser, tmp_path):
    options = ChartOptions(title='A <script>alert("title")</script> & more')
    page_html = export(view_of(dataset), "html", options, today=TODAY).decode("utf-8")
    assert not re.search(r"<script[^>]*\ssrc=", page_html)  # every script is inline
    path = tmp_path / "chart.html"
    path.write_text(page_html, encoding="utf-8")

    page = browser.new_page()
    requests, dialogs = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30000)
    assert page.locator(".js-plotly-plot .scatterlayer .point").count() >= 4
    assert page.title() == 'A <script>alert("title")</script> & more'
    view = view_of(dataset)
    alt = view.alt_text(view.title(options.title))
    assert page.locator("figure").get_attribute("aria-label") == alt
    assert page.locator("figcaption p").first.inner_text() == alt
    assert "Source: Alpha Daily" in page.locator("figcaption").inner_text()

    # Hovering an event shows its sources, as in the dashboard.
    page.locator(".js-plotly-plot .scatterlayer .point").first.hover(force=True)
    page.wait_for_selector(".hoverlayer .hovertext", timeout=10000)
    assert "Sources: " in page.locator(".hoverlayer .hovertext").first.text_content()
    page.close()

    assert not dialogs
    assert requests and all(url.startswith(("file://", "data:")) for url in requests), requests


def pdf_info(data: bytes, tmp_path: Path) -> dict:
    if not (JS / "node_modules" / "pdfjs-dist").is_dir() or shutil.which("node") is None:
        pytest.skip("pdf.js is not installed: run make js")
    path = tmp_path / "info.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        ["node", str(JS / "pdf_info.mjs"), str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(done.stdout.splitlines()[-1])


FILTERED = {"categories": ("troop-deployment",), "date_from": dt.date(2024, 10, 1)}
EXACT_FILTERS = "category=troop-deployment&from=2024-10-01"


@pytest.mark.browser
@needs_chromium
def test_png_metadata_holds_the_data_version_and_the_exact_filters(dataset, renderer):
    view = view_of(dataset, **FILTERED)
    data = export(view, "png", renderer=renderer, today=TODAY)
    text = metadata.png_text(data)
    assert text["timeline:Filters"] == EXACT_FILTERS
    assert re.fullmatch(r"(git [0-9a-f]{7,}|sha256 [0-9a-f]{12})", text["timeline:Data version"])
    assert re.fullmatch(r"[0-9a-f]{64}", text["timeline:Data SHA-256"])
    assert text["timeline:Exported"] == "2024-11-05"
    assert text["Description"] == view.alt_text(view.title())
    assert png_size(data) == (1200, 675)  # still a PNG of its size


@pytest.mark.browser
@needs_chromium
def test_svg_and_pdf_carry_the_same_provenance(dataset, renderer, tmp_path):
    view = view_of(dataset, **FILTERED)
    svg = ET.fromstring(export(view, "svg", renderer=renderer, today=TODAY))
    ns = {"svg": "http://www.w3.org/2000/svg", "p": metadata.SVG_NAMESPACE}
    fields = {f.get("name"): f.text for f in svg.iterfind("svg:metadata/p:provenance/p:field", ns)}
    assert fields["Filters"] == EXACT_FILTERS
    assert fields["Source"] == "Alpha Daily, “Alpha's report on the treaty”; " + (
        "Beta Weekly, “Beta's report on the troops”"
    )  # every seed in full, where the picture has short names
    assert svg.find("svg:desc", ns).text == view.alt_text(view.title())

    info = pdf_info(export(view, "pdf", renderer=renderer, today=TODAY), tmp_path)
    assert info["pages"] == 1
    assert info["info"]["Title"] == view.title()
    assert info["info"]["Custom"]["Filters"] == EXACT_FILTERS
    assert info["info"]["Custom"]["DataVersion"] == fields["Data version"]


def test_html_carries_the_provenance_in_meta_tags(dataset):
    page = export(view_of(dataset, **FILTERED), "html", today=TODAY).decode("utf-8")
    head = page.split("</head>")[0]
    assert f'<meta name="timeline:filters" content="{html.escape(EXACT_FILTERS)}">' in head
    assert '<meta name="timeline:data-version" content="' in head
    assert '<meta name="description" content="' in head


@pytest.mark.browser
def test_html_with_plotly_js_in_a_file_beside_it_draws_offline(dataset, browser, tmp_path):
    page_html = export(view_of(dataset), "html", ChartOptions(plotly_js="file"), today=TODAY)
    inline = export(view_of(dataset), "html", today=TODAY)
    name, library = plotly_js_file()
    assert len(page_html) < len(inline) / 20 and len(library) > len(inline) * 0.9
    assert f'<script charset="utf-8" src="{name}"></script>' in page_html.decode("utf-8")
    (tmp_path / "chart.html").write_bytes(page_html)
    (tmp_path / name).write_bytes(library)

    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((tmp_path / "chart.html").as_uri())
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30000)
    assert page.locator(".js-plotly-plot .scatterlayer .point").count() >= 4
    page.close()
    assert all(url.startswith(("file://", "data:")) for url in requests), requests
    assert (tmp_path / name).as_uri() in requests
