"""How long loading the data takes, next to a bare libyaml parse of the same text.

    python benchmarks/bench_load.py [--events N] [--repeat R]

Inputs: the real events file, and a synthetic copy of N events (default 10,000) made by repeating
the real events with new ids (written to a temporary folder with the real vocabularies; the
real seeds are used). For each input, best of R runs (default 3), all in this one process:

- ``yaml.load``: ``yaml.load(text, Loader=yaml.CSafeLoader)`` of the text, already in memory;
- ``(gc off)``: the same with the garbage collector paused, as the loader does;
- ``load_events``: ``timeline.load_events(path)``: read, parse, validate, build the DataFrame;
- ``load_dataset``: ``timeline.load_dataset(path)``: all of that plus every check (vocabularies,
  catalogue, every quote looked up in its seed).

"Cold" here means: modules already imported (their import time is printed once), but before
every run the package's own caches are cleared and the garbage collector run, and every run
reads the files from disk again (the operating system's file cache stays warm: a first read
after a reboot would add disk time).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))  # run from a checkout, as `python benchmarks/bench_load.py`

IMPORT_START = time.perf_counter()
import yaml
from synthetic import synthetic_copy  # benchmarks/ is on sys.path when run as a script

import timeline
from timeline import loader, sources
from timeline.checks import dates as written_dates
from timeline.checks.yaml_syntax import gc_paused
from timeline.paths import DEFAULT_EVENTS, DataPaths

IMPORT_SECONDS = time.perf_counter() - IMPORT_START


def clear_caches() -> None:
    loader._partial.cache_clear()
    written_dates._pattern.cache_clear()
    sources._seed_for_text.cache_clear()
    gc.collect()


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        clear_caches()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def parse_gc_off(text: str) -> object:
    # The loader pauses the garbage collector while it builds (timeline.checks.yaml_syntax.gc_paused);
    # this is the bare parse under the same condition, for a fair comparison.
    with gc_paused():
        return yaml.load(text, Loader=yaml.CSafeLoader)


def measure(label: str, path: Path, seeds_dir: Path, repeat: int) -> list[str]:
    text = path.read_text(encoding="utf-8")
    dataset = timeline.load_dataset(path, seeds_dir)  # the input must be valid to be timed
    errors = [p for p in dataset.problems if p.is_error]
    if errors:
        sys.exit(f"{path} has {len(errors)} errors; the first: {errors[0].text()}")
    bare = best_of(repeat, lambda: yaml.load(text, Loader=yaml.CSafeLoader))
    bare_gc_off = best_of(repeat, lambda: parse_gc_off(text))
    events = best_of(repeat, lambda: timeline.load_events(path))
    full = best_of(repeat, lambda: timeline.load_dataset(path, seeds_dir))
    return [
        label,
        f"{len(dataset.events):,}",
        f"{len(text.encode('utf-8')) / 1e6:.2f} MB",
        f"{bare * 1000:,.0f} ms",
        f"{bare_gc_off * 1000:,.0f} ms",
        f"{events * 1000:,.0f} ms",
        f"{full * 1000:,.0f} ms",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000, help="synthetic events (10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure, best kept (3)")
    args = parser.parse_args()

    paths = DataPaths.of(REPO_ROOT / DEFAULT_EVENTS)
    events_path, seeds_dir = paths.events, paths.seeds
    rows = [["input", "events", "size", "yaml.load", "(gc off)", "load_events", "load_dataset"]]
    rows.append(measure(DEFAULT_EVENTS, events_path, seeds_dir, args.repeat))
    with tempfile.TemporaryDirectory() as folder:
        synthetic = synthetic_copy(args.events, Path(folder), events_path)
        rows.append(measure(f"synthetic {args.events:,}", synthetic, seeds_dir, args.repeat))

    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for number, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))
    print(
        f"\nbest of {args.repeat}, cold (caches cleared, files re-read; imports done once: "
        f"{IMPORT_SECONDS * 1000:.0f} ms); Python {sys.version.split()[0]}, "
        f"PyYAML {yaml.__version__} with libyaml {yaml.__with_libyaml__}"
    )


if __name__ == "__main__":
    main()
