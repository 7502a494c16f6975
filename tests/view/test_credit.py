"""timeline.view.credit: the title, source line, data version and alt text an export carries."""

import datetime as dt
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

import timeline
from timeline.paths import DataPaths
from timeline.text import slug
from timeline.view import View, credit, filters
from timeline.view.filters import FilterState, apply

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "dashboard" / "small"
ALPHA = "Alpha Daily, “Alpha's report on the treaty”"
BETA = "Beta Weekly, “Beta's report on the troops”"
VERSION = credit.DataVersion("git abc1234", dt.date(2024, 10, 30), "0" * 64)


@pytest.fixture(scope="module")
def dataset():
    return timeline.load_dataset(SMALL / "data" / "events.yaml")


def events_of(dataset, **filters):
    return apply(dataset.events, FilterState(**filters))


def test_cited_sources_are_the_short_names_of_the_seeds_cited_in_catalogue_order(dataset):
    assert credit.cited_sources(dataset.events, dataset.sources) == ["Alpha Daily", "Beta Weekly"]
    assert credit.cited_citations(dataset.events, dataset.sources) == [ALPHA, BETA]
    # special-forces-shipped cites beta.txt only
    only_beta = events_of(dataset, q="Vladivostok", statuses=("reported",))
    assert list(only_beta["id"]) == ["special-forces-shipped"]
    assert credit.cited_sources(only_beta, dataset.sources) == ["Beta Weekly"]
    assert credit.cited_sources(only_beta.iloc[:0], dataset.sources) == []


def test_seeds_sharing_a_short_name_are_named_once(dataset):
    same = [s.model_copy(update={"short_name": "Wire"}) for s in dataset.sources]
    assert credit.cited_sources(dataset.events, same) == ["Wire"]


def test_a_seed_missing_from_the_catalogue_is_cited_by_file_name(dataset):
    assert credit.cited_sources(dataset.events, dataset.sources[:1]) == ["Alpha Daily", "beta.txt"]


def test_filters_text_names_each_filter_in_words(dataset):
    labels = View(dataset).labels
    assert credit.filters_text(FilterState(), labels) == ""
    state = FilterState(
        categories=("troop-deployment",),
        actors=("north-korea", "russia"),
        statuses=("claimed",),
        sources=("beta.txt",),
        date_from=dt.date(2024, 6, 1),
        date_to=dt.date(2024, 12, 31),
        q="troops",
        min_sources=2,
    )
    assert credit.filters_text(state, labels) == (
        "Troop deployment; involving North Korea or Russia; claimed; citing Beta Weekly; "
        "from 1 June 2024; to 31 December 2024; mentioning “troops”; cited by at least 2 sources"
    )


@pytest.mark.parametrize(
    ("corroboration", "words"),
    [("single", "cited by a single source"), ("corroborated", "cited by two sources or more")],
)
def test_filters_text_names_the_corroboration_filter(dataset, corroboration, words):
    labels = View(dataset).labels
    assert set(filters.CORROBORATION) == {"single", "corroborated"}
    state = FilterState(corroboration=corroboration)
    assert credit.filters_text(state, labels) == words


@pytest.mark.parametrize(
    ("filters", "title"),
    [
        ({}, "North Korea's military support to Russia, 1950–2024"),
        (
            {"categories": ("troop-deployment",)},
            "North Korea's military support to Russia: Troop deployment, 2024",
        ),
        (
            {"date_from": dt.date(2024, 6, 1), "date_to": dt.date(2024, 12, 31)},
            "North Korea's military support to Russia, 1 June 2024 to 31 December 2024",
        ),
        (
            {"date_from": dt.date(2024, 6, 1)},
            "North Korea's military support to Russia, from 1 June 2024",
        ),
        ({"q": "nothing matches this"}, "North Korea's military support to Russia"),
    ],
)
def test_default_title_comes_from_the_filters_and_the_period_shown(dataset, filters, title):
    state = FilterState(**filters)
    events, labels = apply(dataset.events, state), View(dataset).labels
    assert credit.default_title(events, state, labels, dataset.settings.subject) == title


