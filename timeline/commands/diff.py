"""``diff OLD NEW`` or ``diff --git REV [PATH]``: what a change to the events means."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timeline.authoring.diff_report import as_markdown, as_text
from timeline.authoring.semantic_diff import diff_events, events_from_text
from timeline.files import read_text
from timeline.git import GitError, git
from timeline.paths import DEFAULT_EVENTS
from timeline.problems import DataError, Problem, format_text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="show which events a change adds, removes, renames or changes",
        description=(
            "Compare two versions of an events file by event id: events added, removed, "
            "renamed (same or nearly the same content under a new id) and changed, field by "
            "field, with old and new dates, statuses and quotes. Order and layout do not count. "
            "Either OLD NEW (two files), or --git REV [PATH]: PATH (default "
            f"{DEFAULT_EVENTS}) at git revision REV against the working tree. Exit code 0 "
            "(with --exit-code: 1 when there are differences), 1 when a file cannot be read."
        ),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="OLD NEW, or with --git: PATH")
    parser.add_argument(
        "--git",
        metavar="REV",
        help="compare PATH as it is at this git revision (origin/main, HEAD~1, ...) with the "
        "working tree",
    )
    parser.add_argument(
        "--format",
        choices=["text", "markdown", "json"],
        default="text",
        help="text (default), markdown (for a pull-request comment) or json",
    )
    parser.add_argument(
        "--exit-code", action="store_true", help="exit 1 when there are differences"
    )
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    if args.git is not None and len(args.paths) > 1:
        return _usage_error(args.parser, "with --git give at most one PATH")
    if args.git is None and len(args.paths) != 2:
        return _usage_error(args.parser, "give OLD and NEW, or --git REV [PATH]")
    try:
        if args.git is not None:
            path = args.paths[0] if args.paths else DEFAULT_EVENTS
            old_label, old_text = f"{args.git}:{path}", _text_at_revision(args.git, path)
            new_label, new_text = f"{path} (working tree)", _text_of(path)
        else:
            old_label, new_label = args.paths
            old_text, new_text = _text_of(old_label), _text_of(new_label)
        old_events = events_from_text(old_text, old_label)
        new_events = events_from_text(new_text, new_label)
    except DataError as error:
        print(format_text(error.problems), end="")
        return 1
    diff = diff_events(old_events, new_events, old_label, new_label)
    render = {"text": as_text, "markdown": as_markdown, "json": lambda d: d.to_json() + "\n"}
    print(render[args.format](diff), end="")
    return 1 if args.exit_code and not diff.is_empty else 0


def _usage_error(parser: argparse.ArgumentParser, message: str) -> int:
    parser.print_usage(sys.stderr)
    print(f"{parser.prog}: error: {message}", file=sys.stderr)
    return 2


def _text_of(path: str) -> str:
    text, problems = read_text(Path(path), path)
    if text is None:
        raise DataError(problems)
    return text


def _text_at_revision(revision: str, path: str) -> str | None:
    """The file's text at ``revision``, or None when the file did not exist there."""
    folder = Path(path).parent
    name = f"./{Path(path).name}"  # './' makes git read the path from ``folder``, not the root
    _git(folder, ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], path, revision)
    listed = _git(folder, ["ls-tree", "--name-only", revision, "--", name], path, revision)
    if not listed.strip():
        return None
    return _git(folder, ["show", f"{revision}:{name}"], path, revision)


def _git(folder: Path, arguments: list[str], path: str, revision: str) -> str:
    try:
        out = git(arguments, folder)
    except GitError as error:
        reason = str(error) or f"{revision!r} is not a commit"
        raise DataError(
            [_problem(path, f"git cannot read revision {revision!r}: {reason}")]
        ) from None
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        raise DataError([_problem(path, f"not UTF-8 at revision {revision!r}")]) from None


def _problem(path: str, message: str) -> Problem:
    return Problem(path, 1, 1, "error", message, "unreadable-file")
