"""Fixtures shared by every test module: where the repository and its data live."""

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def dataset_cache_dir(tmp_path_factory) -> Path:
    """The dashboard's disk cache of datasets, out of the checkout (and the servers the browser
    tests start inherit it)."""
    folder = tmp_path_factory.mktemp("dataset-cache")
    os.environ["TIMELINE_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture(scope="session", autouse=True)
def export_browser_on_demand() -> None:
    """The dashboards under test start Chromium for exports when the Export panel opens, not
    on their first page (tests/views/test_export_panel.py checks that default): the suite's
    many servers would start browsers no test uses."""
    os.environ["TIMELINE_EXPORT_WARMUP"] = "panel"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def fresh_python() -> Callable[[str], str]:
    """Run Python code in a new interpreter with only the checkout on its path (nothing this
    test session imported); return the last line it prints."""

    def run(code: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO_ROOT)},
            check=False,
        )
        return done.stdout.splitlines()[-1]

    return run


@pytest.fixture(scope="session")
def events_path() -> Path:
    return REPO_ROOT / "data" / "events.yaml"


@pytest.fixture(scope="session")
def vocabularies_path() -> Path:
    return REPO_ROOT / "data" / "vocabularies.yaml"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return REPO_ROOT / "seeds"


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright, one per test module."""
    from browser_support import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def downloads(monkeypatch):
    """File name -> bytes of every download a Streamlit app under AppTest offers."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    saved = {}
    load = MemoryMediaFileStorage.load_and_get_id

    def keep(self, data, mimetype, kind, filename=None):
        saved[filename] = data
        return load(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    return saved
