"""One event in full: what happened, when and how we know, and every quote in its passage."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from timeline import passages
from timeline.text import markdown as md
from timeline.view import View, detail

PASSAGE_STYLE = (
    "white-space: pre-wrap; border-left: 3px solid #0072B2; padding: 0.4rem 0.8rem; "
    "margin: 0.2rem 0 0.8rem 0; background: #F7F9FB; font-size: 0.95rem; line-height: 1.5;"
)
SEED_STYLE = PASSAGE_STYLE + " max-height: 32rem; overflow-y: auto;"


def passage_html(pieces: list[passages.Segment], style: str = PASSAGE_STYLE) -> str:
    # Every piece of seed text is escaped by passages.to_html: the only markup here is ours.
    return f'<div style="{style}">{passages.to_html(pieces)}</div>'


def render(view: View, event: pd.Series) -> None:
    info = detail.event_detail(event, view.vocabularies, view.labels, view.dataset.seed_text)
    with st.container(border=True, key="event_detail"):
        st.subheader(md(info.title))
        st.markdown(
            f"**{md(info.date_text)}** · {md(info.status)} · {md(info.category)}"
            + (f" · {md(info.location)}" if info.location else "")
        )
        st.markdown(md(info.summary))
        st.markdown(f"**Actors:** {md(', '.join(info.actors))}")
        basis = info.date_basis or "The date is written out in the quotes below."
        st.markdown(f"**Date** ({md(info.date_written)}): {md(basis)}")
        st.caption(f"{md(info.status)}: {md(info.status_description)}")
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
