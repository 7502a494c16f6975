"""The disk cache of loaded datasets: a hit skips the loading, an edit is a miss, a corrupt
entry is ignored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from timeline import cache, dataset
from timeline.dataset import Dataset, load_dataset


@pytest.fixture
def data(tmp_path, repo_root, monkeypatch) -> Path:
    """A copy of the real dataset, and an empty cache folder of its own."""
    shutil.copytree(repo_root / "data", tmp_path / "data")
    shutil.copytree(repo_root / "seeds", tmp_path / "seeds")
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "data" / "events.yaml"


@pytest.fixture
def loads(monkeypatch) -> list[str]:
    """Every dataset actually loaded (not read from the cache), by events path."""
    seen: list[str] = []
    load = dataset._load

    def counting(events_path, seeds_dir, progress):
        seen.append(str(events_path))
        return load(events_path, seeds_dir, progress)

    monkeypatch.setattr(dataset, "_load", counting)
    return seen


def entries(events: Path) -> list[Path]:
    return sorted((events.parent.parent / "cache").glob("*.pickle"))


def test_a_second_load_of_the_same_files_is_read_from_disk(data, loads):
    first = load_dataset(data, disk_cache=True)
    second = load_dataset(data, disk_cache=True)
    assert loads == [str(data)] and len(entries(data)) == 1
    assert second is not first
    assert second.events.equals(first.events)
    assert second.problems == first.problems and second.paths == first.paths
    assert second.seed_text("000_a0c75151540dfa53.txt") == first.seed_text(
        "000_a0c75151540dfa53.txt"
    )


def test_an_edit_to_any_data_file_is_a_miss(data, loads):
    before = load_dataset(data, disk_cache=True)
    text = data.read_text("utf-8")
    first_title = before.events["title"].iloc[0]
    data.write_text(text.replace(first_title, first_title + " (edited)", 1), "utf-8")
    edited = load_dataset(data, disk_cache=True)
    assert edited.events["title"].iloc[0] == first_title + " (edited)"
    seed = next((data.parent.parent / "seeds").glob("*.txt"))
    seed.write_bytes(seed.read_bytes() + b"\n")
    load_dataset(data, disk_cache=True)
    assert len(loads) == 3 and len(entries(data)) == 3


@pytest.mark.parametrize(
    "content", [b"", b"not a pickle", b"\x80\x05\x95\xff\xff", b"\x80\x04K\x01."]
)
def test_a_corrupt_or_foreign_entry_is_ignored_and_replaced(data, loads, content):
    expected = load_dataset(data, disk_cache=True)
    [entry] = entries(data)
    entry.write_bytes(content)  # truncated, garbage, cut short, or a pickle of something else
    again = load_dataset(data, disk_cache=True)
    assert again.events.equals(expected.events)
    assert len(loads) == 2
    assert isinstance(load_dataset(data, disk_cache=True), Dataset) and len(loads) == 2


def test_an_unwritable_cache_folder_only_means_no_cache(data, loads, tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path / "a-file" / "cache"))
    assert load_dataset(data, disk_cache=True).ok
    assert load_dataset(data, disk_cache=True).ok
    assert len(loads) == 2


def test_the_cache_can_be_turned_off(data, loads, monkeypatch):
    monkeypatch.setenv("TIMELINE_CACHE", "off")
    load_dataset(data, disk_cache=True)
    load_dataset(data, disk_cache=True)
    assert len(loads) == 2 and entries(data) == []


def test_the_size_limit_is_part_of_the_key(data, monkeypatch):
    key = cache.content_key(dataset.DataPaths.of(data))
    monkeypatch.setenv("TIMELINE_MAX_FILE_MB", "200")
    assert cache.content_key(dataset.DataPaths.of(data)) != key


def test_only_the_latest_entries_are_kept(data, monkeypatch):
    monkeypatch.setattr(cache, "KEPT_ENTRIES", 2)
    for number in range(4):
        with data.open("a", encoding="utf-8") as file:
            file.write(f"# edit {number}\n")
        load_dataset(data, disk_cache=True)
    assert len(entries(data)) == 2


class Stopped(Exception):
    pass


def test_a_load_reports_its_progress_and_stops_when_told_keeping_nothing(data, loads):
    reports: list[tuple[float, str]] = []
    load_dataset(
        data, disk_cache=True, progress=lambda share, doing: reports.append((share, doing))
    )
    shares = [share for share, _ in reports]
    assert shares == sorted(shares) and shares[0] == 0.0 and shares[-1] == 1.0
    assert reports[0][1] == "Reading events.yaml…"
    assert any(doing.startswith("Checking the sources of event 1 of ") for _, doing in reports)
    for entry in entries(data):
        entry.unlink()

    def stop(share: float, doing: str) -> None:
        if doing.startswith("Checking"):
            raise Stopped  # what the dashboard's progress does when the reader has left

    with pytest.raises(Stopped):
        load_dataset(data, disk_cache=True, progress=stop)
    assert entries(data) == []  # a load stopped half way is not kept
    load_dataset(data, disk_cache=True)
    assert len(loads) == 3 and len(entries(data)) == 1


def test_what_is_made_from_a_dataset_is_kept_under_its_key_and_what_it_is(data, monkeypatch):
    loaded = load_dataset(data, disk_cache=True)
    assert loaded.cache_key == cache.content_key(dataset.DataPaths.of(data))
    assert load_dataset(data).cache_key is None  # not through the cache: nothing to key on
    made: list[str] = []

    def make(what: str):
        return lambda: made.append(what) or {"what": what}

    for key, what in [(loaded.cache_key, "a"), (loaded.cache_key, "a"), (loaded.cache_key, "b")]:
        assert cache.cached_derived(key, what, make(what), dict) == {"what": what}
    assert made == ["a", "b"]
    cache.cached_derived("another dataset", "a", make("a"), dict)
    assert made == ["a", "b", "a"]
    monkeypatch.setenv("TIMELINE_CACHE", "off")
    cache.cached_derived(loaded.cache_key, "a", make("a"), dict)
    assert made == ["a", "b", "a", "a"]
