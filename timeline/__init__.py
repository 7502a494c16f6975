"""A provenance-first timeline: events that cite the exact words of their sources.

The public API: ``load_events`` (the events file as a DataFrame, or DataError),
``load_dataset`` (everything, with the checker's problems) and ``check`` (the problems only).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.checker import check
    from timeline.dataset import Dataset, load_dataset
    from timeline.loader import EVENT_COLUMNS, load_events
    from timeline.problems import DataError, Problem

# Imported on first use (PEP 562): the API pulls in pandas and pydantic, some 0.7 s, which a
# command such as `python -m timeline fmt` never needs.
_PUBLIC = {
    "EVENT_COLUMNS": "timeline.loader",
    "DataError": "timeline.problems",
    "Dataset": "timeline.dataset",
    "Problem": "timeline.problems",
    "check": "timeline.checker",
    "load_dataset": "timeline.dataset",
    "load_events": "timeline.loader",
}

__all__ = [
    "EVENT_COLUMNS",
    "DataError",
    "Dataset",
    "Problem",
    "check",
    "load_dataset",
    "load_events",
]


def __getattr__(name: str) -> object:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(_PUBLIC[name]), name)
    globals()[name] = value  # looked up once
    return value
