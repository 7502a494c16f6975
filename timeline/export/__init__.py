"""Exports of the current view for publication: the timeline chart as PNG, SVG, PDF or
interactive HTML, and the events as CSV, JSON or TimelineJS JSON. The dashboard's Export panel
and ``python -m timeline export`` both call ``export``.

Every chart carries a title, an optional subtitle and a footer computed from the events it
shows (``timeline.view.credit``); data files carry the same credit.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace

import plotly.graph_objects as go

from timeline.export import data as export_data
from timeline.export import metadata
from timeline.export.chart_cache import ChartCache
from timeline.export.image import (
    IMAGE_FORMATS,
    BrowserMissing,
    ImageRenderer,
    Progress,
    RenderError,
    Size,
    html_page,
    plotly_js_file,
)
from timeline.export.layout import SOCIAL, THEMES, ChartOptions
from timeline.text import slug
from timeline.view import View, filters

__all__ = [
    "FORMATS",
    "PRESETS",
    "THEMES",
    "BrowserMissing",
    "ChartCache",
    "ChartOptions",
    "ImageRenderer",
    "RenderError",
    "Size",
    "export",
    "plotly_js_file",
    "warm_up",
]

PRESETS = {
    "social": SOCIAL,  # a post on social media, 16:9
    "web": Size(1600, 900),  # a story on the web, sharp on high-density screens when scaled down
    "print": Size(1600, 900, 3),  # 4800 x 2700 pixels: 16 inches wide at 300 dpi
}
CHART_FORMATS = (*IMAGE_FORMATS, "html")
DATA_FORMATS = ("csv", "json", "timelinejs")
FORMATS = (*CHART_FORMATS, *DATA_FORMATS)
EXTENSIONS = {"timelinejs": "timelinejs.json"}
MIME_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "csv": "text/csv",
    "json": "application/json",
    "timelinejs": "application/json",
}


def file_name(view: View, options: ChartOptions, fmt: str | None = None) -> str:
    """``north-koreas-military-support-to-russia-2022-2024-social.png``; a chart's name says its
    size. Without ``fmt``, no extension: the form the chart toolbar's download takes."""
    if fmt in DATA_FORMATS:
        return f"{slug(view.title(options.title, view.events))}.{EXTENSIONS.get(fmt, fmt)}"
    preset = next((name for name, size in PRESETS.items() if size == options.size), None)
    size = preset or f"{options.size.width}x{options.size.height}"
    base = f"{slug(view.title(options.title))}-{size}"
    return f"{base}.{fmt}" if fmt else base


def toolbar_config(view: View, options: ChartOptions) -> dict:
    """Plotly config whose camera button downloads a PNG with the export's name and size."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {
            "format": "png",
            "filename": file_name(view, options),
            "width": options.size.width,
            "height": options.size.height,
            "scale": options.size.scale,
        },
    }


def chart_figure(view: View, options: ChartOptions, today: dt.date | None = None) -> go.Figure:
    """The timeline chart of the view, laid out for publication: what every chart format
    is made from."""
    return go.Figure(ChartCache().chart(view, options, today))


def warm_up(
    view: View, renderer: ImageRenderer, charts: ChartCache, options: ChartOptions | None = None
) -> threading.Thread | None:
    """In the background: start the renderer's browser, lay out the view's chart for
    ``options`` (kept in ``charts``) and draw it once, so that the first export of the view
    takes a render's time. None when the browser is started or starting already."""
    options = options or ChartOptions()
    return renderer.warm_in_background(lambda: charts.chart(view, options), options.size)


def data_text(view: View, fmt: str, title: str, today: dt.date | None = None) -> str:
    """The events of the view as CSV, JSON or TimelineJS JSON."""
    events, labels, sources = view.events, view.labels, view.dataset.sources
    if fmt == "csv":
        return export_data.csv_text(events, labels)
    about = view.credit(events, today)
    if fmt == "json":
        query = filters.to_query_params(replace(view.state, event=None))
        return export_data.json_text(events, sources, title=title, credit=about, query=query)
    if fmt == "timelinejs":
        return export_data.timelinejs_text(events, labels, sources, title=title, credit=about)
    raise ValueError(f"not a data format: {fmt!r} (use one of {DATA_FORMATS})")


def export(
    view: View,
    fmt: str,
    options: ChartOptions | None = None,
    *,
    renderer: ImageRenderer | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
    charts: ChartCache | None = None,
) -> bytes:
    """The view as a file of format ``fmt`` (one of ``FORMATS``).

    PNG, SVG and PDF need Chromium (BrowserMissing when there is none); pass a ``renderer`` to
    keep one browser open across several exports, and ``charts`` to lay a view's chart out
    once for them (a new title, subtitle or theme then changes only its text and colours).
    """
    options = options or ChartOptions()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt in DATA_FORMATS:
        return data_text(view, fmt, view.title(options.title, view.events), today).encode("utf-8")
    charts = charts or ChartCache()
    fig = charts.chart(view, options, today)
    title = view.title(options.title)
    alt = view.alt_text(title)
    about = charts.credit(view, today)
    provenance = about.provenance()
    if fmt == "html":
        page = html_page(
            fig,
            title=title,
            alt=alt,
            credit=about.text,
            theme=options.theme,
            config={**toolbar_config(view, options), "scrollZoom": True},
            meta=metadata.html_meta(provenance, description=alt),
            plotly_js=options.plotly_js,
        )
        return page.encode("utf-8")
    if renderer is not None:
        image = renderer.render(fig, fmt, options.size)
    else:
        with ImageRenderer(progress) as own:
            image = own.render(fig, fmt, options.size)
    add = {"png": metadata.png, "svg": metadata.svg, "pdf": metadata.pdf}[fmt]
    return add(image, provenance, title=title, description=alt)
