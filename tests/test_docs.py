"""The README stays true: its commands, options, URL parameters and module tree exist."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from timeline.cli import build_parser
from timeline.view import filters

REPO_ROOT = Path(__file__).resolve().parent.parent
README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
COMMAND = re.compile(r"python -m timeline ([a-z]+)")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*")
# Options the README names for other programs than `python -m timeline`.
NOT_OURS = {
    "--repeat",  # benchmarks/bench_export.py
    "--geometry",  # benchmarks/bench_export.py
    "--cases",  # benchmarks/fuzz_checker.py
    "--rounds",  # benchmarks/bench_concurrency.py, bench_first_chart.py
    "--sizes",  # benchmarks/bench_first_chart.py
    "--last-rounds",  # benchmarks/bench_first_chart.py
    "--timeout",  # benchmarks/bench_first_chart.py
    "--root",  # benchmarks/bench_first_chart.py, bench_concurrency.py, bench_fmt.py
    "--screenshots",  # benchmarks/measure_first_sight.py
    "--events",  # benchmarks/bench_fmt.py
    "--browsers",  # benchmarks/bench_concurrency.py
    "--runs",  # benchmarks/bench_fmt.py
}


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def options_of(parser: argparse.ArgumentParser) -> dict[str, str | None]:
    return {name: action.help for action in parser._actions for name in action.option_strings}


def test_every_command_has_help_text():
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in action._choices_actions}
    for name, sub in subcommands().items():
        assert helps.get(name) and sub.description, name
        for option, text in options_of(sub).items():
            assert text, f"{name} {option} has no help text"


def test_every_command_named_in_the_readme_exists():
    named = set(COMMAND.findall(README)) - {"COMMAND"}
    assert named and named <= set(subcommands())


def test_every_option_named_with_a_command_is_one_of_its_options():
    commands = subcommands()
    for line in README.splitlines():
        for name in COMMAND.findall(line):
            if name == "COMMAND":
                continue
            unknown = set(OPTION.findall(line)) - set(options_of(commands[name])) - NOT_OURS
            assert not unknown, f"python -m timeline {name}: {sorted(unknown)} in: {line}"


def test_every_option_in_the_readme_belongs_to_some_command():
    known = {option for sub in subcommands().values() for option in options_of(sub)}
    assert set(OPTION.findall(README)) - known - NOT_OURS == set()


def test_every_url_parameter_in_the_readme_is_accepted():
    table = README.split("| parameter | meaning |", 1)[1].split("\n\n", 1)[0]
    named = {
        name
        for row in table.splitlines()[2:]
        for name in re.findall(r"`([a-z_]+)`", row.split("|")[1])
    }
    assert named, "the README's URL parameter table is missing"
    assert named <= set(filters.PARAMS) | filters.FOREIGN_PARAMS
    # ... and the parser takes each of them.
    accepted = set(filters.PARAMS) | {"view"}
    assert named <= accepted


def module_tree() -> set[str]:
    """The files of the README's tree (the code block under "How the code is organised")."""
    section = README.split("## How the code is organised", 1)[1]
    block = section.split("```\n", 2)[1]
    paths, folders = set(), []
    for line in block.splitlines():
        name = line.split()[0] if line.strip() else ""
        depth = (len(line) - len(line.lstrip(" "))) // 2
        folders = folders[:depth]
        if name.endswith("/"):
            folders.append(name.rstrip("/"))
        elif name.endswith(".py"):
            paths.add("/".join([*folders, name]))
    return paths


def test_the_readme_module_tree_is_the_code_on_disk():
    on_disk = {
        path.relative_to(REPO_ROOT).as_posix()
        for folder in ("timeline", "views")
        for path in (REPO_ROOT / folder).rglob("*.py")
    } | {"dashboard.py"}
    assert module_tree() == on_disk


@pytest.mark.parametrize("param", filters.PARAMS)
def test_every_url_parameter_is_documented(param):
    assert f"`{param}`" in README
