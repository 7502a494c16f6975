"""How wide a line of text will be, estimated without a browser.

Plotly places text by pixels it never tells us, so the exported chart works out label space,
margins and line breaks from the advance widths of Arial (Liberation Sans has the same
metrics), the font the export asks for first. Unknown characters count as wide ones, and a
margin covers a fallback font (DejaVu Sans runs about a tenth wider), so estimates err long.
"""

from __future__ import annotations

import re

FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif"
# Advance widths in ems, grouped: Arial's metrics for printable ASCII and common punctuation.
_WIDTHS = {
    0.191: "'",
    0.222: "ijl‘’",
    0.26: "|",
    0.278: "ftI!,./:;[\\] ·",
    0.333: "r()-`{}“”",
    0.355: '"',
    0.389: "*",
    0.469: "^",
    0.5: "cksvxyzJ",
    0.556: "0123456789abdeghnopquL#$?_–é",
    0.584: "+<=>~",
    0.611: "FTZ",
    0.667: "ABEKPSVXY&",
    0.722: "wCDHNRU",
    0.778: "GOQ",
    0.833: "mM",
    0.889: "%",
    0.944: "W",
    1.0: "…—@",
}
EM = {char: width for width, chars in _WIDTHS.items() for char in chars}
UNKNOWN_EM = 0.75  # letters outside the table: accented capitals, other scripts
FALLBACK_MARGIN = 1.12  # a browser without Arial or Liberation Sans draws in a wider font
BOLD = 1.08
LINE_HEIGHT = 1.3  # plotly's line spacing, in ems

_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(?:[a-z]+|#[0-9]+);")


def plain(text: str) -> str:
    """What a reader sees of plotly's text markup: tags dropped, entities one character."""
    return _ENTITY.sub("x", _TAG.sub("", text))


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width in pixels of one line of ``text`` (plotly markup allowed) at ``size``."""
    ems = sum(EM.get(char, UNKNOWN_EM) for char in plain(text))
    return ems * size * FALLBACK_MARGIN * (BOLD if bold else 1)


def fit(text: str, size: float, width: float, *, bold: bool = False) -> str:
    """``text``, cut with an ellipsis where needed to fit ``width`` pixels."""
    if text_width(text, size, bold=bold) <= width:
        return text
    while text and text_width(text + "…", size, bold=bold) > width:
        text = text[:-1]
    return text.rstrip() + "…" if text else ""


def wrap(text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """Lines of whole words that each fit ``width`` pixels (a word too long is cut)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold=bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(fit(word, size, width, bold=bold))
    return lines or [""]


def line_height(size: float) -> float:
    return size * LINE_HEIGHT
