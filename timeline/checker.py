"""Every check on a dataset: the events file, its vocabularies, the seed catalogue and the seeds.

``run_checks`` reads each file once, runs the checks of ``timeline.checks`` on what it read and
returns the result with every problem found; it never raises for bad data.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.checks.catalogue import catalogue_problems, uncited_seed_warnings
from timeline.checks.events import event_problems
from timeline.checks.placeholders import with_placeholder_problems
from timeline.checks.quotes import SeedFolder, citations_of_invalid_event
from timeline.checks.vocabulary import KnownValues, vocabulary_file_problems
from timeline.checks.yaml_syntax import gc_paused
from timeline.loader import ParsedEvents, ReadCounts, parse_events, read_model_file
from timeline.model import DEFAULT_SETTINGS, Event, Settings, Source, SourcesFile, Vocabularies
from timeline.paths import DEFAULT_EVENTS, DataPaths
from timeline.problems import Problem, sort_problems
from timeline.sources import SeedText, read_seeds

# Told how far a long check has got (a share from 0 to 1, and what it is doing). It may raise to
# stop the work: the dashboard's does when the reader's session has ended.
Progress = Callable[[float, str], None]
# Of the time a check takes, the share reading and validating the events file takes (measured
# at 10,000 events: 3.1 of 4.6 s); the rest is mostly the per-event checks.
READING_SHARE = 0.65
PROGRESS_STEPS = 50  # reports over the per-event checks


def _quiet(fraction: float, doing: str) -> None:
    del fraction, doing


@dataclass
class CheckResult:
    """What the checker read, and every problem it found (sorted).

    ``events.events`` holds the validated events; the YAML node tree and raw data are dropped
    once the checks are done (``events.doc`` keeps only its path and problems). ``read``
    counts the events as read, valid or not.
    """

    events: ParsedEvents
    vocabularies: Vocabularies | None
    sources: list[Source]
    paths: DataPaths
    seeds: dict[str, SeedText]
    settings: Settings = DEFAULT_SETTINGS
    problems: list[Problem] = field(default_factory=list)
    read: ReadCounts = field(default_factory=ReadCounts)
    readable: bool = False  # the events file was read as YAML at all
    faulty: set[int] = field(default_factory=set)  # indexes of events with an error

    def sound_events(self) -> list[Event]:
        """The events that are valid and have no error: what may be shown and published."""
        return [event for index, event in self.events.events if index not in self.faulty]


def check(events_path: Path | str = DEFAULT_EVENTS, seeds_dir: Path | None = None) -> list[Problem]:
    """Every problem in the data, sorted; an empty list when all is well."""
    return run_checks(events_path, seeds_dir).problems


def run_checks(
    events_path: Path | str = DEFAULT_EVENTS,
    seeds_dir: Path | str | None = None,
    progress: Progress | None = None,
) -> CheckResult:
    """Read and check everything; see CheckResult. ``progress`` is told how far it has got."""
    with gc_paused():
        return _run_checks(DataPaths.of(events_path, seeds_dir), progress or _quiet)


def _run_checks(paths: DataPaths, progress: Progress) -> CheckResult:
    progress(0.0, f"Reading {paths.events.name}…")
    events = parse_events(paths.events)
    if _missing(events):
        # Most likely a mistyped path: the files "beside" it are not worth a word.
        return CheckResult(events, None, [], paths, {}, problems=sort_problems(events.problems))
    vocab = read_model_file(paths.vocabularies, Vocabularies)
    settings, settings_problems = _settings(paths)
    problems = events.problems + vocab.problems + settings_problems
    problems += vocabulary_file_problems(vocab.doc, vocab.model)

    seeds = SeedFolder(paths.seeds_display, None, {})
    sources: list[Source] = []
    if paths.seeds.is_dir():
        catalogue = read_model_file(paths.catalogue, SourcesFile)
        sources = list(catalogue.model.sources) if catalogue.model else []
        texts, seed_problems = read_seeds(paths)
        seeds = SeedFolder(seeds.display, {p.name for p in paths.seed_files()}, texts)
        problems += catalogue.problems + seed_problems
        if catalogue.model is not None:
            problems += catalogue_problems(catalogue.doc, sources, paths)
    else:
        problems.append(
            Problem(
                seeds.display,
                1,
                1,
                "error",
                f"seed folder {seeds.display} does not exist: pass --seeds DIR",
                "unreadable-file",
            )
        )
    if vocab.model is not None:
        # On the events as read, so that 'North Koera' is an unknown actor with a suggestion
        # rather than only a value that is not kebab-case.
        known = KnownValues(vocab.model, vocab.doc.path)
        unknown = [
            p for i, raw in enumerate(events.raw) for p in known.problems(events.doc, i, raw)
        ]
        places = {(p.line, p.col) for p in unknown}
        problems = [
            p for p in problems if not (p.rule == "invalid-value" and (p.line, p.col) in places)
        ]
        problems += unknown
    count = len(events.events)
    step = max(1, count // PROGRESS_STEPS)
    for done, (index, event) in enumerate(events.events):
        if done % step == 0:
            share = READING_SHARE + (1 - READING_SHARE) * done / count
            progress(share, f"Checking the sources of event {done + 1:,} of {count:,}…")
        problems.extend(event_problems(events.doc, index, event, seeds))
    if len(events.events) < len(events.raw):
        # An event that is not valid on its own still has its valid citations checked.
        valid = {index for index, _ in events.events}
        for index, raw in enumerate(events.raw):
            if index not in valid:
                problems.extend(citations_of_invalid_event(events.doc, index, raw, seeds))
    problems = with_placeholder_problems(problems, events.doc, events.raw)
    every_event_read = events.doc.ok and len(events.events) == len(events.raw) > 0
    if seeds.names is not None and sources and every_event_read:
        cited = {citation.file for _, event in events.events for citation in event.sources}
        problems.extend(uncited_seed_warnings(catalogue.doc, sources, cited))
    read = events.read_counts()
    problems = sort_problems(problems)
    faulty = _faulty_events(events, problems)
    readable = events.doc.ok
    # The YAML node tree and the raw data are only needed to locate problems: drop them while
    # the garbage collector is off, so it never walks their half a million objects.
    events.doc.root, events.doc.data, events.doc.text, events.raw = None, None, "", []
    return CheckResult(
        events, vocab.model, sources, paths, seeds.texts, settings, problems, read, readable, faulty
    )


def _faulty_events(events: ParsedEvents, problems: list[Problem]) -> set[int]:
    """Indexes of the events an error in the events file is located in.

    Event ``i`` runs from its first line to the line before event ``i + 1`` starts.
    """
    errors = [p.line for p in problems if p.is_error and p.path == events.doc.path]
    if not errors or not events.raw:
        return set()
    starts = [events.doc.locate(("events", index))[0] for index in range(len(events.raw))]
    faulty = set()
    for line in errors:
        index = bisect.bisect_right(starts, line) - 1
        if index >= 0:
            faulty.add(index)
    return faulty


def _settings(paths: DataPaths) -> tuple[Settings, list[Problem]]:
    """The dataset's settings file, checked like the others; without one, generic words."""
    if not paths.settings.exists():
        return DEFAULT_SETTINGS, []
    parsed = read_model_file(paths.settings, Settings)
    return parsed.model or DEFAULT_SETTINGS, parsed.problems


def _missing(events: ParsedEvents) -> bool:
    """True when the events file cannot be opened at all (missing, a folder, no permission)."""
    return not events.doc.ok and any(p.rule == "unreadable-file" for p in events.problems)
