"""The dashboard against the floor of its stack, in one browser run: the table ``make bench`` prints.

    python benchmarks/bench_first_chart.py [--sizes 50 1000 10000 100000] [--rounds 3]

For each size (50 means the real data; other sizes are synthetic copies, the real events
repeated with new ids, see ``synthetic.py``), two pages are served by ``streamlit run`` and
timed in the same headless Chromium (Debian's, through Playwright), in interleaved rounds
(dashboard then bare page, then the other way round), each page on a server of its own:

- ``load`` / ``from disk``: ``timeline.load_dataset`` in this process, without the disk cache
  (parse and every check) and from a warm disk cache (what a restart on unchanged files does);
- ``cold``: navigation to the chart drawn (Plotly's plot in the page, with its SVG) on a server
  just started (the disk cache warm and the package's bytecode compiled, as after a restart);
- ``warm``: the same in a new browser context, the server's caches warm;
- ``whole``: the dashboard only, in that warm visit: navigation to the whole page built (a
  session's first page builds its filters and the controls under the chart once the chart is
  drawn, see views/first_paint.py), the search box in the sidebar ready;
- ``filter``: the dashboard only: type a word in the search box, press Enter, until the chart
  shows a different number of points; ``bytes/rerun`` what the websocket received for that
  rerun, until the page is idle again;
- ``memory``: the dashboard server's peak resident memory (VmHWM) over its round.

The bare page is ``benchmarks/bare_page.py``. Times are medians over the rounds, in seconds;
the ratio is dashboard / bare page. The machine's load changes the times, much less the
ratios. Nothing is asserted. A column a size cannot fill says why ("timeout", "n/a").
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from served import (  # benchmarks/ is on sys.path as a script
    CHROMIUM,
    CHROMIUM_ARGS,
    WHOLE_PAGE,
    Server,
    compile_bytecode,
)
from synthetic import synthetic_copy

import timeline
from timeline.paths import DEFAULT_EVENTS
from views import first_paint

PAGES = {"bare": REPO_ROOT / "benchmarks" / "bare_page.py"}
SEARCH_LABEL = "Search titles, summaries and quotes"
SEARCH_WORD = "treaty"
# The first Plotly chart of the page, drawn: its figure laid out and its SVG in the page.
DRAWN = first_paint.CHART_DRAWN_JS
POINTS = """() => {
    const plot = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
    if (!plot || !plot._fullData) return -1;
    return plot._fullData.reduce((n, t) => n + (t.x ? t.x.length : 0), 0);
}"""
IDLE = """() => !document.querySelector('[data-testid="stStatusWidget"]')"""


class Timeout(Exception):
    pass


def first_chart(browser, url: str, timeout: float, received: list[int] | None = None):
    """(seconds from navigation to the chart drawn, the page, its context)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    if received is not None:
        page.on(
            "websocket",
            lambda socket_: socket_.on(
                "framereceived", lambda payload: received.append(len(payload))
            ),
        )
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    try:
        page.wait_for_function(DRAWN, timeout=timeout * 1000, polling=50)
    except Exception as error:  # noqa: BLE001 (Playwright's timeout: reported as such)
        context.close()
        raise Timeout(str(error)[:80]) from None
    return time.perf_counter() - started, page, context


def whole_page(page, timeout: float) -> float:
    """Seconds from now to the whole page built (its search box ready)."""
    started = time.perf_counter()
    page.wait_for_function(WHOLE_PAGE, timeout=timeout * 1000, polling=50)
    page.get_by_label(SEARCH_LABEL).wait_for(timeout=timeout * 1000)
    return time.perf_counter() - started


def filter_change(page, received: list[int], timeout: float) -> tuple[float, int]:
    """Seconds from Enter in the search box to the chart redrawn, and the bytes received."""
    page.wait_for_function(WHOLE_PAGE, timeout=timeout * 1000)
    page.wait_for_function(IDLE, timeout=timeout * 1000)
    before_points = page.evaluate(POINTS)
    box = page.get_by_label(SEARCH_LABEL)
    box.fill(SEARCH_WORD)
    received.clear()
    started = time.perf_counter()
    box.press("Enter")
    try:
        page.wait_for_function(
            f"() => ({POINTS})() >= 0 && ({POINTS})() !== {before_points}",
            timeout=timeout * 1000,
            polling=50,
        )
    except Exception as error:  # noqa: BLE001
        raise Timeout(str(error)[:80]) from None
    elapsed = time.perf_counter() - started
    time.sleep(0.3)
    page.wait_for_function(IDLE, timeout=timeout * 1000)
    return elapsed, sum(received)


def measure_page(
    browser, name: str, env: dict[str, str], timeout: float, log: Path, root: Path
) -> dict:
    script = root / "dashboard.py" if name == "dashboard" else PAGES[name]
    server = Server(script, log, root, env)
    result: dict[str, float | str] = {}
    try:
        try:
            result["cold"], page, context = first_chart(browser, server.url, timeout)
            context.close()
            received: list[int] = []
            result["warm"], page, context = first_chart(browser, server.url, timeout, received)
            if name == "dashboard":
                try:
                    result["whole"] = result["warm"] + whole_page(page, timeout)
                except Exception:  # noqa: BLE001 (Playwright's timeout: reported as such)
                    result["whole"] = "timeout"
                try:
                    result["filter"], result["bytes"] = filter_change(page, received, timeout)
                except Timeout:
                    result["filter"] = result["bytes"] = "timeout"
            context.close()
        except Timeout:
            result.setdefault("cold", "timeout")
            result.setdefault("warm", "timeout")
        result["memory"] = server.memory_mb()
    finally:
        server.stop()
    return result


