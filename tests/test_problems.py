import json

import pytest

from timeline.problems import (
    RULES,
    DataError,
    Problem,
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


def test_warnings_alone_are_not_errors():
    assert not has_errors([WARNING]) and has_errors([WARNING, ERROR])


def test_data_error_carries_sorted_problems_and_prints_them():
    error = DataError([ERROR, OTHER_FILE])
    assert error.problems == [OTHER_FILE, ERROR]
    assert str(error) == f"{OTHER_FILE.text()}\n{ERROR.text()}"
    with pytest.raises(DataError):
        raise error


def test_rule_ids_are_kebab_case_and_described():
    for rule, description in RULES.items():
        assert rule == rule.lower() and " " not in rule and description
