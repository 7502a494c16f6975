"""A Streamlit page served in a child process for the benchmarks (tests/browser_support.py's
StreamlitProcess: its CPU time and memory read from /proc), and the Chromium the browser tests
use, and the checkout's bytecode compiled as an installed one would have it."""

from __future__ import annotations

import compileall
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))
sys.path.insert(1, str(REPO_ROOT))  # browser_support reads the page's names from views/

from browser_support import CHROMIUM, CHROMIUM_ARGS, WHOLE_PAGE
from browser_support import StreamlitProcess as Server

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "REPO_ROOT", "WHOLE_PAGE", "Server", "compile_bytecode"]


def compile_bytecode(root: Path) -> None:
    """Write the ``.pyc`` files of the checkout's packages, as its first run would.

    A server restarted on an installed checkout imports them; with PYTHONDONTWRITEBYTECODE set
    (as on some CI machines) every start would compile the package from source again, a cost
    the bare page, which imports only installed libraries, never pays."""
    for package in ("timeline", "views"):
        compileall.compile_dir(root / package, quiet=1)
