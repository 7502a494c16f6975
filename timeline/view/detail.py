"""Everything the detail panel of one event shows, and a seed read whole with its quotes marked."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from timeline.model import Vocabularies
from timeline.passages import Passage, Segment, passage, segments
from timeline.sources import find_quote_spans
from timeline.view.labels import Labels


@dataclass(frozen=True)
class CitationView:
    """One citation: the quote inside its passage of the seed (None if it cannot be found)."""

    file: str
    source_label: str
    quote: str
    passage: Passage | None
    line: int | None  # of the seed, where the quote starts


@dataclass(frozen=True)
class EventDetail:
    id: str
    title: str
    summary: str
    date_text: str
    date_written: str
    date_basis: str | None
    category: str
    status: str
    status_description: str
    actors: list[str]
    location: str | None
    figures: list[dict]
    citations: list[CitationView]


def event_detail(
    event: Mapping | pd.Series,
    vocab: Vocabularies,
    labels: Labels,
    seed_text: Callable[[str], str | None],
) -> EventDetail:
    """The detail of one event (a row of the events frame); ``seed_text`` reads a seed."""
    status = next((s for s in vocab.statuses if s.id == event["status"]), None)
    citations = []
    for cite in event["sources"]:
        text = seed_text(cite["file"]) or ""
        spans = find_quote_spans(text, cite["quote"]) if text else []
        citations.append(
            CitationView(
                file=cite["file"],
                source_label=labels.label("source", cite["file"]),
                quote=cite["quote"],
                passage=passage(text, spans[0]) if spans else None,
                line=text.count("\n", 0, spans[0][0]) + 1 if spans else None,
            )
        )
    end, location = event["date_end"], event["location"]
    written = f"{event['date']}/{end}" if isinstance(end, str) else event["date"]
    return EventDetail(
        id=event["id"],
        title=event["title"],
        summary=event["summary"],
        date_text=event["date_text"],
        date_written=written,
        date_basis=event["date_basis"] if isinstance(event["date_basis"], str) else None,
        category=labels.label("category", event["category"]),
        status=status.label if status else event["status"],
        status_description=status.description if status else "",
        actors=[labels.label("actor", a) for a in event["actors"]],
        location=labels.label("place", location) if isinstance(location, str) else None,
        figures=[
            {**figure, "source_label": labels.label("source", figure["source"])}
            for figure in event["figures"]
        ],
        citations=citations,
    )


def quotes_of(df: pd.DataFrame, file: str) -> list[str]:
    """Every quote any event cites from one seed."""
    return [c["quote"] for cites in df["sources"] for c in cites if c["file"] == file]


def seed_with_quotes(text: str, quotes: Iterable[str]) -> list[Segment]:
    """The whole seed, every cited passage highlighted."""
    spans = [span for quote in dict.fromkeys(quotes) for span in find_quote_spans(text, quote)]
    return segments(text, spans)
