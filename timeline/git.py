"""Asking git about the checkout: the one place that runs it."""

from __future__ import annotations

import subprocess
from pathlib import Path

TIMEOUT = 30


class GitError(Exception):
    """git could not be run, or said no; the message says which."""


def git(args: list[str], cwd: Path) -> bytes:
    """What ``git ARGS`` prints, run in ``cwd``; GitError when it cannot run or fails."""
    try:
        done = subprocess.run(
            ["git", "-C", str(cwd), *args], capture_output=True, timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took more than {TIMEOUT} s") from None
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror or error}") from None
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout


def git_line(args: list[str], cwd: Path) -> str | None:
    """The output of ``git ARGS``, stripped, or None when git cannot tell (no git, no repo)."""
    try:
        return git(args, cwd).decode("utf-8", "replace").strip()
    except GitError:
        return None
