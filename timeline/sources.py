"""The seeds: their catalogue, their text, and finding quotes in them.

A quote matches its seed after both are normalised: runs of whitespace become one space, curly
quotes become straight ones and dashes (hyphen, non-breaking hyphen, en and em dash, minus
sign) become ``-``. Nothing else is forgiven (case, spelling and punctuation must be as in the
seed).
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
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
_WORD = re.compile(r"\S+")
_PASSAGE_LIMIT = 200


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
        """The line and text of the passage most like the quote (for 'did you mean')."""
        haystack, offsets = self._normalised
        words = [(m.start(), m.end()) for m in _WORD.finditer(haystack)]
        wanted = normalise(quote).split(" ")
        if not words or not wanted:
            return 1, ""
        size = min(len(wanted), len(words))
        candidates = _best_windows(haystack, words, wanted, size)
        needle = normalise(quote)

        def similarity_of(first: int, last: int) -> float:
            text = haystack[words[first][0] : words[last][1]]
            return difflib.SequenceMatcher(None, needle, text, autojunk=False).ratio()

        def similarity(start: int) -> float:
            return similarity_of(start, start + size - 1)

        best = max(candidates, key=similarity)
        first, last = _refine(best, best + size - 1, len(words), similarity_of)
        start, end = words[first][0], words[last][1]
        passage = _WHITESPACE.sub(" ", self.text[offsets[start] : offsets[end - 1] + 1])
        if len(passage) > _PASSAGE_LIMIT:
            passage = passage[:_PASSAGE_LIMIT].rsplit(" ", 1)[0] + "..."
        return self.line_of(offsets[start]), passage


def _refine(first: int, last: int, count: int, similarity_of, reach: int = 3) -> tuple[int, int]:
    """Move each end of the window by up to `reach` words where that makes it more similar."""
    for _ in range(2):
        first = max(
            range(max(0, first - reach), min(last, first + reach) + 1),
            key=lambda start: (similarity_of(start, last), -abs(start - first)),
        )
        last = max(
            range(max(first, last - reach), min(count - 1, last + reach) + 1),
            key=lambda end: (similarity_of(first, end), -abs(end - last)),
        )
    return first, last


def _best_windows(haystack: str, words: list, wanted: list[str], size: int) -> list[int]:
    """Start indexes of the windows of `size` words sharing the most words with the quote."""
    need = Counter(w.lower() for w in wanted)
    lowered = [haystack[s:e].lower() for s, e in words]
    have: Counter[str] = Counter()
    shared = 0
    scores = []
    for i, word in enumerate(lowered):
        if have[word] < need[word]:
            shared += 1
        have[word] += 1
        if i >= size:
            old = lowered[i - size]
            have[old] -= 1
            if have[old] < need[old]:
                shared -= 1
        if i >= size - 1:
            scores.append((shared, -(i - size + 1)))
    top = sorted(scores, reverse=True)[:8]
    return [-start for _, start in top]


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
