"""Loaded datasets kept on disk, so that a restart on unchanged files skips parsing and checking.

An entry is named by a hash of everything its content depends on: the bytes of every data file
(events, vocabularies, dataset settings, catalogue, every seed), the paths as given (problems
name them), the package's own source code, the versions of Python and of the libraries whose
objects it holds, and the file-size limit. Editing any of them is a miss, so an edit shows up on
the next load; nothing is ever invalidated by hand.

An entry that cannot be read back (truncated, corrupt, written by other code) is deleted and
the dataset loaded again: the cache can make loading faster, never make it fail. Writing is
atomic and a folder that cannot be written is ignored.

What is made from a dataset can be kept the same way (``cached_derived``), named by the
dataset's entry and what it is: the dashboard keeps the first page's chart, so that a restart
does not lay it out again.

Where: ``TIMELINE_CACHE_DIR``, default ``.cache/datasets`` in the checkout (ignored by git);
``TIMELINE_CACHE=off`` turns it off. Entries are pickles, read only from that folder: keep it
writable by you alone, as you would your virtualenv.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from timeline.files import max_file_bytes
from timeline.paths import DEFAULT_CACHE_DIR, DataPaths

CACHE_DIR_VARIABLE = "TIMELINE_CACHE_DIR"
CACHE_SWITCH_VARIABLE = "TIMELINE_CACHE"
KEPT_ENTRIES = 8  # the latest few versions of the data; older entries are removed
DERIVED_FOLDER = "derived"
KEPT_DERIVED = 16
_PACKAGE = Path(__file__).resolve().parent
_LIBRARIES = ("numpy", "pandas", "pydantic", "pydantic-core", "PyYAML")
_SUFFIX = ".pickle"

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The folder entries live in, or None when the cache is off."""
    if os.environ.get(CACHE_SWITCH_VARIABLE, "").strip().lower() in ("off", "0", "no", "false"):
        return None
    return Path(os.environ.get(CACHE_DIR_VARIABLE) or DEFAULT_CACHE_DIR)


def cached(paths: DataPaths, load: Callable[[], T], kind: type[T]) -> tuple[T, str | None]:
    """``load()``'s result for the current content of ``paths``: from disk when an entry for
    exactly this content exists, else loaded and then written for the next time; and the key
    of that entry (None when the cache is off)."""
    folder = cache_dir()
    if folder is None:
        return load(), None
    key = content_key(paths)
    # A file edited while it was being read: the value may mix versions, so keep it out.
    value = _kept(folder, key, load, kind, KEPT_ENTRIES, lambda: content_key(paths) == key)
    return value, key


def cached_derived(key: str, what: str, make: Callable[[], T], kind: type[T]) -> T:
    """``make()``'s result, made from the dataset whose entry is ``key`` (``what`` says which
    result, and everything besides the dataset it depends on): from disk when made before."""
    folder = cache_dir()
    if folder is None:
        return make()
    name = hashlib.sha256(f"{key}\0{what}".encode()).hexdigest()
    return _kept(folder / DERIVED_FOLDER, name, make, kind, KEPT_DERIVED, lambda: True)


def _kept(
    folder: Path,
    name: str,
    make: Callable[[], T],
    kind: type[T],
    kept: int,
    still_valid: Callable[[], bool],
) -> T:
    entry = folder / f"{name}{_SUFFIX}"
    found = _read(entry, kind)
    if found is not None:
        _touch(entry)  # recently used: kept when older entries are pruned
        return found
    value = make()
    if still_valid():
        _write(folder, entry, value, kept)
    return value


def content_key(paths: DataPaths) -> str:
    """The hash of everything a loaded dataset depends on (see the module's docstring)."""
    digest = hashlib.sha256()
    digest.update(code_version().encode())
    digest.update(f"{paths.events}\0{paths.seeds}\0{max_file_bytes()}\0".encode())
    for path in [*paths.data_files(), *paths.seed_files()]:
        digest.update(f"{path}\0".encode())
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError as error:  # a missing file is part of the state, as the checker says
            digest.update(f"unreadable {error.errno}".encode())
    return digest.hexdigest()


@cache
def code_version() -> str:
    """A hash of the package's source and of the interpreter and libraries it runs on."""
    digest = hashlib.sha256(sys.version.encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none\0".encode())
    for source in sorted(_PACKAGE.rglob("*.py")):
        digest.update(source.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _read(entry: Path, kind: type[T]) -> T | None:
    try:
        with entry.open("rb") as file:
            value = pickle.load(file)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 (unpickling garbage raises anything: a miss, entry goes)
        _remove(entry)
        return None
    if not isinstance(value, kind):
        _remove(entry)
        return None
    return value


def _remove(entry: Path) -> None:
    with contextlib.suppress(OSError):
        entry.unlink(missing_ok=True)


def _write(folder: Path, entry: Path, value: object, kept: int) -> None:
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
        temporary = None
        _prune(folder, kept)
    except (OSError, pickle.PicklingError):  # a read-only or full disk: just no cache
        pass
    finally:
        if temporary is not None:
            _remove(Path(temporary))


def _touch(entry: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(entry)


def _prune(folder: Path, kept: int) -> None:
    entries = sorted(folder.glob(f"*{_SUFFIX}"), key=_modified, reverse=True)
    for old in entries[kept:]:
        _remove(old)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
