"""What the page knows of the reader's screen: a phone or not, from the browser's own words.

Streamlit does not tell the server the viewport's width; the user agent (``Mobi`` is what
phone browsers put in it) and Chromium's client hint ``Sec-CH-UA-Mobile`` do. A phone opens on
the Story view and gets a chart packed for a narrow plot.
"""

from __future__ import annotations

import streamlit as st

from timeline.charts.lanes import Screen

# Plot widths the timeline's marks and labels are packed for (the page, less the lane names).
LAPTOP_PLOT_PX = 820
PHONE_PLOT_PX = 250


def is_phone() -> bool:
    headers = st.context.headers
    agent = headers.get("User-Agent") or ""
    return headers.get("Sec-CH-UA-Mobile") == "?1" or "Mobi" in agent


def screen() -> Screen:
    """The chart's screen: legend drawn by the page (it wraps), marks packed for its width."""
    if is_phone():
        return Screen(plot_width=PHONE_PLOT_PX, legend=False, key_rows=1, lane_chars=14)
    return Screen(plot_width=LAPTOP_PLOT_PX, legend=False)
