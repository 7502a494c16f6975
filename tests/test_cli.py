import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from checker_cases import EVENTS, INVALID, build

from timeline import cli
from timeline.cli import COMMANDS, build_parser, main

REPO_ROOT = Path(__file__).resolve().parent.parent
VALID_EVENTS = "tests/fixtures/valid/data/events.yaml"


@pytest.fixture
def in_repo(monkeypatch):
    monkeypatch.chdir(REPO_ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def case(tmp_path, monkeypatch):
    """Run from a copy of the valid set with one invalid case applied."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def make(name):
        root = build(INVALID / name if name else None, tmp_path / "case")
        monkeypatch.chdir(root)

    return make


def test_check_passes_with_a_one_line_summary(in_repo, capsys):
    assert main(["check", VALID_EVENTS]) == 0
    assert capsys.readouterr().out == (
        f"{VALID_EVENTS}: 3 events, 6 citations, 2 sources: no errors, no warnings\n"
    )


def test_warnings_are_printed_above_the_summary_and_do_not_fail(case, capsys):
    case("single-source.yaml")
    assert main(["check"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        (
            "data/events.yaml:23:5: [warning] event 'ferry-record-week' rests on one seed only "
            "(001_harbour.txt): cite another seed that reports it, if there is one; if that is "
            "intended, silence with --ignore single-source (single-source)"
        ),
        "data/events.yaml: 2 events, 3 citations, 2 sources: no errors, 1 warning",
    ]


@pytest.mark.parametrize("options", [["--errors-only"], ["--ignore", "single-source"]])
def test_warnings_can_be_hidden_and_the_summary_says_so(case, capsys, options):
    case("single-source.yaml")
    assert main(["check", *options]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "data/events.yaml: 2 events, 3 citations, 2 sources: no errors, 1 warning (1 not shown)"
    ]


def test_errors_are_shown_with_errors_only_and_cannot_be_ignored(case, capsys):
    case("alias.yaml")
    assert main(["check", "--errors-only", "--ignore", "single-source"]) == 1
    assert [line.rsplit(" ", 1)[-1] for line in capsys.readouterr().out.splitlines()] == [
        "(anchor)",
        "(alias)",
        "warnings",
    ]
    assert main(["check", "--ignore", "alias"]) == 2
    assert "invalid choice: 'alias'" in capsys.readouterr().err


def test_errors_fail_with_one_sorted_line_each(case, capsys):
    case("alias.yaml")
    assert main(["check", EVENTS, "--seeds", "seeds"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        (
            "data/events.yaml:8:15: [error] anchor &kind: remove it and write values out in full "
            "(anchor)"
        ),
        "data/events.yaml:20:15: [error] alias *kind: write the value out in full instead (alias)",
        "data/events.yaml: 2 events, 4 citations, 2 sources: 2 errors, no warnings",
    ]


def test_github_format(case, capsys):
    case("quote-too-short.yaml")
    assert main(["check", "--format", "github"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        (
            "::error file=data/events.yaml,line=14,col=16,title=quote-too-short::quote has 2 words "
            "(8 characters): quote at least 4 words and 20 characters, enough to show what supports "
            "the event"
        ),
        "data/events.yaml: 1 event, 2 citations, 2 sources: 1 error, no warnings",
    ]


def test_github_format_is_the_default_on_github_actions(case, capsys, monkeypatch):
    case("quote-too-short.yaml")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["check"]) == 1
    assert capsys.readouterr().out.startswith("::error file=data/events.yaml,line=14,")


def test_json_format_is_only_the_list(case, capsys):
    case("missing-field.yaml")
    assert main(["check", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == [
        {
            "path": "data/events.yaml",
            "line": 3,
            "col": 5,
            "level": "error",
            "message": "missing required field 'title': add it",
            "rule": "missing-field",
        }
    ]


def test_json_format_of_clean_data_is_an_empty_list(in_repo, capsys):
    assert main(["check", VALID_EVENTS, "--format", "json"]) == 0
    assert capsys.readouterr().out == "[]\n"


def test_a_missing_events_file_is_a_problem_not_a_traceback(in_repo, capsys):
    assert main(["check", "nope/events.yaml", "--seeds", "tests/fixtures/valid/seeds"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "nope/events.yaml:1:1: [error] cannot read nope/events.yaml: No such file or directory "
        "(unreadable-file)"
    )


def test_a_missing_events_file_is_the_only_problem_reported(in_repo, capsys):
    # Not also "cannot read vocabularies.yaml": the path is wrong, not the files beside it.
    assert main(["check", "nonexist.yaml"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        (
            "nonexist.yaml:1:1: [error] cannot read nonexist.yaml: No such file or directory "
            "(unreadable-file)"
        ),
        "nonexist.yaml: 0 events, 0 citations, 0 sources: 1 error, no warnings",
    ]


def test_the_summary_counts_what_was_read_when_there_are_errors(case, capsys):
    case("missing-field.yaml")  # its one event lacks a title, so it is not valid
    assert main(["check"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "data/events.yaml: 1 event, 2 citations, 2 sources: 1 error, no warnings"
    )


@pytest.mark.parametrize(
    "argv",
    [[], ["nonsense"], ["check", "--format", "xml"], ["check", "a.yaml", "b.yaml"]],
)
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert "usage: python -m timeline" in capsys.readouterr().err


def test_an_internal_error_is_one_line_and_exit_3(in_repo, capsys, monkeypatch):
    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr("timeline.commands.check.run_checks", broken)
    monkeypatch.delenv("TIMELINE_DEBUG", raising=False)
    assert main(["check", VALID_EVENTS]) == 3
    assert capsys.readouterr().err == (
        "python -m timeline check: internal error: RuntimeError: boom (a bug: please report it; "
        "TIMELINE_DEBUG=1 shows the traceback)\n"
    )


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_module_is_registered_and_has_help():
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in action._choices_actions}
    assert len(helps) == len(COMMANDS)
    for name, text in helps.items():
        assert text, f"{name} has no one-line help"


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_command_prints_its_help(name, capsys):
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: python -m timeline {name}")
    parser = _subcommands()[name]
    assert parser.description, f"{name} has no description"
    for action in parser._actions:
        assert action.help, f"{name} {action.option_strings or action.dest} has no help"


def test_top_level_help_lists_the_commands(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in _subcommands():
        assert re.search(rf"^\s+{name}\s+\S", out, re.MULTILINE), name


def test_schema_check_passes_on_the_committed_schemas(in_repo, capsys):
    assert main(["schema", "--check"]) == 0
    assert capsys.readouterr().out == "schema: 4 schemas up to date\n"


def test_schema_write_and_check_a_folder(in_repo, tmp_path, capsys):
    target = tmp_path / "schema"
    assert main(["schema", "--check", "--dir", str(target)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{target.as_posix()}/events.schema.json is stale: run python -m timeline schema "
        "--write and commit it"
    )
    assert main(["schema", "--write", "--dir", str(target)]) == 0
    assert sorted(p.name for p in target.iterdir()) == [
        "events.schema.json",
        "sources.schema.json",
        "timeline.schema.json",
        "vocabularies.schema.json",
    ]
    assert main(["schema", "--check", "--dir", str(target)]) == 0


def test_schema_prints_the_events_schema(in_repo, capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Timeline events"


def test_schema_reports_a_broken_vocabulary_file(in_repo, tmp_path, capsys):
    broken = tmp_path / "vocabularies.yaml"
    broken.write_text("categories: [\n", encoding="utf-8")
    assert main(["schema", "--vocabularies", str(broken)]) == 1
    assert "(yaml-syntax)" in capsys.readouterr().out


def test_python_dash_m_timeline_checks_the_real_data():
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "check"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO_ROOT)},
        check=False,
    )
    assert done.stderr == ""
    assert done.returncode == 0, done.stdout
    assert re.fullmatch(
        r"data/events\.yaml: \d+ events, \d+ citations, 5 sources: no errors, "
        r"(no|\d+) warnings?",
        done.stdout.splitlines()[-1],
    )


def test_python_dash_m_timeline_on_broken_yaml_has_no_traceback(tmp_path):
    build(INVALID / "yaml-syntax.yaml", tmp_path / "case")
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "check"],
        cwd=tmp_path / "case",
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO_ROOT)},
        check=False,
    )
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines()[0].startswith("data/events.yaml:5:12: [error] the quote")


def test_cli_keeps_a_plain_list_of_command_modules():
    assert all(hasattr(cli.command_module(name), "register") for name in cli.COMMANDS)


def test_a_named_command_imports_its_own_module_alone(fresh_python):
    code = (
        "import sys; from timeline.cli import main; main(['fmt', '--help'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('timeline.commands.', 'pandas'))))"
    )
    assert fresh_python(code) == "['timeline.commands.fmt']"
