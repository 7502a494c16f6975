"""Reading and writing the data files: text in UTF-8, within a size limit, never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from timeline.problems import Problem

# Twice the size of a 10,000-event file (about 11 MB): anything bigger is a mistake, not data.
MAX_FILE_BYTES = 25_000_000


def read_text(path: Path, display: str | None = None) -> tuple[str | None, list[Problem]]:
    """The file as text, or None and the problem: unreadable, too large or not UTF-8."""
    display = display if display is not None else str(path)

    def fail(rule: str, message: str, line: int = 1, col: int = 1) -> tuple[None, list[Problem]]:
        return None, [Problem(display, line, col, "error", message, rule)]

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return fail(
                "file-too-large",
                f"file is {size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB: "
                "split it or check that it is the right file",
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
