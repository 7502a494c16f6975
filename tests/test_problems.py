import ast
import json
import re
from pathlib import Path

import pytest

from timeline.problems import (
    DataError,
    Problem,
    Rule,
    format_github,
    format_json,
    format_text,
    has_errors,
    sort_problems,
)

ERROR = Problem("data/events.yaml", 12, 5, "error", "unknown field 'tittle'", "unknown-field")
WARNING = Problem("data/events.yaml", 3, 7, "warning", "one seed only", "single-source")
OTHER_FILE = Problem("data/a.yaml", 40, 1, "error", "bad", "yaml-syntax")


def test_text_is_path_line_col_level_message_rule():
    assert ERROR.text() == ("data/events.yaml:12:5: [error] unknown field 'tittle' (unknown-field)")


def test_problems_sort_by_path_then_position():
    assert sort_problems([ERROR, WARNING, OTHER_FILE]) == [OTHER_FILE, WARNING, ERROR]
    assert format_text([ERROR, WARNING]).splitlines() == [WARNING.text(), ERROR.text()]


def test_github_annotations_escape_what_github_would_misread():
    problem = Problem("a,b:c.yaml", 2, 3, "warning", "50% done\nnext line", "rule")
    assert problem.github() == (
        "::warning file=a%2Cb%3Ac.yaml,line=2,col=3,title=rule::50%25 done%0Anext line"
    )
    assert format_github([ERROR]) == (
        "::error file=data/events.yaml,line=12,col=5,title=unknown-field::unknown field 'tittle'\n"
    )


def test_json_is_a_list_of_objects_in_order():
    assert json.loads(format_json([ERROR, WARNING])) == [
        {
            "path": "data/events.yaml",
            "line": 3,
            "col": 7,
            "level": "warning",
            "message": "one seed only",
            "rule": "single-source",
        },
        {
            "path": "data/events.yaml",
            "line": 12,
            "col": 5,
            "level": "error",
            "message": "unknown field 'tittle'",
            "rule": "unknown-field",
        },
    ]
    assert format_json([]) == "[]"


def test_the_same_problem_found_twice_is_listed_once():
    assert sort_problems([ERROR, WARNING, ERROR]) == [WARNING, ERROR]
    assert format_text([ERROR, ERROR]) == ERROR.text() + "\n"


def test_warnings_alone_are_not_errors():
    assert not has_errors([WARNING]) and has_errors([WARNING, ERROR])


def test_data_error_carries_sorted_problems_and_prints_them():
    error = DataError([ERROR, OTHER_FILE])
    assert error.problems == [OTHER_FILE, ERROR]
    assert str(error) == f"{OTHER_FILE.text()}\n{ERROR.text()}"
    with pytest.raises(DataError):
        raise error


def test_rule_ids_are_kebab_case_and_described():
    for rule, description in ((r.value, r.about) for r in Rule):
        assert rule == rule.lower() and " " not in rule and description


TIMELINE = Path(__file__).resolve().parent.parent / "timeline"
_RULE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_LEVELS = {"error", "warning"}
# What makes a Problem: the class itself, Problem.at, YamlDocument.problem, and the modules'
# helpers that take the rule id as an argument (``_problem``, ``fail``, ``report``, fmt's
# ``_Unsortable``).
_MAKERS = {"Problem", "at", "problem", "_problem", "fail", "report", "_Unsortable"}


def _texts_of(value: ast.AST) -> list[str]:
    """The text constants a value can be: itself, or either side of `"a" if x else "b"`."""
    if isinstance(value, ast.IfExp):
        return _texts_of(value.body) + _texts_of(value.orelse)
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return [value.value]
    return []


def _rule_ids_in(tree: ast.AST) -> set[str]:
    """Rule-id-like texts passed to a problem maker, or assigned to a variable named rule."""
    values: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in _MAKERS:
                values += [*node.args, *(k.value for k in node.keywords if k.arg == "rule")]
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id == "rule":
                    values.append(node.value)
                elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                    values += [
                        value
                        for part, value in zip(target.elts, node.value.elts, strict=False)
                        if isinstance(part, ast.Name) and part.id == "rule"
                    ]
    texts = {text for value in values for text in _texts_of(value)}
    return {text for text in texts if _RULE_ID.match(text)} - _LEVELS


def test_every_rule_id_used_in_the_code_is_in_rules():
    used = set()
    for path in sorted(TIMELINE.rglob("*.py")):
        used |= _rule_ids_in(ast.parse(path.read_text(encoding="utf-8")))
    assert used - set(Rule) == set()
    # The scan finds rules made every way (Problem(...), doc.problem, fail, _Unsortable, a rule
    # chosen by `if`, `rule, message = ...`): no Rule is left unfound.
    assert set(Rule) - used == set()
