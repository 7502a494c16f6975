"""``python -m timeline COMMAND``: the command line, a thin layer over the package.

Exit codes: 0 success, 1 the data (or the check asked for) has errors, 2 usage error,
3 internal error (a bug: reported in one line; TIMELINE_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from timeline.paths import DEFAULT_EVENTS

# Each module of timeline.commands adds its own subcommand; a new command is a module there
# and one line below.
COMMANDS = (
    "check",
    "schema",
    "fmt",
    "diff",
    "new",
    "export",
)


def command_module(name: str) -> ModuleType:
    return importlib.import_module(f"timeline.commands.{name}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the command ``only`` alone."""
    parser = argparse.ArgumentParser(
        prog="python -m timeline",
        description=f"Check and work with the timeline data ({DEFAULT_EVENTS} and its seeds).",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS if only is None else (only,):
        command_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # Importing every command costs some 0.7 s (pandas, pydantic, plotly): a command named
    # first imports its own module alone. Anything else (--help, a typo) gets the full parser.
    named = argv[0] if argv and argv[0] in COMMANDS else None
    parser = build_parser(named)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:  # argparse has printed the usage error (or the help)
        return int(exit.code or 0)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head`: not an error of ours
        sys.stderr.close()
        return 0
    except Exception as error:
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        print(
            f"python -m timeline {args.command}: internal error: {type(error).__name__}: "
            f"{error} (a bug: please report it; TIMELINE_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        return 3
