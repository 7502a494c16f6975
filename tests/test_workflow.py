"""The CI workflow and the pre-commit hooks: valid, and calling only what exists here.

GitHub Actions cannot run here, so these tests read the files the way the runners would and
ask the project itself about every command they call: the CLI's parser for
``python -m timeline ...``, the Makefile for ``make <target>``, the importer for ``python -m``.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from timeline.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
# Where a command ends in a shell line.
_SHELL_OPERATOR = re.compile(r"\s(?:[|;<>]|&&|\|\||\d?>>?)\s?")


def load(path: Path) -> dict:
    # ruamel reads YAML 1.2, as GitHub does: `on:` stays a string key, not True.
    return YAML(typ="safe", pure=True).load(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def workflow() -> dict:
    return load(WORKFLOW)


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def run_lines(workflow: dict) -> list[str]:
    return [
        line.strip()
        for step in steps(workflow)
        for line in str(step.get("run", "")).splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def commands(lines: list[str], prefix: str) -> list[list[str]]:
    """The arguments after ``prefix`` in each line that calls it, up to any shell operator."""
    found = []
    for line in lines:
        for match in re.finditer(re.escape(prefix) + r"(?=\s|$)", line):
            rest = _SHELL_OPERATOR.split(line[match.end() :], maxsplit=1)[0]
            found.append(shlex.split(rest))
    return found


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text("utf-8")
    return set(re.findall(r"^([A-Za-z0-9_.-]+)\s*:(?!=)", text, re.MULTILINE))


def test_workflow_runs_on_pull_requests_with_the_full_history(workflow):
    assert "pull_request" in workflow["on"]
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest"
        checkout = job["steps"][0]
        assert checkout["uses"] == "actions/checkout@v4"
        assert checkout["with"]["fetch-depth"] == 0  # the base branch, for diff --git
        python = job["steps"][1]
        assert python["uses"] == "actions/setup-python@v5"
        assert python["with"]["python-version"] == "3.11"  # a string: 3.10 would read 3.1


def test_every_step_either_runs_or_uses_a_pinned_action(workflow):
    for step in steps(workflow):
        assert ("run" in step) != ("uses" in step), step
        if "uses" in step:
            assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]


def test_workflow_runs_check_fmt_tests_and_posts_the_diff(workflow):
    lines = run_lines(workflow)
    called = [args for args in commands(lines, "python -m timeline")]
    assert ["check", "--format", "github"] in called
    assert ["fmt", "--check"] in called
    [diff] = [args for args in called if args[0] == "diff"]
    assert diff[:3] == ["diff", "--git", "origin/$BASE_REF"] and "markdown" in diff
    assert "pip install -r requirements.txt" in " ".join(lines)
    assert ["browser"] in commands(lines, "make") and ["pytest", "PY=python"] in commands(
        lines, "make"
    )
    diff_job = workflow["jobs"]["data-diff"]
    assert diff_job["permissions"]["pull-requests"] == "write"
    assert diff_job["steps"][3]["env"]["BASE_REF"] == "${{ github.base_ref }}"
    comment = diff_job["steps"][-1]
    assert comment["uses"].startswith("actions/github-script@")
    assert "createComment" in comment["with"]["script"]
    assert "readFileSync('data-diff.md'" in comment["with"]["script"]
    assert "> data-diff.md" in diff_job["steps"][3]["run"]


def test_every_timeline_command_the_workflow_calls_exists(workflow):
    parser = build_parser()
    called = commands(run_lines(workflow), "python -m timeline")
    assert len(called) == 3
    for args in called:
        parser.parse_args(args)  # exits (fails the test) on an unknown command or option


def test_every_make_target_the_workflow_calls_exists(workflow):
    targets = makefile_targets()
    called = commands(run_lines(workflow), "make")
    assert called
    for args in called:
        assert args[0] in targets, f"make {args[0]}: no such target in the Makefile"


def test_every_python_module_the_workflow_runs_is_installed(workflow):
    modules = [args[0] for args in commands(run_lines(workflow), "python -m")]
    assert {"timeline", "pip", "ruff"} <= set(modules)
    for module in modules:
        assert importlib.util.find_spec(module) is not None, module


def test_pre_commit_runs_ruff_at_the_pinned_version_and_the_data_checks():
    config = load(PRE_COMMIT)
    [ruff, local] = config["repos"]
    assert ruff["repo"] == "https://github.com/astral-sh/ruff-pre-commit"
    pinned = re.search(r"^ruff==(\S+)$", (ROOT / "requirements.txt").read_text(), re.MULTILINE)
    assert ruff["rev"] == f"v{pinned.group(1)}"
    assert [hook["id"] for hook in ruff["hooks"]] == ["ruff-check", "ruff-format"]
    assert local["repo"] == "local"
    parser = build_parser()
    entries = []
    for hook in local["hooks"]:
        assert hook["language"] == "system" and hook["pass_filenames"] is False
        re.compile(hook["files"])
        [args] = commands([hook["entry"]], "python -m timeline")
        parser.parse_args(args)
        entries.append(args)
    assert entries == [["check"], ["fmt", "--check"]]


def test_contributing_worked_example_passes_check_and_is_canonical(tmp_path, capsys):
    from timeline.cli import main

    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    [example] = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "events.yaml").write_text("events:\n" + example, "utf-8")
    (tmp_path / "data" / "vocabularies.yaml").write_bytes(
        (ROOT / "data" / "vocabularies.yaml").read_bytes()
    )
    (tmp_path / "seeds").mkdir()
    for seed in (ROOT / "seeds").iterdir():
        (tmp_path / "seeds" / seed.name).write_bytes(seed.read_bytes())
    events = str(tmp_path / "data" / "events.yaml")
    assert main(["check", events]) == 0, capsys.readouterr().out
    assert main(["fmt", "--check", events]) == 0, capsys.readouterr().out


def test_every_timeline_command_in_contributing_exists():
    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    # In a code span up to its closing backtick, in a code block up to the comment.
    called = re.findall(r"python -m timeline ([^`#\n]*)", text)
    assert len(called) >= 5
    parser = build_parser()
    for args in called:
        parser.parse_args(shlex.split(args))


def test_pull_request_template_asks_for_sources_and_date_derivation():
    text = (ROOT / ".github" / "pull_request_template.md").read_text("utf-8")
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings == [
        "What this changes",
        "Sources used",
        "How the dates were derived",
        "Checklist",
    ]
    assert text.count("- [ ] ") >= 5


@pytest.mark.parametrize("name", ["correction.md", "new-source.md"])
def test_issue_templates_have_front_matter(name):
    text = (ROOT / ".github" / "ISSUE_TEMPLATE" / name).read_text("utf-8")
    front_matter = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert front_matter, name
    fields = YAML(typ="safe", pure=True).load(front_matter.group(1))
    assert {"name", "about", "title", "labels"} <= set(fields)
