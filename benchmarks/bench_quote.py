"""How long the checker takes to answer a quote that is not in its seed.

    python benchmarks/bench_quote.py [--lengths 100,1000,3000,10000] [--timeout SECONDS]

For each length, the quote is that many characters of the longest seed (whitespace
normalised) with a letter added to every 20th word, so it is close to the seed but not in it:
the case where the checker searches for the closest passage. Times ``closest_passage`` and the
whole citation check (which adds the word diff to the message), each once, in a child process
killed after --timeout seconds (default 150), so a search that never ends is reported as such.
"""

from __future__ import annotations

import argparse
import multiprocessing
import time
from pathlib import Path

from timeline.paths import DataPaths
from timeline.sources import read_seeds

REPO_ROOT = Path(__file__).resolve().parent.parent


def _wrong_quote(length: int) -> tuple[str, str]:
    seeds, _ = read_seeds(DataPaths.of(REPO_ROOT / "data" / "events.yaml"))
    seed = max(seeds.values(), key=lambda s: len(s.text))
    words = seed.text.split()
    text = " ".join(w + "x" if i % 20 == 3 else w for i, w in enumerate(words))
    while len(text) < length:
        text += " " + text
    return seed.file, text[:length]


def _time(length: int, queue: multiprocessing.Queue) -> None:
    from timeline.checks.quotes import SeedFolder, citation_problems
    from timeline.checks.yaml_syntax import parse_yaml
    from timeline.model import Citation

    file, quote = _wrong_quote(length)
    seeds, _ = read_seeds(DataPaths.of(REPO_ROOT / "data" / "events.yaml"))
    started = time.perf_counter()
    seeds[file].closest_passage(quote)
    search = time.perf_counter() - started
    doc = parse_yaml("events: [{sources: [{quote: x}]}]\n", "events.yaml")
    folder = SeedFolder("seeds", set(seeds), seeds)
    started = time.perf_counter()
    problems = list(
        citation_problems(
            doc, ("events", 0, "sources", 0), Citation(file=file, quote=quote), folder
        )
    )
    check = time.perf_counter() - started
    queue.put((search, check, sorted({p.rule for p in problems})))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lengths", default="100,1000,3000,10000")
    parser.add_argument("--timeout", type=float, default=150.0)
    args = parser.parse_args()
    print(f"{'characters':>10}  {'closest passage':>15}  {'citation check':>14}  rules")
    for length in (int(n) for n in args.lengths.split(",")):
        queue: multiprocessing.Queue = multiprocessing.Queue()
        child = multiprocessing.Process(target=_time, args=(length, queue))
        child.start()
        child.join(args.timeout)
        if child.is_alive():
            child.kill()
            print(f"{length:>10}  {'> ' + format(args.timeout, 'g') + ' s':>15}  (killed)")
            continue
        search, check, rules = queue.get()
        print(f"{length:>10}  {search:>13.3f} s  {check:>12.3f} s  {', '.join(rules)}")


if __name__ == "__main__":
    main()
