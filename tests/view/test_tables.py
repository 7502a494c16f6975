import pandas as pd
from dashboard_support import VOCABULARIES, event_row, events_frame

from timeline.model import PublishedRange, Source
from timeline.view.labels import Labels
from timeline.view.tables import (
    events_table,
    figures_table,
    place_counts,
    published_text,
    single_source_events,
    source_event_matrix,
    sources_table,
)


def source(file, publisher, title="A title", published="2024-10-28", short_name=None):
    return Source(
        file=file,
        short_name=short_name or publisher,
        title=title,
        publisher=publisher,
        publisher_basis="masthead",
        published=published,
        published_basis="dateline",
    )


SOURCES = [
    source("a.txt", "Agency", published=PublishedRange(earliest="2024-10-24", latest="2024-10-27")),
    source("b.txt", "Paper", title="First"),
    source("c.txt", "Paper", title="Second"),
]
FIGURE = {
    "value": 3000.0,
    "unit": "troops",
    "counts": "soldiers in Russia",
    "claimant": "United States",
    "qualifier": "about",
    "source": "b.txt",
    "note": None,
}
EVENTS = events_frame(
    event_row(
        "treaty",
        "2024-06-19",
        location="pyongyang",
        actors=["russia", "north-korea"],
        sources=[{"file": "a.txt", "quote": "qa"}, {"file": "b.txt", "quote": "qb"}],
    ),
    event_row(
        "arrivals",
        "2024-10",
        category="troops",
        status="reported",
        location="kursk",
        other_locations=["pyongyang"],
        figures=[FIGURE],
        sources=[{"file": "b.txt", "quote": "about 3,000 troops"}, {"file": "b.txt", "quote": "x"}],
    ),
    event_row("stray", "2024", end="2024-03", sources=[{"file": "z.txt", "quote": "q"}]),
)
CITED = [f for files in EVENTS["source_files"] for f in files]
LABELS = Labels.of(VOCABULARIES, SOURCES, CITED)


def test_published_text_says_how_precise_the_date_is():
    assert [published_text(s) for s in SOURCES[:2]] == [
        "between 24 and 27 October 2024",
        "28 October 2024",
    ]


def test_source_labels_are_short_names_with_the_title_when_two_share_one():
    assert LABELS.of_kind("source") == {
        "z.txt": "z.txt",
        "a.txt": "Agency",
        "b.txt": "Paper: First",
        "c.txt": "Paper: Second",
    }


def test_a_short_name_names_the_source_rather_than_its_publisher():
    labels = Labels.of(VOCABULARIES, [source("a.txt", "A long publisher name", short_name="AP")])
    assert labels.label("source", "a.txt") == "AP"
    assert labels.source_choices["a.txt"] == "AP: A title"


def test_source_order_is_the_catalogue_then_uncatalogued_files():
    assert LABELS.source_order == ["a.txt", "b.txt", "c.txt", "z.txt"]


def test_sources_table_counts_events_per_seed():
    table = sources_table(EVENTS, SOURCES, LABELS)
    assert table[["file", "source", "publisher", "events", "only_source_of"]].values.tolist() == [
        ["a.txt", "Agency", "Agency", 1, 0],
        ["b.txt", "Paper: First", "Paper", 2, 1],
        ["c.txt", "Paper: Second", "Paper", 0, 0],
        ["z.txt", "z.txt", "(not in the catalogue)", 1, 1],
    ]
    assert table.loc[1, "event_titles"] == ["Title of treaty", "Title of arrivals"]


def test_matrix_counts_citations_per_source_and_event():
    matrix = source_event_matrix(EVENTS, ["a.txt", "b.txt", "z.txt"])
    assert matrix.to_dict("index") == {
        "a.txt": {"treaty": 1, "arrivals": 0, "stray": 0},
        "b.txt": {"treaty": 1, "arrivals": 2, "stray": 0},
        "z.txt": {"treaty": 0, "arrivals": 0, "stray": 1},
    }


def test_single_source_events_are_flagged():
    single = single_source_events(EVENTS, LABELS)
    assert single.values.tolist() == [
        ["arrivals", "October 2024", "Title of arrivals", "Paper: First"],
        ["stray", "2024 to March 2024", "Title of stray", "z.txt"],
    ]


def test_figures_table_links_each_number_to_its_quote():
    table = figures_table(EVENTS, LABELS)
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["event_id"], row["value"], row["claimant"], row["qualifier"]) == (
        "arrivals",
        3000.0,
        "United States",
        "about",
    )
    assert row["quote"] == "about 3,000 troops"
    assert row["source_label"] == "Paper: First"
    assert row["when"] == pd.Timestamp("2024-10-16 12:00")


def test_place_counts_include_other_locations():
    places = place_counts(EVENTS, VOCABULARIES)
    assert places[["id", "events", "event_ids"]].values.tolist() == [
        ["pyongyang", 2, ["treaty", "arrivals"]],
        ["kursk", 1, ["arrivals"]],
    ]


def test_events_table_is_flat_text():
    table = events_table(EVENTS, LABELS)
    assert list(table.columns) == [
        "id",
        "date",
        "date as written",
        "title",
        "category",
        "actors",
        "status",
        "location",
        "sources",
        "sources cited",
        "citations",
        "summary",
    ]
    assert table.iloc[0][["date", "actors", "location", "sources"]].tolist() == [
        "19 June 2024",
        "Russia; North Korea",
        "Pyongyang",
        "Agency; Paper: First",
    ]
    assert table.iloc[2][["date as written", "location", "status"]].tolist() == [
        "2024/2024-03",
        "",
        "Confirmed",
    ]
