"""What a change to the events file means: events added, removed, renamed and changed.

Events are matched by id. An id that disappears while another appears with the same content
(or nearly: ``RENAME_SIMILARITY``) is a rename, reported with whatever else changed. Order and
layout never count: a file and its ``fmt`` output have no differences.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher

from timeline.authoring.fmt import SHAPES
from timeline.checks.yaml_syntax import parse_yaml
from timeline.problems import DataError, Problem

EVENT_FIELDS = SHAPES["event"].keys  # the canonical key order, as fmt writes it
# What an absent optional field means, so that writing it out is not a change.
DEFAULTS: dict[str, object] = {
    "end": None,
    "window": False,
    "date_basis": None,
    "location": None,
    "other_locations": [],
    "key": False,
    "figures": [],
}
LIST_FIELDS = ("actors", "other_locations", "figures", "sources")
# Two events whose content (everything but the id) is this similar are one event renamed:
# the mean, over the fields either fills in, of 1 for an equal field, the likeness of two
# texts, or the share of list items in common.
RENAME_SIMILARITY = 0.8
# Beyond this many (removed x added) pairs, only exact renames are looked for.
MAX_RENAME_PAIRS = 10_000


@dataclass
class FieldChange:
    """One field of one event: its old and new values (None when absent)."""

    field: str  # hides dataclasses.field in this class body: the defaults spell it out
    old: object
    new: object
    added: list = dataclasses.field(default_factory=list)  # for list fields: items only in new
    removed: list = dataclasses.field(default_factory=list)  # for list fields: items only in old


@dataclass
class EventChange:
    id: str
    title: str
    changes: list[FieldChange]
    old_id: str | None = None  # set when the event was renamed


@dataclass
class EventsDiff:
    old_label: str
    new_label: str
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    renamed: list[EventChange] = field(default_factory=list)
    changed: list[EventChange] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "renamed": len(self.renamed),
            "changed": len(self.changed),
        }

    @property
    def is_empty(self) -> bool:
        return not any(self.counts.values())

    def to_json(self) -> str:
        return json.dumps(
            {"counts": self.counts} | asdict(self), indent=2, ensure_ascii=False, default=str
        )


def events_from_text(text: str | None, display: str) -> list[dict]:
    """The events of a file's text (None: the file does not exist, so no events).

    Only what stops reading the events is an error here; ``check`` judges the rest.
    """
    if text is None:
        return []
    doc = parse_yaml(text, display)
    if doc.root is None:
        raise DataError(doc.problems)
    data = doc.data if doc.data is not None else {"events": []}
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, list):
        mark = doc.root.start_mark
        message = "expected a mapping with an 'events:' list: is this an events file?"
        raise DataError([Problem.at(display, mark, "wrong-type", message)])
    return [event if isinstance(event, dict) else {"value": event} for event in events]


def diff_events(
    old: list[dict], new: list[dict], old_label: str = "old", new_label: str = "new"
) -> EventsDiff:
    old_by_id, new_by_id = _by_id(old), _by_id(new)
    result = EventsDiff(old_label, new_label)
    removed = [key for key in old_by_id if key not in new_by_id]
    added = [key for key in new_by_id if key not in old_by_id]
    for old_key, new_key in _renames(removed, added, old_by_id, new_by_id):
        removed.remove(old_key)
        added.remove(new_key)
        change = _event_change(new_key, old_by_id[old_key], new_by_id[new_key])
        change.old_id = old_key
        result.renamed.append(change)
    result.removed = [old_by_id[key] for key in removed]
    result.added = [new_by_id[key] for key in added]
    for key, new_event in new_by_id.items():
        if key in old_by_id:
            change = _event_change(key, old_by_id[key], new_event)
            if change.changes:
                result.changed.append(change)
    return result


def _by_id(events: list[dict]) -> dict[str, dict]:
    by_id: dict[str, dict] = {}
    for n, event in enumerate(events, start=1):
        key = str(event.get("id") or f"(event {n} without an id)")
        while key in by_id:  # a duplicate id: check reports it; keep both here
            key += "'"
        by_id[key] = event
    return by_id


def _normalised(event: dict) -> dict:
    """The event as its meaning: defaults filled in, a year written 2024 equal to "2024"."""
    values = {name: event.get(name, DEFAULTS.get(name)) for name in EVENT_FIELDS}
    values |= {name: value for name, value in event.items() if name not in values}
    for name in ("date", "end"):
        if isinstance(values[name], int) and not isinstance(values[name], bool):
            values[name] = str(values[name])
    return values


def _content(event: dict) -> dict:
    return {name: value for name, value in _normalised(event).items() if name != "id"}


def _renames(
    removed: list[str], added: list[str], old: dict[str, dict], new: dict[str, dict]
) -> list[tuple[str, str]]:
    exact_only = len(removed) * len(added) > MAX_RENAME_PAIRS
    pairs: list[tuple[float, str, str]] = []
    for old_key in removed:
        for new_key in added:
            a, b = _content(old[old_key]), _content(new[new_key])
            score = 1.0 if a == b else 0.0 if exact_only else _similarity(a, b)
            if score >= RENAME_SIMILARITY:
                pairs.append((score, old_key, new_key))
    matched: list[tuple[str, str]] = []
    used: set[str] = set()
    for _, old_key, new_key in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if old_key not in used and new_key not in used:
            used |= {old_key, new_key}
            matched.append((old_key, new_key))
    return matched


def _similarity(a: dict, b: dict) -> float:
    """The mean over the fields either event fills in: 1 when equal, partial for prose/lists."""
    names = [n for n in {**a, **b} if a.get(n) != DEFAULTS.get(n) or b.get(n) != DEFAULTS.get(n)]
    if not names:
        return 1.0
    return sum(_field_similarity(a.get(n), b.get(n)) for n in names) / len(names)


def _field_similarity(a: object, b: object) -> float:
    if a == b:
        return 1.0
    if isinstance(a, str) and isinstance(b, str) and " " in a + b:  # prose, not an id or date
        return SequenceMatcher(None, a, b, autojunk=False).ratio()
    if isinstance(a, list) and isinstance(b, list):
        items_a, items_b = {_canonical_json(i) for i in a}, {_canonical_json(i) for i in b}
        return len(items_a & items_b) / len(items_a | items_b)
    return 0.0


def _canonical_json(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _event_change(key: str, old: dict, new: dict) -> EventChange:
    old_values, new_values = _normalised(old), _normalised(new)
    changes = []
    extra = (set(old_values) | set(new_values)) - set(EVENT_FIELDS)
    for name in [*EVENT_FIELDS, *sorted(extra)]:
        if name == "id":
            continue
        before, after = old_values.get(name), new_values.get(name)
        if before == after:
            continue
        change = FieldChange(name, before, after)
        if name in LIST_FIELDS and isinstance(before, list) and isinstance(after, list):
            change.removed = [item for item in before if item not in after]
            change.added = [item for item in after if item not in before]
        changes.append(change)
    return EventChange(key, str(new.get("title", "")), changes)
