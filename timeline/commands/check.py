"""``check [PATH] [--seeds DIR] [--format text|github|json]``: every check on the data."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from timeline.checker import CheckResult, run_checks
from timeline.paths import DEFAULT_EVENTS
from timeline.problems import format_github, format_json, format_text, has_errors

FORMATS = {"text": format_text, "github": format_github}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check the events against the vocabularies and the seeds",
        description=(
            "Check the events file, its vocabularies (vocabularies.yaml beside it), the seed "
            "catalogue and every quote against the seeds. Prints each problem as "
            "path:line:col: [level] message (rule-id), then a summary. Exit code 0 when there "
            "are no errors (warnings allowed), 1 when there are."
        ),
    )
    parser.add_argument(
        "path",
        nargs="?",
        default=DEFAULT_EVENTS,
        metavar="PATH",
        help=f"the events file (default: {DEFAULT_EVENTS})",
    )
    parser.add_argument(
        "--seeds",
        metavar="DIR",
        help="the seeds folder (default: seeds/ beside the events file's folder)",
    )
    parser.add_argument(
        "--format",
        choices=["text", "github", "json"],
        default=None,
        help="output: text (default), github annotations (default when GITHUB_ACTIONS is "
        "set) or a JSON list",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    output_format = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") else "text")
    result = run_checks(Path(args.path), args.seeds)
    problems = result.problems
    if output_format == "json":
        print(format_json(problems))
    else:
        print(FORMATS[output_format](problems) + summary(args.path, result), end="\n")
    return 1 if has_errors(problems) else 0


def summary(path: str, result: CheckResult) -> str:
    """``<events file>: 52 events, 97 citations, 5 sources: no errors, 3 warnings``.

    The counts are of what the file holds, valid or not, so that they still say how much was
    read when there are errors.
    """
    read = result.read
    errors = sum(p.is_error for p in result.problems)
    warnings = len(result.problems) - errors
    return (
        f"{path}: {_count(read.events, 'event')}, {_count(read.citations, 'citation')}, "
        f"{_count(read.sources, 'source')}: {_count(errors, 'error', 'no')}, "
        f"{_count(warnings, 'warning', 'no')}"
    )


def _count(number: int, noun: str, zero: str | None = None) -> str:
    if number == 0 and zero:
        return f"{zero} {noun}s"
    return f"{number} {noun}" + ("" if number == 1 else "s")
