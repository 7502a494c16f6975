"""A Streamlit page served in a child process for the benchmarks (tests/browser_support.py's
StreamlitProcess: its CPU time and memory read from /proc), and the Chromium the browser tests
use."""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from browser_support import CHROMIUM, CHROMIUM_ARGS
from browser_support import StreamlitProcess as Server

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "REPO_ROOT", "Server"]
