"""The Export panel under the timeline: the chart or the events of the current view, as files.

Data files (CSV, JSON, TimelineJS) are small and made on every run of the open panel. A chart
file is drawn when its options change and shown as a preview (the PNG itself, or a PNG of the
same chart) above its download button. One Chromium is kept open for the whole server and
shared by every session, and so are the charts laid out for export. The first page run that
shows the timeline starts that Chromium in the background and lays out and draws the chart the
panel will show first, so that the first preview takes a render's time; the page does not wait
for it. ``TIMELINE_EXPORT_WARMUP=panel`` waits for the panel to be opened instead (a server
that should not hold a browser until someone exports).
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Literal, TypedDict

import streamlit as st

from timeline import export
from timeline.export import ChartCache, ChartOptions, ImageRenderer, Size
from timeline.text import markdown as md
from timeline.view import View

FORMAT_LABELS = {
    "png": "PNG image",
    "svg": "SVG (vector image)",
    "pdf": "PDF (vector, for print)",
    "html": "HTML (interactive, works offline)",
    "csv": "CSV (spreadsheet, one row per event)",
    "json": "JSON (every field and citation)",
    "timelinejs": "TimelineJS (Knight Lab) JSON",
}
CUSTOM = "custom"
KEYS = {
    "format": "export_format",
    "preset": "export_preset",
    "width": "export_width",
    "height": "export_height",
    "scale": "export_scale",
    "title": "export_title",
    "subtitle": "export_subtitle",
    "theme": "export_theme",
}
MADE = "export_made"  # session state: (what was asked for, file, preview) of the last chart
WARMUP_VARIABLE = "TIMELINE_EXPORT_WARMUP"


@st.cache_resource(show_spinner=False, on_release=ImageRenderer.close)
def shared_renderer() -> ImageRenderer:
    return ImageRenderer()


@st.cache_resource(show_spinner=False)
def shared_charts() -> ChartCache:
    """Charts laid out for export, shared like the views they are made from."""
    return ChartCache()


def warm_up(view: View) -> None:
    """Start the shared Chromium and lay out and draw the view's chart with the panel's
    options, in the background (once per server: nothing when it is started or starting)."""
    if view.dataset.ok:
        export.warm_up(view, shared_renderer(), shared_charts(), current_options())


def warms_at_page_run() -> bool:
    return os.environ.get(WARMUP_VARIABLE, "page").strip().lower() != "panel"


def _preset_label(name: str) -> str:
    if name == CUSTOM:
        return "Custom size"
    size = export.PRESETS[name]
    pixels = f" = {size.pixels[0]} x {size.pixels[1]} px" if size.scale != 1 else ""
    scale = f" at scale {size.scale:g}{pixels}" if size.scale != 1 else ""
    return f"{name.title()}: {size.width} x {size.height}{scale}"


def current_options() -> ChartOptions:
    """The options the panel's widgets hold (the defaults before it is first opened)."""
    state = st.session_state
    preset = state.get(KEYS["preset"], "social")
    if preset == CUSTOM:
        default = export.PRESETS["social"]
        size = Size(
            int(state.get(KEYS["width"], default.width)),
            int(state.get(KEYS["height"], default.height)),
            float(state.get(KEYS["scale"], default.scale)),
        )
    else:
        size = export.PRESETS[preset]
    return ChartOptions(
        size=size,
        title=state.get(KEYS["title"], ""),
        subtitle=state.get(KEYS["subtitle"], ""),
        theme=state.get(KEYS["theme"], "light"),
    )


def toolbar_config(view: View) -> dict:
    """The chart toolbar's camera button: a PNG with the export's file name and size."""
    return export.toolbar_config(view, current_options())


class _Kept(TypedDict):
    persist_state: Literal["session"]


def _widgets(view: View) -> None:
    # Kept for the session: closing the panel keeps the choices (and the toolbar's size).
    keep: _Kept = {"persist_state": "session"}
    left, middle, right = st.columns([2, 2, 1])
    left.selectbox(
        "Format",
        list(FORMAT_LABELS),
        format_func=lambda fmt: FORMAT_LABELS.get(fmt, fmt),
        key=KEYS["format"],
        **keep,
    )
    middle.selectbox(
        "Size", [*export.PRESETS, CUSTOM], format_func=_preset_label, key=KEYS["preset"], **keep
    )
    right.radio("Theme", list(export.THEMES), horizontal=True, key=KEYS["theme"], **keep)
    if st.session_state[KEYS["preset"]] == CUSTOM:
        default = export.PRESETS["social"]
        width, height, scale = st.columns(3)
        width.number_input("Width (px)", 200, 10000, default.width, 50, key=KEYS["width"], **keep)
        height.number_input(
            "Height (px)", 200, 10000, default.height, 50, key=KEYS["height"], **keep
        )
        scale.number_input("Scale", 0.5, 10.0, 1.0, 0.5, key=KEYS["scale"], **keep)
    default_title = view.title()
    st.text_input("Title", key=KEYS["title"], placeholder=default_title, max_chars=200, **keep)
    st.text_input(
        "Subtitle",
        key=KEYS["subtitle"],
        placeholder="Optional: a line under the title",
        max_chars=300,
        **keep,
    )


