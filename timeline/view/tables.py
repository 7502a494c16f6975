"""Tables behind the dashboard's views, built from the events frame and the seed catalogue."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from timeline.dates import event_date_text
from timeline.model import PublishedRange, Source, Vocabularies
from timeline.view.labels import Labels


def published_text(source: Source) -> str:
    """``28 October 2024`` or ``between 28 and 30 October 2024``."""
    if isinstance(source.published, PublishedRange):
        return event_date_text(source.published.earliest, source.published.latest, window=True)
    return event_date_text(source.published)


def sources_table(df: pd.DataFrame, sources: Sequence[Source], labels: Labels) -> pd.DataFrame:
    """Per seed: who published it, when, how we know, and the events that cite it."""
    rows = []
    for file in labels.source_order:
        source = next((s for s in sources if s.file == file), None)
        cites = df[df["source_files"].map(lambda files, file=file: file in files)]
        rows.append(
            {
                "file": file,
                "source": labels.label("source", file),
                "publisher": source.publisher if source else "(not in the catalogue)",
                "title": source.title if source else "",
                "published": published_text(source) if source else "",
                "published_basis": source.published_basis if source else "",
                "events": len(cites),
                "only_source_of": int((cites["n_sources"] == 1).sum()),
                "event_titles": list(cites["title"]),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "file", "source", "publisher", "title", "published", "published_basis", "events",
            "only_source_of", "event_titles",
        ],
    )  # fmt: skip


def source_event_matrix(df: pd.DataFrame, files: Sequence[str]) -> pd.DataFrame:
    """Citations per (seed file, event id): rows in ``files`` order, columns in event order."""
    counts = {
        event_id: {file: sum(c["file"] == file for c in cites) for file in files}
        for event_id, cites in zip(df["id"], df["sources"], strict=True)
    }
    return pd.DataFrame(counts, index=list(files), columns=list(df["id"])).fillna(0).astype(int)


def single_source_events(df: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """Events only one seed supports: the ones to corroborate first."""
    single = df[df["n_sources"] == 1]
    return pd.DataFrame(
        {
            "id": single["id"],
            "date": single["date_text"],
            "title": single["title"],
            "source": [labels.label("source", files[0]) for files in single["source_files"]],
        }
    )


def figures_table(df: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """One row per number a source states, with its claimant and the quote that carries it."""
    rows = []
    for _, event in df.iterrows():
        for figure in event["figures"]:
            quote = next(
                (c["quote"] for c in event["sources"] if c["file"] == figure["source"]), ""
            )
            rows.append(
                {
                    "event_id": event["id"],
                    "event_title": event["title"],
                    "date_text": event["date_text"],
                    "when": event["start"] + (event["end"] - event["start"]) / 2,
                    "start": event["start"],
                    "end": event["end"],
                    "value": figure["value"],
                    "unit": figure["unit"],
                    "counts": figure["counts"],
                    "claimant": figure["claimant"],
                    "qualifier": figure.get("qualifier") or "exactly",
                    "source": figure["source"],
                    "source_label": labels.label("source", figure["source"]),
                    "quote": quote,
                    "note": figure.get("note") or "",
                }
            )
    columns = [
        "event_id", "event_title", "date_text", "when", "start", "end", "value", "unit", "counts", "claimant",
        "qualifier", "source", "source_label", "quote", "note",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def place_counts(df: pd.DataFrame, vocab: Vocabularies) -> pd.DataFrame:
    """Named places with the events at them (main location or other locations)."""
    rows = []
    for place in vocab.places:
        at_place = df[
            (df["location"] == place.id)
            | df["other_locations"].map(lambda places, p=place.id: p in places)
        ]
        if len(at_place):
            rows.append(
                {
                    "id": place.id,
                    "label": place.label,
                    "country": place.country,
                    "lat": place.lat,
                    "lon": place.lon,
                    "events": len(at_place),
                    "titles": list(at_place["title"]),
                    "event_ids": list(at_place["id"]),
                }
            )
    columns = ["id", "label", "country", "lat", "lon", "events", "titles", "event_ids"]
    return pd.DataFrame(rows, columns=columns)


TABLE_COLUMNS = {
    "id": "id",
    "date": "date",
    "date_written": "date as written",
    "title": "title",
    "category": "category",
    "actors": "actors",
    "status": "status",
    "location": "location",
    "sources": "sources",
    "n_sources": "sources cited",
    "n_citations": "citations",
    "summary": "summary",
}


def events_table(df: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """The events as a flat table: what the Table view shows and what its downloads hold."""
    written = [
        f"{d}/{e}" if isinstance(e, str) else d
        for d, e in zip(df["date"], df["date_end"], strict=True)
    ]
    table = pd.DataFrame(
        {
            "id": df["id"],
            "date": df["date_text"],
            "date_written": written,
            "title": df["title"],
            "category": df["category"].map(lambda c: labels.label("category", c)),
            "actors": df["actors"].map(lambda ids: labels.joined("actor", ids, "; ")),
            "status": df["status"].map(lambda s: labels.label("status", s)),
            "location": df["location"].map(
                lambda p: labels.label("place", p) if isinstance(p, str) else ""
            ),
            "sources": df["source_files"].map(lambda fs: labels.joined("source", fs, "; ")),
            "n_sources": df["n_sources"],
            "n_citations": df["n_citations"],
            "summary": df["summary"],
        },
        columns=list(TABLE_COLUMNS),
    )
    return table.rename(columns=TABLE_COLUMNS).reset_index(drop=True)
