"""The whole dataset as the dashboard and the exports use it: events, vocabularies, seeds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from timeline.cache import cached
from timeline.model import DEFAULT_SETTINGS, Settings, Source, Vocabularies
from timeline.paths import DEFAULT_EVENTS, DataPaths
from timeline.problems import Problem, has_errors
from timeline.sources import SeedText

if TYPE_CHECKING:
    from timeline.checker import Progress


@dataclass
class Dataset:
    """Everything the checker read, and every problem it found (errors and warnings).

    ``events`` holds each event that is valid and has no error (all of them when there are no
    errors): an event with an error is ``withheld``, never shown or published. ``readable`` is
    False when the events file cannot be read as YAML at all (or the vocabularies are missing):
    then there is nothing to show but the problems.
    """

    events: pd.DataFrame
    vocabularies: Vocabularies | None
    sources: list[Source]
    paths: DataPaths
    settings: Settings = DEFAULT_SETTINGS
    problems: list[Problem] = field(default_factory=list)
    seeds: dict[str, SeedText] = field(default_factory=dict)
    withheld: int = 0
    readable: bool = True
    # The disk cache's key for the files it was loaded from (None when loaded without it): what
    # is made from it can be kept on disk under that key (``timeline.cache.cached_derived``).
    cache_key: str | None = None

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings allowed)."""
        return not has_errors(self.problems)

    def seed_text(self, file: str) -> str | None:
        seed = self.seeds.get(file)
        return seed.text if seed is not None else None


def load_dataset(
    events_path: Path | str = DEFAULT_EVENTS,
    seeds_dir: Path | str | None = None,
    *,
    disk_cache: bool = False,
    progress: Progress | None = None,
) -> Dataset:
    """Load and check everything; data problems go to ``problems``, never raised.

    With ``disk_cache``, a dataset loaded before from files with the same content is read back
    from disk instead (``timeline.cache``): what a server restart on unchanged data does.
    ``progress`` is told how far a load has got; if it raises, the load stops (nothing cached).
    """
    if disk_cache:
        paths = DataPaths.of(events_path, seeds_dir)
        dataset, key = cached(paths, lambda: _load(events_path, seeds_dir, progress), Dataset)
        dataset.cache_key = key
        return dataset
    return _load(events_path, seeds_dir, progress)


def _load(
    events_path: Path | str, seeds_dir: Path | str | None, progress: Progress | None
) -> Dataset:
    # Imported here: a restart on unchanged data reads the dataset back from the disk cache and
    # never needs the checker, the YAML reader or the loader (a tenth of a second of imports).
    from timeline.checker import run_checks
    from timeline.checks.yaml_syntax import gc_paused
    from timeline.loader import events_frame

    result = run_checks(events_path, seeds_dir, progress)
    if progress is not None:
        progress(1.0, f"Laying out {len(result.events.events):,} events…")
    with gc_paused():
        events = events_frame(result.sound_events())
    return Dataset(
        events=events,
        vocabularies=result.vocabularies,
        sources=result.sources,
        paths=result.paths,
        settings=result.settings,
        problems=result.problems,
        seeds=result.seeds,
        withheld=len(result.faulty),
        readable=result.readable and result.vocabularies is not None,
    )
