"""Reading and writing the data files: text in UTF-8, within a size limit, never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from timeline.problems import Problem

# Twice the size of a 10,000-event file (about 11 MB): by default anything bigger is a mistake,
# not data. A larger dataset (100,000 events is about 120 MB) raises it with the setting.
MAX_FILE_BYTES = 25_000_000
MAX_FILE_VARIABLE = "TIMELINE_MAX_FILE_MB"


def max_file_bytes() -> int:
    """The size limit: ``TIMELINE_MAX_FILE_MB`` megabytes when set to a positive number."""
    try:
        megabytes = float(os.environ.get(MAX_FILE_VARIABLE, ""))
    except ValueError:
        return MAX_FILE_BYTES
    return int(megabytes * 1_000_000) if megabytes > 0 else MAX_FILE_BYTES


def read_text(path: Path, display: str | None = None) -> tuple[str | None, list[Problem]]:
    """The file as text, or None and the problem: unreadable, too large or not UTF-8."""
    display = display if display is not None else str(path)

    def fail(rule: str, message: str, line: int = 1, col: int = 1) -> tuple[None, list[Problem]]:
        return None, [Problem(display, line, col, "error", message, rule)]

    try:
        size, limit = path.stat().st_size, max_file_bytes()
        if size > limit:
            return fail(
                "file-too-large",
                f"file is {size / 1e6:.1f} MB; the limit is {limit / 1e6:g} MB: check that it "
                f"is the right file, or raise the limit with {MAX_FILE_VARIABLE}="
                f"{int(size / 1e6) + 1} in the environment",
            )
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return fail("unreadable-file", f"cannot read {display}: {reason}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        col = error.start - (before.rfind(b"\n") + 1) + 1
        return fail(
            "not-utf8",
            f"byte 0x{raw[error.start]:02x} is not UTF-8: save the file as UTF-8",
            line,
            col,
        )
    return text.removeprefix("\ufeff"), []


def write_atomically(path: Path, text: str) -> None:
    # Write beside the file, then rename: an interrupted run leaves the old file whole.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(text.encode("utf-8"))
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