def _preview_size(size: Size) -> Size:
    """The size of a preview: the chart's layout, at most as many pixels as the page shows."""
    return replace(size, scale=min(size.scale, 1.0))


def _made(view: View, fmt: str, options: ChartOptions) -> tuple[bytes, bytes | None] | None:
    """The file and its preview (a PNG of the same chart, size and footer; the file itself
    when it is a PNG), made once per choice of format, options and filters; None when
    Chromium is missing or fails (the reason is shown)."""
    wanted = (fmt, options, view.state)
    made = st.session_state.get(MADE)
    if made and made[0] == wanted:
        return made[1], made[2]
    renderer, charts = shared_renderer(), shared_charts()
    content: bytes | None = None
    try:
        with st.spinner(f"Drawing the {fmt.upper()} in Chromium…"):
            if fmt == "html":
                content = export.export(view, fmt, options, charts=charts)
            # A PNG is its own preview; another format's is drawn no larger than shown.
            seen = options if fmt == "png" else replace(options, size=_preview_size(options.size))
            preview = export.export(view, "png", seen, renderer=renderer, charts=charts)
            if fmt == "png":
                content = preview
            elif content is None:
                content = export.export(view, fmt, options, renderer=renderer, charts=charts)
    except export.BrowserMissing as error:
        st.warning(str(error), icon=":material/warning:")
        return (content, None) if content is not None else None
    except export.RenderError as error:
        st.error(str(error))
        return (content, None) if content is not None else None
    st.session_state[MADE] = (wanted, content, preview)
    return content, preview


def _chart_preview_and_download(view: View, fmt: str, options: ChartOptions) -> None:
    made = _made(view, fmt, options)
    if made is None:
        return
    content, preview = made
    name = export.file_name(view, options, fmt)
    if preview is not None:
        what = "the file" if fmt == "png" else f"the {fmt.upper()} file, drawn as a PNG"
        st.image(
            preview,
            alt=view.alt_text(view.title(options.title)),
            caption=f"Preview: {what}, at {options.size.width} x {options.size.height}",
            width="stretch",
        )
    st.download_button(
        f"Download {name}",
        content,
        name,
        export.MIME_TYPES[fmt],
        key="export_download",
        icon=":material/download:",
        type="primary",
    )


def render(view: View) -> None:
    """The panel: format, size, theme, title and subtitle; alt text; the download."""
    if warms_at_page_run():
        warm_up(view)  # after the chart: the chart is on its way to the reader already
    with st.expander(
        "Export this view (image, PDF, interactive HTML or data)",
        key="export_panel",
        on_change="rerun",
        icon=":material/ios_share:",
    ) as panel:
        if not panel.open:
            return
        if not view.dataset.ok:
            st.warning(
                "Nothing is exported while the data has errors: fix them (see above) so that "
                "only checked data is published.",
                icon=":material/block:",
            )
            return
        warm_up(view)  # with TIMELINE_EXPORT_WARMUP=panel: while the reader chooses
        _widgets(view)
        fmt, options = st.session_state[KEYS["format"]], current_options()
        if fmt in export.DATA_FORMATS:
            st.caption(f"The {len(view.events)} events the filters keep, with their citations.")
            st.download_button(
                f"Download {export.file_name(view, options, fmt)}",
                export.export(view, fmt, options),
                export.file_name(view, options, fmt),
                export.MIME_TYPES[fmt],
                key="export_download",
                icon=":material/download:",
                type="primary",
            )
        else:
            _chart_preview_and_download(view, fmt, options)
        if fmt in export.CHART_FORMATS:
            st.markdown("**Alt text**, to describe the chart to readers who cannot see it:")
            st.code(view.alt_text(view.title(options.title)), language=None, wrap_lines=True)
            st.caption("Printed under the chart: " + md(view.credit(view.drawn).text))
        else:
            st.caption("Credit to publish with it: " + md(view.credit(view.events).text))
