"""``new [--append [PATH]]``: a commented skeleton event to start a new event from."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timeline.authoring.skeleton import append_skeleton, skeleton
from timeline.checks.yaml_syntax import read_yaml
from timeline.files import read_text, write_atomically
from timeline.paths import DEFAULT_EVENTS, DataPaths
from timeline.problems import DataError, format_text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="print (or --append) a commented skeleton of a new event",
        description=(
            "Print a commented skeleton of a new event: every value to write is a <<...>> "
            "placeholder, optional fields are commented out, and the comments list the "
            "categories, actors, statuses, places and seed files there are (from the "
            "vocabularies file beside PATH and the seeds folder beside its folder). With "
            "--append, add it at the end of the events list of PATH (default "
            f"{DEFAULT_EVENTS}), leaving the rest of the file as it is; fill it in, then run "
            "`python -m timeline fmt` and `python -m timeline check`."
        ),
    )
    parser.add_argument(
        "--append",
        nargs="?",
        const=DEFAULT_EVENTS,
        metavar="PATH",
        help=f"append the skeleton to this events file (default {DEFAULT_EVENTS})",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = args.append or DEFAULT_EVENTS
    paths = DataPaths.of(path)
    vocabularies = read_yaml(paths.vocabularies).data
    if not isinstance(vocabularies, dict):
        print(
            f"note: cannot read {paths.vocabularies}: the skeleton lists no vocabulary ids",
            file=sys.stderr,
        )
    seeds = [seed.name for seed in paths.seed_files()]
    if args.append is None:
        print(skeleton(vocabularies, seeds), end="")
        return 0
    try:
        text, problems = read_text(Path(path), path)
        if text is None:
            raise DataError(problems)
        new_text, line = append_skeleton(text, path, vocabularies, seeds)
    except DataError as error:
        print(format_text(error.problems), end="")
        return 1
    write_atomically(Path(path), new_text)
    print(
        f"{path}: appended a new event skeleton at line {line}: replace its <<...>> "
        "placeholders, then run python -m timeline fmt && python -m timeline check"
    )
    return 0
