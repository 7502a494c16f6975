"""How long one PNG export of the timeline takes, cold and warm.

- cold, new process: ``python -m timeline export --format png --out FILE`` run as a subprocess
  (Python start, imports, data load, Chromium start, render), as a newsroom script would;
- cold, in process: a fresh ``ImageRenderer`` (Chromium start + render) per export;
- warm: one ``ImageRenderer`` kept open (what the dashboard and a multi-file CLI run do),
  after a first render that is not counted; also SVG and PDF;
- data formats (CSV, JSON, TimelineJS, HTML), which need no browser.

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
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

import timeline
from timeline.export import PRESETS, ChartOptions, ImageRenderer, export
from timeline.export.image import use_browser
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

    print("no browser")
    for fmt in ("html", "csv", "json", "timelinejs"):
        report(fmt, timed(args.repeat, lambda fmt=fmt: export(view, fmt, options)))


if __name__ == "__main__":
    main()
