"""How long one PNG export of the timeline takes, cold and warm.

- cold, new process: ``python -m timeline export --format png --out FILE`` run as a subprocess
  (Python start, imports, data load, Chromium start, render), as a newsroom script would;
- cold, in process: a fresh ``ImageRenderer`` (Chromium start + render) per export;
- warm: one ``ImageRenderer`` kept open (what the dashboard and a multi-file CLI run do),
  after a first render that is not counted; also SVG and PDF;
- warm with the panel's cache of laid-out charts (``ChartCache``): a new title each time;
- the dashboard's Export panel as a reader gets it: ``dashboard.py`` run by Streamlit's AppTest
  in this process, each round on a fresh "server" (``st.cache_resource`` cleared), the time of
  the script run a click starts, to the end of the run (the PNG bytes are made in it): the
  panel opened right after the first page (Chromium still starting), the panel opened once the
  warm-up the first page started has finished, then a new title, theme or subtitle each time;
  with ``--root`` another checkout's dashboard (its panel, its ``timeline``), to compare;
- data formats (CSV, JSON, TimelineJS, HTML), which need no browser, and the HTML's size with
  plotly.js inline and in a file beside it;
- with ``--geometry``, each preset's SVG measured in Chromium (tests/readability_support.py):
  overlapping text boxes, overlapping event marks, footer lines, smallest text.

Prints the median and the best of ``--repeat`` runs, in seconds; nothing is asserted. Run from
the repository root: ``python benchmarks/bench_export.py`` (``--preset web``, ``--repeat 5``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# --root: another checkout's code (its timeline and its dashboard), imported before anything.
ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve() if "--root" in sys.argv else REPO_ROOT
sys.path.insert(0, str(ROOT))

import timeline
from timeline.export import PRESETS, ChartOptions, ImageRenderer, chart_figure, export
from timeline.export.image import plotly_js_file, use_browser
from timeline.paths import DEFAULT_EVENTS
from timeline.view import View


def timed(repeat: int, run: Callable[[], object]) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def report(label: str, times: list[float]) -> None:
    print(f"  {label:<48} median {statistics.median(times):6.2f} s   best {min(times):6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_EVENTS)
    parser.add_argument("--preset", choices=list(PRESETS), default="social")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--geometry", action="store_true", help="measure each preset's SVG")
    parser.add_argument(
        "--root",
        type=Path,
        default=REPO_ROOT,
        help="time another checkout's Export panel (its code; only the panel is timed)",
    )
    args = parser.parse_args()
    if ROOT != REPO_ROOT:
        panel(ROOT, args.data, args.repeat)
        return

    browser = use_browser()
    dataset = timeline.load_dataset(REPO_ROOT / args.data)
    view = View(dataset)
    options = ChartOptions(size=PRESETS[args.preset])
    size = options.size
    print(
        f"{len(view.events)} events ({len(view.drawn)} drawn), preset {args.preset} "
        f"({size.width}x{size.height} at scale {size.scale:g}), {browser}, best/median of "
        f"{args.repeat}"
    )

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "chart.png"
        command = [sys.executable, "-m", "timeline", "export", "--format", "png", "--out", str(out)]
        command += ["--data", args.data, "--preset", args.preset]

        def new_process() -> None:
            subprocess.run(command, cwd=REPO_ROOT, check=True, capture_output=True)

        print("cold: " + " ".join(["python", *command[1:]]).replace(str(out), "chart.png"))
        report("PNG, new process (python -m timeline export)", timed(args.repeat, new_process))

    def new_browser() -> None:
        with ImageRenderer() as renderer:
            export(view, "png", options, renderer=renderer)

    report("PNG, new browser in this process", timed(args.repeat, new_browser))

    print("warm: one ImageRenderer kept open")
    with ImageRenderer() as renderer:
        export(view, "png", options, renderer=renderer)  # starts the browser: not counted
        for fmt in ("png", "svg", "pdf"):
            report(
                fmt.upper(),
                timed(args.repeat, lambda fmt=fmt: export(view, fmt, options, renderer=renderer)),
            )

    print("warm, with a ChartCache (the panel's): a new title each")
    from timeline.export import ChartCache

    charts = ChartCache()
    with ImageRenderer() as renderer:
        export(view, "png", options, renderer=renderer, charts=charts)  # not counted
        titled = iter(range(10_000))
        report(
            "PNG",
            timed(
                args.repeat * 3,
                lambda: export(
                    view,
                    "png",
                    replace(options, title=f"Title {next(titled)}"),
                    renderer=renderer,
                    charts=charts,
                ),
            ),
        )
    report(
        "of which the figure, laid out (chart_figure)",
        timed(args.repeat, lambda: chart_figure(view, options)),
    )
    report(
        "of which the figure, redressed (ChartCache)",
        timed(args.repeat * 3, lambda: charts.chart(view, replace(options, title="Again"))),
    )

    panel(REPO_ROOT, args.data, args.repeat)
    print("no browser")
    for fmt in ("html", "csv", "json", "timelinejs"):
        report(fmt, timed(args.repeat, lambda fmt=fmt: export(view, fmt, options)))
    inline = export(view, "html", options)
    beside = export(view, "html", replace(options, plotly_js="file"))
    name, library = plotly_js_file()
    print(
        f"  HTML size: --plotly-js inline {len(inline) / 1e6:.3f} MB; --plotly-js file "
        f"{len(beside) / 1e6:.3f} MB + {name} {len(library) / 1e6:.3f} MB (shared)"
    )

    if args.geometry:
        geometry(view)


def panel(root: Path, data: str, repeat: int) -> None:
    """The Export panel of ``root``'s dashboard under AppTest: seconds from the click to the
    end of the run that makes the PNG."""
    import threading

    import streamlit as st
    from streamlit.logger import set_log_level
    from streamlit.testing.v1 import AppTest

    from views import first_paint

    set_log_level("error")  # not the warnings of a script run outside a server

    os.environ["TIMELINE_DATA"] = str(root / data)
    os.environ.setdefault("TIMELINE_CACHE_DIR", tempfile.mkdtemp(prefix="bench-export-"))
    os.environ.pop("TIMELINE_EXPORT_WARMUP", None)  # the default: what a reader gets
    print(f"Export panel, as a reader gets it (AppTest, {root / 'dashboard.py'})")

    def page() -> AppTest:
        """A fresh server's first page (not counted)."""
        st.cache_resource.clear()  # closes the last round's Chromium
        st.cache_data.clear()
        at = AppTest.from_file(str(root / "dashboard.py"), default_timeout=300)
        # No browser here to say the chart is drawn (views/first_paint.py): the page is whole.
        at.session_state[first_paint.WHOLE_KEY] = True
        at.run()
        assert not at.exception, at.exception
        return at

    def clicked(at: AppTest, change: Callable[[AppTest], object]) -> float:
        start = time.perf_counter()
        change(at)
        at.run()
        took = time.perf_counter() - start
        assert not at.exception, at.exception
        assert [b for b in at.get("download_button") if "export" in b.proto.id], "no download"
        return took

    def open_panel(at: AppTest) -> None:
        at.session_state["export_panel"] = True

    def warmed() -> None:
        for thread in threading.enumerate():
            if thread.name == "warm":
                thread.join()  # the reader reads the chart for a few seconds

    at_once, after_warm, further = [], [], []
    changes = [
        lambda at, n: at.text_input(key="export_title").set_value(f"Troops {n}"),
        lambda at, n: at.radio(key="export_theme").set_value("dark" if n % 2 else "light"),
        lambda at, n: at.text_input(key="export_subtitle").set_value(f"Subtitle {n}"),
    ]
    for run in range(repeat):
        at_once.append(clicked(page(), open_panel))
        at = page()
        warmed()
        after_warm.append(clicked(at, open_panel))
        for number, change in enumerate(changes * 2):
            further.append(clicked(at, lambda at, n=run * 10 + number, c=change: c(at, n)))
    st.cache_resource.clear()
    report("first PNG, panel opened right after the page", at_once)
    report("first PNG, panel opened after the warm-up", after_warm)
    report("further PNGs (a new title, theme or subtitle)", further)


def geometry(view: View) -> None:
    """Each preset's SVG measured in Chromium, as tests/export/test_readability.py does."""
    sys.path.insert(0, str(REPO_ROOT / "tests"))
    from browser_support import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright
    from readability_support import measure

    print("geometry: each preset's SVG measured in Chromium")
    with ImageRenderer() as renderer, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name, size in PRESETS.items():
            svg = export(view, "svg", ChartOptions(size=size), renderer=renderer)
            found = measure(browser, svg)
            print(
                f"  {name:<7} overlapping text boxes {len(found.overlapping_texts())}, "
                f"overlapping marks {found.overlapping_marks()} (of {len(found.marks)}), "
                f"footer lines {found.footer_lines()}, smallest text {found.smallest_text():g} px"
            )
        browser.close()


if __name__ == "__main__":
    main()
