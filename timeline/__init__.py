"""A provenance-first timeline: events that cite the exact words of their sources.

The public API: ``load_events`` (the events file as a DataFrame, or DataError),
``load_dataset`` (everything, with the checker's problems) and ``check`` (the problems only).
"""

from timeline.checker import check
from timeline.dataset import Dataset, load_dataset
from timeline.loader import EVENT_COLUMNS, load_events
from timeline.problems import DataError, Problem

__all__ = [
    "EVENT_COLUMNS",
    "DataError",
    "Dataset",
    "Problem",
    "check",
    "load_dataset",
    "load_events",
]
