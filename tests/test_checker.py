import functools
from pathlib import Path

import pytest
import yaml
from checker_cases import EVENTS, build, expected, invalid_cases, rule_of

from timeline import files
from timeline.authoring.skeleton import skeleton
from timeline.checker import check, run_checks
from timeline.checks.placeholders import PLACEHOLDER
from timeline.paths import DataPaths
from timeline.problems import Rule
from timeline.sources import read_seeds

REPO_ROOT = Path(__file__).resolve().parent.parent
INVALID_DIR = Path(__file__).parent / "fixtures/invalid"
CASES = invalid_cases()
# Rules whose case is made by a test instead of a committed file.
GENERATED = {"file-too-large"}
# Rules of other commands than check.
NOT_CHECKER = {"fmt-internal"}


@pytest.fixture
def dataset(tmp_path, monkeypatch):
    """Build a case in a temporary folder and run the checker from there (paths as typed)."""

    def make(case):
        root = build(case, tmp_path / "case")
        monkeypatch.chdir(root)
        return check(EVENTS)

    return make


def test_the_valid_set_passes_with_no_warnings(dataset):
    assert dataset(None) == []


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_invalid_case_gives_exactly_its_problems(dataset, case):
    problems = dataset(case)
    assert {(p.path, p.line, p.rule) for p in problems} == expected(case)


def test_every_rule_has_a_case():
    assert {rule_of(case) for case in CASES} | GENERATED | NOT_CHECKER == set(Rule)
    for case in CASES:
        assert rule_of(case) in {rule for _, _, rule in expected(case)}, case.name


def test_warnings_do_not_count_as_errors(dataset):
    problems = dataset(Path("tests/fixtures/invalid/uncited-seed").resolve())
    assert [p.level for p in problems] == ["warning"]


