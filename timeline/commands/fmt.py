"""``fmt [PATH ...] [--check]``: write the data files in their canonical form."""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

from timeline.authoring.fmt import canonical_text
from timeline.files import read_text, write_atomically
from timeline.paths import DataPaths
from timeline.problems import DataError, Problem, format_text

DEFAULT_PATHS = tuple(
    str(path)
    for path in (DataPaths.of().events, DataPaths.of().catalogue, DataPaths.of().vocabularies)
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "fmt",
        help="rewrite the data files in canonical form (or --check that they are)",
        description=(
            "Rewrite the events file, the seed catalogue and the vocabularies in one canonical "
            "form: fixed key order; events sorted by date (first day, then year before month "
            "before day precision), then id; dates and quotes double-quoted on one line; long "
            "prose folded at 100 columns; comments kept. Formatting never changes a value and "
            "is idempotent. Without PATH: "
            + ", ".join(DEFAULT_PATHS)
            + ". Exit code 0 when done (or, with --check, when every file is canonical), 1 when "
            "a file is not canonical (--check) or cannot be read or parsed."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files to format (default: " + ", ".join(DEFAULT_PATHS) + ")",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; print a unified diff of each file that is not canonical and exit 1",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    paths = args.paths or [p for p in DEFAULT_PATHS if Path(p).exists()]
    if not paths:
        print(f"fmt: none of {', '.join(DEFAULT_PATHS)} is here: run it from the repository root")
        return 1
    problems: list[Problem] = []
    not_canonical = []
    for path in paths:
        try:
            canonical = _canonical_file(Path(path), path)
        except DataError as error:
            problems.extend(error.problems)
            continue
        if canonical is None:
            continue
        not_canonical.append(path)
        if args.check:
            old = Path(path).read_bytes().decode("utf-8")
            print(_unified_diff(old, canonical, path), end="")
        else:
            write_atomically(Path(path), canonical)
            print(f"{path}: reformatted")
    print(format_text(problems), end="")
    if args.check and not_canonical:
        print(
            f"{len(not_canonical)} of {len(paths)} files not in canonical form: run "
            f"python -m timeline fmt {' '.join(not_canonical)}"
        )
    return 1 if problems or (args.check and not_canonical) else 0


def _canonical_file(path: Path, display: str) -> str | None:
    """The file's canonical text, or None when it is canonical already."""
    text, problems = read_text(path, display)
    if text is None:
        raise DataError(problems)
    canonical = canonical_text(text, display)
    if canonical != text:
        return canonical
    # The same text: the same bytes, unless the file starts with a byte order mark (read_text
    # drops it, and the canonical form has none).
    with path.open("rb") as file:
        return canonical if file.read(3) == "\ufeff".encode() else None


# difflib's matching grows faster than linearly with the lines that differ: past this many, the
# answer is where the difference starts instead of a diff that could take minutes.
MAX_DIFF_LINES = 2_000


def _unified_diff(old: str, new: str, path: str) -> str:
    before, after = old.splitlines(keepends=True), new.splitlines(keepends=True)
    same = 0
    while same < min(len(before), len(after)) and before[same] == after[same]:
        same += 1
    tail = 0
    while tail < min(len(before), len(after)) - same and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    differing = max(len(before), len(after)) - same - tail
    if differing > MAX_DIFF_LINES:
        return (
            f"{path}:{same + 1}:1: not in canonical form from this line on "
            f"({differing:,} lines differ: too many to show as a diff)\n"
        )
    lines = difflib.unified_diff(before, after, fromfile=path, tofile=f"{path} (canonical)")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
