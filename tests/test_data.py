"""The curated data itself: coverage, and the events users named as ones that must be right."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml

import timeline
from timeline.checks.dates import is_written_out
from timeline.model import Event, EventsFile
from timeline.sources import normalise


@pytest.fixture(scope="module")
def dataset(events_path: Path) -> timeline.Dataset:
    return timeline.load_dataset(events_path)


@pytest.fixture(scope="module")
def events(dataset: timeline.Dataset):
    return dataset.events.set_index("id")


def test_the_data_passes_every_check(dataset: timeline.Dataset) -> None:
    assert [p for p in dataset.problems if p.is_error] == []
    # The only warnings are events one seed reports: nothing else is left to look at.
    assert {p.rule for p in dataset.problems} <= {"single-source"}


def test_coverage_every_seed_is_cited_and_there_are_enough_events(
    dataset: timeline.Dataset, seeds_dir: Path
) -> None:
    cited = {file for files in dataset.events["source_files"] for file in files}
    assert cited == {path.name for path in seeds_dir.glob("*.txt")}
    assert len(dataset.events) >= 45


def test_seeds_are_byte_for_byte_the_shared_originals(seeds_dir: Path, repo_root: Path) -> None:
    shared = repo_root.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for original in shared.glob("*.txt"):
        ours = seeds_dir / original.name
        digest = hashlib.sha256(ours.read_bytes()).hexdigest()
        assert digest == hashlib.sha256(original.read_bytes()).hexdigest(), original.name


def test_treaty_signed_on_19_june_2024_cited_by_every_seed(events) -> None:
    treaty = events.loc["putin-kim-treaty-signed"]
    assert (treaty["date"], treaty["precision"], treaty["status"]) == (
        "2024-06-19",
        "day",
        "confirmed",
    )
    assert treaty["n_sources"] == 5


def test_duma_ratification_resolved_from_last_thursday(events) -> None:
    duma = events.loc["duma-ratifies-treaty"]
    assert duma["date"] == "2024-10-24"
    assert "last Thursday" in duma["date_basis"]
    assert set(duma["source_files"]) == {"000_a0c75151540dfa53.txt", "003_c31732d59d6d1d81.txt"}


def test_october_sea_transport_is_a_span_from_8_to_13_october(events) -> None:
    transport = events.loc["sea-transport-to-vladivostok"]
    assert (transport["date"], transport["date_end"], transport["is_span"]) == (
        "2024-10-08",
        "2024-10-13",
        True,
    )
    claims = {(f["value"], f["claimant"]) for f in transport["figures"]}
    assert (1500, "South Korea's National Intelligence Service") in claims
    assert (3000, "U.S. officials") in claims


def test_arrivals_training_and_the_deployment_to_kursk_follow_in_order(events) -> None:
    training = events.loc["north-korean-troops-training-in-russia"]
    confirmed = events.loc["us-confirms-north-korean-troops-in-russia"]
    kursk = events.loc["north-korean-units-deployed-to-kursk"]
    assert training["start"] < confirmed["start"] <= kursk["end"]
    assert confirmed["date"] == "2024-10-23"
    assert (kursk["location"], kursk["status"], kursk["window"]) == (
        "kursk-region",
        "confirmed",
        True,
    )
    assert kursk["date_end"] == "2024-10-28"


def test_conflicting_troop_numbers_are_kept_apart_with_their_claimants(events) -> None:
    troop_claims = {
        (figure["value"], figure["claimant"])
        for figures in events["figures"]
        for figure in figures
        if figure["unit"] == "troops"
    }
    values = {value for value, _ in troop_claims}
    assert {1500, 3000, 10000, 12000} <= values
    twelve_thousand = {claimant for value, claimant in troop_claims if value == 12000}
    assert len(twelve_thousand) == 2  # Zelensky and South Korean intelligence, not merged


# Provenance of dates: a date_basis quotes the words it resolves, and every end is written out.

PUBLICATION_DATE_RULE = "publication date rule"
_QUOTED = re.compile(r'"([^"]+)"')


def _quoted_phrases(basis: str) -> list[str]:
    return [normalise(phrase) for phrase in _QUOTED.findall(basis)]


def date_basis_problems(event: Event, seed_texts: dict[str, str]) -> list[str]:
    """What is wrong with an event's date_basis: a quoted phrase that is in no seed, or a basis
    that quotes nothing from the seeds the event cites and does not invoke the publication date
    rule (dating a statement by the article it is in)."""
    if event.date_basis is None:
        return []
    phrases = _quoted_phrases(event.date_basis)
    problems = [
        f"{event.id}: {phrase!r} is in no seed"
        for phrase in phrases
        if not any(phrase.lower() in text for text in seed_texts.values())
    ]
    cited = {citation.file for citation in event.sources}
    names_its_phrase = any(
        len(phrase.split()) >= 2 and phrase.lower() in seed_texts[file]
        for phrase in phrases
        for file in cited
        if file in seed_texts
    )
    if not names_its_phrase and PUBLICATION_DATE_RULE not in event.date_basis:
        problems.append(
            f"{event.id}: date_basis quotes no phrase (two words or more) of a seed it cites "
            f"and does not state the {PUBLICATION_DATE_RULE}"
        )
    return problems


def unsupported_end(event: Event) -> bool:
    """True when the event has an end that neither a quote nor its date_basis writes out."""
    if event.end is None:
        return False
    texts = [citation.quote for citation in event.sources]
    if event.date_basis is not None:
        texts.append(event.date_basis)
    return not is_written_out(event.end, texts)


@pytest.fixture(scope="module")
def model_events(events_path: Path) -> list[Event]:
    return EventsFile.model_validate(yaml.safe_load(events_path.read_text("utf-8"))).events


@pytest.fixture(scope="module")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    return {
        path.name: normalise(path.read_text("utf-8")).lower() for path in seeds_dir.glob("*.txt")
    }


def test_every_date_basis_quotes_the_words_it_resolves(model_events, seed_texts) -> None:
    problems = [p for event in model_events for p in date_basis_problems(event, seed_texts)]
    assert problems == []


def test_every_end_is_written_out_in_a_quote_or_the_date_basis(model_events) -> None:
    assert [event.id for event in model_events if unsupported_end(event)] == []


def _event(**fields) -> Event:
    base = {
        "id": "made-up",
        "date": "2024-10-23",
        "title": "A made-up event",
        "summary": "Made up to show that the provenance tests can fail.",
        "category": "war-context",
        "actors": ["russia"],
        "status": "reported",
        "sources": [
            {
                "file": "001_7a4f2c888cc0ca1e.txt",
                "quote": "On Wednesday, the United States confirmed that North Korean troops "
                "had landed in Russia",
            }
        ],
    }
    return Event.model_validate(base | fields)


@pytest.mark.parametrize(
    ("basis", "expected"),
    [
        ('"On Wednesday" in seed 001 (published 23-24 Oct 2024): 23 Oct 2024.', 0),
        ('"On Saturday 2 November" in seed 001: 2 November 2024.', 2),  # not in any seed
        ("Worked out from the context: 23 Oct 2024.", 1),  # quotes nothing
        ('"Wednesday" alone in seed 001.', 1),  # one word names no phrase
        ('"last Thursday" is in seed 000, which this event does not cite.', 1),
        ("Undated; dated by the publication date rule to seed 001's writing.", 0),
    ],
)
def test_date_basis_problems_flags_a_basis_that_names_no_seed_phrase(
    basis: str, expected: int, seed_texts
) -> None:
    assert len(date_basis_problems(_event(date_basis=basis), seed_texts)) == expected


@pytest.mark.parametrize(
    ("fields", "unsupported"),
    [
        ({"end": "2024-10-24", "date_basis": '"On Wednesday" in seed 001: 23 Oct 2024.'}, True),
        ({"end": "2024-10-24", "date_basis": '"On Wednesday" ... to Thursday 24 Oct.'}, False),
        ({"end": "2024-12", "date_basis": '"On Wednesday": by December 2024.'}, False),
        ({"date": "1950", "end": "1953", "date_basis": '"the 1950-53 Korean War"'}, True),
        ({}, False),
    ],
)
def test_unsupported_end_flags_an_end_no_text_writes_out(fields: dict, unsupported: bool) -> None:
    assert unsupported_end(_event(**fields)) is unsupported