# One exact message per rule: what the user reads, location and all.
MESSAGES = {
    "yaml-syntax.yaml": "data/events.yaml:5:12: [error] the quote that opens here is not closed "
    "on its line: it runs on to line 12, where YAML fails (did not find expected key): add the "
    "closing quote (yaml-syntax)",
    "yaml-syntax--tab.yaml": "data/events.yaml:9:1: [error] tab character: YAML indentation "
    "must use spaces; replace the tab with spaces (yaml-syntax)",
    "duplicate-key.yaml": "data/events.yaml:10:5: [error] duplicate key 'status' (first at line "
    "9): YAML keeps only the last one; merge the two or delete one (duplicate-key)",
    "anchor.yaml": "data/events.yaml:7:15: [error] anchor &kind: remove it and write values out "
    "in full (anchor)",
    "unsupported-yaml.yaml": "data/events.yaml:10:7: [error] a key must be plain text "
    "(unsupported-yaml)",
    "control-character.yaml": "data/events.yaml:6:23: [error] U+001B (ESC) is not allowed in "
    'YAML: delete it, or write it as the escape "\\x1b" inside double quotes (control-character)',
    "yaml-syntax--deep.yaml": "data/events.yaml:10:109: [error] values are nested more than 100 "
    "levels deep from here: the data files need a few levels; check the brackets and "
    "indentation (yaml-syntax)",
    "unknown-field.yaml": "data/events.yaml:7:5: [error] unknown field 'sumary' (did you mean "
    "'summary'?) (unknown-field)",
    "missing-field.yaml": "data/events.yaml:3:5: [error] missing required field 'title': add it "
    "(missing-field)",
    "wrong-type.yaml": "data/events.yaml:8:13: [error] actors must be a list, not 'town-council' "
    "(wrong-type)",
    "wrong-type--figure-value.yaml": "data/events.yaml:11:16: [error] value must be a number, "
    "not '1,200': write 1200 without the commas (wrong-type)",
    "wrong-type--figure-text.yaml": "data/events.yaml:11:16: [error] value must be a number, "
    "not '1500': write 1500 without quotes (wrong-type)",
    "wrong-type--figure-bool.yaml": "data/events.yaml:11:16: [error] value must be a number, "
    "not true (a true/false value) (wrong-type)",
    "invalid-value--figure-negative.yaml": "data/events.yaml:11:16: [error] value -5 is below "
    "0: a count cannot be negative (a number that can, such as a change or a growth rate, says "
    "so with signed: true) (invalid-value)",
    "invalid-value--figure-infinite.yaml": "data/events.yaml:11:16: [error] value inf is not a "
    "finite number: write the number the source states (invalid-value)",
    "invalid-value.yaml": "data/events.yaml:3:9: [error] id 'New_Pier' must be kebab-case: "
    "lowercase letters and digits joined by single hyphens (invalid-value)",
    "date-format.yaml": "data/events.yaml:4:11: [error] date '2022/01' must be written YYYY, "
    'YYYY-MM or YYYY-MM-DD (in quotes, e.g. "2024-06-19") (date-format)',
    "impossible-date.yaml": "data/events.yaml:4:11: [error] impossible date: '2022-02-30' is not "
    "a real day (2022-02 has 28 days) (impossible-date)",
    "end-before-date.yaml": "data/events.yaml:5:10: [error] end 2021-12 is before date 2022: "
    "swap them or fix the end (end-before-date)",
    "window-without-end.yaml": "data/events.yaml:5:13: [error] window: true needs an end (the "
    "latest the happening can be): add an end or drop window (window-without-end)",
    "duplicate-id.yaml": "data/events.yaml:15:9: [error] duplicate id 'new-pier-planned' (first "
    "used at line 3): give this event its own id (duplicate-id)",
    "unknown-vocabulary.yaml": "data/events.yaml:8:14: [error] unknown actor 'town-counsil' (did "
    "you mean 'town-council'?): use an id listed under actors in data/vocabularies.yaml, or add "
    "it there (unknown-vocabulary)",
    "unknown-seed.yaml": "data/events.yaml:15:15: [error] seeds/003_harbour.txt does not exist "
    "(did you mean '001_harbour.txt'?): cite a file in seeds/ (unknown-seed)",
    "uncatalogued-seed": "seeds/003_notice.txt:1:1: [error] seed 003_notice.txt has no entry in "
    "seeds/sources.yaml: add one (file, title, publisher, published and how you know them) "
    "(uncatalogued-seed)",
    "quote-not-found.yaml": "data/events.yaml:14:16: [error] quote not found in "
    "seeds/002_gazette.txt; the closest passage, at line 6, word by word ([-only in the quote-] "
    "{+only in the seed+}): ... planned for 2022, [-says-] the [-council.-]{+council+} "
    "(quote-not-found)",
    "quote-too-short.yaml": "data/events.yaml:14:16: [error] quote has 2 words (8 characters): "
    "quote at least 4 words and 20 characters, enough to show what supports the event "
    "(quote-too-short)",
    "date-basis-missing.yaml": "data/events.yaml:4:11: [error] date 2021-03-12 is not written "
    "out in any of this event's quotes: add date_basis saying how it was worked out (e.g. "
    "\"'last Thursday' in an article published on ...\") (date-basis-missing)",
    "placeholder.yaml": "data/events.yaml:5:12: [error] placeholder <<title>> from the new-event "
    "skeleton is still here: replace it with the title (placeholder)",
    "figure-source-not-cited.yaml": "data/events.yaml:15:17: [error] figure source 003_other.txt "
    "is not cited by this event: add a citation of it under sources, or fix the file name "
    "(figure-source-not-cited)",
    "not-utf8.yaml": "data/events.yaml:6:51: [error] byte 0xe9 is not UTF-8: save the file as "
    "UTF-8 (not-utf8)",
    "unreadable-file": "data/vocabularies.yaml:1:1: [error] cannot read data/vocabularies.yaml: "
    "No such file or directory (unreadable-file)",
    "single-source.yaml": "data/events.yaml:23:5: [warning] event 'ferry-record-week' rests on "
    "one seed only (001_harbour.txt): cite another seed that reports it, if there is one "
    "(single-source)",
    "uncited-seed": "seeds/sources.yaml:20:11: [warning] seed 003_notice.txt is cited by no "
    "event: cite it where it supports an event (uncited-seed)",
}
MESSAGES_WITH_OTHERS = {
    "yaml-tag.yaml": "data/events.yaml:7:14: [error] tag !note is not allowed: remove it (a "
    'value\'s type comes from how it is written: 2024 is a number, "2024" is text) (yaml-tag)',
    "quote-too-long.yaml": "data/events.yaml:19:16: [error] quote has 2384 characters: quote at "
    "most 2000, the sentence or paragraph that supports the event (cite the seed twice for two "
    "passages) (quote-too-long)",
    "alias.yaml": "data/events.yaml:20:15: [error] alias *kind: write the value out in full "
    "instead (alias)",
    "missing-seed-file": "seeds/sources.yaml:20:11: [error] seeds/003_gone.txt does not exist: "
    "add the text file or remove this entry (missing-seed-file)",
}


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_exact_message(dataset, name):
    assert [p.text() for p in dataset(Path(__file__).parent / "fixtures/invalid" / name)] == [
        MESSAGES[name]
    ]


