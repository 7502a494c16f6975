"""The events shown as data files: a flat CSV, full-fidelity JSON, and Knight Lab TimelineJS JSON.

The two JSON formats carry the credit (sources, filters, data version, export date); a CSV has
no place for it that spreadsheets keep, so each of its rows names the seeds it rests on.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import pandas as pd

from timeline.dates import parse_partial_date
from timeline.model import Event, Source
from timeline.text import escape_html
from timeline.view.credit import Credit, source_citation
from timeline.view.labels import Labels

LIST_SEPARATOR = "; "
CSV_COLUMNS = [
    "id", "date", "end", "window", "date_text", "title", "summary", "category",
    "category_label", "actors", "actor_labels", "status", "status_label", "location",
    "other_locations", "key", "date_basis", "source_files", "sources", "n_sources",
    "n_citations", "n_figures",
]  # fmt: skip


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def event_records(events: pd.DataFrame) -> list[dict]:
    """Each event as in the events file (every field, every citation and figure), validated."""
    records = []
    for row in events.to_dict("records"):
        event = Event(
            id=row["id"],
            date=row["date"],
            end=_text_or_none(row["date_end"]),
            window=bool(row["window"]),
            date_basis=_text_or_none(row["date_basis"]),
            title=row["title"],
            summary=row["summary"],
            category=row["category"],
            actors=list(row["actors"]),
            status=row["status"],
            location=_text_or_none(row["location"]),
            other_locations=list(row["other_locations"]),
            key=bool(row["key"]),
            figures=list(row["figures"]),
            sources=list(row["sources"]),
        )
        records.append(event.model_dump(mode="json"))
    return records


def _joined(values: Sequence[str]) -> str:
    return LIST_SEPARATOR.join(values)


def csv_text(events: pd.DataFrame, labels: Labels) -> str:
    """One row per event: lists joined with ``; ``, citations and figures counted; sources
    by their short names."""
    rows = [
        {
            "id": row["id"],
            "date": row["date"],
            "end": _text_or_none(row["date_end"]) or "",
            "window": bool(row["window"]),
            "date_text": row["date_text"],
            "title": row["title"],
            "summary": row["summary"],
            "category": row["category"],
            "category_label": labels.label("category", row["category"]),
            "actors": _joined(row["actors"]),
            "actor_labels": labels.joined("actor", row["actors"], LIST_SEPARATOR),
            "status": row["status"],
            "status_label": labels.label("status", row["status"]),
            "location": _text_or_none(row["location"]) or "",
            "other_locations": _joined(row["other_locations"]),
            "key": bool(row["key"]),
            "date_basis": _text_or_none(row["date_basis"]) or "",
            "source_files": _joined(row["source_files"]),
            "sources": labels.joined("source", row["source_files"], LIST_SEPARATOR),
            "n_sources": int(row["n_sources"]),
            "n_citations": int(row["n_citations"]),
            "n_figures": len(row["figures"]),
        }
        for row in events.to_dict("records")
    ]
    return pd.DataFrame(rows, columns=CSV_COLUMNS).to_csv(index=False, lineterminator="\n")


def _credit_fields(title: str, credit: Credit, query: Mapping[str, object]) -> dict:
    return {
        "title": title,
        "credit": credit.text,
        "cited_sources": list(credit.citations or credit.sources),
        "filters": dict(query),
        "data_version": credit.version.label,
        "data_sha256": credit.version.sha256,
        "data_as_of": credit.version.day.isoformat(),
        "exported": credit.exported.isoformat(),
    }


def json_text(
    events: pd.DataFrame,
    sources: Sequence[Source],
    *,
    title: str,
    credit: Credit,
    query: Mapping[str, object],
) -> str:
    """Everything: the events as the events file holds them, and the seeds they cite."""
    cited = {f for files in events["source_files"] for f in files}
    document = {
        **_credit_fields(title, credit, query),
        "sources": [s.model_dump(mode="json") for s in sources if s.file in cited],
        "events": event_records(events),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _date_parts(text: str) -> dict[str, int]:
    """Year, month and day as far as the date is known: ``2024-10`` has no day."""
    date = parse_partial_date(text)
    parts = {"year": date.year, "month": date.month, "day": date.day}
    return {name: value for name, value in parts.items() if value is not None}


def _slide_text(row: Mapping, labels: Labels, citations: Mapping[str, str]) -> str:
    quotes = "".join(
        f"<li><strong>{html_text(citations.get(c['file'], c['file']))}</strong>: "
        f"“{html_text(c['quote'])}”</li>"
        for c in row["sources"]
    )
    status = labels.label("status", row["status"])
    return (
        f"<p>{html_text(row['summary'])}</p>"
        f"<p><em>Status: {html_text(status)}</em></p>"
        f"<p>Sources:</p><ul>{quotes}</ul>"
    )


def timelinejs_text(
    events: pd.DataFrame,
    labels: Labels,
    sources: Sequence[Source],
    *,
    title: str,
    credit: Credit,
) -> str:
    """Knight Lab's TimelineJS format: a title slide with the credit, then a slide per event."""
    citations = {s.file: source_citation(s) for s in sources}
    slides = []
    for row in events.to_dict("records"):
        slide = {
            "start_date": _date_parts(row["date"]),
            "display_date": row["date_text"],
            "text": {
                "headline": html_text(row["title"]),
                "text": _slide_text(row, labels, citations),
            },
            "group": labels.label("category", row["category"]),
            "unique_id": row["id"],
        }
        if isinstance(row["date_end"], str):
            slide["end_date"] = _date_parts(row["date_end"])
        slides.append(slide)
    document = {
        "title": {
            "text": {
                "headline": html_text(title),
                "text": f"<p>{html_text(credit.source_line)}.</p><p>{html_text(credit.filters_line)}.</p>",
            },
            "unique_id": "_title",  # not a kebab-case id: no event can have it
        },
        "events": slides,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def html_text(text: object) -> str:
    return escape_html(text, quote=True)
