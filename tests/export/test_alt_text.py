"""The alt text an export carries, checked against the chart it describes: the number of
events, the busiest month and the most important event are what the chart draws."""

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

import timeline
from timeline.export import ChartOptions, chart_figure
from timeline.text import escape_html
from timeline.view import View
from timeline.view.filters import FilterState

REPO_ROOT = Path(__file__).resolve().parents[2]
VIEWS = [
    FilterState(),
    FilterState(categories=("troop-deployment",)),
    FilterState(date_from=dt.date(2024, 6, 1), lanes="actor"),
]


@pytest.fixture(scope="module")
def dataset():
    return timeline.load_dataset(REPO_ROOT / "data" / "events.yaml")


def drawn_events(fig) -> dict[str, pd.Timestamp]:
    """Event id -> where its mark is, across: from the chart alone."""
    found = {}
    for trace in fig.data:
        for index, row in enumerate(trace.customdata if trace.customdata is not None else []):
            x = trace.base[index] if trace.type == "bar" else trace.x[index]
            found.setdefault(row[0], pd.Timestamp(x))
    return found


@pytest.mark.parametrize("state", VIEWS, ids=["all", "troops", "actors-from-june"])
def test_alt_text_says_what_the_chart_draws(dataset, state):
    view = View(dataset, state)
    fig = chart_figure(view, ChartOptions())
    alt = view.alt_text(view.title())
    drawn = drawn_events(fig)

    sentences = re.split(r"(?<=\.) (?=[A-Z])", alt)
    assert 2 <= len(sentences) <= 3
    assert alt.startswith(view.title() + ": a timeline chart of ")
    count = int(re.search(r"a timeline chart of (\d+) events", alt).group(1))
    assert count == len(drawn)

    busiest = re.search(r"The busiest month is (\w+ \d{4}), with (\d+) events\.", alt)
    month = pd.Timestamp(dt.datetime.strptime(busiest.group(1), "%B %Y"))
    precise = set(view.drawn.loc[view.drawn["precision"] != "year", "id"])
    # Marks sit at the middle of their dates: a point dated to a day or month is drawn in it.
    in_month = [
        event
        for event in precise
        if (view.drawn.set_index("id").loc[event, "start"].to_period("M") == month.to_period("M"))
    ]
    assert set(in_month) <= set(drawn)
    assert int(busiest.group(2)) == len(in_month)

    title = re.search(r"The most important, .* is “(.+)” \(", alt).group(1)
    labels = " ".join(a.text for a in fig.layout.annotations)
    shown = escape_html(title)
    assert shown in labels or shown[:30] in labels  # labelled, in the key or beside its mark