def load_times(path: Path) -> tuple[float, float]:
    """Seconds to load without the disk cache, and from it (written by the first)."""

    def timed(run: Callable[[], object]) -> float:
        gc.collect()
        started = time.perf_counter()
        run()
        return time.perf_counter() - started

    cold = timed(lambda: timeline.load_dataset(path, disk_cache=True))  # a miss: loads, writes
    warm = timed(lambda: timeline.load_dataset(path, disk_cache=True))
    gc.collect()
    return cold, warm


def median(values: list) -> float | str:
    numbers = [v for v in values if isinstance(v, float | int)]
    if not numbers:
        return values[0] if values else "n/a"
    return statistics.median(numbers)


def measure_size(
    count: int, rounds: int, timeout: float, folder: Path, browser, root: Path
) -> dict:
    if count == 50:
        path = REPO_ROOT / DEFAULT_EVENTS
        label = f"real ({len(timeline.load_dataset(path).events)})"
    else:
        path = synthetic_copy(count, folder / f"events-{count}")
        label = f"{count:,}"
    env = dict(os.environ)
    env.update(
        TIMELINE_DATA=str(path),
        TIMELINE_CACHE_DIR=str(folder / "cache"),
        TIMELINE_MAX_FILE_MB=str(max(25, path.stat().st_size // 1_000_000 + 1)),
    )
    os.environ.update({k: env[k] for k in ("TIMELINE_CACHE_DIR", "TIMELINE_MAX_FILE_MB")})
    load, from_disk = load_times(path)
    results: dict[str, list[dict]] = {"dashboard": [], "bare": []}
    for number in range(rounds):
        order = ["dashboard", "bare"] if number % 2 == 0 else ["bare", "dashboard"]
        for name in order:
            log = folder / f"{name}-{count}-{number}.log"
            results[name].append(measure_page(browser, name, env, timeout, log, root))
            print(f"  {label} round {number + 1} {name}: {results[name][-1]}", flush=True)
    dash = {key: median([r.get(key, "n/a") for r in results["dashboard"]]) for key in
            ("cold", "warm", "whole", "filter", "bytes", "memory")}  # fmt: skip
    bare = {key: median([r.get(key, "n/a") for r in results["bare"]]) for key in
            ("cold", "warm", "memory")}  # fmt: skip
    return {"events": label, "load": load, "from disk": from_disk, "dash": dash, "bare": bare}


def seconds(value: float | str) -> str:
    return f"{value:.2f}" if isinstance(value, float | int) else str(value)


def ratio(a: float | str, b: float | str) -> str:
    if isinstance(a, float | int) and isinstance(b, float | int) and b:
        return f"{a / b:.2f}x"
    return "n/a"


def table(rows: list[dict]) -> list[list[str]]:
    header = [
        "events", "load", "from disk", "cold: dash", "bare", "ratio", "warm: dash", "bare",
        "ratio", "whole", "filter", "bytes/rerun", "memory: dash", "bare",
    ]  # fmt: skip
    lines = [header]
    for row in rows:
        dash, bare = row["dash"], row["bare"]
        size = dash["bytes"]
        lines.append([
            row["events"], seconds(row["load"]), seconds(row["from disk"]),
            seconds(dash["cold"]), seconds(bare["cold"]), ratio(dash["cold"], bare["cold"]),
            seconds(dash["warm"]), seconds(bare["warm"]), ratio(dash["warm"], bare["warm"]),
            seconds(dash["whole"]), seconds(dash["filter"]),
            f"{size / 1024:,.0f} KiB" if isinstance(size, float | int) else str(size),
            f"{dash['memory']:,.0f} MB" if isinstance(dash["memory"], float) else "n/a",
            f"{bare['memory']:,.0f} MB" if isinstance(bare["memory"], float) else "n/a",
        ])  # fmt: skip
    return lines


def print_table(lines: list[list[str]]) -> None:
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    print("| " + " | ".join(c.rjust(w) for c, w in zip(lines[0], widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|")
    for line in lines[1:]:
        print("| " + " | ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 1_000, 10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (3)")
    parser.add_argument("--timeout", type=float, default=180, help="seconds per wait (180)")
    parser.add_argument(
        "--root", type=Path, default=REPO_ROOT, help="the checkout whose dashboard to serve"
    )
    parser.add_argument(
        "--last-rounds", type=int, help="rounds for the last size (the largest is slow)"
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    compile_bytecode(args.root)
    rows = []
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for number, count in enumerate(args.sizes):
            last = number == len(args.sizes) - 1 and args.last_rounds
            rounds = args.last_rounds if last else args.rounds
            rows.append(
                measure_size(count, rounds, args.timeout, Path(temporary), browser, args.root)
            )
        browser.close()
    print()
    print_table(table(rows))
    load = os.getloadavg()
    print(
        f"seconds, medians of {args.rounds} interleaved rounds"
        + (f" ({args.last_rounds} for the last size)" if args.last_rounds else "")
        + f"; dashboard from {args.root}; ratio = dashboard / bare page; "
        f"memory = the server's peak resident set; {os.cpu_count()} CPUs, load average "
        f"{load[0]:.1f} at the end (the machine's load moves times more than ratios)"
    )


if __name__ == "__main__":
    main()
