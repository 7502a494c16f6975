"""Charts laid out for publication, kept for the next export of the same view.

Laying a chart out (the timeline's marks packed again by pixels, key events labelled, the
footer fitted) takes a good part of a second; a new title, subtitle or theme changes only
text and colours. ``ChartCache`` keeps the laid-out chart of a view at a size, for a number of
title and subtitle lines, and dresses a copy of it for each export (``layout.dressed``).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Hashable

from timeline.charts.lanes import view_figure
from timeline.export.layout import ChartOptions, dressed, header_lines, laid_out
from timeline.view import View
from timeline.view.credit import Credit

KEEP = 16  # laid-out charts kept (a few views at a few sizes); each is some 40 KB of JSON


def laid_out_chart(view: View, options: ChartOptions, title: str, about: Credit) -> dict:
    """The timeline chart of the view laid out for publication (as plotly JSON, in the light
    theme), for ``title``'s and the subtitle's number of lines."""
    fig = view_figure(view, drawn_only=True)
    drawn = view.drawn
    key = drawn[drawn["key"].astype(bool)]
    laid = laid_out(
        fig,
        options,
        title,
        about,
        key_titles=dict(zip(key["id"], key["title"], strict=True)),
        # Lanes by category name the colours already; a one-entry legend says nothing.
        colour_legend=view.state.lanes != "category" and drawn["category"].nunique() > 1,
        copy=False,  # made here for this chart alone
    )
    return laid.to_plotly_json()


class ChartCache:
    """Laid-out charts and credit lines by view (the same object: the dashboard shares one
    per filter state), size, header lines and day. Safe to share between threads."""

    def __init__(self, keep: int = KEEP) -> None:
        self.keep = keep
        self.layouts = 0  # charts laid out so far, for tests to count
        self._lock = threading.Lock()
        # key -> (view, value): the view is kept so that its id in the key stays its own.
        self._charts: OrderedDict[Hashable, tuple[View, dict]] = OrderedDict()
        self._credits: OrderedDict[Hashable, tuple[View, Credit]] = OrderedDict()

    def _kept(self, table: OrderedDict, key: Hashable, view: View) -> object | None:
        found = table.get(key)
        if found is None or found[0] is not view:
            return None
        table.move_to_end(key)
        return found[1]

    def _keep(self, table: OrderedDict, key: Hashable, view: View, value: object) -> None:
        table[key] = (view, value)
        while len(table) > self.keep:
            table.popitem(last=False)

    def credit(self, view: View, today: dt.date | None = None) -> Credit:
        """``view.credit`` of the events the chart draws (it may ask git for the data version)."""
        today = today or dt.date.today()
        key = (id(view), today)
        with self._lock:
            about = self._kept(self._credits, key, view)
            if not isinstance(about, Credit):
                about = view.credit(view.drawn, today)
                self._keep(self._credits, key, view, about)
            return about

    def chart(self, view: View, options: ChartOptions, today: dt.date | None = None) -> dict:
        """The view's chart for ``options`` as plotly JSON, ready for kaleido or a page."""
        today = today or dt.date.today()
        title = view.title(options.title)
        title_lines, subtitle_lines = header_lines(options, title)
        width, height = options.size.width, options.size.height  # the scale changes no layout
        key = (id(view), width, height, len(title_lines), len(subtitle_lines), today)
        about = self.credit(view, today)
        with self._lock:
            laid = self._kept(self._charts, key, view)
            if not isinstance(laid, dict):
                laid = laid_out_chart(view, options, title, about)
                self.layouts += 1
                self._keep(self._charts, key, view, laid)
        return dressed(laid, options, title)
