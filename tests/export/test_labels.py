"""timeline.export.labels: key events labelled beside their marks where there is room, else
by number with a key; labels take room in their rows, so nothing is covered."""

from timeline.export.dodge import Lane, Mark
from timeline.export.labels import key_lines, place
from timeline.export.text_width import text_width


def mark(event, left, right=None):
    right = left + 13 if right is None else right
    return Mark(0, 0, event, left, right, (left + right) / 2, 0.0, 6.5)


def test_labels_go_beside_marks_and_push_neighbours_to_other_rows():
    lane = Lane("Lane", [mark("a", 10), mark("b", 60)])
    placement = place(
        lane_list := [lane],
        {"a": "A label of some length"},
        size=12,
        plot_width=600,
        max_rows=10,
        key_width=600,
    )
    (label,) = placement.labels
    assert label.side == "right" and label.number is None
    assert label.anchor > lane_list[0].marks[0].right
    rows = placement.rows
    assert rows[id(lane.marks[0])] != rows[id(lane.marks[1])]  # b would sit under the label
    assert placement.key == []


def test_a_label_without_room_becomes_a_number_in_the_key():
    wide = mark("wide", 0, 590)  # a span across the plot: no room either side
    placement = place(
        [Lane("L", [wide, mark("p", 300)])],
        {"wide": "Wide", "p": "Point"},
        size=12,
        plot_width=600,
        max_rows=10,
        key_width=600,
    )
    by_event = {label.mark.event: label for label in placement.labels}
    assert by_event["wide"].number == 1 and by_event["p"].number is None
    assert placement.key == ["<b>1</b> Wide"]


def test_when_labelled_rows_would_not_fit_every_key_event_is_numbered():
    marks = [mark(str(n), 20 * n) for n in range(6)]
    titles = {m.event: f"Title number {m.event} that is long" for m in marks}
    placement = place(
        [Lane("L", marks)], titles, size=12, plot_width=600, max_rows=2, key_width=300
    )
    assert [label.number for label in placement.labels] == [1, 2, 3, 4, 5, 6]
    assert len(placement.key) > 1
    assert all(
        text_width(line.replace("<b>", "").replace("</b>", ""), 12) <= 300 for line in placement.key
    )


def test_key_lines_escape_titles():
    marks = [mark("a", 10)]
    placement = place(
        [Lane("L", marks)],
        {"a": "<i>x</i>"},
        size=12,
        plot_width=20,
        max_rows=1,
        key_width=300,
        escape=lambda t: t.replace("<", "&lt;"),
    )
    assert placement.key == ["<b>1</b> &lt;i>x&lt;/i>"]
    assert key_lines([], 12, 300) == []
