"""The curated data itself: coverage, and the events users named as ones that must be right."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import timeline


@pytest.fixture(scope="module")
def dataset(events_path: Path) -> timeline.Dataset:
    return timeline.load_dataset(events_path)


@pytest.fixture(scope="module")
def events(dataset: timeline.Dataset):
    return dataset.events.set_index("id")


def test_the_data_passes_every_check(dataset: timeline.Dataset) -> None:
    assert [p for p in dataset.problems if p.is_error] == []


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
