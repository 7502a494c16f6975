"""The repository set-up: pinned requirements, the Makefile, .ci/run and the ruff config."""

import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

PINNED = re.compile(
    r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(\[[A-Za-z0-9,._-]+\])?==(?P<version>\S+)$"
)
DIRECT_DEPENDENCIES = {
    "streamlit",
    "pandas",
    "plotly",
    "pyyaml",
    "pydantic",
    "ruamel.yaml",
    "kaleido",
    "pytest",
    "playwright",
    "ruff",
}

needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="GNU make is not installed")


def requirement_lines(repo_root: Path) -> list[str]:
    text = (repo_root / "requirements.txt").read_text(encoding="utf-8")
    lines = (line.split(" #")[0].strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def make(repo_root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(repo_root), *args],
        check=False,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_every_requirement_is_pinned_with_double_equals(repo_root):
    unpinned = [line for line in requirement_lines(repo_root) if not PINNED.match(line)]
    assert unpinned == []


def test_requirements_name_each_direct_dependency_once(repo_root):
    names = [PINNED.match(line)["name"].lower() for line in requirement_lines(repo_root)]
    assert len(names) == len(set(names))
    assert set(names) >= DIRECT_DEPENDENCIES


def test_installed_versions_match_their_pins(repo_root):
    pinned = [PINNED.match(line) for line in requirement_lines(repo_root)]
    mismatches = {
        pin["name"]: (pin["version"], importlib.metadata.version(pin["name"]))
        for pin in pinned
        if pin and importlib.metadata.version(pin["name"]) != pin["version"]
    }
    assert mismatches == {}


def test_ci_run_is_executable_strict_bash_that_lints_then_tests(repo_root):
    script = repo_root / ".ci" / "run"
    lines = script.read_text(encoding="utf-8").splitlines()
    assert os.access(script, os.X_OK)
    assert lines[0] == "#!/usr/bin/env bash"
    assert "set -euo pipefail" in lines
    assert "make lint test" in lines  # lint (ruff, mypy) first, then the set-up and the suite
    syntax = subprocess.run(["bash", "-n", str(script)], check=False, capture_output=True)
    assert syntax.returncode == 0, syntax.stderr


def test_gitignore_keeps_the_venv_and_generated_output_out(repo_root):
    ignored = (repo_root / ".gitignore").read_text(encoding="utf-8").splitlines()
    for entry in [".venv/", "__pycache__/", ".pytest_cache/", ".ruff_cache/", "artifacts/"]:
        assert entry in ignored


@pytest.mark.parametrize(
    ("test_source", "expected_status"),
    [
        (None, 1),  # no tests collected: pytest exits 5, make must fail
        ("def test_passes():\n    assert 1 + 1 == 2\n", 0),
        ("def test_fails():\n    assert 1 + 1 == 3\n", 1),
    ],
    ids=["no-tests", "passing", "failing"],
)
@needs_make
def test_make_pytest_fails_when_no_tests_are_collected(
    repo_root, tmp_path, test_source, expected_status
):
    if test_source is not None:
        (tmp_path / "test_probe.py").write_text(test_source, encoding="utf-8")
    args = f"{tmp_path} -p no:cacheprovider"
    result = make(repo_root, "pytest", f"PY={sys.executable}", f"PYTEST_ARGS={args}")
    assert (result.returncode != 0) == bool(expected_status), result.stdout + result.stderr
    no_tests_message = "pytest collected no tests" in result.stderr
    assert no_tests_message == (test_source is None)


def completed_setup(venv: Path, requirements: Path) -> None:
    """Leave behind what a finished `make setup` does: a venv python and the content's stamp."""
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)
    content_hash = hashlib.sha256(requirements.read_bytes()).hexdigest()[:16]
    (venv / f".installed-{content_hash}").touch()


def planned_setup(repo_root: Path, venv: Path, requirements: Path) -> str:
    options = [f"VENV={venv}", f"REQUIREMENTS={requirements}"]
    result = make(repo_root, "--dry-run", "setup", *options)
    assert result.returncode == 0, result.stderr
    return result.stdout


@needs_make
def test_make_setup_reinstalls_only_when_requirements_change(repo_root, tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("pytest==9.2.0\n", encoding="utf-8")
    venv = tmp_path / "venv"
    fresh = planned_setup(repo_root, venv, requirements)
    assert "-m venv" in fresh
    assert "pip install" in fresh

    completed_setup(venv, requirements)
    assert "pip install" not in planned_setup(repo_root, venv, requirements)

    requirements.write_text("pytest==9.2.0\nruff==0.17.6\n", encoding="utf-8")
    edited = planned_setup(repo_root, venv, requirements)
    assert "pip install" in edited
    assert "-m venv" not in edited


@needs_make
def test_make_setup_rebuilds_a_venv_whose_interpreter_is_gone(repo_root, tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("pytest==9.2.0\n", encoding="utf-8")
    venv = tmp_path / "venv"
    completed_setup(venv, requirements)
    (venv / "bin" / "python").unlink()
    (venv / "bin" / "python").symlink_to(tmp_path / "removed-interpreter")

    planned = planned_setup(repo_root, venv, requirements)
    assert "-m venv --clear" in planned
    assert "pip install" in planned


RUFF_CHECK = [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "json"]


def ruff_codes(repo_root: Path, source: str, filename: str) -> set[str]:
    result = subprocess.run(
        [*RUFF_CHECK, "--stdin-filename", filename, "-"],
        check=False,
        input=source,
        capture_output=True,
        text=True,
        cwd=repo_root,
    )
    assert result.returncode in (0, 1), result.stderr
    return {violation["code"] for violation in json.loads(result.stdout)}


STREAMLIT_IMPORTS = [
    "import streamlit as st\n\nprint(st)\n",
    "from streamlit import cache_data\n\nprint(cache_data)\n",
    "import streamlit.components.v1 as components\n\nprint(components)\n",
]


@pytest.mark.parametrize("source", STREAMLIT_IMPORTS)
@pytest.mark.parametrize("filename", ["timeline/loader.py", "timeline/sub/charts.py"])
def test_ruff_bans_streamlit_inside_the_timeline_package(repo_root, source, filename):
    assert "TID251" in ruff_codes(repo_root, source, filename)


@pytest.mark.parametrize("source", STREAMLIT_IMPORTS)
@pytest.mark.parametrize(
    "filename", ["dashboard.py", "views/map.py", "tests/views/test_dashboard.py"]
)
def test_ruff_allows_streamlit_in_the_view_and_tests(repo_root, source, filename):
    assert "TID251" not in ruff_codes(repo_root, source, filename)


def test_pyproject_sets_style_and_test_settings(repo_root):
    config = tomllib.loads((repo_root / "pyproject.toml").read_text(encoding="utf-8"))
    ruff = config["tool"]["ruff"]
    assert (ruff["line-length"], ruff["target-version"]) == (100, "py311")
    assert {"I", "B", "UP", "SIM", "RUF"} <= set(ruff["lint"]["extend-select"])
    pytest_config = config["tool"]["pytest"]
    assert pytest_config["testpaths"] == ["tests"]
    assert "-ra" in pytest_config["addopts"]
    marker_names = {marker.split(":")[0] for marker in pytest_config["markers"]}
    assert {"browser", "slow"} <= marker_names