def test_alt_text_gives_the_span_the_count_the_busiest_month_and_the_key_event(dataset):
    events = events_of(dataset, date_from=dt.date(2024, 1, 1))
    text = credit.alt_text(events, View(dataset).labels, "A title")
    assert text == (
        "A title: a timeline chart of 5 events from 19 June 2024 to October 2024, in 3 "
        "categories: Treaty and diplomacy (2), Troop deployment (2) and International response "
        "(1). The busiest month is October 2024, with 4 events. The most important, a key event "
        "cited by 2 sources, is “Leaders sign a defence treaty” (19 June 2024)."
    )


def test_alt_text_of_one_event_and_of_none(dataset):
    one = events_of(dataset, q="ratified")
    assert credit.alt_text(one, View(dataset).labels, "T") == (
        "T: a timeline chart of 1 event on 24 October 2024, in Treaty and diplomacy."
    )
    assert credit.alt_text(one.iloc[:0], View(dataset).labels, "T") == (
        "T: a timeline chart with no events."
    )


def test_without_a_key_event_the_most_cited_is_the_most_important(dataset):
    events = events_of(dataset, date_from=dt.date(2024, 10, 1))
    assert not events["key"].any()
    # troops-arrive and moscow-denies both have 2 sources and 2 quotes: the later one wins.
    assert credit.most_important(events)["id"] == "moscow-denies"
    assert credit.densest_month(events) == ("October 2024", 4)
    assert credit.densest_month(events.iloc[:1]) is None


def test_credit_is_two_lines_for_readers_and_the_provenance_for_the_metadata():
    about = credit.Credit(
        ("Alpha Daily", "Beta Weekly"),
        "",
        VERSION,
        dt.date(2024, 11, 5),
        query="category=troop-deployment",
        citations=(ALPHA, BETA),
    )
    assert about.source_line == "Source: Alpha Daily; Beta Weekly"
    assert about.filters_line == "Filters: none (every event), data as of 30 October 2024"
    assert about.text == (
        "Source: Alpha Daily; Beta Weekly. Filters: none (every event), data as of 30 October 2024."
    )
    assert about.provenance() == {
        "Source": f"{ALPHA}; {BETA}",
        "Filters": "category=troop-deployment",
        "Data version": "git abc1234",
        "Data SHA-256": "0" * 64,
        "Data as of": "2024-10-30",
        "Exported": "2024-11-05",
    }
    nothing = credit.Credit((), "", VERSION, dt.date(2024, 1, 1))
    assert nothing.source_line == "Source: no events shown"


def git(*args, cwd):
    command = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args]
    return subprocess.run(command, cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def data_copy(tmp_path):
    shutil.copytree(SMALL, tmp_path / "small")
    return tmp_path / "small" / "data" / "events.yaml"


def sha256_version(path: Path) -> str:
    return "sha256 " + hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def label(path: Path) -> str:
    return credit.data_version(DataPaths.of(path)).label


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_data_version_is_the_commit_that_last_changed_the_data(data_copy):
    repo = data_copy.parent.parent
    git("init", "-q", cwd=repo)
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "data", cwd=repo)
    data_commit = git("rev-parse", "--short", "HEAD", cwd=repo).strip()
    version = credit.data_version(DataPaths.of(data_copy))
    assert version.label == f"git {data_commit}"
    assert version.day.isoformat() == git("log", "-1", "--format=%cs", cwd=repo).strip()
    assert version.sha256 == hashlib.sha256(data_copy.read_bytes()).hexdigest()

    (repo / "README").write_text("code, not data\n")
    git("add", "README", cwd=repo)
    git("commit", "-q", "-m", "not the data", cwd=repo)
    assert label(data_copy) == f"git {data_commit}"  # the data did not change

    data_copy.write_text(data_copy.read_text() + "\n")  # uncommitted edit: the commit would lie
    assert label(data_copy) == sha256_version(data_copy)


def test_data_version_outside_git_is_a_hash_of_the_events_file(data_copy, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(data_copy.parent.parent.parent))
    assert label(data_copy) == sha256_version(data_copy)
    monkeypatch.setenv("PATH", "")  # no git at all
    assert label(data_copy) == sha256_version(data_copy)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        (
            "North Korea's military support to Russia, 2022–2024",
            "north-koreas-military-support-to-russia-2022-2024",
        ),
        ("  <b>Troops</b> & “more” ", "b-troops-b-more"),
        ("…", "timeline"),
        ("word " * 30, "-".join(["word"] * 16)),  # 79 characters: cut after a whole word
    ],
)
def test_slug_makes_a_safe_file_name(title, name):
    assert slug(title) == name
