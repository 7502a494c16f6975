"""An ``EventsDiff`` as text for a terminal or as Markdown for a pull-request comment.

In Markdown every piece of data is shown as text: short values in code spans, prose and quotes
escaped (``&``, ``<``, ``>`` as entities, Markdown punctuation backslash-escaped), so nothing
a contributor writes in the data can turn into a link, an image, a heading or HTML.
"""

from __future__ import annotations

import re

from timeline.authoring.semantic_diff import EventChange, EventsDiff, FieldChange
from timeline.text import markdown

PROSE_FIELDS = ("summary", "date_basis")
# GitHub refuses comments over 65,536 characters.
MARKDOWN_LIMIT = 60_000


def md_code(text: object) -> str:
    """A code span holding ``text`` literally, whatever backticks it contains."""
    text = " ".join(str(text).split()) or " "
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_quote(text: object, indent: str) -> list[str]:
    return [f"{indent}> {markdown(line.strip())}" for line in str(text).splitlines() or [""]]


def headline(diff: EventsDiff) -> str:
    counts = diff.counts
    if diff.is_empty:
        return "no changes to the events"
    return ", ".join(f"{n} {what}" for what, n in counts.items() if n)


# -- Markdown ------------------------------------------------------------------------------


def as_markdown(diff: EventsDiff) -> str:
    lines = [
        f"### Timeline events: {headline(diff)}",
        "",
        f"{md_code(diff.old_label)} → {md_code(diff.new_label)}",
    ]
    sections = [
        ("Added", [line for event in diff.added for line in _md_event(event)]),
        ("Removed", [line for event in diff.removed for line in _md_event(event)]),
        ("Renamed", [line for change in diff.renamed for line in _md_change(change)]),
        ("Changed", [line for change in diff.changed for line in _md_change(change)]),
    ]
    for title, body in sections:
        if body:
            lines += ["", f"#### {title}", "", *body[:-1]]  # each item ends with a blank line
    return _limited("\n".join(lines) + "\n")


def _limited(text: str) -> str:
    if len(text) <= MARKDOWN_LIMIT:
        return text
    cut = text.rfind("\n- ", 0, MARKDOWN_LIMIT)
    return (
        text[: cut if cut > 0 else MARKDOWN_LIMIT]
        + "\n\n*Cut short to fit a comment: run `python -m timeline diff` to see everything.*\n"
    )


def _md_when(event: dict) -> str:
    date, end = md_code(event.get("date", "?")), event.get("end")
    if end is None:
        return date
    if event.get("window"):
        return f"sometime between {date} and {md_code(end)}"
    return f"{date} to {md_code(end)}"


def _md_event(event: dict) -> list[str]:
    head = f"- **{md_code(event.get('id', '?'))}**: {markdown(str(event.get('title', '')))}"
    lines = [head, f"  {_md_when(event)} · {md_code(event.get('status', '?'))}"]
    for citation in _citations(event.get("sources")):
        lines += ["", *md_quote(citation.get("quote", ""), "  ")]
        lines += ["  >", f"  > — {md_code(citation.get('file', '?'))}"]
    return [*lines, ""]


def _md_change(change: EventChange) -> list[str]:
    name = md_code(change.id)
    if change.old_id is not None:
        name = f"{md_code(change.old_id)} → {name}"
    lines = [f"- **{name}**: {markdown(change.title)}"]
    if change.old_id is not None and not change.changes:
        lines.append("  - nothing else changed")
    for field_change in change.changes:
        lines += _md_field(field_change)
    return [*lines, ""]


