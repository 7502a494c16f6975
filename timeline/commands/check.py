"""``check [PATH] [--seeds DIR] [--format text|github|json] [--errors-only] [--ignore RULE]``:
every check on the data."""

from __future__ import annotations

import argparse
import dataclasses
import os
from pathlib import Path

from timeline.checker import CheckResult, run_checks
from timeline.paths import DEFAULT_EVENTS
from timeline.problems import (
    Problem,
    Rule,
    format_github,
    format_json,
    format_text,
    has_errors,
)

FORMATS = {"text": format_text, "github": format_github}
# Only warnings can be silenced: an error is data that is not shown or published until fixed.
WARNING_RULES = [str(rule) for rule in Rule if rule.about.startswith("(warning)")]


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
    parser.add_argument(
        "--errors-only",
        action="store_true",
        help="show errors only, not warnings (the exit code is the same either way)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        choices=WARNING_RULES,
        metavar="RULE",
        help="do not show warnings of this rule, when they are intended (repeatable): "
        f"{', '.join(WARNING_RULES)}",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    output_format = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") else "text")
    result = run_checks(Path(args.path), args.seeds)
    shown = [p for p in result.problems if _shown(p, args.errors_only, set(args.ignore))]
    if output_format == "json":
        print(format_json(shown))
    else:
        text = FORMATS[output_format]([_with_silence_hint(p) for p in shown])
        hidden = len(result.problems) - len(shown)
        print(text + summary(args.path, result, hidden), end="\n")
    return 1 if has_errors(result.problems) else 0


def _shown(problem: Problem, errors_only: bool, ignored: set[str]) -> bool:
    if problem.is_error:
        return True
    return not errors_only and problem.rule not in ignored


def _with_silence_hint(problem: Problem) -> Problem:
    """A warning says how to silence it, for when what it warns about is intended."""
    if problem.is_error:
        return problem
    hint = f"; if that is intended, silence with --ignore {problem.rule}"
    return dataclasses.replace(problem, message=problem.message + hint)


def summary(path: str, result: CheckResult, hidden: int = 0) -> str:
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
        f"{_count(warnings, 'warning', 'no')}" + (f" ({hidden} not shown)" if hidden else "")
    )


def _count(number: int, noun: str, zero: str | None = None) -> str:
    if number == 0 and zero:
        return f"{zero} {noun}s"
    return f"{number} {noun}" + ("" if number == 1 else "s")
