"""Loading the dataset once per version of its files, and the panel shown when it is broken."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

import timeline
from timeline.checker import default_seeds_dir, vocabulary_path
from timeline.model import Vocabularies
from timeline.problems import Problem
from timeline.view import tables as views_data


def fingerprint(events_path: Path) -> tuple:
    """Name, modification time and size of every file the dataset is read from.

    The cache key: editing any of them (events, vocabularies, catalogue, a seed) reloads.
    """
    seeds_dir = default_seeds_dir(events_path)
    paths = [events_path, vocabulary_path(events_path)]
    if seeds_dir.is_dir():
        paths += sorted(seeds_dir.iterdir())
    stats = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            stats.append((str(path), None, None))
        else:
            stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stats)


@st.cache_data(show_spinner="Loading the events…", max_entries=4)
def _load(events_path: str, files: tuple) -> timeline.Dataset:
    del files  # only part of the cache key
    return timeline.load_dataset(events_path)


def load(events_path: Path) -> timeline.Dataset:
    return _load(str(events_path), fingerprint(events_path))


@dataclass(frozen=True)
class Context:
    """The loaded dataset and the labels every view uses."""

    dataset: timeline.Dataset
    events: pd.DataFrame
    vocab: Vocabularies
    labels: dict[str, str]
    choice_labels: dict[str, str]
    source_order: list[str]

    @classmethod
    def of(cls, dataset: timeline.Dataset) -> Context:
        events = dataset.events
        order = views_data.source_order(dataset.sources, events)
        return cls(
            dataset=dataset,
            events=events,
            vocab=dataset.vocabularies,
            labels=views_data.source_labels(dataset.sources, order),
            choice_labels=views_data.source_choice_labels(dataset.sources, order),
            source_order=order,
        )

    def event(self, event_id: str) -> pd.Series | None:
        rows = self.events[self.events["id"] == event_id]
        return rows.iloc[0] if len(rows) else None


def problem_line(problem: Problem) -> str:
    return f"{problem.path}:{problem.line}:{problem.col}: {problem.message} ({problem.rule})"


def show_problems(dataset: timeline.Dataset) -> None:
    """The error panel: every problem with its location, as plain text."""
    errors = [p for p in dataset.problems if p.is_error]
    st.error(
        f"The data has {len(errors)} error{'s' if len(errors) != 1 else ''}, so the timeline "
        "cannot be shown. Fix them (`python -m timeline check` lists the same) and reload.",
        icon="⚠️",
    )
    st.code("\n".join(problem_line(p) for p in errors), language=None, wrap_lines=True)
