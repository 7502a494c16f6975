"""How long one PNG export of the timeline takes, cold and warm.

- cold, new process: ``python -m timeline export --format png --out FILE`` run as a subprocess
  (Python start, imports, data load, Chromium start, render), as a newsroom script would;
- cold, in process: a fresh ``ImageRenderer`` (Chromium start + render) per export;
- warm: one ``ImageRenderer`` kept open (what the dashboard and a multi-file CLI run do),
  after a first render that is not counted; also SVG and PDF;
- the dashboard's Export panel: a renderer warmed in the background when the panel opens,
  then the first PNG (asked for at once, and after the warm-up has finished) and further ones
  (a new title each time, so nothing is reused);
- data formats (CSV, JSON, TimelineJS, HTML), which need no browser, and the HTML's size with
  plotly.js inline and in a file beside it;
- with ``--geometry``, each preset's SVG measured in Chromium (tests/readability_support.py):
  overlapping text boxes, overlapping event marks, footer lines, smallest text.

Prints the median and the best of ``--repeat`` runs, in seconds; nothing is asserted. Run from
the repository root: ``python benchmarks/bench_export.py`` (``--preset web``, ``--repeat 5``).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

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
    print(f"  {label:<44} median {statistics.median(times):6.2f} s   best {min(times):6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_EVENTS)
    parser.add_argument("--preset", choices=list(PRESETS), default="social")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--geometry", action="store_true", help="measure each preset's SVG")
    args = parser.parse_args()

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

    print("Export panel: renderer warmed in the background when the panel opens")
    firsts, after_warm, further = [], [], []
    for run in range(args.repeat):
        with ImageRenderer() as renderer:
            renderer.warm_in_background()
            start = time.perf_counter()
            export(view, "png", replace(options, title=f"At once {run}"), renderer=renderer)
            firsts.append(time.perf_counter() - start)
        with ImageRenderer() as renderer:
            warming = renderer.warm_in_background()
            if warming is not None:
                warming.join()  # the reader looks at the panel for a few seconds
            start = time.perf_counter()
            export(view, "png", replace(options, title=f"Warmed {run}"), renderer=renderer)
            after_warm.append(time.perf_counter() - start)
            for again in range(3):
                title = replace(options, title=f"Title {run}.{again}")
                further += timed(
                    1, lambda title=title: export(view, "png", title, renderer=renderer)
                )
    report("first PNG, asked for as the panel opens", firsts)
    report("first PNG, after the warm-up", after_warm)
    report("further PNGs (a new title each)", further)
    report(
        "of which the figure (chart_figure)",
        timed(args.repeat, lambda: chart_figure(view, options)),
    )

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
