"""The dashboard's hold on the data: the dataset loaded once per version of its files, and
the panel shown when it is broken. Everything a view shows is drawn from ``timeline.view.View``."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import plotly.graph_objects as go
import plotly.io
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

import timeline
from timeline import cache
from timeline.charts.lanes import Screen, view_figure
from timeline.paths import DataPaths
from timeline.problems import Problem
from timeline.view import View
from timeline.view.filters import FilterState
from views.errors import guarded


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


class Loaded:
    """The datasets loaded, one for every session (as ``st.cache_resource`` would hold them), by
    version of their files, the latest few kept.

    Not ``st.cache_resource`` itself: the session that loads reports its progress on its page,
    which Streamlit would replay to every later reader. A session that asks for a dataset
    another one is loading waits for it; a load stopped half way (its reader left) keeps
    nothing, and the next reader loads again.
    """

    def __init__(self, kept: int = 4) -> None:
        self.kept = kept
        self._datasets: OrderedDict[tuple, timeline.Dataset] = OrderedDict()
        self._loading: dict[tuple, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(
        self, key: tuple, load: Callable[[], timeline.Dataset], waiting: Callable[[], None]
    ) -> timeline.Dataset:
        """The dataset under ``key``, loaded by ``load`` unless held or being loaded by another
        session (then ``waiting`` is called, and this one waits for it)."""
        with self._lock:
            if key in self._datasets:
                self._datasets.move_to_end(key)
                return self._datasets[key]
            loading = self._loading.setdefault(key, threading.Lock())
        if not loading.acquire(blocking=False):
            waiting()
            loading.acquire()
        try:  # one load per version, however many readers ask at once
            with self._lock:
                if key in self._datasets:
                    return self._datasets[key]
            dataset = load()
            with self._lock:
                self._datasets[key] = dataset
                while len(self._datasets) > self.kept:
                    self._datasets.popitem(last=False)
                self._loading.pop(key, None)
            return dataset
        finally:
            loading.release()

    def clear(self) -> None:
        with self._lock:
            self._datasets.clear()


@st.cache_resource(show_spinner=False)
def _loaded() -> Loaded:
    return Loaded()


def load_cache_clear() -> None:
    """Forget every loaded dataset (for cold-start timings)."""
    _loaded().clear()


def load(events_path: Path) -> timeline.Dataset:
    """The dataset; an unexpected failure is one line with an error id, and the page stops.

    One load for every session (the views only read it; pandas' copy-on-write keeps the frames
    they derive from touching it). A restart on unchanged files reads it from the disk cache.
    A long load shows how far it has got, and stops when the reader's session ends (Streamlit
    then stops the run at the next progress report).
    """
    with guarded("the data"):
        key = (str(events_path), fingerprint(events_path))
        bar: DeltaGenerator | None = None  # only when there is something to say

        def progress(fraction: float, doing: str) -> None:
            nonlocal bar
            bar = bar or st.empty()
            bar.progress(min(1.0, max(0.0, fraction)), text=doing)

        def read() -> timeline.Dataset:
            return timeline.load_dataset(events_path, disk_cache=True, progress=progress)

        try:
            return _loaded().get(key, read, lambda: progress(0.0, "Loading the events…"))
        finally:
            if bar is not None:
                bar.empty()
    st.stop()  # reached only when guarded caught an error


class Shared:
    """A view of one dataset through one set of filters, and what is drawn from it, built once
    for every session that shows it (most readers open the default view): the views only read
    it. Holding the dataset keeps its ``id`` from being reused while the entry lives."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.figures: dict[Screen, SentFigure] = {}

    def figure(self, screen: Screen) -> SentFigure:
        if screen not in self.figures:  # two sessions may both build it: the same figure
            self.figures[screen] = SentFigure.of(self._sent(screen))
        return self.figures[screen]

    def _sent(self, screen: Screen) -> dict:
        view = self.view

        def make() -> dict:
            figure = view_figure(view, selected=view.state.event, screen=screen)
            # As JSON types: Streamlit turns it into JSON on every run, and numpy arrays left
            # in it go through plotly's slow per-value encoder.
            return json.loads(plotly.io.to_json(figure.to_dict(), validate=False))

        key = view.dataset.cache_key
        if key is None or view.state != FilterState():
            return make()
        # The first page most readers open, kept on disk with the dataset: a restart neither
        # lays it out nor loads Plotly's validators to build it (0.1-0.2 s of the first page).
        what = f"timeline figure\0{plotly.__version__}\0{screen!r}"
        return cache.cached_derived(key, what, make, dict)


class SentFigure(go.Figure):
    """A figure as Streamlit sends it, never changed: Streamlit asks for its dict on every run
    that shows it (``to_dict`` would copy the figure and base64-encode every array: a quarter
    of a page run's server time); this one is that dict, made once."""

    _sent: dict

    @classmethod
    def of(cls, sent: dict) -> SentFigure:
        # Not through go.Figure's constructor, which would validate the whole figure again.
        figure = cls.__new__(cls)
        figure._sent = sent
        return figure

    def to_dict(self) -> dict:
        return self._sent


def shared_view(dataset: timeline.Dataset, state: FilterState | None = None) -> View:
    """The one View of ``dataset`` through ``state`` (no filter: every event) for all sessions."""
    return _entry(dataset, state or FilterState()).view


def timeline_figure(view: View, screen: Screen) -> SentFigure:
    """The timeline chart of a shared view (``shared_view``) on a kind of screen."""
    return _entry(view.dataset, view.state).figure(screen)


def _entry(dataset: timeline.Dataset, state: FilterState) -> Shared:
    return _shared(dataset, id(dataset), repr(state), state)


# A view holds the events it keeps: at 100,000 events a few dozen would hold gigabytes.
@st.cache_resource(max_entries=16, show_spinner=False)
def _shared(_dataset: timeline.Dataset, dataset: int, state: str, _state: FilterState) -> Shared:
    del dataset, state  # the cache key: which loaded dataset, which filters
    return Shared(View(_dataset, _state))


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
