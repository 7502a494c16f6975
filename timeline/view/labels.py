"""The one lookup from ids to the words readers see: vocabulary labels and source names."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from timeline.model import Source, Vocabularies

KINDS = ("category", "actor", "status", "place", "source")


@dataclass(frozen=True)
class Labels:
    """Id -> label for each kind of value (category, actor, status, place, source).

    A seed file's label is its short name (from the catalogue), told apart by title when two
    seeds share one; ``source_choices`` adds the title always, for pick lists. An id the vocabularies or
    the catalogue lack is shown as itself.
    """

    by_kind: Mapping[str, Mapping[str, str]]
    source_choices: Mapping[str, str]
    source_order: Sequence[str]
    colours: Mapping[str, str]

    @classmethod
    def of(
        cls, vocab: Vocabularies, sources: Sequence[Source], cited: Iterable[str] = ()
    ) -> Labels:
        order = [s.file for s in sources]
        order += [f for f in dict.fromkeys(cited) if f not in order]
        names = [s.short_name for s in sources]
        source_labels = {f: f for f in order} | {
            s.file: s.short_name if names.count(s.short_name) == 1 else f"{s.short_name}: {s.title}"
            for s in sources
        }
        return cls(
            by_kind={
                "category": {c.id: c.label for c in vocab.categories},
                "actor": {a.id: a.label for a in vocab.actors},
                "status": {s.id: s.label for s in vocab.statuses},
                "place": {p.id: p.label for p in vocab.places},
                "source": source_labels,
            },
            source_choices={f: f for f in order}
            | {s.file: f"{s.short_name}: {s.title}" for s in sources},
            source_order=order,
            colours={c.id: c.colour for c in vocab.categories},
        )

    def of_kind(self, kind: str) -> Mapping[str, str]:
        return self.by_kind[kind]

    def label(self, kind: str, value: str) -> str:
        return self.by_kind[kind].get(value, value)

    def joined(self, kind: str, values: Iterable[str], separator: str = ", ") -> str:
        return separator.join(self.label(kind, value) for value in values)
