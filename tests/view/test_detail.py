from dashboard_support import VOCABULARIES, event_row, events_frame, labels_of

from timeline.view.detail import event_detail, quotes_of, seed_with_quotes

SEED = (
    "Headline\n"
    "Putin and Kim signed a “comprehensive strategic partnership” on 19 June.\n"
    "Other news.\n"
    "The pact was ratified on Thursday.\n"
)
SEEDS = {"a.txt": SEED}

EVENT = event_row(
    "treaty",
    "2024-06-19",
    end="2024-06-20",
    window=True,
    date_basis="19 June in the quote",
    location="pyongyang",
    actors=["russia", "north-korea"],
    figures=[
        {
            "value": 1.0,
            "unit": "treaties",
            "counts": "treaties",
            "claimant": "Kremlin",
            "qualifier": "exactly",
            "source": "a.txt",
            "note": None,
        }
    ],
    sources=[
        # Straight quotes in the data match curly quotes in the seed.
        {"file": "a.txt", "quote": 'signed a "comprehensive strategic partnership"'},
        {"file": "a.txt", "quote": "not in the seed"},
        {"file": "missing.txt", "quote": "anything"},
    ],
)


def test_event_detail_shows_each_quote_in_its_passage():
    detail = event_detail(
        EVENT, VOCABULARIES, labels_of(VOCABULARIES, {"a.txt": "Agency"}), SEEDS.get
    )
    assert (detail.date_text, detail.date_written, detail.date_basis) == (
        "between 19 and 20 June 2024",
        "2024-06-19/2024-06-20",
        "19 June in the quote",
    )
    assert (detail.status, detail.category, detail.location) == (
        "Confirmed",
        "Diplomacy",
        "Pyongyang",
    )
    assert detail.actors == ["Russia", "North Korea"]
    assert detail.figures[0]["source_label"] == "Agency"
    found, not_found, no_seed = detail.citations
    assert found.source_label == "Agency"
    assert (found.passage.line, found.line) == (1, 2)
    assert found.passage.segments == (
        ("Headline\nPutin and Kim ", False),
        ("signed a “comprehensive strategic partnership”", True),
        (" on 19 June.\nOther news.", False),
    )
    assert (not_found.passage, not_found.line) == (None, None)
    assert no_seed.passage is None


def test_seed_with_quotes_marks_every_cited_passage():
    events = events_frame(
        EVENT,
        event_row("ratified", "2024-10-24", sources=[{"file": "a.txt", "quote": "was ratified"}]),
    )
    quotes = quotes_of(events, "a.txt")
    assert quotes == [
        'signed a "comprehensive strategic partnership"',
        "not in the seed",
        "was ratified",
    ]
    marked = [text for text, highlighted in seed_with_quotes(SEED, quotes) if highlighted]
    assert marked == ["signed a “comprehensive strategic partnership”", "was ratified"]
    assert "".join(text for text, _ in seed_with_quotes(SEED, quotes)) == SEED
