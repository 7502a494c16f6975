"""Labels of key events on an exported chart: beside their marks when the rows allow, else a
number beside each mark and a numbered key under the chart.

A label takes room in its mark's row, so marks and labels are packed together
(``timeline.export.dodge.pack``): no label covers a mark or another label. When the labelled
rows would not fit the plot's height, every key event gets a number instead (FT and Reuters
style: direct labels first, a key when they cannot fit).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from timeline.export.dodge import Lane, Mark, pack, total_rows
from timeline.export.text_width import text_width, wrap

PAD = 4.0  # pixels between a mark and its label
LABEL_SHARE = 0.45  # a label is at most this share of the plot's width
KEY_SEPARATOR = " · "


@dataclass(frozen=True)
class Label:
    mark: Mark
    text: str
    anchor: float  # pixels across the plot where the text starts (side right) or ends (left)
    side: str  # "right" or "left" of the mark
    number: int | None = None  # in the numbered key: the label is this number
    width: float = 0.0  # of the text as drawn, in pixels

    @property
    def span(self) -> tuple[float, float]:
        if self.side == "right":
            return self.anchor, self.anchor + self.width
        return self.anchor - self.width, self.anchor


@dataclass(frozen=True)
class Placement:
    rows: dict[int, int]  # id(mark) -> row within its lane
    labels: list[Label]
    key: list[str]  # the numbered key's lines (plotly text: escaped, numbers in bold)
    total_rows: float


def _room(mark: Mark, width: float, plot_width: float) -> tuple[str, float] | None:
    """The side a label of ``width`` pixels fits on, and where it starts or ends."""
    left, right = mark.reach
    if right + PAD + width <= plot_width:
        return "right", right + PAD
    if left - PAD - width >= 0:
        return "left", left - PAD
    return None


def _extent(mark: Mark, side: str, anchor: float, width: float) -> tuple[float, float]:
    if side == "right":
        return mark.left, anchor + width
    return anchor - width, mark.right


def _packed(lanes: Sequence[Lane], extents: Mapping[int, tuple[float, float]]) -> dict[int, int]:
    rows: dict[int, int] = {}
    for lane in lanes:
        lane_rows = pack([extents[id(m)] for m in lane.marks])
        rows.update({id(m): row for m, row in zip(lane.marks, lane_rows, strict=True)})
    return rows


def _labelled(lanes: Sequence[Lane], titles: Mapping[str, str]) -> list[Mark]:
    """The mark of each key event that carries its label (the first, top lane first), in
    time order."""
    chosen: dict[str, Mark] = {}
    for lane in lanes:
        for mark in lane.marks:
            if mark.event in titles and mark.event not in chosen:
                chosen[mark.event] = mark
    return sorted(chosen.values(), key=lambda m: (m.centre, m.event))


def place(
    lanes: Sequence[Lane],
    titles: Mapping[str, str],
    *,
    size: float,
    plot_width: float,
    max_rows: float,
    key_width: float,
    gap: float = 1.0,
    escape: Callable[[str], str] = str,
) -> Placement:
    """Rows for the marks and a label for each key event (``titles``: event id -> title):
    beside its mark where it has room (else a number, in the key) while the rows stay within
    ``max_rows`` (a row as tall as a line of text); when they would not, every key event by
    number (rows then as tall as a mark)."""
    marks = [m for lane in lanes for m in lane.marks]
    bare = {id(m): (m.left, m.right) for m in marks}
    labelled = _labelled(lanes, titles)

    # Beside its mark where a label has room, a number where it has not.
    mixed: list[Label] = []
    extents = dict(bare)
    for mark in labelled:
        text = titles[mark.event]
        width = min(text_width(text, size), plot_width * LABEL_SHARE)
        room = _room(mark, width, plot_width)
        if room is None:
            width = text_width(str(len(labelled)), size, bold=True)
            room = _room(mark, width, plot_width) or ("right", mark.reach[1] + PAD)
            mixed.append(Label(mark, text, room[1], room[0], -1, width))
        else:
            mixed.append(Label(mark, text, room[1], room[0], width=width))
        extents[id(mark)] = _extent(mark, room[0], room[1], width)
    rows = _packed(lanes, extents)
    if total_rows(lanes, rows, gap) <= max_rows:
        count = iter(range(1, len(mixed) + 1))
        mixed = [
            replace(label, number=next(count)) if label.number is not None else label
            for label in mixed
        ]
        numbers = [label for label in mixed if label.number is not None]
        key = key_lines(numbers, size, key_width, escape)
        return Placement(rows, mixed, key, total_rows(lanes, rows, gap))

    numbered: list[Label] = []
    extents = dict(bare)
    for number, mark in enumerate(labelled, start=1):
        width = text_width(str(number), size, bold=True)
        side, anchor = _room(mark, width, plot_width) or ("right", mark.reach[1] + PAD)
        numbered.append(Label(mark, titles[mark.event], anchor, side, number, width))
        extents[id(mark)] = _extent(mark, side, anchor, width)
    rows = _packed(lanes, extents)
    numbered = _apart(numbered, lanes, rows, extents, plot_width)
    key = key_lines(numbered, size, key_width, escape)
    return Placement(rows, numbered, key, total_rows(lanes, rows, gap))


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return min(a[1], b[1]) - max(a[0], b[0]) > 0


def _apart(
    labels: list[Label],
    lanes: Sequence[Lane],
    rows: Mapping[int, int],
    extents: dict[int, tuple[float, float]],
    plot_width: float,
) -> list[Label]:
    """Numbers in neighbouring rows may be taller than a row: where two would touch, the
    later one moves to the other side of its mark, if its row has room there."""
    lane_of = {id(m): n for n, lane in enumerate(lanes) for m in lane.marks}
    placed = list(labels)
    for i, label in enumerate(placed):
        mark = label.mark
        near = [
            other
            for other in placed[:i]
            if lane_of[id(other.mark)] == lane_of[id(mark)]
            and abs(rows[id(other.mark)] - rows[id(mark)]) == 1
            and _overlap(other.span, label.span)
        ]
        if not near:
            continue
        left, right = mark.reach
        side = "left" if label.side == "right" else "right"
        anchor = left - PAD if side == "left" else right + PAD
        moved = Label(mark, label.text, anchor, side, label.number, label.width)
        extent = _extent(mark, side, anchor, label.width)
        neighbours = [
            extents[id(m)]
            for m in lanes[lane_of[id(mark)]].marks
            if m is not mark and rows[id(m)] == rows[id(mark)]
        ]
        fits = moved.span[0] >= 0 and moved.span[1] <= plot_width
        crowded = any(_overlap(extent, other) for other in neighbours)
        if fits and not crowded and not any(_overlap(o.span, moved.span) for o in near):
            placed[i] = moved
            extents[id(mark)] = extent
    return placed


def key_lines(
    labels: Sequence[Label], size: float, width: float, escape: Callable[[str], str] = str
) -> list[str]:
    """``1 Title   2 Title`` in lines that fit ``width``; an entry too long for a line is
    shortened, never split."""
    lines: list[str] = []
    plain: list[str] = []
    for label in labels:
        number = f"{label.number} "
        room = width - text_width(number, size, bold=True)
        title = (
            wrap(label.text, size, room)[0] if text_width(label.text, size) > room else label.text
        )
        if title != label.text:
            title = title.rstrip(" .,;:") + "…"
        entry_plain = number + title
        entry = f"<b>{label.number}</b> {escape(title)}"
        if plain and text_width(plain[-1] + KEY_SEPARATOR + entry_plain, size) <= width:
            plain[-1] += KEY_SEPARATOR + entry_plain
            lines[-1] += KEY_SEPARATOR + entry
        else:
            plain.append(entry_plain)
            lines.append(entry)
    return lines
