"""Text from the data, made safe for Streamlit's Markdown: shown as typed, never as markup."""

from __future__ import annotations

import re

# CommonMark lets a backslash escape any ASCII punctuation; Streamlit adds :colour[...] and
# $math$, which the same escapes defuse.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def markdown(text: object) -> str:
    """``text`` for st.markdown and friends: every punctuation character backslash-escaped."""
    return _PUNCTUATION.sub(r"\\\1", str(text))
