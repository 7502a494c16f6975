"""The dashboard's hold on the data: loaded once for every session, failures kept from readers."""

import shutil
import threading
from pathlib import Path

import plotly.io
import pytest
from dashboard_support import dashboard_app
from streamlit.testing.v1 import AppTest

import timeline
from timeline.charts.lanes import Screen, view_figure
from timeline.view.filters import FilterState
from views import context

REPO_ROOT = Path(__file__).resolve().parents[2]
SMALL = REPO_ROOT / "tests" / "fixtures" / "dashboard" / "small"


def run(events: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("TIMELINE_DATA", str(events))
    return dashboard_app().run()


def test_a_failure_while_loading_shows_an_error_id_and_nothing_else(tmp_path, monkeypatch, caplog):
    shutil.copytree(SMALL, tmp_path / "small")  # a path no other test has loaded (cached)

    def broken(path, **options):
        raise RuntimeError("a bug in the loader")

    monkeypatch.setattr(timeline, "load_dataset", broken)
    at = run(tmp_path / "small" / "data" / "events.yaml", monkeypatch)
    assert not at.exception
    (message,) = [e.value for e in at.error]
    assert message.startswith("Something went wrong while drawing the data.")
    assert "Traceback" not in message and "RuntimeError" not in message
    assert "a bug in the loader" in caplog.text  # the traceback, in the server log only
    assert not at.get("plotly_chart")


def test_sessions_share_one_dataset_and_one_figure(tmp_path, monkeypatch):
    shutil.copytree(SMALL, tmp_path / "small")
    events = tmp_path / "small" / "data" / "events.yaml"
    loads = []
    real = timeline.load_dataset
    monkeypatch.setattr(
        timeline, "load_dataset", lambda path, **kw: loads.append(path) or real(path, **kw)
    )
    figures = []
    real_figure = context.view_figure
    monkeypatch.setattr(
        context, "view_figure", lambda view, **kw: figures.append(1) or real_figure(view, **kw)
    )
    first, second = run(events, monkeypatch), run(events, monkeypatch)
    assert not first.exception and not second.exception
    assert len(loads) == 1 and len(figures) == 1
    assert first.get("plotly_chart")[0].proto.spec == second.get("plotly_chart")[0].proto.spec


def test_sessions_share_one_view_of_each_filter_state(tmp_path, monkeypatch):
    shutil.copytree(SMALL, tmp_path / "small")
    events = tmp_path / "small" / "data" / "events.yaml"
    views = []
    real_view = context.View
    monkeypatch.setattr(context, "View", lambda *args: views.append(args) or real_view(*args))
    first, second = run(events, monkeypatch), run(events, monkeypatch)
    assert not first.exception and not second.exception
    # The sidebar's choices and the default view have the same filters: one View for both
    # runs of both sessions.
    assert len(views) == 1
    first.text_input(key="f_q").input("treaty").run()
    assert len(views) == 2 and views[-1][1].q == "treaty"


def test_a_shared_figure_is_turned_into_a_dict_once_and_never_changed():
    dataset = timeline.load_dataset(SMALL / "data" / "events.yaml")
    shared = context.Shared(context.View(dataset))
    screen = Screen(plot_width=820, legend=False)
    figure = shared.figure(screen)
    assert shared.figure(screen) is figure  # built once per kind of screen
    sent = figure.to_dict()
    assert figure.to_dict() is sent  # what every session's run sends, made once
    fresh = view_figure(shared.view, selected=None, screen=screen).to_dict()
    assert plotly.io.to_json(sent) == plotly.io.to_json(fresh)


def test_the_first_pages_figure_is_read_back_from_disk_after_a_restart(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    built = []
    monkeypatch.setattr(
        context, "view_figure", lambda *args, **kw: built.append(1) or view_figure(*args, **kw)
    )
    screen = Screen(plot_width=820, legend=False)

    def first_page(state=None):  # a new server: the dataset and the figure read from disk
        dataset = timeline.load_dataset(SMALL / "data" / "events.yaml", disk_cache=True)
        return context.Shared(context.View(dataset, state or FilterState())).figure(screen)

    sent = first_page().to_dict()
    assert first_page().to_dict() == sent and len(built) == 1
    first_page(FilterState(q="troops"))  # another view: built, never kept on disk
    first_page(FilterState(q="troops"))
    assert len(built) == 3


def test_readers_asking_at_once_share_one_load_and_a_stopped_load_keeps_nothing():
    loaded = context.Loaded(kept=2)
    started, release = threading.Event(), threading.Event()
    calls, waited = [], []

    def slow() -> object:
        calls.append("slow")
        started.set()
        release.wait(10)
        return "dataset"

    first = threading.Thread(target=lambda: waited.append(loaded.get("k", slow, lambda: None)))
    first.start()
    started.wait(10)
    second: list[object] = []
    waiting = threading.Event()
    reader = threading.Thread(target=lambda: second.append(loaded.get("k", slow, waiting.set)))
    reader.start()
    assert waiting.wait(10)  # told that another session is loading it, and waits
    release.set()
    first.join(10)
    reader.join(10)
    assert calls == ["slow"] and waited == second == ["dataset"]

    def stopped() -> object:
        raise RuntimeError("the reader left")

    with pytest.raises(RuntimeError):
        loaded.get("other", stopped, lambda: None)
    assert loaded.get("other", lambda: "loaded again", lambda: None) == "loaded again"


def test_a_cold_load_leaves_no_progress_bar_behind(tmp_path, monkeypatch):
    shutil.copytree(SMALL, tmp_path / "small")
    monkeypatch.setenv("TIMELINE_CACHE", "off")
    at = run(tmp_path / "small" / "data" / "events.yaml", monkeypatch)
    assert not at.exception and at.get("plotly_chart")
    assert not at.get("progress")
