"""Debian's Chromium for the tests that need a real browser (Playwright cannot download its own
here). Without it the browser tests skip, except under CI, where `make test` installs it: there a
missing browser fails the run rather than letting it pass without the browser tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying hosts a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING = f"{CHROMIUM} is not installed (make test installs it: apt-get install chromium)"
IN_CI = os.environ.get("CI") == "true"

# For single tests: skipped without Chromium, but never under CI, where they then fail.
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists() and not IN_CI, reason=MISSING)


def require_chromium() -> None:
    """At module level: skip the module without Chromium, or fail it under CI."""
    if CHROMIUM.exists():
        return
    if IN_CI:
        pytest.fail(MISSING, pytrace=False)
    pytest.skip(MISSING, allow_module_level=True)
