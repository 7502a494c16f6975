"""The layout of an exported chart: size, theme, title, subtitle, legends and credit footer.

Plotly places text in pixels it does not measure for us, so line wrapping and margins are
worked out from an average character width; the export tests look at the result.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from timeline.export.image import Size
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

TITLE_SIZE, SUBTITLE_SIZE, FOOTER_SIZE, FONT_SIZE = 22, 15, 12, 13
LINE_HEIGHT = 1.35
EDGE = 16  # pixels between the edge of the image and the text
CHAR_WIDTH = 0.52  # average character width of sans-serif text, as a fraction of its size


@dataclass(frozen=True)
class ChartOptions:
    """How a chart export looks; an empty title means the default one (from the filters)."""

    size: Size = SOCIAL
    title: str = ""
    subtitle: str = ""
    theme: str = "light"


def _wrap(text: str, size: float, width: int) -> list[str]:
    """Lines of ``text`` that fit ``width`` pixels at font ``size`` (by average character width)."""
    chars = max(int((width - 2 * EDGE) / (size * CHAR_WIDTH)), 20)
    return textwrap.wrap(text, chars, break_on_hyphens=False) or [""]


def _text_width(text: str, size: float) -> int:
    plain = re.sub(r"&[a-z]+;", "x", re.sub(r"<[^>]*>", "", text))
    return round(len(plain) * size * CHAR_WIDTH)


def _legend_rows(fig: go.Figure, legend: str, width: int) -> int:
    """Rows a horizontal legend wraps into (estimated from the length of its entries)."""
    entries = [t.name for t in fig.data if t.showlegend is not False and t.legend == legend]
    if not entries:
        return 0
    title = fig.layout[legend].title.text or ""
    widths = [_text_width(name, FONT_SIZE) + 40 for name in entries]  # + the marker
    rows, used = 1, _text_width(title, FONT_SIZE) + 10
    for entry in widths:
        if used + entry > width and used > 0:
            rows, used = rows + 1, 0
        used += entry
    return rows


def _lines_height(lines: int, size: float) -> int:
    return round(lines * size * LINE_HEIGHT)


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


def _themed(fig: go.Figure, theme: str) -> go.Figure:
    """A copy of the figure on the theme's template (with the chart's colours swapped first,
    so that the template's own stay as they are)."""
    fig = go.Figure(_dark(fig.to_plotly_json()) if theme == "dark" else fig)
    # An explicit template: Streamlit's own is not there outside Streamlit.
    fig.update_layout(template=THEMES[theme], plot_bgcolor=None)
    return fig


def publication_layout(
    fig: go.Figure, options: ChartOptions, title: str, about: Credit
) -> go.Figure:
    """A timeline figure (``timeline.charts.lanes.timeline_figure``) laid out for publication at
    ``options.size``: the theme's template and colours, the title and subtitle on top, the
    legends under them, the credit as a footer, no range slider. Returns a new figure."""
    width, height = options.size.width, options.size.height
    fig = _themed(fig, options.theme)
    escape = escape_html

    title_lines = _wrap(title, TITLE_SIZE, width)
    subtitle_lines = _wrap(options.subtitle, SUBTITLE_SIZE, width) if options.subtitle else []
    title_height = _lines_height(len(title_lines), TITLE_SIZE)
    header = EDGE + title_height + _lines_height(len(subtitle_lines), SUBTITLE_SIZE) + 10
    footer_lines = [*_wrap(about.source_line, FOOTER_SIZE, width), about.about_line]
    footer = _lines_height(len(footer_lines), FOOTER_SIZE) + EDGE
    rows = [_legend_rows(fig, name, width - 2 * EDGE) for name in ("legend", "legend2")]
    legend_row = round(FONT_SIZE * 2.3)
    axis = 30  # the date ticks under the plot
    # Fixed margins (no automargin): title, subtitle and footer are annotations placed in
    # plot-area units from them, so that they start at the left edge and never overlap.
    # (Plotly's own title pushes a wrapped title off the top, and its subtitle floats.)
    margin = {
        "l": EDGE + max(_text_width(t, FONT_SIZE) for t in fig.layout.yaxis.ticktext or [""]) + 8,
        "r": EDGE,
        "t": header + sum(rows) * legend_row + 8,
        "b": axis + footer,
    }
    plot_width = width - margin["l"] - margin["r"]
    plot_height = height - margin["t"] - margin["b"]
    text: dict[str, object] = {
        "xref": "paper",
        "yref": "paper",
        "xanchor": "left",
        "yanchor": "top",
    }
    text |= {"x": -(margin["l"] - EDGE) / plot_width, "align": "left", "showarrow": False}
    top = 1 + (margin["t"] - EDGE) / plot_height

    fig.update_layout(
        width=width,
        height=height,
        font={"size": FONT_SIZE},
        margin={**margin, "autoexpand": False},
        legend={"y": 1 - header / height, "x": EDGE / width, "xref": "container"},
        legend2={
            "y": 1 - (header + rows[0] * legend_row) / height,
            "x": EDGE / width,
            "xref": "container",
        },
        xaxis={"rangeslider": {"visible": False}, "automargin": False},
        yaxis={"automargin": False},
    )
    fig.add_annotation(
        text="<b>" + "<br>".join(escape(line) for line in title_lines) + "</b>",
        y=top,
        font={"size": TITLE_SIZE},
        name="title",
        **text,
    )
    if subtitle_lines:
        fig.add_annotation(
            text="<br>".join(escape(line) for line in subtitle_lines),
            y=top,
            yshift=-title_height - 4,
            font={"size": SUBTITLE_SIZE},
            name="subtitle",
            **text,
        )
    fig.add_annotation(
        text="<br>".join(escape(line) for line in footer_lines),
        y=0,
        yshift=-axis,
        font={"size": FOOTER_SIZE, "color": FOOTER_COLOUR[options.theme]},
        name="footer",
        **text,
    )
    return fig
