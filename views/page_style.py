"""The few page-wide style rules the dashboard needs: readable grey text, a first screen that
is not mostly padding, and a title that fits a phone."""

from __future__ import annotations

import streamlit as st

# Streamlit's captions are grey at 60% opacity (3.9:1 on white); #4D5160 opaque is 7.9:1.
STYLE = """
<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  color: #4D5160 !important; opacity: 1 !important;
}
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
@media (max-width: 640px) {
  h1 { font-size: 1.7rem !important; line-height: 1.25 !important; }
  [data-testid="stMainBlockContainer"] {
    padding-top: 3rem; padding-left: 0.8rem; padding-right: 0.8rem;
  }
}
</style>
"""


def apply() -> None:
    st.html(STYLE)


def note(text: str) -> None:
    """A side remark in small type at full contrast (st.caption's grey depends on the CSS
    above having loaded). ``text`` is Markdown, data already escaped."""
    st.markdown(f":small[{text}]")
