"""Fuzz the checker: malformed copies of the real data files must give located problems or pass.

    python benchmarks/fuzz_checker.py [--cases N] [--seed S] [--timeout SECONDS] [--keep DIR]

Each case mutates one of data/events.yaml, data/vocabularies.yaml, seeds/sources.yaml and
data/timeline.yaml (one to three of the mutations in tests/mutations.py: byte flips, inserted
bytes, deleted and duplicated lines, indentation, truncation, control characters, type swaps,
removed and duplicated keys, anchors and aliases, tags), in a copy of the dataset, and loads it as the
dashboard does (every check, then the events table). A case fails when an exception escapes
(a crash), a problem has no place or an unknown rule, or it runs past --timeout (a hang).
Prints the cases run, the failures by kind, and the slowest case; failing inputs are written
to --keep (default: artifacts/fuzz/) to be kept as fixtures under tests/fixtures/fuzz/.
Exit code 1 when any case failed. `make fuzz` runs 2,500 cases.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from mutations import TARGETS, Workspace, check_outcome, mutate, unlocated


class Hang(Exception):
    pass


def _on_alarm(signum, frame):
    raise Hang


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=2500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--keep", type=Path, default=Path("artifacts/fuzz"))
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _on_alarm)
    failures: dict[str, int] = {}
    slowest = (0.0, "")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace(Path(folder))
        for case in range(args.cases):
            draw = random.Random(args.seed * 1_000_003 + case).randint
            target = TARGETS[draw(0, len(TARGETS) - 1)]
            kinds, data = mutate(workspace.originals[target], draw)
            workspace.write(target, data)
            signal.setitimer(signal.ITIMER_REAL, args.timeout)
            try:
                outcome = check_outcome(workspace)
                failure = "crash" if outcome.crash else None
                if failure is None and unlocated(outcome.problems):
                    failure = "unlocated"
                seconds = outcome.seconds
            except Hang:
                failure, seconds, outcome = "hang", args.timeout, None
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            workspace.restore(target)
            label = f"case {case} ({target}, {kinds})"
            if seconds > slowest[0]:
                slowest = (seconds, label)
            if failure:
                failures[failure] = failures.get(failure, 0) + 1
                args.keep.mkdir(parents=True, exist_ok=True)
                name = f"{failure}-{case}-{Path(target).name}"
                (args.keep / name).write_bytes(data)
                detail = outcome.crash.strip().splitlines()[-1] if outcome and outcome.crash else ""
                print(f"{failure}: {label}: {detail} -> {args.keep / name}", flush=True)
    total = sum(failures.values())
    print(
        f"{args.cases} cases in {time.perf_counter() - started:.0f} s, seed {args.seed}: "
        f"{total} failures ({', '.join(f'{n} {k}' for k, n in failures.items()) or 'none'}); "
        f"slowest {slowest[0]:.2f} s: {slowest[1]}"
    )
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
