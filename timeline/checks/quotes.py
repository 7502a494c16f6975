"""Citations: a quote long enough to show support, of a seed that exists, found in it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import TypeAdapter, ValidationError

from timeline.checks.yaml_syntax import YamlDocument
from timeline.model import Citation
from timeline.problems import Problem
from timeline.sources import SeedText, normalise
from timeline.text import did_you_mean
from timeline.word_diff import word_diff

MIN_QUOTE_WORDS = 4
MIN_QUOTE_CHARS = 20
# A quote supports an event with a sentence or a paragraph; an article's worth is a mistake.
MAX_QUOTE_CHARS = 2000
_CITATION = TypeAdapter(Citation)


@dataclass(frozen=True)
class SeedFolder:
    """What a citation can point at: the seed files present (None when the folder is missing)
    and the texts that could be read."""

    display: str
    names: set[str] | None
    texts: dict[str, SeedText]


def citation_problems(
    doc: YamlDocument, loc: tuple, citation: Citation, seeds: SeedFolder
) -> Iterable[Problem]:
    """The problems of one citation at ``loc`` (``events, i, sources, j``)."""
    words = normalise(citation.quote).split()
    length = len(" ".join(words))
    if len(words) < MIN_QUOTE_WORDS or length < MIN_QUOTE_CHARS:
        yield doc.problem(
            (*loc, "quote"),
            "quote-too-short",
            f"quote has {len(words)} words ({length} characters): quote at least "
            f"{MIN_QUOTE_WORDS} words and {MIN_QUOTE_CHARS} characters, enough to show "
            "what supports the event",
        )
    if length > MAX_QUOTE_CHARS:
        yield doc.problem(
            (*loc, "quote"),
            "quote-too-long",
            f"quote has {length} characters: quote at most {MAX_QUOTE_CHARS}, the sentence or "
            "paragraph that supports the event (cite the seed twice for two passages)",
        )
    if seeds.names is None:
        return
    if citation.file not in seeds.names:
        suggestion = did_you_mean(citation.file, {name: name for name in seeds.names})
        yield doc.problem(
            (*loc, "file"),
            "unknown-seed",
            f"{seeds.display}/{citation.file} does not exist{suggestion}: cite a file "
            f"in {seeds.display}/",
        )
        return
    seed = seeds.texts.get(citation.file)
    if seed is None or not words or seed.find(citation.quote) is not None:
        return  # an unreadable seed is reported once, as its own problem
    line, passage = seed.closest_passage(citation.quote)
    yield doc.problem(
        (*loc, "quote"),
        "quote-not-found",
        f"quote not found in {seeds.display}/{citation.file}; the closest passage, at line "
        f"{line}, word by word ([-only in the quote-] {{+only in the seed+}}): "
        f"{word_diff(normalise(citation.quote), normalise(passage))}",
    )


def citations_of_invalid_event(
    doc: YamlDocument, index: int, raw: object, seeds: SeedFolder
) -> Iterable[Problem]:
    """The checks of each citation that is valid on its own, in an event that is not."""
    citations = raw.get("sources") if isinstance(raw, dict) else None
    for number, item in enumerate(citations if isinstance(citations, list) else []):
        try:
            citation = _CITATION.validate_python(item)
        except ValidationError:
            continue  # reported, with its location, by the events file's validation
        yield from citation_problems(doc, ("events", index, "sources", number), citation, seeds)
