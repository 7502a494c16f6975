"""The line above every view: how many events are shown, how many fall outside the time
range (with the one control that shows them all), and the empty state."""

from __future__ import annotations

import streamlit as st

from timeline.view import View
from views.sidebar import KEYS, reset


def _set_full_range(value: bool) -> None:
    st.session_state[KEYS["full_range"]] = value


def render(view: View) -> None:
    shown, total = len(view.events), len(view.dataset.events)
    line = f"Showing {shown} of {total} events"
    with st.container(horizontal=True, vertical_alignment="center", key="event_count"):
        if view.outside and not view.state.date_from and not view.state.date_to:
            st.markdown(f"{line} · {view.outside} outside the time range:")
            st.button("show all", on_click=_set_full_range, args=(True,), key="show_all")
        elif view.state.full_range:
            st.markdown(f"{line}, over their whole time span")
            st.button(
                "frame the busiest years", on_click=_set_full_range, args=(False,), key="frame"
            )
        elif view.outside:
            st.markdown(f"{line} · {view.outside} outside the dates chosen")
        else:
            st.markdown(line)


def render_empty() -> None:
    with st.container(border=True, key="empty_state"):
        st.markdown("**No event matches these filters.**")
        st.markdown("Loosen a filter in the sidebar, or start again from every event.")
        st.button("Reset filters", on_click=reset, key="empty_reset", type="primary")
