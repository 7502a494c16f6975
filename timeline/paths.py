"""Where a dataset's files are: the one place that names them.

A dataset is an events file in a data folder (``data/events.yaml``) with its vocabularies and
its dataset settings beside it, and a seeds folder beside the data folder (``seeds/``) holding
the seed texts and their catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_EVENTS = "data/events.yaml"
VOCABULARY_NAME = "vocabularies.yaml"
SETTINGS_NAME = "timeline.yaml"
CATALOGUE_NAME = "sources.yaml"
SEED_SUFFIX = ".txt"
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
DEFAULT_CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "datasets"


@dataclass(frozen=True)
class DataPaths:
    """The files of one dataset, found from its events file."""

    events: Path
    seeds: Path

    @classmethod
    def of(cls, events: Path | str = DEFAULT_EVENTS, seeds: Path | str | None = None) -> DataPaths:
        events = Path(events)
        return cls(events, Path(seeds) if seeds is not None else events.parent.parent / "seeds")

    @property
    def vocabularies(self) -> Path:
        return self.events.parent / VOCABULARY_NAME

    @property
    def settings(self) -> Path:
        return self.events.parent / SETTINGS_NAME

    @property
    def catalogue(self) -> Path:
        return self.seeds / CATALOGUE_NAME

    @property
    def seeds_display(self) -> str:
        """The seeds folder as messages show it: ``seeds``, not ``seeds/.``."""
        return self.seeds.as_posix().rstrip("/") or "."

    def data_files(self) -> list[Path]:
        """The files whose content the events, labels and credit lines come from."""
        return [self.events, self.vocabularies, self.settings, self.catalogue]

    def seed_files(self) -> list[Path]:
        if not self.seeds.is_dir():
            return []
        return sorted(p for p in self.seeds.iterdir() if p.suffix == SEED_SUFFIX and p.is_file())
