from timeline.checks.placeholders import with_placeholder_problems
from timeline.checks.yaml_syntax import parse_yaml
from timeline.problems import Problem

EVENTS = """\
events:
  - id: "<<id>>"
    title: A title
    figures:
      - note: "see <<note: what the figure leaves out>>"
    sources:
      - file: 001_a.txt
        quote: "<<quote>>"
"""


def test_every_placeholder_of_an_event_is_found_where_it_is():
    doc = parse_yaml(EVENTS, "e.yaml")
    found = with_placeholder_problems([], doc, doc.data["events"])
    assert [(p.line, p.col, p.rule) for p in found] == [
        (2, 9, "placeholder"),
        (5, 15, "placeholder"),
        (8, 16, "placeholder"),
    ]
    assert found[1].message == (
        "placeholder <<note>> from the new-event skeleton is still here: replace it with the note"
    )


def test_a_placeholder_replaces_the_problems_its_field_has_because_of_it():
    doc = parse_yaml(EVENTS, "e.yaml")
    at_id = Problem("e.yaml", 2, 9, "error", "id '<<id>>' must be kebab-case", "invalid-value")
    elsewhere = Problem("e.yaml", 3, 12, "error", "something else", "invalid-value")
    problems = with_placeholder_problems([at_id, elsewhere], doc, doc.data["events"])
    assert at_id not in problems and elsewhere in problems
    assert [p.rule for p in problems].count("placeholder") == 3


def test_text_without_placeholders_is_left_alone():
    text = EVENTS.replace("<<", "").replace(">>", "")
    doc = parse_yaml(text + "# a comment about <<...>> markers\n", "e.yaml")
    problem = Problem("e.yaml", 2, 9, "error", "x", "invalid-value")
    assert with_placeholder_problems([problem], doc, doc.data["events"]) == [problem]


def test_a_placeholder_in_an_aliased_event_points_at_the_anchor():
    doc = parse_yaml('events:\n  - &e {id: "<<id>>"}\n  - *e\n', "e.yaml")
    found = with_placeholder_problems([], doc, doc.data["events"])
    # Found through both items, at the one place: sort_problems says it once.
    assert {(p.line, p.col) for p in found} == {(2, 13)}
