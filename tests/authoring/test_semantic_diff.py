"""The semantic diff: matched by id, renames found, layout ignored; the ``diff`` command."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from timeline.authoring.fmt import canonical_text
from timeline.authoring.semantic_diff import diff_events, events_from_text
from timeline.cli import main
from timeline.problems import DataError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OLD = FIXTURES / "diff" / "old.yaml"
NEW = FIXTURES / "diff" / "new.yaml"


def events_of(path: Path) -> list[dict]:
    return events_from_text(path.read_text("utf-8"), str(path))


@pytest.fixture(scope="module")
def fixture_diff():
    return diff_events(events_of(OLD), events_of(NEW), "old", "new")


def changes_of(change) -> dict[str, tuple]:
    return {c.field: (c.old, c.new) for c in change.changes}


def test_added_and_removed_events(fixture_diff):
    assert [e["id"] for e in fixture_diff.added] == ["added-event"]
    assert [e["id"] for e in fixture_diff.removed] == ["removed-event"]


def test_renames_with_the_same_or_nearly_the_same_content(fixture_diff):
    renamed = {c.old_id: c for c in fixture_diff.renamed}
    assert {old: c.id for old, c in renamed.items()} == {
        "old-name": "new-name",
        "nearly-old-name": "nearly-new-name",
    }
    assert renamed["old-name"].changes == []
    assert changes_of(renamed["nearly-old-name"]) == {
        "title": ("An event renamed and touched up", "An event renamed and touched")
    }


def test_changed_event_field_by_field(fixture_diff):
    [change] = fixture_diff.changed
    assert change.id == "changed-event"
    fields = {c.field: c for c in change.changes}
    assert list(fields) == [
        "date",
        "date_basis",
        "summary",
        "actors",
        "status",
        "figures",
        "sources",
    ]
    assert (fields["date"].old, fields["date"].new) == ("2024-10", "2024-10-08")
    assert (fields["status"].old, fields["status"].new) == ("reported", "confirmed")
    assert fields["actors"].added == ["ukraine"] and fields["actors"].removed == []
    assert [f["value"] for f in fields["figures"].removed] == [1500]
    assert [f["value"] for f in fields["figures"].added] == [3000]
    assert fields["sources"].removed == [
        {"file": "001_x.txt", "quote": "The troops arrived this month."}
    ]
    assert fields["sources"].added == [
        {"file": "001_x.txt", "quote": "The troops arrived on Tuesday."}
    ]


def test_order_defaults_and_quoting_are_not_changes(fixture_diff):
    # unchanged-event moved, gained `key: false`, an unquoted date and reordered citation keys.
    ids = {c.id for c in fixture_diff.changed} | {c.id for c in fixture_diff.renamed}
    assert "unchanged-event" not in ids


def test_a_file_and_its_canonical_form_have_no_differences(repo_root):
    text = (repo_root / "data" / "events.yaml").read_text("utf-8")
    canonical = canonical_text(text, "events.yaml")
    diff = diff_events(events_from_text(text, "a"), events_from_text(canonical, "b"))
    assert diff.is_empty


def test_an_id_reused_for_different_content_is_a_change_not_a_rename():
    old = [{"id": "a", "date": "2024", "title": "One"}]
    new = [{"id": "a", "date": "2023", "title": "Another"}]
    diff = diff_events(old, new)
    assert diff.renamed == [] and [c.id for c in diff.changed] == ["a"]


def test_unrelated_events_are_not_taken_for_renames():
    old = [{"id": "a", "date": "2024-01", "title": "Troops", "summary": "Soldiers arrive."}]
    new = [{"id": "b", "date": "2022-09", "title": "Sanctions", "summary": "New rules apply."}]
    diff = diff_events(old, new)
    assert diff.renamed == [] and len(diff.added) == len(diff.removed) == 1


def test_reading_a_file_that_is_not_an_events_file_is_a_located_problem():
    with pytest.raises(DataError) as raised:
        events_from_text("sources: []\n", "x.yaml")
    assert [(p.line, p.rule) for p in raised.value.problems] == [(1, "wrong-type")]
    with pytest.raises(DataError) as raised:
        events_from_text("events: [\n", "x.yaml")
    assert raised.value.problems[0].rule == "yaml-syntax"


# -- the command ----------------------------------------------------------------------------


def test_diff_command_formats(capsys):
    assert main(["diff", str(OLD), str(NEW)]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0] == (f"{OLD} -> {NEW}: 1 added, 1 removed, 2 renamed, 1 changed")
    assert "renamed  old-name -> new-name\n" in text
    assert "  date: '2024-10' -> '2024-10-08'\n" in text

    assert main(["diff", "--format", "json", str(OLD), str(NEW)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {"added": 1, "removed": 1, "renamed": 2, "changed": 1}
    assert data["changed"][0]["changes"][0] == {
        "field": "date", "old": "2024-10", "new": "2024-10-08", "added": [], "removed": []
    }  # fmt: skip

    assert main(["diff", "--format", "markdown", str(OLD), str(NEW)]) == 0
    assert capsys.readouterr().out.startswith(
        "### Timeline events: 1 added, 1 removed, 2 renamed, 1 changed\n"
    )


def test_exit_code_option(capsys):
    assert main(["diff", "--exit-code", str(OLD), str(NEW)]) == 1
    assert main(["diff", "--exit-code", str(OLD), str(OLD)]) == 0
    assert capsys.readouterr().out.endswith(": no changes to the events\n")


@pytest.mark.parametrize(
    "argv", [["diff"], ["diff", "one.yaml"], ["diff", "--git", "HEAD", "a.yaml", "b.yaml"]]
)
def test_wrong_arguments_are_a_usage_error(argv, capsys):
    assert main(argv) == 2
    assert "usage: python -m timeline diff" in capsys.readouterr().err


def test_a_missing_file_is_reported(tmp_path, capsys):
    assert main(["diff", str(OLD), str(tmp_path / "nope.yaml")]) == 1
    assert "(unreadable-file)" in capsys.readouterr().out


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A git repository whose data/events.yaml is OLD at HEAD and NEW in the working tree."""
    (tmp_path / "data").mkdir()
    shutil.copy(OLD, tmp_path / "data" / "events.yaml")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "data/events.yaml")
    git(tmp_path, "commit", "-q", "-m", "old")
    shutil.copy(NEW, tmp_path / "data" / "events.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_git_revision_against_the_working_tree(repo, capsys):
    assert main(["diff", "--git", "HEAD", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {"added": 1, "removed": 1, "renamed": 2, "changed": 1}
    assert (data["old_label"], data["new_label"]) == (
        "HEAD:data/events.yaml",
        "data/events.yaml (working tree)",
    )


def test_git_path_is_relative_to_where_the_command_runs(repo, monkeypatch, capsys):
    monkeypatch.chdir(repo / "data")
    assert main(["diff", "--git", "HEAD", "events.yaml"]) == 0
    assert ": 1 added, 1 removed, 2 renamed, 1 changed" in capsys.readouterr().out


def test_git_file_new_since_the_revision_is_all_added(repo, capsys):
    shutil.copy(NEW, repo / "data" / "more.yaml")
    assert main(["diff", "--git", "HEAD", "data/more.yaml", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["added"] == 5


def test_git_unknown_revision_is_reported(repo, capsys):
    assert main(["diff", "--git", "no-such-branch"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("data/events.yaml:1:1: [error] git cannot read revision 'no-such-branch'")


def test_diff_has_help(capsys):
    assert main(["diff", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m timeline diff")
    assert "--git REV" in out and "--format {text,markdown,json}" in out
