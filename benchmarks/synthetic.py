"""Synthetic data for the benchmarks: the real events repeated, each copy with a new id."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
EVENTS_PATH = REPO_ROOT / "data" / "events.yaml"


def synthetic_copy(count: int, folder: Path, events_path: Path = EVENTS_PATH) -> Path:
    """Write a repository-like folder (events, vocabularies and seeds, laid out as timeline.paths expects) with
    ``count`` events into ``folder``; return the path of its events file."""
    real = yaml.load(events_path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["events"]
    events = []
    for number in range(count):
        event = copy.deepcopy(real[number % len(real)])  # shared lists would dump as aliases
        event["id"] = f"{event['id']}-copy-{number}"
        events.append(event)
    data = folder / "data"
    data.mkdir(parents=True)
    shutil.copyfile(events_path.parent / "vocabularies.yaml", data / "vocabularies.yaml")
    shutil.copytree(events_path.parent.parent / "seeds", folder / "seeds")
    text = yaml.dump(
        {"events": events}, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100
    )
    path = data / "events.yaml"
    path.write_text(text, encoding="utf-8")
    return path
