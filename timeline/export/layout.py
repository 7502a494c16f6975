"""The layout of an exported chart: size, theme, title, subtitle, legends, labels and footer.

Plotly places text in pixels it does not measure for us, so line wrapping, label room and
margins are worked out from estimated text widths (``timeline.export.text_width``); the
readability tests measure the result in Chromium.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from timeline.export.dodge import (
    Axis,
    compacted,
    find_lanes,
    find_marks,
    move,
    scale_markers,
    stack,
    total_rows,
)
from timeline.export.image import Size
from timeline.export.labels import LABEL_SHARE, place
from timeline.export.marks import tag_event_traces
from timeline.export.text_width import FONT_FAMILY, fit, line_height, text_width, wrap
from timeline.text import escape_html
from timeline.view.credit import Credit

SOCIAL = Size(1200, 675)
THEMES = {"light": "plotly_white", "dark": "plotly_dark"}
# Colours the timeline chart draws with on white, and what they become on the dark template.
DARK_COLOURS = {
    "#FFFFFF": "rgb(17,17,17)",
    "rgba(255,255,255,0.9)": "rgba(17,17,17,0.9)",
    "#222222": "#EEEEEE",
    "#444444": "#BBBBBB",
    "#AAAAAA": "#777777",
    "#CCCCCC": "#555555",
    "#E5E5E5": "#333333",
    "#000000": "#FFFFFF",
}
FOOTER_COLOUR = {"light": "#555555", "dark": "#B4B4B4"}

TEXT_COLOUR = {"light": "#222222", "dark": "#EEEEEE"}
EDGE = 16  # pixels between the edge of the image and the text
BASE_WIDTH, BASE_HEIGHT = 1200, 675  # the social preset: text sizes grow with larger images
LANE_LABEL_SHARE = 0.22  # lane names take at most this share of the width
LANE_NAME_LINES = 1.3  # lane names are at least this many lines of text apart
LEGEND_MARKER = 40  # pixels of a legend entry besides its text: the marker and gaps
SHORT_LEGEND_NAMES = {"whisker": "date known to a month or year"}
# Legend entries that explain a drawing rather than name a value: they make no legend alone.
EXPLANATIONS = frozenset({"whisker"})
# Tried in turn until the rows fit the plot's height:
# (whiskers keep their room, marker scale, rows between lanes)
COMPACTNESS = (
    (True, 1.0, 1.0),
    (False, 1.0, 1.0),
    (False, 0.8, 1.0),
    (False, 0.65, 0.5),
    (False, 0.5, 0.5),
)


@dataclass(frozen=True)
class ChartOptions:
    """How a chart export looks; an empty title means the default one (from the filters)."""

    size: Size = SOCIAL
    title: str = ""
    subtitle: str = ""
    theme: str = "light"
    plotly_js: str = "inline"  # HTML only: plotly.js in the page, or in a file beside it


@dataclass(frozen=True)
class TextSizes:
    """Font sizes in CSS pixels at an export size; ``body`` is the smallest any text gets."""

    title: float
    subtitle: float
    body: float
    footer: float

    @classmethod
    def at(cls, size: Size) -> TextSizes:
        grow = max(1.0, min(size.width / BASE_WIDTH, size.height / BASE_HEIGHT))
        return cls(title=22 * grow, subtitle=16 * grow, body=12 * grow, footer=12 * grow)


def min_text_size(size: Size) -> float:
    """The smallest text an exported chart of ``size`` carries."""
    sizes = TextSizes.at(size)
    return min(sizes.title, sizes.subtitle, sizes.body, sizes.footer)


def _dark_colour(value: object) -> object:
    if isinstance(value, str):
        return DARK_COLOURS.get(value, value)
    if isinstance(value, list | tuple):
        return [_dark_colour(item) for item in value]
    return value


def _dark(value: object) -> object:
    """The figure dict with each known light-theme colour swapped for its dark counterpart."""
    if isinstance(value, dict):
        return {
            key: _dark_colour(item) if "color" in key else _dark(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [_dark(item) for item in value]
    return value


@cache
def _template(theme: str) -> dict:
    """The theme's plotly template as JSON (explicit: Streamlit's own is not there outside
    Streamlit)."""
    return pio.templates[THEMES[theme]].to_plotly_json()


def header_lines(options: ChartOptions, title: str) -> tuple[list[str], list[str]]:
    """The title's and the subtitle's lines at the options' size: their number is all the
    layout below them depends on."""
    sizes = TextSizes.at(options.size)
    inner = options.size.width - 2 * EDGE
    title_lines = wrap(title, sizes.title, inner, bold=True)
    subtitle_lines = wrap(options.subtitle, sizes.subtitle, inner) if options.subtitle else []
    return title_lines, subtitle_lines


def _title_text(lines: list[str]) -> str:
    return "<b>" + "<br>".join(escape_html(line) for line in lines) + "</b>"


def _subtitle_text(lines: list[str]) -> str:
    return "<br>".join(escape_html(line) for line in lines)


def dressed(laid: dict, options: ChartOptions, title: str) -> dict:
    """A chart laid out by ``laid_out`` (as plotly JSON) with ``title``, the options'
    subtitle and theme: its text and colours changed, its marks, labels and margins as they
    were (the title and subtitle must take as many lines as those it was laid out with). The
    dict given is left as it was."""
    title_lines, subtitle_lines = header_lines(options, title)
    texts = {"title": _title_text(title_lines), "subtitle": _subtitle_text(subtitle_lines)}
    layout = laid["layout"]
    notes = [
        {**note, "text": texts[note.get("name")]} if note.get("name") in texts else note
        for note in layout.get("annotations", ())
    ]
    # The template is set last: the chart's own colours are swapped, not the template's.
    spec = {
        **laid,
        "layout": {
            key: value
            for key, value in layout.items()
            if key not in ("template", "plot_bgcolor", "annotations")
        },
    }
    spec["layout"]["annotations"] = notes
    if options.theme == "dark":
        spec = _dark(spec)  # type: ignore[assignment]  # a dict for a dict
        for note in spec["layout"]["annotations"]:
            if note.get("name") == "footer":
                note["font"] = {**note["font"], "color": FOOTER_COLOUR["dark"]}
    spec["layout"]["template"] = _template(options.theme)
    return spec


def _short_name(trace: go.Scatter) -> str:
    """``Confirmed`` for ``Confirmed: filled`` (the marker shows how it looks)."""
    if trace.legendgroup in SHORT_LEGEND_NAMES:
        return SHORT_LEGEND_NAMES[trace.legendgroup]
    return trace.name.split(":")[0]


def _legends(fig: go.Figure, shown: dict[str, bool], width: float, size: float) -> list[str]:
    """Hide the legends not wanted; fit each one kept in one row (shortening ``Name: how it
    looks`` to ``Name`` when needed). Returns the legends kept, top first."""
    kept = []
    for legend, wanted in shown.items():
        traces = [
            t for t in fig.data if t.showlegend is not False and (t.legend or "legend") == legend
        ]
        values = [t for t in traces if t.legendgroup not in EXPLANATIONS]
        if not wanted or len(values) < 2:
            for trace in traces:
                trace.showlegend = False
            continue
        title = fig.layout[legend].title.text or ""

        def row_width(names: list[str], title: str = title) -> float:
            return text_width(title, size) + sum(text_width(n, size) + LEGEND_MARKER for n in names)

        names = [t.name for t in traces]
        if row_width(names) > width:
            names = [_short_name(t) for t in traces]
        while row_width(names) > width and len(names) > 1:
            names.pop()  # the last entries (the whisker's explanation first) give way
        for number, trace in enumerate(traces):
            trace.showlegend = number < len(names)
            if number < len(names):
                trace.name = names[number]
        kept.append(legend)
    return kept


def _source_line(about: Credit, size: float, width: float) -> str:
    """The source line, naming as many sources as fit and counting the others (the file's
    metadata lists them all)."""
    names = list(about.sources)
    line = about.source_line
    for shown in range(len(names) - 1, 0, -1):
        if text_width(line, size) <= width:
            break
        line = f"Source: {'; '.join(names[:shown])} and {len(names) - shown} more"
    return fit(line, size, width)


def _at_px(axis: Axis, px: float) -> str:
    """The time at ``px`` pixels across the plot, as plotly reads dates (fast to validate)."""
    return (axis.start + (axis.end - axis.start) * (px / axis.width)).isoformat()


def publication_layout(
    fig: go.Figure,
    options: ChartOptions,
    title: str,
    about: Credit,
    *,
    key_titles: Mapping[str, str] | None = None,
    colour_legend: bool = True,
    copy: bool = True,
) -> go.Figure:
    """A timeline figure (``timeline.charts.lanes.timeline_figure``) laid out for publication
    at ``options.size`` (``laid_out``), with its title, subtitle and theme (``dressed``)."""
    laid = laid_out(
        fig, options, title, about, key_titles=key_titles, colour_legend=colour_legend, copy=copy
    )
    return go.Figure(dressed(laid.to_plotly_json(), options, title))


def laid_out(
    fig: go.Figure,
    options: ChartOptions,
    title: str,
    about: Credit,
    *,
    key_titles: Mapping[str, str] | None = None,
    colour_legend: bool = True,
    copy: bool = True,
) -> go.Figure:
    """A timeline figure laid out for publication at ``options.size``, in the light theme's
    colours (``dressed`` gives it its theme): the title and subtitle on top, a legend row
    under them only where it tells something; marks moved apart so none hides another; key
    events (``key_titles``: id -> title) labelled beside their marks or by number with a key
    under the chart; spans that run past the range marked with an arrow; two footer lines.
    Nothing in it depends on the title's and subtitle's words, only on their number of lines.
    Returns a new figure (or, with ``copy=False``, the one given, changed: copying a figure
    takes plotly a good part of a second)."""
    width, height = options.size.width, options.size.height
    sizes = TextSizes.at(options.size)
    body = sizes.body
    fig = go.Figure(fig) if copy else fig
    colour = TEXT_COLOUR["light"]  # as every colour here: ``dressed`` swaps them for dark
    escape = escape_html
    inner = width - 2 * EDGE

    title_lines, subtitle_lines = header_lines(options, title)
    title_height = len(title_lines) * line_height(sizes.title)
    header = EDGE + title_height + len(subtitle_lines) * line_height(sizes.subtitle) + 6
    legends = _legends(
        fig,
        {"legend": colour_legend, "legend2": True},
        inner,
        body,
    )
    legend_row = body * 2
    top = header + len(legends) * legend_row + 10
    footer_lines = [
        _source_line(about, sizes.footer, inner),
        fit(about.filters_line, sizes.footer, inner),
    ]
    footer = len(footer_lines) * line_height(sizes.footer) + EDGE
    axis_height = line_height(body) + 10  # the date ticks under the plot

    # Lanes and marks are read before the dashboard's annotations and lines are cleared.
    ticks = [fit(str(t), body, width * LANE_LABEL_SHARE) for t in fig.layout.yaxis.ticktext or ()]
    left = EDGE + max((text_width(t, body) for t in ticks), default=0) + 10
    plot_width = width - left - EDGE
    start, end = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    axis = Axis(start, end, plot_width)
    key_titles = dict(key_titles or {})
    plot_height = height - top - axis_height - footer
    # From the most readable to the most compact: whiskers keep their room, then marks may
    # sit on another's whisker, then markers shrink and lanes close up; the first that fits
    # the height is kept (else the most compact).
    found = find_lanes(fig, find_marks(fig, axis))
    for whiskers, scale, gap in COMPACTNESS:
        lanes = compacted(found, whiskers=whiskers, marker_scale=scale)
        marks = [mark for lane in lanes for mark in lane.marks]
        radius = max((m.radius for m in marks), default=6.0)
        mark_row = 2 * radius + 3
        placement = place(
            lanes,
            key_titles,
            size=body,
            plot_width=plot_width,
            max_rows=plot_height / max(mark_row, line_height(body) + 2),
            key_width=inner,
            escape=escape,
            gap=gap,
        )
        key_height = len(placement.key) * line_height(body) + (8 if placement.key else 0)
        if placement.total_rows * mark_row <= plot_height - key_height:
            break
    scale_markers(fig, scale)
    for lane in lanes:
        lane.label = fit(lane.label, body, width * LANE_LABEL_SHARE)
    bottom = axis_height + key_height + footer
    plot_height = height - top - bottom
    # Lane names one under another need a line's height each: a lane of few rows grows.
    least = 1.0
    for _ in range(5):
        pitch = plot_height / max(total_rows(lanes, placement.rows, gap, least), 1.0)
        needed = LANE_NAME_LINES * body / pitch - gap
        if needed <= least:
            break
        least = needed
    new_y, rows = stack(lanes, placement.rows, gap, least)
    move(fig, marks, new_y)
    tag_event_traces(fig)

    notes: list[dict[str, Any]] = []
    boundary = {"color": "#CCCCCC"}
    shapes = [
        {
            "type": "line",
            "xref": "paper",
            "x0": 0,
            "x1": 1,
            "y0": y,
            "y1": y,
            "line": {**boundary, "width": 1, "dash": "dot"},
            "layer": "below",
        }
        for y in rows.boundaries
    ]
    arrows = [
        (side, mark)
        for mark in marks
        for side, cut in zip(("left", "right"), mark.cut, strict=True)
        if cut
    ]
    for side in ("left", "right"):
        at = [mark for shown, mark in arrows if shown == side]
        if at:
            fig.add_trace(
                go.Scatter(
                    x=[_at_px(axis, 5 if side == "left" else plot_width - 5)] * len(at),
                    y=[new_y[id(mark)] for mark in at],
                    mode="markers",
                    marker={"symbol": f"triangle-{side}", "size": 9, "color": colour},
                    hoverinfo="skip",
                    showlegend=False,
                    name=f"continues past the {side} edge",
                )
            )
    if not marks:
        notes.append(
            {
                "text": "No events match these filters",
                "x": 0.5,
                "y": 0.5,
                "xref": "paper",
                "yref": "paper",
                "showarrow": False,
                "font": {"size": sizes.subtitle, "color": colour},
                "name": "empty",
            }
        )
    for label in placement.labels:
        text = (
            f"<b>{label.number}</b>"
            if label.number is not None
            else escape(fit(label.text, body, plot_width * LABEL_SHARE))
        )
        notes.append(
            {
                "x": _at_px(axis, label.anchor),
                "y": new_y[id(label.mark)],
                "xref": "x",
                "yref": "y",
                "text": text,
                "showarrow": False,
                "xanchor": "left" if label.side == "right" else "right",
                "yanchor": "middle",
                "font": {"size": body, "color": colour},
                "name": "key event",
            }
        )

    margin = {"l": left, "r": EDGE, "t": top, "b": bottom}
    paper: dict[str, Any] = {
        "xref": "paper",
        "yref": "paper",
        "xanchor": "left",
        "yanchor": "top",
        "x": -(left - EDGE) / plot_width,
        "align": "left",
        "showarrow": False,
    }
    notes.append(
        {
            **paper,
            "text": _title_text(title_lines),
            "y": 1 + (top - EDGE) / plot_height,
            "font": {"size": sizes.title, "color": colour},
            "name": "title",
        }
    )
    if subtitle_lines:
        notes.append(
            {
                **paper,
                "text": _subtitle_text(subtitle_lines),
                "y": 1 + (top - EDGE - title_height) / plot_height,
                "font": {"size": sizes.subtitle, "color": colour},
                "name": "subtitle",
            }
        )
    if placement.key:
        notes.append(
            {
                **paper,
                "text": "<br>".join(placement.key),
                "y": -axis_height / plot_height,
                "font": {"size": body, "color": colour},
                "name": "key",
            }
        )
    notes.append(
        {
            **paper,
            "text": "<br>".join(escape(line) for line in footer_lines),
            "y": -(axis_height + key_height) / plot_height,
            "font": {"size": sizes.footer, "color": FOOTER_COLOUR["light"]},
            "name": "footer",
        }
    )
    legend_layout = {
        legend: {
            "y": 1 - (header + number * legend_row) / height,
            "yref": "container",
            "x": EDGE / width,
            "xref": "container",
            "font": {"size": body},
            "orientation": "h",
        }
        for number, legend in enumerate(legends)
    }
    fig.update_layout(
        width=width,
        height=height,
        font={"size": body, "family": FONT_FAMILY},
        margin={**margin, "autoexpand": False},
        xaxis={"rangeslider": {"visible": False}, "automargin": False, "tickfont": {"size": body}},
        yaxis={
            "automargin": False,
            "autorange": False,
            "range": [rows.total - 0.5, -0.5],
            "tickvals": rows.tick_values,
            "ticktext": [escape(label) for label in rows.tick_labels],
            "tickfont": {"size": body},
        },
        **legend_layout,
    )
    # Assigned, not updated: an update would merge them into the dashboard's, item by item.
    fig.layout.annotations = notes
    fig.layout.shapes = shapes
    return fig
