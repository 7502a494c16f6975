"""Vocabulary values: every category, actor, status and place an event names is listed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from timeline.checks.duplicates import duplicate_problems
from timeline.checks.yaml_syntax import YamlDocument
from timeline.model import Vocabularies
from timeline.problems import Problem
from timeline.text import did_you_mean

SECTIONS = ("categories", "actors", "statuses", "places")
# event field -> (vocabulary section, what one value is called)
EVENT_FIELDS = {
    "category": ("categories", "category"),
    "actors": ("actors", "actor"),
    "status": ("statuses", "status"),
    "location": ("places", "place"),
    "other_locations": ("places", "place"),
}


class KnownValues:
    """The ids of each vocabulary section, and the labels that name them (for suggestions)."""

    def __init__(self, vocab: Vocabularies, vocab_path: str) -> None:
        self.vocab_path = vocab_path
        # Ids are the values; labels map to their ids, so 'North Koera' finds 'north-korea'.
        self.keys: dict[str, dict[str, str]] = {}
        for section in SECTIONS:
            entries = getattr(vocab, section)
            keys = {entry.id: entry.id for entry in entries}
            for entry in entries:
                keys.setdefault(entry.label.lower(), entry.id)
            self.keys[section] = keys

    def problems(self, doc: YamlDocument, index: int, raw: object) -> Iterable[Problem]:
        """Values of the raw event (valid or not) missing from the vocabularies."""
        if not isinstance(raw, dict):
            return
        for name, (section, kind) in EVENT_FIELDS.items():
            value = raw.get(name)
            items = enumerate(value) if isinstance(value, list) else [(None, value)]
            known = self.keys[section]
            for number, item in items:
                if not isinstance(item, str) or known.get(item) == item:
                    continue
                loc = ("events", index, name) + (() if number is None else (number,))
                yield doc.problem(
                    loc,
                    "unknown-vocabulary",
                    f"unknown {kind} '{item}'{did_you_mean(item, known)}: use an id listed "
                    f"under {section} in {self.vocab_path}, or add it there",
                )


def vocabulary_file_problems(doc: YamlDocument, vocab: Vocabularies | None) -> list[Problem]:
    """Ids used twice within a section of the vocabularies file."""
    if vocab is None:
        return []
    problems: list[Problem] = []
    for section in SECTIONS:
        ids: Sequence[str] = [entry.id for entry in getattr(vocab, section)]
        problems.extend(duplicate_problems(doc, section, ids, "id", "give each entry its own id"))
    return problems
