"""How the dashboard copes with 100, 1,000, 10,000 (and 100,000) events.

For each size, a synthetic copy of the real events file (the real events repeated with new ids, the
real vocabularies and seeds beside it) is run through the dashboard headless with Streamlit's
AppTest, and these are reported:

- cold load: ``timeline.load_dataset`` (what the cached loader does once per data version),
- cold run: the first run of dashboard.py with an empty cache (load, filter, figure, page),
- restart: the same with the dataset already in the disk cache (a server restart on unchanged
  files),
- filter change: a rerun after picking an actor in the sidebar (cache warm),
- rerun KiB: what that rerun's page holds (every element's protobuf: an upper bound of what is
  sent, since Streamlit sends only the elements that changed),
- chart rerun: CPU seconds of what a filter rerun does for the chart: ``charts.view_figure``
  of the new view, then ``to_dict`` and ``plotly.io.to_json`` as ``st.plotly_chart`` does,
- figure JSON: the size of that JSON (the chart as sent to the browser), and the marks drawn
  (fewer than the events when crowded marks are grouped: ``charts.crowds``).

Times are the best of ``--repeat`` runs, in seconds; nothing is asserted. Run from the
repository root: ``python benchmarks/bench_dashboard.py`` (``--sizes 100 1000`` to choose).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "tests"))

import plotly.io as pio
import streamlit as st
from dashboard_support import dashboard_app  # tests/: the dashboard under AppTest, whole
from streamlit.testing.v1 import AppTest
from synthetic import synthetic_copy  # benchmarks/ is on sys.path when run as a script

import timeline
from timeline.charts import lanes as charts
from timeline.view import FilterState, View
from views import context


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def cold_run() -> AppTest:
    """The whole page's first run (a reader's first page builds less: views/first_paint.py)."""
    st.cache_data.clear()
    context.load_cache_clear()  # the dataset is a shared resource, cached apart
    return dashboard_app(timeout=600).run()


def chart_rerun(dataset: timeline.Dataset, state: FilterState, repeat: int) -> float:
    """CPU seconds of what a filter rerun does for the chart, best of ``repeat``: a new view's
    figure, serialised as ``st.plotly_chart`` does (the filters themselves are not timed)."""
    times = []
    for _ in range(repeat):
        view = View(dataset, state)
        kept = view.events
        start = time.process_time()
        pio.to_json(charts.view_figure(view).to_dict(), validate=False)
        times.append(time.process_time() - start)
        del kept
    return min(times)


def page_bytes(at: AppTest) -> int:
    """The protobuf bytes of every element and block of the page."""
    protos = (getattr(node, "proto", None) for node in at._tree)
    return sum(len(proto.SerializeToString()) for proto in protos if proto is not None)


def filter_change(at: AppTest, actor: str) -> None:
    at.multiselect(key="f_actor").set_value([actor]).run()
    assert not at.exception, at.exception
    at.multiselect(key="f_actor").set_value([]).run()  # back, for the next repeat


def measure(count: int, repeat: int) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = synthetic_copy(count, Path(folder))
        os.environ["TIMELINE_DATA"] = str(path)
        os.environ["TIMELINE_MAX_FILE_MB"] = str(max(25, path.stat().st_size // 1_000_000 + 1))
        os.environ["TIMELINE_CACHE_DIR"] = str(Path(folder) / "cache")
        os.environ["TIMELINE_CACHE"] = "off"  # cold means parsed and checked, not read from disk
        load = best_of(repeat, lambda: timeline.load_dataset(path))
        dataset = timeline.load_dataset(path)
        assert dataset.ok, [p.text() for p in dataset.problems if p.is_error][:3]

        cold = best_of(repeat, cold_run)
        os.environ["TIMELINE_CACHE"] = "on"
        timeline.load_dataset(path, disk_cache=True)  # into the disk cache
        restart = best_of(repeat, cold_run)
        at = cold_run()
        assert not at.exception, at.exception
        actor = dataset.vocabularies.actors[0].id
        change = best_of(repeat, lambda: filter_change(at, actor)) / 2
        at.multiselect(key="f_actor").set_value([actor]).run()
        sent = page_bytes(at)

        state = FilterState(actors=(actor,))
        rerun = chart_rerun(dataset, state, repeat)
        figure = charts.view_figure(View(dataset))
        size = len(pio.to_json(figure.to_dict(), validate=False))
        crowding = getattr(charts, "crowding", lambda fig: None)(figure)
        marks = f"{crowding.marks:,}" if crowding else "one per event"
    return {
        "events": f"{count:,}",
        "cold load": f"{load:.2f}",
        "cold run": f"{cold:.2f}",
        "restart": f"{restart:.2f}",
        "filter change": f"{change:.2f}",
        "rerun KiB": f"{sent / 1024:,.0f}",
        "chart rerun (CPU)": f"{rerun:.3f}",
        "figure JSON": f"{size / 1024:,.0f} KiB",
        "marks": marks,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (3)")
    args = parser.parse_args()
    rows = [measure(count, args.repeat) for count in args.sizes]
    header = list(rows[0])
    widths = [max(len(h), *(len(r[h]) for r in rows)) for h in header]
    print(" | ".join(h.rjust(w) for h, w in zip(header, widths, strict=True)))
    print("-|-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(row[h].rjust(w) for h, w in zip(header, widths, strict=True)))
    print(
        f"seconds, best of {args.repeat}; figure JSON as Plotly serialises it; "
        f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )


if __name__ == "__main__":
    main()
