from pathlib import Path

import pytest
from checker_cases import VALID

from timeline.loader import read_model_file
from timeline.model import SourcesFile
from timeline.paths import DataPaths
from timeline.sources import (
    SeedText,
    find_quote_spans,
    normalise,
    read_seeds,
)

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  two\n\tlines  ", "two lines"),
        ("“curly” ‘single’ „low‟ \u201alow\u201b", "\"curly\" 'single' \"low\" 'low'"),
        ("a\u2010b\u2011c–d—e\u2212f", "a-b-c-d-e-f"),
        ("non\u00a0breaking", "non breaking"),
    ],
)
def test_normalise_forgives_whitespace_quotes_and_dashes(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize("changed", ["Case", "ellipsis…", "colour", "a,b"])
def test_normalise_forgives_nothing_else(changed):
    assert normalise(changed) == changed


SEED = "Title\n\nHe said “we will   go” –\nand left.\nHe said “we will go” again.\n"


def test_find_returns_the_line_of_the_first_occurrence():
    seed = SeedText("x.txt", SEED)
    match = seed.find('He said "we will go" - and left.')
    assert match is not None
    assert (match.line, SEED[match.start : match.end]) == (
        3,
        "He said “we will   go” –\nand left.",
    )
    assert seed.find("He said we will go") is None


def test_find_quote_spans_gives_every_occurrence_in_original_offsets():
    spans = find_quote_spans(SEED, 'said "we will go"')
    assert [SEED[start:end] for start, end in spans] == [
        "said “we will   go”",
        "said “we will go”",
    ]
    assert find_quote_spans(SEED, "   ") == []
    assert find_quote_spans(SEED, "not there") == []


def test_closest_passage_shows_the_seed_text_and_its_line():
    seed = SeedText("x.txt", SEED)
    assert seed.closest_passage("and then he left.") == (4, "and left.")
    line, passage = seed.closest_passage('He said "we will go" and left')
    assert (line, passage) == (3, "He said “we will go” – and left.")


def test_closest_passage_in_a_real_seed():
    seeds, _ = read_seeds(DataPaths.of(REPO_ROOT / "data" / "events.yaml"))
    line, passage = seeds["003_c31732d59d6d1d81.txt"].closest_passage(
        "It was ratified by Russia's upper parliament on Thursday."
    )
    assert (line, passage) == (11, "It was ratified by Russia’s lower parliament Thursday.")


def test_read_seeds_reports_a_seed_that_is_not_utf8(tmp_path):
    (tmp_path / "001_ok.txt").write_text("fine", encoding="utf-8")
    (tmp_path / "002_bad.txt").write_bytes(b"caf\xe9")
    (tmp_path / "notes.md").write_text("not a seed", encoding="utf-8")
    seeds, problems = read_seeds(DataPaths(tmp_path / "events.yaml", tmp_path))
    assert list(seeds) == ["001_ok.txt"]
    assert [(p.path, p.rule) for p in problems] == [
        (f"{tmp_path.as_posix()}/002_bad.txt", "not-utf8")
    ]


def seed_names(seeds: Path) -> list[str]:
    return [p.name for p in DataPaths(seeds.parent / "data" / "events.yaml", seeds).seed_files()]


def test_seed_files_are_the_sorted_text_files():
    assert seed_names(VALID / "seeds") == ["001_harbour.txt", "002_gazette.txt"]


def test_the_catalogue_reads_into_sources():
    parsed = read_model_file(VALID / "seeds" / "sources.yaml", SourcesFile)
    assert parsed.problems == [] and parsed.model is not None
    sources = parsed.model.sources
    assert [(s.file, s.publisher) for s in sources] == [
        ("001_harbour.txt", "The Harbour Times"),
        ("002_gazette.txt", "Southbay Gazette"),
    ]
    assert sources[1].published.earliest == "2021-03-13"


def test_the_real_catalogue_lists_every_seed():
    parsed = read_model_file(REPO_ROOT / "seeds" / "sources.yaml", SourcesFile)
    assert parsed.problems == [] and parsed.model is not None
    assert sorted(s.file for s in parsed.model.sources) == seed_names(REPO_ROOT / "seeds")


def test_closest_passage_of_a_long_wrong_quote_is_found_whole():
    seeds, _ = read_seeds(DataPaths.of(REPO_ROOT / "data" / "events.yaml"))
    seed = seeds["004_5d5c85c0ad26f8dd.txt"]
    quote = " ".join(seed.text.split()).replace(" the ", " a ")[:10_000]
    line, passage = seed.closest_passage(quote)
    assert line == 1
    assert len(passage) > 9_000  # the whole aligned stretch, not a passage cut short
