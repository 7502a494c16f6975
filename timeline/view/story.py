"""The Story view's cards: the events kept, in time order, each as a reader first meets it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from timeline.view.labels import Labels


@dataclass(frozen=True)
class StoryCard:
    """One event on the date rail: when (as precisely as known), what, how sure, who says so,
    and the first quote that says it."""

    id: str
    date_text: str
    start: str  # ISO date of the first day the date covers, for <time datetime>
    title: str
    status: str  # the status id
    status_label: str
    sources: tuple[str, ...]  # source labels, in the order cited
    quote: str
    key: bool


def story_cards(events: pd.DataFrame, labels: Labels) -> list[StoryCard]:
    """The cards of ``events``, earliest first (same start: the shorter period first)."""
    ordered = events.sort_values(["start", "end", "id"], kind="stable")
    return [
        StoryCard(
            id=row["id"],
            date_text=row["date_text"],
            start=row["start"].date().isoformat(),
            title=row["title"],
            status=row["status"],
            status_label=labels.label("status", row["status"]),
            sources=tuple(labels.label("source", f) for f in dict.fromkeys(row["source_files"])),
            quote=row["sources"][0]["quote"] if row["sources"] else "",
            key=bool(row["key"]),
        )
        for row in ordered.to_dict("records")
    ]
