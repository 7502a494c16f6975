"""One event in full: what happened, when and how we know, and every quote in its passage."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from timeline import passages
from timeline.text import escape_html
from timeline.text import markdown as md
from timeline.view import View, detail
from views.page_style import note
from views.sidebar import FOCUS_FLAG, KEYS

# Scrolled to, the heading stops below Streamlit's fixed header, not under it.
HEADING_STYLE = "margin: 0; padding: 0.2rem 0; scroll-margin-top: 4.5rem;"
# Moves the reader to the detail just opened: scrolled to, and its heading focused, so a
# screen reader reads it out. Our own script: no data text in it.
FOCUS_SCRIPT = """<script>
(() => {{
  let tries = 0;
  const go = () => {{
    const heading = document.querySelector('.st-key-event_detail [data-detail-heading]');
    if (!heading) {{ if (tries++ < 60) setTimeout(go, 50); return; }}
    heading.setAttribute('tabindex', '-1');
    heading.scrollIntoView({{block: 'start'}});
    heading.focus({{preventScroll: true}});
  }};
  go();
}})();
</script><!-- {nonce} -->"""

PASSAGE_STYLE = (
    "white-space: pre-wrap; border-left: 3px solid #0072B2; padding: 0.4rem 0.8rem; "
    "margin: 0.2rem 0 0.8rem 0; background: #F7F9FB; font-size: 0.95rem; line-height: 1.5;"
)
SEED_STYLE = PASSAGE_STYLE + " max-height: 32rem; overflow-y: auto;"


def passage_html(pieces: list[passages.Segment], style: str = PASSAGE_STYLE) -> str:
    # Every piece of seed text is escaped by passages.to_html: the only markup here is ours.
    return f'<div style="{style}">{passages.to_html(pieces)}</div>'


def open_event(event_id: str) -> None:
    """A callback: open this event's detail and bring it into view on the next run."""
    st.session_state[KEYS["event"]] = event_id
    st.session_state[FOCUS_FLAG] = True


def _close() -> None:
    st.session_state[KEYS["event"]] = None


def render(view: View, event: pd.Series, back: str, level: int = 2) -> None:
    """The detail of ``event``, its heading at ``level``; ``back`` is the anchor of where the
    reader came from (the chart, or the event's card)."""
    info = detail.event_detail(event, view.vocabularies, view.labels, view.dataset.seed_text)
    with st.container(border=True, key="event_detail"):
        st.html(
            f'<h{level} data-detail-heading style="{HEADING_STYLE}">'
            f"{escape_html(info.title)}</h{level}>"
            f'<p role="status" style="position: absolute; left: -9999px;">'
            f"Opened: {escape_html(info.title)}</p>"
        )
        with st.container(horizontal=True, key="detail_actions"):
            st.markdown(f"[Back to where you were]({back})")
            st.button("Close", key="close_detail", on_click=_close)
        st.markdown(
            f"**{md(info.date_text)}** · {md(info.status)} · {md(info.category)}"
            + (f" · {md(info.location)}" if info.location else "")
        )
        st.markdown(md(info.summary))
        st.markdown(f"**Actors:** {md(', '.join(info.actors))}")
        basis = info.date_basis or "The date is written out in the quotes below."
        st.markdown(f"**Date** ({md(info.date_written)}): {md(basis)}")
        note(f"{md(info.status)}: {md(info.status_description)}")
        if info.figures:
            st.markdown("**Figures the sources state**")
            st.dataframe(
                pd.DataFrame(info.figures)[
                    ["value", "unit", "qualifier", "counts", "claimant", "source_label"]
                ].rename(columns={"source_label": "source"}),
                hide_index=True,
            )
        st.markdown(f"**Sources** ({len(info.citations)} citations)")
        for number, cite in enumerate(info.citations, start=1):
            where = f", line {cite.line}" if cite.line else ""
            st.markdown(f"{number}\\. **{md(cite.source_label)}** ({md(cite.file)}{where})")
            if cite.passage:
                st.html(passage_html(list(cite.passage.segments)))
            else:
                st.warning("This quote was not found in the seed text:", icon="⚠️")
                st.text(cite.quote)
        for file in dict.fromkeys(c.file for c in info.citations):
            text = view.dataset.seed_text(file)
            if text is None:
                continue
            label = view.labels.label("source", file)
            if st.toggle(
                f"Read {md(label)} in full, every cited passage marked", key=f"seed_{file}"
            ):
                quotes = detail.quotes_of(view.dataset.events, file)
                st.html(passage_html(detail.seed_with_quotes(text, quotes), SEED_STYLE))
    if st.session_state.pop(FOCUS_FLAG, False):
        nonce = st.session_state.get("focus_nonce", 0) + 1
        st.session_state["focus_nonce"] = nonce
        st.html(FOCUS_SCRIPT.format(nonce=nonce), unsafe_allow_javascript=True)
