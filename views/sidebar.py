"""The filter widgets and their two-way link with the URL query string.

The URL is read once per browser session (opening a link restores its view); after every run the
URL is rewritten from the widgets (changing a filter updates the link). Values the URL had that
cannot be used are dropped from it and listed in a note.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

from timeline.view import View, filters
from timeline.view.filters import FilterState
from views.page_style import note

# Widget key for each FilterState field.
KEYS = {
    "sources": "f_source",
    "actors": "f_actor",
    "categories": "f_category",
    "statuses": "f_status",
    "date_from": "f_from",
    "date_to": "f_to",
    "q": "f_q",
    "min_sources": "f_min_sources",
    "corroboration": "f_corroboration",
    "event": "f_event",
    "lanes": "f_lanes",
    "full_range": "f_range",
}
LANE_LABELS = {"category": "Category", "actor": "Actor", "source": "Source"}
ANY = "any"  # the corroboration widget's value for "no corroboration filter"
CORROBORATION_LABELS = {
    ANY: "Any",
    "single": "Single-source only",
    "corroborated": "Corroborated only",
}
# The tabs (the URL's view=), and the key of the widget that holds the open one.
VIEW_KEY = "view"
# The filters in the "More filters" panel, its label and the key of its open state.
MORE_FIELDS = ("date_from", "date_to", "min_sources", "corroboration", "lanes", "full_range")
MORE_LABEL = "More filters: dates, sources cited, lanes"
MORE_KEY = "more_filters"
# Set when an event has just been opened: the detail panel then brings itself into view.
FOCUS_FLAG = "focus_detail"


def _shown(names: Mapping[str, str]) -> Callable[[str], str]:
    """A format_func: the name of an id, or the id itself if it has none (as Labels.label)."""
    return lambda value: names.get(value, value)


def _set_widgets(state: FilterState) -> None:
    for field, key in KEYS.items():
        value = getattr(state, field)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value
    st.session_state[KEYS["corroboration"]] = state.corroboration or ANY


def view_from_url(value: str | None, tabs: Sequence[str], default: str) -> tuple[str, str | None]:
    """The tab a ``view=`` value names (any letter case), and a note when it names none."""
    if value is None:
        return default, None
    by_name = {tab.casefold(): tab for tab in tabs}
    if value.strip().casefold() in by_name:
        return by_name[value.strip().casefold()], None
    names = ", ".join(tab.lower() for tab in tabs)
    return default, f"Ignored view={value!r}: use one of {names}."


def read_url_once(view: View, tabs: Sequence[str], default_tab: str) -> None:
    """Open the view the URL describes, the first time this session runs."""
    if "url_read" in st.session_state:
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    state, notes = filters.from_query_params(params, view.choices)
    _set_widgets(state)
    tab, note = view_from_url(st.query_params.get(VIEW_KEY), tabs, default_tab)
    st.session_state[VIEW_KEY] = tab
    st.session_state["url_notes"] = notes + ([note] if note else [])
    st.session_state[FOCUS_FLAG] = state.event is not None
    st.session_state["url_read"] = True


def reset() -> None:
    """Every filter back to its default (the open event and the lane grouping too)."""
    _set_widgets(FilterState())


def current_state() -> FilterState:
    """The view the widgets show now."""
    values: dict[str, Any] = {field: st.session_state.get(key) for field, key in KEYS.items()}
    defaults = FilterState()
    for field in ("sources", "actors", "categories", "statuses"):
        values[field] = tuple(values[field] or ())
    values["q"] = (values["q"] or "").strip()
    values["min_sources"] = int(values["min_sources"] or 1)
    values["lanes"] = values["lanes"] or defaults.lanes
    corroboration = values["corroboration"]
    values["corroboration"] = corroboration if corroboration in filters.CORROBORATION else None
    values["full_range"] = bool(values["full_range"])
    return FilterState(**values)


def render(view: View) -> FilterState:
    """The sidebar filters; returns the state they describe."""
    labels = view.labels
    categories, actors = labels.of_kind("category"), labels.of_kind("actor")
    statuses = labels.of_kind("status")
    with st.sidebar:
        heading()
        st.text_input(
            "Search titles, summaries and quotes", key=KEYS["q"], max_chars=filters.MAX_QUERY_LENGTH
        )
        st.multiselect(
            "Sources",
            list(labels.source_order),
            format_func=_shown(labels.source_choices),
            key=KEYS["sources"],
            placeholder="All sources",
        )
        st.multiselect(
            "Actors",
            list(actors),
            format_func=_shown(actors),
            key=KEYS["actors"],
            placeholder="All",
        )
        st.multiselect(
            "Categories",
            list(categories),
            format_func=_shown(categories),
            key=KEYS["categories"],
            placeholder="All",
        )
        st.multiselect(
            "Claim status",
            list(statuses),
            format_func=_shown(statuses),
            key=KEYS["statuses"],
            placeholder="All",
        )
        _more_filters()
        st.button("Reset filters", on_click=reset)
        note("Every filter is in the page address: copy it to share exactly this view.")
    return current_state()


def heading() -> None:
    st.sidebar.header("Filters")


def _more_filters() -> None:
    """Dates, sources cited, corroboration, lanes and the time span, in a panel drawn only when
    open: the first page does not build seven widgets (nor load their code) that few readers
    change first. It opens by itself while one of them is set, so no filter in force is hidden;
    closed, it keeps their values for the session."""
    if _more_in_force(current_state()):
        st.session_state[MORE_KEY] = True
    with st.expander(MORE_LABEL, key=MORE_KEY, on_change="rerun") as panel:
        if not panel.open:
            return
        # One under the other: side by side, the dates do not fit a sidebar's half.
        for label, field in (("From", "date_from"), ("To", "date_to")):
            st.date_input(
                label,
                value=None,
                key=KEYS[field],
                min_value=filters.EARLIEST,
                max_value=filters.LATEST,
                format="YYYY-MM-DD",
                persist_state="session",
            )
        date_from, date_to = st.session_state[KEYS["date_from"]], st.session_state[KEYS["date_to"]]
        if date_from and date_to and date_from > date_to:
            st.warning("From is after To: no event can match.")
        st.number_input(
            "Cited by at least N sources",
            min_value=1,
            max_value=filters.MAX_MIN_SOURCES,
            step=1,
            key=KEYS["min_sources"],
            persist_state="session",
        )
        st.radio(
            "Corroboration",
            [ANY, *filters.CORROBORATION],
            format_func=CORROBORATION_LABELS.get,
            key=KEYS["corroboration"],
            help="Single-source: one seed reports the event. Corroborated: two or more do.",
            persist_state="session",
        )
        st.radio(
            "Timeline lanes by",
            list(filters.LANES),
            format_func=LANE_LABELS.get,
            horizontal=True,
            key=KEYS["lanes"],
            persist_state="session",
        )
        st.toggle("Show the whole time span", key=KEYS["full_range"], persist_state="session")


def _more_in_force(state: FilterState) -> bool:
    defaults = FilterState()
    return any(getattr(state, field) != getattr(defaults, field) for field in MORE_FIELDS)


def show_url_notes() -> None:
    notes = st.session_state.get("url_notes") or []
    if notes:
        with st.container(border=True):
            st.warning("Some values in the link were ignored:", icon=":material/info:")
            st.text("\n".join(notes))
            if st.button("Dismiss", key="dismiss_url_notes"):
                st.session_state["url_notes"] = []
                st.rerun()


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def write_url(state: FilterState, tab: str, default_tab: str) -> None:
    """Make the query string say ``state`` and the open ``tab``, touching only the keys that
    changed."""
    wanted: dict[str, str | list[str]] = filters.to_query_params(state)
    if tab != default_tab:
        wanted[VIEW_KEY] = tab.lower()
    for key in (*filters.PARAMS, VIEW_KEY):
        if st.query_params.get_all(key) != _as_list(wanted.get(key)):
            if key in wanted:
                st.query_params[key] = wanted[key]
            else:
                del st.query_params[key]
    for key in list(st.query_params):
        if key not in filters.PARAMS and key not in filters.FOREIGN_PARAMS:
            del st.query_params[key]
