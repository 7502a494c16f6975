"""Every check on the data: the events file, its vocabularies, the seed catalogue and the seeds.

``run_checks`` returns what it read and the problems found; it never raises for bad data.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from timeline.checks.dates import is_written_out
from timeline.checks.placeholders import with_placeholder_problems
from timeline.checks.yaml_syntax import YamlDocument, gc_paused
from timeline.dates import parse_partial_date
from timeline.loader import ParsedEvents, ParsedFile, ReadCounts, parse_events, read_model_file
from timeline.model import Citation, Event, Source, SourcesFile, Vocabularies
from timeline.problems import Problem, sort_problems
from timeline.sources import CATALOGUE_NAME, SeedText, normalise, read_seeds, seeds_display

VOCABULARY_NAME = "vocabularies.yaml"
MIN_QUOTE_WORDS = 4
MIN_QUOTE_CHARS = 20
# event field -> (vocabulary section, what one value is called)
_VOCABULARY_FIELDS = {
    "category": ("categories", "category"),
    "actors": ("actors", "actor"),
    "status": ("statuses", "status"),
    "location": ("places", "place"),
    "other_locations": ("places", "place"),
}
_CITATION = TypeAdapter(Citation)


def default_seeds_dir(events_path: Path | str) -> Path:
    """``seeds/`` beside the events file's folder: data/events.yaml -> seeds."""
    return Path(events_path).parent.parent / "seeds"


def vocabulary_path(events_path: Path | str) -> Path:
    return Path(events_path).parent / VOCABULARY_NAME


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
    seeds_dir: Path
    seeds: dict[str, SeedText]
    problems: list[Problem] = field(default_factory=list)
    read: ReadCounts = field(default_factory=ReadCounts)


def check(events_path: Path | str = "data/events.yaml", seeds_dir: Path | None = None):
    """Every problem in the data, sorted; an empty list when all is well."""
    return run_checks(events_path, seeds_dir).problems


def run_checks(
    events_path: Path | str = "data/events.yaml", seeds_dir: Path | str | None = None
) -> CheckResult:
    """Read and check everything; see CheckResult."""
    with gc_paused():
        return _run_checks(events_path, seeds_dir)


def _run_checks(events_path: Path | str, seeds_dir: Path | str | None) -> CheckResult:
    events_path = Path(events_path)
    seeds_dir = Path(seeds_dir) if seeds_dir is not None else default_seeds_dir(events_path)
    events = parse_events(events_path)
    if _missing(events):
        # Most likely a mistyped path: the files "beside" it are not worth a word.
        return CheckResult(events, None, [], seeds_dir, {}, sort_problems(events.problems))
    vocab = read_model_file(vocabulary_path(events_path), Vocabularies)
    problems = events.problems + vocab.problems + _vocabulary_file_problems(vocab)

    seed_dir_name = seeds_display(seeds_dir)
    seeds: dict[str, SeedText] = {}
    sources: list[Source] = []
    if seeds_dir.is_dir():
        catalogue = read_model_file(seeds_dir / CATALOGUE_NAME, SourcesFile)
        sources = list(catalogue.model.sources) if catalogue.model else []
        seeds, seed_problems = read_seeds(seeds_dir, seed_dir_name)
        problems += catalogue.problems + seed_problems
        problems += _catalogue_problems(catalogue, seeds_dir, seed_dir_name)
        seed_names = {p.name for p in seeds_dir.glob("*.txt") if p.is_file()}
    else:
        seed_names = None
        problems.append(
            Problem(
                seed_dir_name,
                1,
                1,
                "error",
                f"seed folder {seed_dir_name} does not exist: pass --seeds DIR",
                "unreadable-file",
            )
        )
    checker = _EventChecker(events.doc, vocab, seed_names, seeds, seed_dir_name)
    if checker.known:
        # On the events as read, so that 'North Koera' is an unknown actor with a suggestion
        # rather than only a value that is not kebab-case.
        unknown = [p for i, raw in enumerate(events.raw) for p in checker.vocabulary(i, raw)]
        places = {(p.line, p.col) for p in unknown}
        problems = [
            p for p in problems if not (p.rule == "invalid-value" and (p.line, p.col) in places)
        ]
        problems += unknown
    for index, event in events.events:
        problems.extend(checker.check(index, event))
    if len(events.events) < len(events.raw):
        # An event that is not valid on its own still has its valid citations checked.
        valid = {index for index, _ in events.events}
        for index, raw in enumerate(events.raw):
            if index not in valid:
                problems.extend(checker.citations_of_invalid_event(index, raw))
    problems = with_placeholder_problems(problems, events.doc, events.raw)
    every_event_read = events.doc.ok and len(events.events) == len(events.raw) > 0
    if seed_names is not None and sources and every_event_read:
        problems.extend(_uncited_seed_warnings(catalogue, events))
    read = events.read_counts()
    # The YAML node tree and the raw data are only needed to locate problems: drop them while
    # the garbage collector is off, so it never walks their half a million objects.
    events.doc.root, events.doc.data, events.doc.text, events.raw = None, None, "", []
    return CheckResult(
        events, vocab.model, sources, seeds_dir, seeds, sort_problems(problems), read
    )


