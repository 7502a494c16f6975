"""Text from the data made safe for Markdown and Plotly, and the wording helpers messages share."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Mapping

# CommonMark lets a backslash escape any ASCII punctuation; Streamlit adds :colour[...] and
# $math$, which the same escapes defuse.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def markdown(text: object) -> str:
    """``text`` for st.markdown and friends: every punctuation character backslash-escaped."""
    return _PUNCTUATION.sub(r"\\\1", str(text))


def did_you_mean(value: str, keys: Mapping[str, str]) -> str:
    """`` (did you mean 'north-korea'?)`` when a key is close to ``value``, else "".

    ``keys`` maps what may be typed (an id, a label) to what to suggest (the id).
    """
    candidates = list(keys)
    match = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6) or (
        difflib.get_close_matches(value.lower(), candidates, n=1, cutoff=0.6)
    )
    if not match:
        prefix = value.split("_", 1)[0].split(".", 1)[0]
        ids = sorted(set(keys.values()))
        match = [name for name in ids if prefix and name.startswith(prefix + "_")][:1]
        return f" (did you mean '{match[0]}'?)" if match else ""
    return f" (did you mean '{keys[match[0]]}'?)"


def escape_html(text: object, quote: bool = False) -> str:
    """Text for Plotly labels and hover, or HTML: < > & shown as characters, never markup.

    ``quote`` escapes quote marks too, for HTML that other programs parse (TimelineJS)."""
    return html.escape(str(text), quote=quote)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def slug(text: str, limit: int = 80) -> str:
    """``north-koreas-military-support-to-russia-2022-2024``: a file name from a title, cut
    after a whole word when it is longer than ``limit``."""
    words = re.sub(r"[’']", "", text.casefold())
    name = re.sub(r"[^a-z0-9]+", "-", words).strip("-")
    if len(name) > limit:
        name = name[: limit + 1].rsplit("-", 1)[0]
    return name or "timeline"
