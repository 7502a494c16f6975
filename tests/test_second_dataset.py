"""Another dataset, another timeline, the same code: nothing of the real dataset is in the code.

``tests/fixtures/valid`` is an invented dataset (a ferry between two towns) with its own
settings file; the dashboard and the exports show its words, and none of the real dataset's.
"""

from __future__ import annotations

import ast
import csv
import io
import json
from pathlib import Path

import pytest
import streamlit as st
import yaml
from dashboard_support import dashboard_app

import timeline
from timeline.export import export
from timeline.text import markdown
from timeline.view import View

REPO_ROOT = Path(__file__).resolve().parent.parent
SECOND = REPO_ROOT / "tests" / "fixtures" / "valid" / "data" / "events.yaml"


@pytest.fixture(scope="module")
def dataset():
    loaded = timeline.load_dataset(SECOND)
    assert loaded.ok and loaded.problems == []
    return loaded


def test_the_settings_file_is_read_and_checked(dataset):
    assert dataset.settings.subject == "The Northport–Southbay ferry"
    assert dataset.settings.title == "The Northport–Southbay ferry, 2021"


def test_exports_carry_the_datasets_own_words(dataset):
    view = View(dataset)
    assert view.title().startswith("The Northport–Southbay ferry, 2021")
    document = json.loads(export(view, "json"))
    assert document["title"].startswith("The Northport–Southbay ferry")
    assert "The Harbour Times" in document["credit"]
    rows = list(csv.DictReader(io.StringIO(export(view, "csv").decode("utf-8"))))
    assert {row["id"] for row in rows} == set(dataset.events["id"])


def test_the_dashboard_shows_the_datasets_own_words(monkeypatch):
    monkeypatch.setenv("TIMELINE_DATA", str(SECOND))
    st.cache_data.clear()
    at = dashboard_app().run()
    assert not at.exception
    # Data text reaches Markdown escaped: the title is shown as typed.
    assert [t.value for t in at.title] == [markdown("The Northport–Southbay ferry, 2021")]
    texts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    assert any("winter pause" in text for text in texts)
    assert not [text for text in texts if "North Korea" in text or "Russia" in text]
    assert f"Showing {len(timeline.load_events(SECOND))} of" in " ".join(texts)


def _real_dataset_words() -> set[str]:
    """The real dataset's own words: its subject and the labels of its actors and places."""
    settings = yaml.safe_load((REPO_ROOT / "data" / "timeline.yaml").read_text(encoding="utf-8"))
    vocab = yaml.safe_load((REPO_ROOT / "data" / "vocabularies.yaml").read_text(encoding="utf-8"))
    labels = {entry["label"] for section in ("actors", "places") for entry in vocab[section]}
    return {settings["subject"], *labels}


def _string_constants(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


@pytest.mark.parametrize("word", sorted(_real_dataset_words()))
def test_no_word_of_the_real_dataset_is_in_the_code(word):
    sources = [*(REPO_ROOT / "timeline").rglob("*.py"), *(REPO_ROOT / "views").glob("*.py")]
    found = [
        str(path.relative_to(REPO_ROOT))
        for path in [*sources, REPO_ROOT / "dashboard.py"]
        if any(word in text for text in _string_constants(path))
    ]
    assert found == []
