"""The dashboard's hold on the data: the dataset loaded once per version of its files, and
the panel shown when it is broken. Everything a view shows is drawn from ``timeline.view.View``."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import timeline
from timeline.paths import DataPaths
from timeline.problems import Problem


def fingerprint(events_path: Path) -> tuple:
    """Name, modification time and size of every file the dataset is read from.

    The cache key: editing any of them (events, vocabularies, catalogue, a seed) reloads.
    """
    data = DataPaths.of(events_path)
    paths = data.data_files()
    if data.seeds.is_dir():
        paths += sorted(data.seeds.iterdir())
    stats: list[tuple[str, int | None, int | None]] = []
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


def problem_line(problem: Problem) -> str:
    return f"{problem.path}:{problem.line}:{problem.col}: {problem.message} ({problem.rule})"


def _errors(dataset: timeline.Dataset) -> list[Problem]:
    return [p for p in dataset.problems if p.is_error]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def show_problems(dataset: timeline.Dataset) -> None:
    """The error panel, alone: the data cannot be read at all, so nothing else can be shown."""
    errors = _errors(dataset)
    st.error(
        f"The data has {_count(len(errors), 'error')}, so the timeline cannot be shown. Fix "
        "them (`python -m timeline check` lists the same) and reload.",
        icon="⚠️",
    )
    st.code("\n".join(problem_line(p) for p in errors), language=None, wrap_lines=True)


def show_problem_banner(dataset: timeline.Dataset) -> None:
    """Above the views when some events fail the checker: what is withheld, and why."""
    errors = _errors(dataset)
    withheld = _count(dataset.withheld, "event")
    st.warning(
        f"The data has {_count(len(errors), 'error')}: {withheld} with errors "
        f"{'is' if dataset.withheld == 1 else 'are'} left out of every view, and exports are "
        "off until they are fixed (`python -m timeline check` lists the same).",
        icon="⚠️",
    )
    with st.expander(f"The {_count(len(errors), 'problem')}, each at its place", expanded=True):
        st.code("\n".join(problem_line(p) for p in errors), language=None, wrap_lines=True)
