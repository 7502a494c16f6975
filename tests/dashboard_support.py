"""Small event frames in the shape of ``timeline.load_events``, for dashboard logic tests, and
the dashboard under AppTest."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from streamlit.testing.v1 import AppTest

from timeline.dates import event_date_text, parse_partial_date
from timeline.loader import search_text
from timeline.model import Actor, Category, Place, Status, Vocabularies
from timeline.view.labels import Labels
from views import first_paint

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard.py"


def dashboard_app(timeout: float = 60) -> AppTest:
    """The dashboard under AppTest, as a session whose first chart has been drawn: AppTest has
    no browser to send that signal (views/first_paint.py), so every run builds the whole page."""
    at = AppTest.from_file(str(DASHBOARD), default_timeout=timeout)
    at.session_state[first_paint.WHOLE_KEY] = True
    return at


def event_row(id: str, date: str, **fields: object) -> dict:
    """One row of the loader's DataFrame contract; ``fields`` overrides the defaults."""
    end = fields.pop("end", None)
    window = bool(fields.pop("window", False))
    sources = fields.pop("sources", [{"file": "a.txt", "quote": f"quote about {id}"}])
    first, last = parse_partial_date(date), parse_partial_date(end or date)
    row = {
        "id": id,
        "date": date,
        "date_end": end,
        "precision": first.precision,
        "end_precision": last.precision if end else None,
        "start": pd.Timestamp(first.first_day()),
        "end": pd.Timestamp(last.last_day() + dt.timedelta(days=1)),
        "window": window,
        "is_span": end is not None and not window,
        "date_text": event_date_text(date, end, window),
        "date_basis": None,
        "title": f"Title of {id}",
        "summary": f"Summary of {id}.",
        "category": "diplomacy",
        "actors": ["russia"],
        "status": "confirmed",
        "location": None,
        "other_locations": [],
        "key": False,
        "figures": [],
        "sources": sources,
        "source_files": list(dict.fromkeys(s["file"] for s in sources)),
        "n_citations": len(sources),
        "n_sources": len({s["file"] for s in sources}),
    }
    row.update(fields)
    quotes = [s["quote"] for s in row["sources"]]
    row["search_text"] = search_text(row["title"], row["summary"], quotes)
    return row


def events_frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(event_row("x", "2024").keys()))


VOCABULARIES = Vocabularies(
    categories=[
        Category(id="diplomacy", label="Diplomacy", colour="#0072B2", description="Talks."),
        Category(id="troops", label="Troops", colour="#D55E00", description="Soldiers."),
    ],
    actors=[
        Actor(id="russia", label="Russia", colour="#0072B2"),
        Actor(id="north-korea", label="North Korea", colour="#D55E00"),
    ],
    statuses=[
        Status(id=s, label=s.title(), description=f"{s} events")
        for s in ("confirmed", "reported", "claimed", "denied", "expected")
    ],
    places=[
        Place(id="pyongyang", label="Pyongyang", country="North Korea", lat=39.0, lon=125.7),
        Place(id="kursk", label="Kursk", country="Russia", lat=51.7, lon=36.2),
    ],
)


def labels_of(
    vocab: Vocabularies, source_labels: dict[str, str] | None = None, files: tuple = ()
) -> Labels:
    """The view's labels for ``vocab`` with no seed catalogue: sources named by
    ``source_labels`` (else by file name), in the order of ``files`` then of the mapping."""
    source_labels = dict(source_labels or {})
    labels = Labels.of(vocab, [], [*files, *source_labels])
    by_kind = {**labels.by_kind, "source": {**labels.of_kind("source"), **source_labels}}
    return replace(labels, by_kind=by_kind)


def event_points(fig: go.Figure) -> int:
    """How many event marks a timeline figure draws (traces that carry event ids)."""
    return sum(len(trace.customdata) for trace in fig.data if trace.customdata is not None)
