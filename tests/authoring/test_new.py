"""The new-event skeleton: filled in, it passes ``check``; appended, the file is kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline.authoring.skeleton import append_skeleton, skeleton
from timeline.checks.placeholders import PLACEHOLDER
from timeline.checks.yaml_syntax import parse_yaml
from timeline.cli import main

SEED_TEXT = (
    "Test Gazette, 20 June 2024.\n"
    "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a treaty on "
    "19 June 2024 in Pyongyang.\n"
)
CATALOGUE = """\
sources:
  - file: 001_test.txt
    short_name: Test Gazette
    title: A test article
    publisher: Test Gazette
    publisher_basis: The first line names it.
    published: "2024-06-20"
    published_basis: The first line dates it.
"""
# What a contributor writes in place of each placeholder.
FILLED = {
    "id": "treaty-signed-in-pyongyang",
    "date": "2024-06-19",
    "title": "Putin and Kim sign a treaty in Pyongyang",
    "summary": "Putin and Kim signed a treaty in Pyongyang, the test seed says.",
    "category": "treaty-and-diplomacy",
    "actor": "russia, north-korea",
    "status": "confirmed",
    "place": "pyongyang",
    "seed file": "001_test.txt",
    "quote": "Kim Jong Un signed a treaty on 19 June 2024 in Pyongyang.",
}


@pytest.fixture
def dataset(tmp_path, repo_root, monkeypatch) -> Path:
    """A minimal valid dataset: the real vocabularies, one tiny seed, no events yet."""
    (tmp_path / "data").mkdir()
    (tmp_path / "seeds").mkdir()
    shutil.copy(repo_root / "data" / "vocabularies.yaml", tmp_path / "data")
    (tmp_path / "seeds" / "001_test.txt").write_text(SEED_TEXT, "utf-8")
    (tmp_path / "seeds" / "sources.yaml").write_text(CATALOGUE, "utf-8")
    (tmp_path / "data" / "events.yaml").write_text("# Events.\nevents: []\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def fill(text: str) -> str:
    return PLACEHOLDER.sub(lambda match: FILLED[match.group(1)], text)


def test_the_empty_dataset_passes_check(dataset, capsys):
    assert main(["check"]) == 0, capsys.readouterr().out


def test_new_prints_a_skeleton_listing_the_vocabularies(dataset, capsys):
    assert main(["new"]) == 0
    out = capsys.readouterr().out
    assert set(PLACEHOLDER.findall(out)) == set(FILLED)
    vocabularies = parse_yaml((dataset / "data/vocabularies.yaml").read_text("utf-8"), "v").data
    for status in vocabularies["statuses"]:
        assert f"#   {status['id']}: " in out
    for section in ("categories", "actors", "places"):
        for entry in vocabularies[section]:
            assert entry["id"] in out
    assert "001_test.txt" in out
    assert all(len(line) <= 100 for line in out.splitlines())


def test_without_vocabularies_new_still_prints_a_skeleton(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["new"]) == 0
    captured = capsys.readouterr()
    assert set(PLACEHOLDER.findall(captured.out)) == set(FILLED)
    assert captured.err.startswith("note: cannot read data/vocabularies.yaml")


def test_the_skeleton_is_one_commented_event(dataset):
    text = "events:\n" + skeleton({}, [])
    [event] = parse_yaml(text, "x").data["events"]
    assert list(event) == [
        "id", "date", "title", "summary", "category", "actors", "status", "location", "sources"
    ]  # fmt: skip
    commented = [line.strip() for line in text.splitlines() if line.strip().startswith("# ")]
    for optional in ("end:", "window:", "date_basis:", "other_locations:", "key:", "figures:"):
        assert any(line.startswith(f"# {optional}") for line in commented), optional


def test_filled_in_skeleton_passes_check_and_fmt(dataset, capsys):
    assert main(["new", "--append"]) == 0
    assert capsys.readouterr().out.startswith("data/events.yaml: appended a new event skeleton")
    events = dataset / "data" / "events.yaml"
    assert main(["check"]) == 1  # the placeholders are not valid data
    capsys.readouterr()
    events.write_text(fill(events.read_text("utf-8")), "utf-8")
    assert main(["check"]) == 0, capsys.readouterr().out
    assert main(["fmt", "data/events.yaml"]) == 0
    capsys.readouterr()
    assert main(["check"]) == 0, capsys.readouterr().out
    assert main(["fmt", "--check", "data/events.yaml"]) == 0, capsys.readouterr().out


def test_append_keeps_the_file_and_adds_at_the_end_of_the_list(tmp_path, repo_root):
    original = (repo_root / "data" / "events.yaml").read_text("utf-8")
    text, line = append_skeleton(original + "# A comment at the very end.\n", "e.yaml", {}, [])
    assert text.startswith(original)
    assert text.endswith("# A comment at the very end.\n")
    assert text.splitlines()[line - 1].startswith("  # New event:")
    before = parse_yaml(original, "e").data["events"]
    after = parse_yaml(text, "e").data["events"]
    assert after[:-1] == before and after[-1]["id"] == "<<id>>"


@pytest.mark.parametrize(
    "text", ["events:\n", "events: []\n", "# c\nevents: []  # none yet\n", "events:\n- id: a\n"]
)
def test_append_to_an_empty_or_differently_indented_list(text):
    appended, _ = append_skeleton(text, "e.yaml", {}, [])
    events = parse_yaml(appended, "e").data["events"]
    assert events[-1]["id"] == "<<id>>"
    assert len(events) == text.count("- id") + 1


def test_append_refuses_what_it_cannot_do(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text("events: [{id: a}]\n", "utf-8")
    assert main(["new", "--append", str(path)]) == 1
    assert "cannot append to this events list" in capsys.readouterr().out
    assert path.read_text("utf-8") == "events: [{id: a}]\n"
    path.write_text("sources: []\n", "utf-8")
    assert main(["new", "--append", str(path)]) == 1
    assert "(wrong-type)" in capsys.readouterr().out


def test_new_has_help(capsys):
    assert main(["new", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m timeline new")
    assert "skeleton" in out and "--append [PATH]" in out
