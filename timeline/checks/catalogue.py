"""The seed catalogue: one entry per seed file, each with a real publication date."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from timeline.checks.duplicates import duplicate_problems
from timeline.checks.yaml_syntax import YamlDocument
from timeline.dates import PartialDate, parse_partial_date
from timeline.model import PublishedRange, Source
from timeline.paths import CATALOGUE_NAME, DataPaths
from timeline.problems import Problem


def catalogue_problems(
    doc: YamlDocument, entries: Sequence[Source], paths: DataPaths
) -> list[Problem]:
    """Duplicate entries, entries without a file, files without an entry, impossible dates."""
    seeds = paths.seeds_display
    files = [entry.file for entry in entries]
    problems = duplicate_problems(doc, "sources", files, "file", "keep one entry per seed file")
    for number, entry in enumerate(entries):
        at = ("sources", number)
        if not (paths.seeds / entry.file).is_file():
            problems.append(
                doc.problem(
                    (*at, "file"),
                    "missing-seed-file",
                    f"{seeds}/{entry.file} does not exist: add the text file or remove this entry",
                )
            )
        problems.extend(_published_problems(doc, at, entry))
    catalogued = set(files)
    for path in paths.seed_files():
        if path.name not in catalogued:
            problems.append(
                Problem(
                    f"{seeds}/{path.name}",
                    1,
                    1,
                    "error",
                    f"seed {path.name} has no entry in {seeds}/{CATALOGUE_NAME}: add one "
                    "(file, title, publisher, published and how you know them)",
                    "uncatalogued-seed",
                )
            )
    return problems


def _published_problems(doc: YamlDocument, at: tuple, entry: Source) -> list[Problem]:
    published = entry.published
    if isinstance(published, PublishedRange):
        days = {"earliest": published.earliest, "latest": published.latest}
    else:
        days = {"published": published}
    problems, parsed = [], {}
    for name, text in days.items():
        loc = (*at, "published") if name == "published" else (*at, "published", name)
        try:
            parsed[name] = parse_partial_date(text)
        except ValueError as error:
            problems.append(doc.problem(loc, "impossible-date", f"impossible date: {error}"))
    if _reversed(parsed) and isinstance(published, PublishedRange):
        problems.append(
            doc.problem(
                (*at, "published", "latest"),
                "end-before-date",
                f"latest {published.latest} is before earliest {published.earliest}: swap them",
            )
        )
    return problems


def _reversed(parsed: dict[str, PartialDate]) -> bool:
    return "earliest" in parsed and "latest" in parsed and parsed["latest"] < parsed["earliest"]


def uncited_seed_warnings(
    doc: YamlDocument, entries: Sequence[Source], cited: set[str]
) -> Iterable[Problem]:
    """A warning for each catalogued seed that no event cites."""
    for number, entry in enumerate(entries):
        if entry.file not in cited:
            yield doc.problem(
                ("sources", number, "file"),
                "uncited-seed",
                f"seed {entry.file} is cited by no event: cite it where it supports an event",
                level="warning",
            )
