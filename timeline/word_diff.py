"""A word-by-word difference between a quote and the passage of the seed closest to it.

Written as ``git diff --word-diff`` does: ``[-words only in the quote-]`` and ``{+words only in
the seed+}``, with a few words of context around each difference and ``...`` for the words in
between that agree. Long differences are shortened by count, never silently.
"""

from __future__ import annotations

import difflib

CONTEXT_WORDS = 3
MAX_CHANGES = 6
MAX_CHANGED_WORDS = 12


def word_diff(quote: str, passage: str) -> str:
    """``quote`` against ``passage``, word by word; empty when they have the same words."""
    ours, theirs = quote.split(), passage.split()
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    opcodes = matcher.get_opcodes()
    changes = [i for i, (op, *_) in enumerate(opcodes) if op != "equal"]
    if not changes:
        return ""
    shown = set(changes[:MAX_CHANGES])
    pieces: list[str] = []
    for index, (op, q1, q2, s1, s2) in enumerate(opcodes):
        if op == "equal":
            pieces.append(_context(ours[q1:q2], index, opcodes, shown))
        elif index in shown:
            if q2 > q1:
                pieces.append(f"[-{_words(ours[q1:q2])}-]")
            if s2 > s1:
                pieces.append(f"{{+{_words(theirs[s1:s2])}+}}")
        elif pieces and pieces[-1] != "...":
            pieces.append("...")
    kept = [p for i, p in enumerate(pieces) if p and not (p == "..." and pieces[i - 1 : i] == [p])]
    text = " ".join(kept).replace("... ...", "...")
    hidden = len(changes) - len(shown)
    if hidden:
        text += f" (and {hidden} more difference{'s' if hidden > 1 else ''})"
    return text.replace("-] {+", "-]{+")


def _context(words: list[str], index: int, opcodes: list, shown: set[int]) -> str:
    """The agreeing words around a shown difference: a few after one, a few before the next."""
    after_change = index - 1 in shown
    before_change = index + 1 in shown
    if len(words) <= 2 * CONTEXT_WORDS or (after_change and before_change and len(words) <= 8):
        if after_change or before_change:
            return " ".join(words)
        return "..."
    head = words[:CONTEXT_WORDS] if after_change else []
    tail = words[-CONTEXT_WORDS:] if before_change else []
    return " ".join([*head, "...", *tail])


def _words(words: list[str]) -> str:
    if len(words) <= MAX_CHANGED_WORDS + 4:
        return " ".join(words)
    keep = MAX_CHANGED_WORDS // 2
    return f"{' '.join(words[:keep])} ... ({len(words) - 2 * keep} more words) ... " + " ".join(
        words[-keep:]
    )
