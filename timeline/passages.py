"""Quotes shown inside the passage of the seed they come from, with the quote highlighted.

A passage is the paragraph (line) of the seed holding the quote, widened by one line on each
side when it is short. Text is cut into segments ``(text, highlighted)``; ``to_html`` escapes
every segment before wrapping highlights in ``<mark>``, so nothing in a seed is ever markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

Span = tuple[int, int]
Segment = tuple[str, bool]

SHORT_PASSAGE = 280


@dataclass(frozen=True)
class Passage:
    """A stretch of a seed around a quote: where it starts (1-based line) and its segments."""

    line: int
    segments: tuple[Segment, ...]


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted, with overlapping or touching spans joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def segments(
    text: str, spans: Iterable[Span], start: int = 0, end: int | None = None
) -> list[Segment]:
    """``text[start:end]`` cut into plain and highlighted pieces."""
    end = len(text) if end is None else end
    pieces: list[Segment] = []
    position = start
    for span_start, span_end in merge_spans(spans):
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end:
            continue
        if span_start > position:
            pieces.append((text[position:span_start], False))
        pieces.append((text[span_start:span_end], True))
        position = span_end
    if position < end:
        pieces.append((text[position:end], False))
    return pieces


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    found = text.find("\n", index)
    return len(text) if found == -1 else found


def _widen(text: str, start: int, end: int) -> Span:
    # One non-empty line before and after, skipping blank lines.
    before = start
    while before > 0:
        before = _line_start(text, before - 1)
        if text[before:start].strip():
            break
    after = end
    while after < len(text):
        after = _line_end(text, after + 1)
        if text[end:after].strip():
            break
    if not text[before:start].strip():
        before = start
    if not text[end:after].strip():
        after = end
    return before, after


def passage(text: str, span: Span, highlights: Iterable[Span] = ()) -> Passage:
    """The passage of ``text`` around ``span``, highlighting ``span`` (and ``highlights``)."""
    start, end = _line_start(text, span[0]), _line_end(text, max(span[1] - 1, span[0]))
    if end - start < SHORT_PASSAGE:
        start, end = _widen(text, start, end)
    line = text.count("\n", 0, start) + 1
    return Passage(line, tuple(segments(text, [span, *highlights], start, end)))


def to_html(pieces: Iterable[Segment]) -> str:
    """Escaped text with highlights in ``<mark>``: the only markup is ours."""
    return "".join(
        f"<mark>{html.escape(text)}</mark>" if highlighted else html.escape(text)
        for text, highlighted in pieces
    )
