"""The checks of one valid event: its citations, its figures, its date basis, its support."""

from __future__ import annotations

from collections.abc import Iterable

from timeline.checks.dates import date_basis_problems
from timeline.checks.quotes import SeedFolder, citation_problems
from timeline.checks.yaml_syntax import YamlDocument
from timeline.model import Event
from timeline.problems import Problem


def event_problems(
    doc: YamlDocument, index: int, event: Event, seeds: SeedFolder
) -> Iterable[Problem]:
    at = ("events", index)
    files = [citation.file for citation in event.sources]
    for number, citation in enumerate(event.sources):
        yield from citation_problems(doc, (*at, "sources", number), citation, seeds)
    for number, figure in enumerate(event.figures):
        if figure.source not in files:
            yield doc.problem(
                (*at, "figures", number, "source"),
                "figure-source-not-cited",
                f"figure source {figure.source} is not cited by this event: "
                f"add a citation of it under sources, or fix the file name",
            )
    yield from date_basis_problems(doc, at, event)
    distinct = list(dict.fromkeys(files))
    if len(distinct) == 1:
        yield doc.problem(
            (*at, "sources"),
            "single-source",
            f"event '{event.id}' rests on one seed only ({distinct[0]}): cite another seed "
            "that reports it, if there is one",
            key=True,
            level="warning",
        )