def _md_field(change: FieldChange) -> list[str]:
    label = f"**{markdown(change.field)}**"
    if change.field == "sources" and (change.added or change.removed):
        lines = []
        for verb, citations in (("removed", change.removed), ("added", change.added)):
            for citation in _citations(citations):
                lines.append(f"  - {label}: quote {verb} from {md_code(citation.get('file'))}")
                lines += md_quote(citation.get("quote", ""), "    ")
        return lines
    if change.field == "figures" and (change.added or change.removed):
        return [
            f"  - {label}: {verb} {markdown(_figure_text(figure))}"
            for verb, figures in (("removed", change.removed), ("added", change.added))
            for figure in figures
        ]
    if change.added or change.removed:
        parts = [f"added {_md_value(v)}" for v in change.added]
        parts += [f"removed {_md_value(v)}" for v in change.removed]
        return [f"  - {label}: {'; '.join(parts)}"]
    if isinstance(change.old, list) and isinstance(change.new, list):
        return [f"  - {label}: order {_md_value(change.old)} → {_md_value(change.new)}"]
    if change.field in PROSE_FIELDS and change.old is not None and change.new is not None:
        return [
            f"  - {label} was:",
            *md_quote(change.old, "    "),
            "    now:",
            *md_quote(change.new, "    "),
        ]
    return [f"  - {label}: {_md_value(change.old)} → {_md_value(change.new)}"]


def _md_value(value: object) -> str:
    if value is None:
        return "*(none)*"
    if isinstance(value, list):
        return ", ".join(_md_value(item) for item in value) or "*(empty)*"
    if isinstance(value, str) and len(value.split()) > 3:
        return markdown(value)
    return md_code(str(value))


# -- Text ----------------------------------------------------------------------------------


def as_text(diff: EventsDiff) -> str:
    lines = [f"{diff.old_label} -> {diff.new_label}: {headline(diff)}"]
    for event in diff.added:
        lines.append(f"added    {_text_event(event)}")
    for event in diff.removed:
        lines.append(f"removed  {_text_event(event)}")
    for change in diff.renamed:
        lines.append(f"renamed  {change.old_id} -> {change.id}")
        lines += [f"  {line}" for c in change.changes for line in _text_field(c)]
    for change in diff.changed:
        lines.append(f"changed  {change.id}")
        lines += [f"  {line}" for c in change.changes for line in _text_field(c)]
    return "\n".join(lines) + "\n"


def _text_event(event: dict) -> str:
    when = str(event.get("date", "?"))
    if event.get("end") is not None:
        when += ("~" if event.get("window") else "..") + str(event["end"])
    return f"{event.get('id', '?')}  {when}  {event.get('status', '?')}  {event.get('title', '')}"


def _text_field(change: FieldChange) -> list[str]:
    if change.field == "sources" and (change.added or change.removed):
        return [
            f"sources: quote {verb} from {citation.get('file')}: {citation.get('quote')!r}"
            for verb, citations in (("removed", change.removed), ("added", change.added))
            for citation in _citations(citations)
        ]
    if change.field == "figures" and (change.added or change.removed):
        return [
            f"figures: {verb} {_figure_text(figure)}"
            for verb, figures in (("removed", change.removed), ("added", change.added))
            for figure in figures
        ]
    if change.added or change.removed:
        parts = [f"added {v!r}" for v in change.added] + [f"removed {v!r}" for v in change.removed]
        return [f"{change.field}: {'; '.join(parts)}"]
    return [f"{change.field}: {change.old!r} -> {change.new!r}"]


# -- Shared --------------------------------------------------------------------------------


def _citations(value: object) -> list[dict]:
    items = value if isinstance(value, list) else []
    return [item if isinstance(item, dict) else {"quote": str(item)} for item in items]


def _figure_text(figure: object) -> str:
    if not isinstance(figure, dict):
        return str(figure)
    value = figure.get("value")
    number = f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else value
    qualifier = figure.get("qualifier", "exactly")
    text = " ".join(str(p) for p in (qualifier if qualifier != "exactly" else "", number) if p)
    text += f" {figure.get('unit', '')}: {figure.get('counts', '')}"
    return f"{text} (claimed by {figure.get('claimant', '?')}; {figure.get('source', '?')})"