def _missing(events: ParsedEvents) -> bool:
    """True when the events file cannot be opened at all (missing, a folder, no permission)."""
    return not events.doc.ok and any(p.rule == "unreadable-file" for p in events.problems)


class _EventChecker:
    """The checks of one event against the vocabularies and the seeds."""

    def __init__(
        self,
        doc: YamlDocument,
        vocab: ParsedFile[Vocabularies],
        seed_names: set[str] | None,
        seeds: dict[str, SeedText],
        seed_dir_name: str,
    ) -> None:
        self.doc = doc
        self.seed_names = seed_names
        self.seeds = seeds
        self.seed_dir_name = seed_dir_name
        self.vocab_path = vocab.doc.path
        self.known: dict[str, dict[str, str]] = {}  # section -> {id or label: id}
        if vocab.model is not None:
            for section in ("categories", "actors", "statuses", "places"):
                self.known[section] = _suggestion_keys(getattr(vocab.model, section))

    def check(self, index: int, event: Event) -> Iterable[Problem]:
        at = ("events", index)
        files = [citation.file for citation in event.sources]
        for number, citation in enumerate(event.sources):
            yield from self._citation((*at, "sources", number), citation.file, citation.quote)
        for number, figure in enumerate(event.figures):
            if figure.source not in files:
                yield self.doc.problem(
                    (*at, "figures", number, "source"),
                    "figure-source-not-cited",
                    f"figure source {figure.source} is not cited by this event: "
                    f"add a citation of it under sources, or fix the file name",
                )
        yield from self._date_basis(at, event)
        distinct = list(dict.fromkeys(files))
        if len(distinct) == 1:
            yield self.doc.problem(
                (*at, "sources"),
                "single-source",
                f"event '{event.id}' rests on one seed only ({distinct[0]}): cite another seed "
                "that reports it, if there is one",
                key=True,
                level="warning",
            )

    def citations_of_invalid_event(self, index: int, raw: object) -> Iterable[Problem]:
        """The checks of each citation that is valid on its own, in an event that is not."""
        citations = raw.get("sources") if isinstance(raw, dict) else None
        for number, item in enumerate(citations if isinstance(citations, list) else []):
            try:
                citation = _CITATION.validate_python(item)
            except ValidationError:
                continue  # reported, with its location, by the events file's validation
            yield from self._citation(
                ("events", index, "sources", number), citation.file, citation.quote
            )

    def vocabulary(self, index: int, raw: object) -> Iterable[Problem]:
        """Values of the raw event (valid or not) missing from the vocabularies."""
        if not isinstance(raw, dict):
            return
        for name, (section, kind) in _VOCABULARY_FIELDS.items():
            value = raw.get(name)
            items = enumerate(value) if isinstance(value, list) else [(None, value)]
            known = self.known[section]
            for number, item in items:
                if not isinstance(item, str) or known.get(item) == item:
                    continue
                loc = ("events", index, name) + (() if number is None else (number,))
                yield self.doc.problem(
                    loc,
                    "unknown-vocabulary",
                    f"unknown {kind} '{item}'{_did_you_mean(item, known)}: use an id listed "
                    f"under {section} in {self.vocab_path}, or add it there",
                )

    def _citation(self, loc: tuple, file: str, quote: str) -> Iterable[Problem]:
        words = normalise(quote).split()
        length = len(" ".join(words))
        if len(words) < MIN_QUOTE_WORDS or length < MIN_QUOTE_CHARS:
            yield self.doc.problem(
                (*loc, "quote"),
                "quote-too-short",
                f"quote has {len(words)} words ({length} characters): quote at least "
                f"{MIN_QUOTE_WORDS} words and {MIN_QUOTE_CHARS} characters, enough to show "
                "what supports the event",
            )
        if self.seed_names is None:
            return
        if file not in self.seed_names:
            suggestion = _did_you_mean(file, {name: name for name in self.seed_names})
            yield self.doc.problem(
                (*loc, "file"),
                "unknown-seed",
                f"{self.seed_dir_name}/{file} does not exist{suggestion}: cite a file "
                f"in {self.seed_dir_name}/",
            )
            return
        seed = self.seeds.get(file)
        if seed is None or not words or seed.find(quote) is not None:
            return  # an unreadable seed is reported once, as its own problem
        line, passage = seed.closest_passage(quote)
        yield self.doc.problem(
            (*loc, "quote"),
            "quote-not-found",
            f'quote not found in {self.seed_dir_name}/{file}; closest passage at line {line}: "'
            f'{passage}"',
        )

    def _date_basis(self, at: tuple, event: Event) -> Iterable[Problem]:
        if event.date_basis is not None:
            return
        quotes = [citation.quote for citation in event.sources]
        for name in ("date", "end"):
            value = getattr(event, name)
            if value is not None and not is_written_out(value, quotes):
                yield self.doc.problem(
                    (*at, name),
                    "date-basis-missing",
                    f"{name} {value} is not written out in any of this event's quotes: add "
                    "date_basis saying how it was worked out (e.g. \"'last Thursday' in an "
                    'article published on ...")',
                )
                return


