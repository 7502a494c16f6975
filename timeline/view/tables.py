"""Tables behind the dashboard's views, built from the events frame and the seed catalogue."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from timeline.dates import event_date_text
from timeline.model import PublishedRange, Source, Vocabularies


def published_text(source: Source) -> str:
    """``28 October 2024`` or ``between 28 and 30 October 2024``."""
    if isinstance(source.published, PublishedRange):
        return event_date_text(source.published.earliest, source.published.latest, window=True)
    return event_date_text(source.published)


def source_labels(sources: Iterable[Source], files: Iterable[str] = ()) -> dict[str, str]:
    """Seed file -> its publisher, told apart by title when a publisher has several seeds."""
    sources = list(sources)
    publishers = [s.publisher for s in sources]
    labels = {
        s.file: s.publisher if publishers.count(s.publisher) == 1 else f"{s.publisher}: {s.title}"
        for s in sources
    }
    return {**{f: f for f in files}, **labels}


def source_choice_labels(sources: Iterable[Source], files: Iterable[str] = ()) -> dict[str, str]:
    """Seed file -> "publisher: title", for pick lists."""
    labels = {s.file: f"{s.publisher}: {s.title}" for s in sources}
    return {**{f: f for f in files}, **labels}


def source_order(sources: Iterable[Source], df: pd.DataFrame) -> list[str]:
    """Catalogue order, then any cited file the catalogue lacks."""
    order = [s.file for s in sources]
    cited = dict.fromkeys(f for files in df["source_files"] for f in files)
    return order + [f for f in cited if f not in order]


def sources_table(df: pd.DataFrame, sources: Sequence[Source]) -> pd.DataFrame:
    """Per seed: who published it, when, how we know, and the events that cite it."""
    rows = []
    for file in source_order(sources, df):
        source = next((s for s in sources if s.file == file), None)
        cites = df[df["source_files"].map(lambda files, file=file: file in files)]
        rows.append(
            {
                "file": file,
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
            "file", "publisher", "title", "published", "published_basis", "events",
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


def single_source_events(df: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """Events only one seed supports: the ones to corroborate first."""
    single = df[df["n_sources"] == 1]
    return pd.DataFrame(
        {
            "id": single["id"],
            "date": [_date_text(r) for _, r in single.iterrows()],
            "title": single["title"],
            "source": [labels.get(files[0], files[0]) for files in single["source_files"]],
        }
    )


def _date_text(row: Mapping) -> str:
    return event_date_text(row["date"], row["date_end"], bool(row["window"]))


def figures_table(df: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
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
                    "date_text": _date_text(event),
                    "when": event["start"] + (event["end"] - event["start"]) / 2,
                    "start": event["start"],
                    "end": event["end"],
                    "value": figure["value"],
                    "unit": figure["unit"],
                    "counts": figure["counts"],
                    "claimant": figure["claimant"],
                    "qualifier": figure.get("qualifier") or "exactly",
                    "source": figure["source"],
                    "source_label": labels.get(figure["source"], figure["source"]),
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


def events_table(df: pd.DataFrame, vocab: Vocabularies, labels: Mapping[str, str]) -> pd.DataFrame:
    """The events as a flat table: what the Table view shows and what its downloads hold."""
    categories = {c.id: c.label for c in vocab.categories}
    actors = {a.id: a.label for a in vocab.actors}
    statuses = {s.id: s.label for s in vocab.statuses}
    places = {p.id: p.label for p in vocab.places}
    written = [
        f"{d}/{e}" if isinstance(e, str) else d
        for d, e in zip(df["date"], df["date_end"], strict=True)
    ]
    table = pd.DataFrame(
        {
            "id": df["id"],
            "date": [_date_text(r) for _, r in df.iterrows()],
            "date_written": written,
            "title": df["title"],
            "category": df["category"].map(lambda c: categories.get(c, c)),
            "actors": df["actors"].map(lambda ids: "; ".join(actors.get(a, a) for a in ids)),
            "status": df["status"].map(lambda s: statuses.get(s, s)),
            "location": df["location"].map(
                lambda p: places.get(p, p) if isinstance(p, str) else ""
            ),
            "sources": df["source_files"].map(lambda fs: "; ".join(labels.get(f, f) for f in fs)),
            "n_sources": df["n_sources"],
            "n_citations": df["n_citations"],
            "summary": df["summary"],
        },
        columns=list(TABLE_COLUMNS),
    )
    return table.rename(columns=TABLE_COLUMNS).reset_index(drop=True)