@pytest.mark.parametrize("name", sorted(MESSAGES_WITH_OTHERS))
def test_exact_message_beside_others(dataset, name):
    texts = [p.text() for p in dataset(Path(__file__).parent / "fixtures/invalid" / name)]
    assert MESSAGES_WITH_OTHERS[name] in texts


def test_every_rule_has_an_exact_message_test():
    names = list(MESSAGES) + list(MESSAGES_WITH_OTHERS)
    assert {rule_of(Path(name)) for name in names} | GENERATED | NOT_CHECKER == set(Rule)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    root = build(None, tmp_path / "case")
    with (root / EVENTS).open("r+b") as events:
        events.truncate(files.MAX_FILE_BYTES + 1)  # sparse: nothing is written
    monkeypatch.chdir(root)
    message = (
        "data/events.yaml:1:1: [error] file is 25.0 MB; the limit is 25 MB: check that it is the "
        "right file, or raise the limit with TIMELINE_MAX_FILE_MB=26 in the environment "
        "(file-too-large)"
    )
    assert [p.text() for p in check(EVENTS)] == [message]


def test_the_size_limit_is_a_setting(tmp_path, monkeypatch):
    root = build(None, tmp_path / "case")
    with (root / EVENTS).open("r+b") as events:
        events.truncate(2_000_001)  # sparse: nothing is written
    monkeypatch.chdir(root)
    monkeypatch.setenv("TIMELINE_MAX_FILE_MB", "1.5")
    assert [(p.rule, p.message[:43]) for p in check(EVENTS)] == [
        ("file-too-large", "file is 2.0 MB; the limit is 1.5 MB: check ")
    ]
    monkeypatch.setenv("TIMELINE_MAX_FILE_MB", "not a number")  # the default, 25 MB
    assert "file-too-large" not in {p.rule for p in check(EVENTS)}


def test_a_missing_seed_folder_is_one_problem(tmp_path, monkeypatch):
    build(None, tmp_path / "case")
    monkeypatch.chdir(tmp_path / "case")
    problems = check(EVENTS, Path("nowhere"))
    assert [(p.path, p.rule) for p in problems] == [("nowhere", "unreadable-file")]


def test_an_event_with_a_bad_field_still_has_its_other_problems_found(tmp_path, monkeypatch):
    root = build(None, tmp_path / "case")
    text = (root / EVENTS).read_text(encoding="utf-8")
    text = text.replace("status: expected", "status: expectd").replace("open in 2022", "open 2022")
    text = text.replace('date: "2022"', 'date: "2022"\n    tittle: typo')
    (root / EVENTS).write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    rules = sorted(p.rule for p in check(EVENTS))
    # The event is not valid on its own (tittle), yet its quotes are checked all the same.
    assert rules == ["quote-not-found", "unknown-field", "unknown-vocabulary"]


def write_events(root: Path, text: str) -> None:
    (root / EVENTS).write_text(text, encoding="utf-8")


def test_a_broken_event_hides_no_problem_of_the_others(tmp_path, monkeypatch):
    root = build(None, tmp_path / "case")
    text = (root / EVENTS).read_text(encoding="utf-8")
    text = text.replace("resumed service on 3 March", "resumed its service on 3 March")
    # Cut the file after the last event's `sources:`, which is left with no value.
    text = text[: text.rindex("    sources:\n") + len("    sources:\n")]
    write_events(root, text)
    monkeypatch.chdir(root)
    found = [(p.line, p.rule) for p in check(EVENTS)]
    assert found == [(27, "quote-not-found"), (51, "wrong-type")]