def _vocabulary_file_problems(vocab: ParsedFile[Vocabularies]) -> list[Problem]:
    if vocab.model is None:
        return []
    problems = []
    for section in ("categories", "actors", "statuses", "places"):
        ids = [entry.id for entry in getattr(vocab.model, section)]
        problems.extend(_duplicates(vocab.doc, section, ids, "id", "give each entry its own id"))
    return problems


def _catalogue_problems(
    catalogue: ParsedFile[SourcesFile], seeds_dir: Path, seed_dir_name: str
) -> list[Problem]:
    if catalogue.model is None:
        return []
    doc, entries = catalogue.doc, catalogue.model.sources
    files = [entry.file for entry in entries]
    problems = _duplicates(doc, "sources", files, "file", "keep one entry per seed file")
    for number, entry in enumerate(entries):
        at = ("sources", number)
        if not (seeds_dir / entry.file).is_file():
            problems.append(
                doc.problem(
                    (*at, "file"),
                    "missing-seed-file",
                    f"{seed_dir_name}/{entry.file} does not exist: add the text file or "
                    "remove this entry",
                )
            )
        problems.extend(_published_problems(doc, at, entry))
    catalogued = set(files)
    for path in sorted(seeds_dir.glob("*.txt")):
        if path.is_file() and path.name not in catalogued:
            problems.append(
                Problem(
                    f"{seed_dir_name}/{path.name}",
                    1,
                    1,
                    "error",
                    f"seed {path.name} has no entry in {seed_dir_name}/{CATALOGUE_NAME}: add one "
                    "(file, title, publisher, published and how you know them)",
                    "uncatalogued-seed",
                )
            )
    return problems


def _published_problems(doc: YamlDocument, at: tuple, entry: Source) -> list[Problem]:
    if isinstance(entry.published, str):
        days = {"published": entry.published}
    else:
        days = {"earliest": entry.published.earliest, "latest": entry.published.latest}
    problems, parsed = [], {}
    for name, text in days.items():
        loc = (*at, "published") if name == "published" else (*at, "published", name)
        try:
            parsed[name] = parse_partial_date(text)
        except ValueError as error:
            problems.append(doc.problem(loc, "impossible-date", f"impossible date: {error}"))
    if "earliest" in parsed and "latest" in parsed and parsed["latest"] < parsed["earliest"]:
        problems.append(
            doc.problem(
                (*at, "published", "latest"),
                "end-before-date",
                f"latest {entry.published.latest} is before earliest "
                f"{entry.published.earliest}: swap them",
            )
        )
    return problems


def _uncited_seed_warnings(catalogue: ParsedFile[SourcesFile], events: ParsedEvents):
    cited = {citation.file for _, event in events.events for citation in event.sources}
    for number, entry in enumerate(catalogue.model.sources):
        if entry.file not in cited:
            yield catalogue.doc.problem(
                ("sources", number, "file"),
                "uncited-seed",
                f"seed {entry.file} is cited by no event: cite it where it supports an event",
                level="warning",
            )


def _duplicates(
    doc: YamlDocument, section: str, values: list[str], name: str, fix: str
) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for number, value in enumerate(values):
        if value in first:
            line, _ = doc.locate((section, first[value], name))
            problems.append(
                doc.problem(
                    (section, number, name),
                    "duplicate-id",
                    f"duplicate {name} '{value}' in {section} (first at line {line}): {fix}",
                )
            )
        else:
            first[value] = number
    return problems


def _suggestion_keys(entries) -> dict[str, str]:
    # Ids are the values; labels map to their ids, so 'North Koera' finds 'north-korea'.
    keys = {entry.id: entry.id for entry in entries}
    for entry in entries:
        keys.setdefault(entry.label.lower(), entry.id)
    return keys


def _did_you_mean(value: str, keys: dict[str, str]) -> str:
    ids = set(keys.values())
    candidates = list(keys)
    match = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6) or (
        difflib.get_close_matches(value.lower(), candidates, n=1, cutoff=0.6)
    )
    if not match:
        prefix = value.split("_", 1)[0].split(".", 1)[0]
        match = [name for name in sorted(ids) if prefix and name.startswith(prefix + "_")][:1]
    return f" (did you mean '{keys[match[0]]}'?)" if match else ""
