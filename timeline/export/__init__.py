"""Exports of the current view for publication: the timeline chart as PNG, SVG, PDF or
interactive HTML, and the events as CSV, JSON or TimelineJS JSON. The dashboard's Export panel
and ``python -m timeline export`` both call ``export``.

Every chart carries a title, an optional subtitle and a footer computed from the events it
shows (``timeline.view.credit``); data files carry the same credit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from timeline.charts import lanes as charts
from timeline.dataset import Dataset
from timeline.export import data as export_data
from timeline.export.image import (
    IMAGE_FORMATS,
    BrowserMissing,
    ImageRenderer,
    Progress,
    RenderError,
    Size,
    html_page,
)
from timeline.export.layout import SOCIAL, THEMES, ChartOptions, publication_layout
from timeline.view import credit, filters
from timeline.view import tables as views_data
from timeline.view.filters import FilterState

__all__ = [
    "FORMATS",
    "PRESETS",
    "THEMES",
    "BrowserMissing",
    "ChartOptions",
    "ImageRenderer",
    "RenderError",
    "Size",
    "View",
    "export",
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


@dataclass(frozen=True)
class View:
    """What is exported: the dataset, seen through the filters (as the dashboard shows it)."""

    dataset: Dataset
    state: FilterState = field(default_factory=FilterState)
    events_path: Path = Path("data/events.yaml")

    @cached_property
    def events(self) -> pd.DataFrame:
        """The events the filters keep: what data exports hold."""
        return filters.apply(self.dataset.events, self.state)

    @cached_property
    def source_order(self) -> list[str]:
        return views_data.source_order(self.dataset.sources, self.dataset.events)

    @cached_property
    def source_labels(self) -> dict[str, str]:
        return views_data.source_labels(self.dataset.sources, self.source_order)

    @cached_property
    def x_range(self) -> tuple[dt.date, dt.date]:
        """The chart's time axis, as the dashboard draws it."""
        start, end = charts.default_range(self.events)
        start, end = self.state.date_from or start, self.state.date_to or end
        return (start, end) if start < end else charts.default_range(self.events)

    @cached_property
    def drawn(self) -> pd.DataFrame:
        """The events the chart shows: those kept by the filters that reach into its time axis."""
        start, end = (pd.Timestamp(d) for d in self.x_range)
        if self.state.date_to:  # "to" includes its day; the default axis ends at midnight
            end += pd.Timedelta(days=1)
        events = self.events
        return events[(events["end"] > start) & (events["start"] < end)]

    def title(self, options: ChartOptions, events: pd.DataFrame | None = None) -> str:
        """The title asked for, else one made from the filters and the period of ``events``
        (by default those the chart draws)."""
        events = self.drawn if events is None else events
        title = options.title.strip()
        return title or credit.default_title(events, self.state, self.dataset.vocabularies)

    def credit(self, events: pd.DataFrame, today: dt.date | None = None) -> credit.Credit:
        return credit.Credit(
            sources=tuple(credit.cited_sources(events, self.dataset.sources)),
            filters=credit.filters_text(self.state, self.dataset.vocabularies, self.source_labels),
            version=credit.data_version(self.events_path),
            exported=today or dt.date.today(),
        )

    def alt_text(self, options: ChartOptions) -> str:
        return credit.alt_text(self.drawn, self.dataset.vocabularies, self.title(options))


def file_name(view: View, options: ChartOptions, fmt: str | None = None) -> str:
    """``north-koreas-military-support-to-russia-2022-2024-social.png``; a chart's name says its
    size. Without ``fmt``, no extension: the form the chart toolbar's download takes."""
    if fmt in DATA_FORMATS:
        return f"{credit.slug(view.title(options, view.events))}.{EXTENSIONS.get(fmt, fmt)}"
    preset = next((name for name, size in PRESETS.items() if size == options.size), None)
    size = preset or f"{options.size.width}x{options.size.height}"
    base = f"{credit.slug(view.title(options))}-{size}"
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
    fig = charts.timeline_figure(
        view.drawn,
        view.dataset.vocabularies,
        lanes=view.state.lanes,
        source_labels=view.source_labels,
        source_order=view.source_order,
        x_range=view.x_range,
    )
    return publication_layout(fig, options, view.title(options), view.credit(view.drawn, today))


def data_text(view: View, fmt: str, title: str, today: dt.date | None = None) -> str:
    """The events of the view as CSV, JSON or TimelineJS JSON."""
    events, vocab, sources = view.events, view.dataset.vocabularies, view.dataset.sources
    if fmt == "csv":
        return export_data.csv_text(events, vocab, sources)
    about = view.credit(events, today)
    if fmt == "json":
        query = filters.to_query_params(replace(view.state, event=None))
        return export_data.json_text(events, sources, title=title, credit=about, query=query)
    if fmt == "timelinejs":
        return export_data.timelinejs_text(events, vocab, sources, title=title, credit=about)
    raise ValueError(f"not a data format: {fmt!r} (use one of {DATA_FORMATS})")


def export(
    view: View,
    fmt: str,
    options: ChartOptions | None = None,
    *,
    renderer: ImageRenderer | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The view as a file of format ``fmt`` (one of ``FORMATS``).

    PNG, SVG and PDF need Chromium (BrowserMissing when there is none); pass a ``renderer`` to
    keep one browser open across several exports.
    """
    options = options or ChartOptions()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt in DATA_FORMATS:
        return data_text(view, fmt, view.title(options, view.events), today).encode("utf-8")
    fig = chart_figure(view, options, today)
    if fmt == "html":
        page = html_page(
            fig,
            title=view.title(options),
            alt=view.alt_text(options),
            credit=view.credit(view.drawn, today).text,
            theme=options.theme,
            config={**toolbar_config(view, options), "scrollZoom": True},
        )
        return page.encode("utf-8")
    if renderer is not None:
        return renderer.render(fig, fmt, options.size)
    with ImageRenderer(progress) as own:
        return own.render(fig, fmt, options.size)
