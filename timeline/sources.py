"""The seeds: their catalogue, their text, and finding quotes in them.

A quote matches its seed after both are normalised: runs of whitespace become one space, curly
quotes become straight ones and dashes (hyphen, non-breaking hyphen, en and em dash, minus
sign) become ``-``. Nothing else is forgiven (case, spelling and punctuation must be as in the
seed).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from timeline.files import read_text
from timeline.paths import DataPaths
from timeline.problems import Problem

# Curly and low single/double quotes -> ' and "; hyphen, non-breaking hyphen, en dash, em dash
# and minus sign -> -. Written as escapes: several of them look exactly like ASCII.
_TRANSLATION = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f", '"')
    | dict.fromkeys("\u2010\u2011\u2013\u2014\u2212", "-")
)
_WHITESPACE = re.compile(r"\s+")
_ALIGNED_CHARS = 2000


def normalise(text: str) -> str:
    """The form in which quotes and seeds are compared."""
    return _WHITESPACE.sub(" ", text.translate(_TRANSLATION)).strip()


@dataclass(frozen=True)
class QuoteMatch:
    start: int  # offsets in the original seed text
    end: int
    line: int  # 1-based line of the start


@dataclass
class SeedText:
    """The text of one seed file, indexed for quote lookups."""

    file: str
    text: str
    _matches: dict[str, QuoteMatch | None] = field(default_factory=dict, repr=False)

    @cached_property
    def _normalised(self) -> tuple[str, list[int]]:
        return _normalise_with_offsets(self.text)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def find(self, quote: str) -> QuoteMatch | None:
        """Where the quote first occurs, or None."""
        if quote not in self._matches:
            spans = self.spans(quote, first_only=True)
            self._matches[quote] = (
                QuoteMatch(spans[0][0], spans[0][1], self.line_of(spans[0][0])) if spans else None
            )
        return self._matches[quote]

    def spans(self, quote: str, *, first_only: bool = False) -> list[tuple[int, int]]:
        """Every occurrence of the quote, as (start, end) offsets in the original text."""
        needle = normalise(quote)
        if not needle:
            return []
        haystack, offsets = self._normalised
        spans, at = [], haystack.find(needle)
        while at != -1:
            spans.append((offsets[at], offsets[at + len(needle) - 1] + 1))
            if first_only:
                break
            at = haystack.find(needle, at + len(needle))
        return spans

    def closest_passage(self, quote: str) -> tuple[int, str]:
        """The line and text of the passage most like the quote, whole words, whitespace
        normalised (for 'did you mean').

        rapidfuzz's partial-ratio alignment finds the stretch of the seed, as long as the
        quote, most like it; then each end moves by a few words where that fits better.
        """
        from rapidfuzz import fuzz  # here: only a quote not found needs it (not a page's load)

        haystack, offsets = self._normalised
        needle = normalise(quote)
        if not haystack or not needle:
            return 1, ""
        # The alignment's cost grows faster than the quote's length: a quote longer than any
        # quote should be (quote-too-long) is placed by its beginning and runs on from there.
        alignment = fuzz.partial_ratio_alignment(needle[:_ALIGNED_CHARS], haystack)
        if alignment is None:  # only with a score_cutoff, which is not given; kept for types
            return 1, ""
        start, end = alignment.dest_start, max(alignment.dest_end, alignment.dest_start + 1)
        if len(needle) > _ALIGNED_CHARS:
            end = min(len(haystack), start + len(needle))
        start = haystack.rfind(" ", 0, start) + 1  # out to whole words
        space = haystack.find(" ", end)
        end = len(haystack) if space == -1 else space
        start, end = _refine(haystack, needle, start, end)
        passage = _WHITESPACE.sub(" ", self.text[offsets[start] : offsets[end - 1] + 1])
        return self.line_of(offsets[start]), passage


def _refine(haystack: str, needle: str, start: int, end: int, reach: int = 3) -> tuple[int, int]:
    """Move each end of the passage by up to ``reach`` words where that makes it more like the
    quote: the alignment is as long as the quote, the passage it stands for need not be."""
    from rapidfuzz import fuzz

    def score(first: int, last: int) -> tuple[float, int]:
        return fuzz.ratio(needle, haystack[first:last]), -abs(first - start) - abs(last - end)

    for _ in range(2):
        start = max(_word_starts(haystack, start, end, reach), key=lambda at: score(at, end))
        end = max(_word_ends(haystack, start, end, reach), key=lambda at: score(start, at))
    return start, end


def _word_starts(text: str, start: int, end: int, reach: int) -> list[int]:
    """Word starts from ``reach`` words before ``start`` to ``reach`` words after it."""
    found, at = [start], start
    for _ in range(reach):
        at = text.rfind(" ", 0, max(at - 1, 0)) + 1
        found.append(at)
    at = start
    for _ in range(reach):
        space = text.find(" ", at, end)
        if space == -1:
            break
        at = space + 1
        found.append(at)
    return sorted(set(found))


def _word_ends(text: str, start: int, end: int, reach: int) -> list[int]:
    """Word ends from ``reach`` words before ``end`` to ``reach`` words after it."""
    found, at = [end], end
    for _ in range(reach):
        space = text.rfind(" ", start + 1, at)
        if space == -1:
            break
        at = space
        found.append(at)
    at = end
    for _ in range(reach):
        space = text.find(" ", at + 1)
        at = len(text) if space == -1 else space
        found.append(at)
    return sorted(set(found))


def _normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """normalise(text), and for each of its characters the offset it came from in text."""
    translated = text.translate(_TRANSLATION)  # one character for one: offsets unchanged
    pieces: list[str] = []
    offsets: list[int] = []
    at = 0
    for match in _WHITESPACE.finditer(translated):
        pieces.append(translated[at : match.start()])
        offsets.extend(range(at, match.start()))
        pieces.append(" ")
        offsets.append(match.start())
        at = match.end()
    pieces.append(translated[at:])
    offsets.extend(range(at, len(translated)))
    return "".join(pieces), offsets


@lru_cache(maxsize=64)
def _seed_for_text(text: str) -> SeedText:
    return SeedText("", text)


def find_quote_spans(seed_text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) of the quote in the seed's text, for highlighting.

    Offsets are into ``seed_text`` as given; matching is the checker's (normalised
    whitespace, quotes and dashes), so every quote the checker accepts is found.
    """
    return _seed_for_text(seed_text).spans(quote)


def read_seeds(paths: DataPaths) -> tuple[dict[str, SeedText], list[Problem]]:
    """Every seed text in the folder (those that can be read) and the problems of the others."""
    seeds, problems = {}, []
    for path in paths.seed_files():
        text, file_problems = read_text(path, f"{paths.seeds_display}/{path.name}")
        problems.extend(file_problems)
        if text is not None:
            seeds[path.name] = SeedText(path.name, text)
    return seeds, problems
