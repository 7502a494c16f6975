"""Time `python -m timeline fmt` on a synthetic events file, in a new process each run.

    python benchmarks/bench_fmt.py [--events N] [--runs R] [--root CHECKOUT]

Each run rewrites a fresh copy of the synthetic file (the real events repeated with new ids,
as written by yaml.dump: not canonical), then `fmt --check` reads the canonical result. Prints
wall time, user and system CPU of the process, and the load average when it started; the
machine's other work shows in the wall time far more than in the CPU. Exit code 1 when two
runs disagree on the output or --check finds the output not canonical. ``--root`` times the
code of another checkout (an older commit, for a before and after). The checkout's bytecode is
compiled first, as an installed checkout's first run leaves it (see served.compile_bytecode).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from served import compile_bytecode
from synthetic import synthetic_copy

REPO_ROOT = Path(__file__).resolve().parent.parent


def timed(args: list[str], root: Path) -> tuple[int, float, float, float]:
    """Exit code, wall seconds, user and system CPU seconds of one command."""
    env = {**os.environ, "PYTHONPATH": str(root), "TIMELINE_MAX_FILE_MB": "1000"}
    started = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, cwd=root)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    return os.waitstatus_to_exitcode(status), wall, usage.ru_utime, usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="the checkout to time")
    args = parser.parse_args()
    compile_bytecode(args.root)
    fmt = [sys.executable, "-m", "timeline", "fmt"]
    outputs = set()
    with tempfile.TemporaryDirectory() as folder:
        source = synthetic_copy(args.events, Path(folder) / "synthetic")
        target = Path(folder) / "events.yaml"
        print(f"{args.events:,} events, {source.stat().st_size / 1e6:.1f} MB")
        print("| run | command | wall s | user s | sys s | user+sys s | load average |")
        print("| --- | --- | ---: | ---: | ---: | ---: | --- |")
        for run in range(1, args.runs + 1):
            for check in (False, True):
                if not check:
                    shutil.copyfile(source, target)
                load = " ".join(f"{n:.2f}" for n in os.getloadavg())
                code, wall, user, system = timed(
                    [*fmt, *(["--check"] if check else []), str(target)], args.root
                )
                name = "fmt --check (canonical)" if check else "fmt"
                print(
                    f"| {run} | {name} | {wall:.2f} | {user:.2f} | {system:.2f} | "
                    f"{user + system:.2f} | {load} |"
                )
                if code != 0:
                    print(f"{name} exited with {code}")
                    return 1
            outputs.add(target.read_bytes())
    if len(outputs) != 1:
        print("the runs wrote different files")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