def test_problems_of_aliased_content_are_reported_once(tmp_path, monkeypatch):
    root = build(None, tmp_path / "case")
    alias_case = (INVALID_DIR / "alias.yaml").read_text(encoding="utf-8")
    write_events(root, alias_case.replace("&kind planning", "&kind plannin"))
    monkeypatch.chdir(root)
    found = [(p.line, p.col, p.rule) for p in check(EVENTS)]
    assert found == [
        (8, 15, "anchor"),
        (8, 15, "unknown-vocabulary"),
        (20, 15, "alias"),
    ]


def test_an_aliased_event_is_one_problem_not_a_duplicate_of_itself(tmp_path, monkeypatch):
    root = build(None, tmp_path / "case")
    text = (root / EVENTS).read_text(encoding="utf-8")
    text = text.replace("  - id: new-pier-planned", "  - &pier\n    id: new-pier-planned")
    write_events(root, text + "  - *pier\n")
    monkeypatch.chdir(root)
    assert [(p.line, p.rule) for p in check(EVENTS)] == [(44, "anchor"), (57, "alias")]


def test_an_unfilled_skeleton_gives_one_problem_per_placeholder(tmp_path, monkeypatch):
    root = build(None, tmp_path / "case")
    vocabularies = yaml.safe_load((root / "data/vocabularies.yaml").read_text(encoding="utf-8"))
    new_event = skeleton(vocabularies, ["001_harbour.txt", "002_gazette.txt"])
    write_events(root, (root / EVENTS).read_text(encoding="utf-8") + new_event)
    monkeypatch.chdir(root)
    problems = check(EVENTS)
    placeholders = [
        line for line in new_event.splitlines() if PLACEHOLDER.search(line.split("#")[0])
    ]
    assert [p.rule for p in problems] == ["placeholder"] * len(placeholders) == ["placeholder"] * 10
    # Most of them also break a rule of their field (kebab-case, dates, vocabularies, seed
    # file names): the placeholder says it better, so only it is reported.


def test_a_missing_events_file_is_one_problem(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # nothing here: no vocabularies, no seeds
    assert [p.text() for p in check("nonexist.yaml")] == [
        (
            "nonexist.yaml:1:1: [error] cannot read nonexist.yaml: No such file or directory "
            "(unreadable-file)"
        )
    ]


def test_the_default_seed_folder_is_beside_the_data_folder():
    assert DataPaths.of("data/events.yaml").seeds == Path("seeds")
    assert DataPaths.of("/x/project/data/events.yaml").seeds == Path("/x/project/seeds")


def test_run_checks_reports_what_it_read():
    result = run_checks(REPO_ROOT / "tests/fixtures/valid/data/events.yaml")
    assert [event.id for _, event in result.events.events] == [
        "ferry-service-resumes",
        "officials-say-ferry-stays-open",
        "new-pier-planned",
    ]
    assert [source.file for source in result.sources] == ["001_harbour.txt", "002_gazette.txt"]
    assert result.vocabularies is not None and len(result.vocabularies.places) == 2
    assert sorted(result.seeds) == ["001_harbour.txt", "002_gazette.txt"]


# The real data: the lead curates it; these tests hold it to the checker.
def _real_citations() -> list[tuple[str, str, str]]:
    try:
        data = yaml.safe_load((REPO_ROOT / "data/events.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return []
    return [
        (event["id"], citation["file"], citation["quote"])
        for event in data.get("events", [])
        for citation in event.get("sources", [])
    ]


REAL_CITATIONS = _real_citations()


@functools.cache
def _real_seeds():
    return read_seeds(DataPaths.of(REPO_ROOT / "data" / "events.yaml"))


def test_the_real_data_has_no_errors(monkeypatch):
    monkeypatch.chdir(REPO_ROOT)
    errors = [p.text() for p in check("data/events.yaml") if p.is_error]
    assert errors == []


def test_the_real_data_has_citations():
    assert len(REAL_CITATIONS) >= 45


@pytest.mark.parametrize(
    ("event_id", "file", "quote"),
    REAL_CITATIONS,
    ids=[f"{event_id}:{number}" for number, (event_id, _, _) in enumerate(REAL_CITATIONS)],
)
def test_every_real_quote_is_in_its_seed(event_id, file, quote):
    seeds, problems = _real_seeds()
    assert problems == []
    assert seeds[file].find(quote) is not None, f"{event_id}: {quote!r} not in {file}"
