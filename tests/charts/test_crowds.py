import datetime as dt

import numpy as np
import pandas as pd
import pytest

from timeline.charts import crowds


def marks(*rows):
    """Marks as ``crowds.group`` takes them: (lane, category, status, start, end)."""
    frame = pd.DataFrame(rows, columns=["lane", "category", "status", "start", "end"])
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    return frame.assign(row=np.arange(len(frame)))


ORIGIN = pd.Timestamp("2024-01-01")
WEEK = pd.Timedelta(days=7)


def test_marks_in_the_same_lane_category_status_and_bin_are_one_group():
    grouped = crowds.group(
        marks(
            ("a", "c", "confirmed", "2024-01-02", "2024-01-03"),
            ("a", "c", "confirmed", "2024-01-04", "2024-01-05"),
            ("a", "c", "reported", "2024-01-04", "2024-01-05"),  # another status
            ("b", "c", "confirmed", "2024-01-04", "2024-01-05"),  # another lane
            ("a", "c", "confirmed", "2024-01-09", "2024-01-10"),  # the next week
        ),
        ORIGIN,
        WEEK,
    )
    assert sorted(grouped["count"]) == [1, 1, 1, 2]
    pair = grouped[grouped["count"] == 2].iloc[0]
    assert (pair["first"], pair["last"]) == (pd.Timestamp("2024-01-02"), pd.Timestamp("2024-01-05"))
    assert pair["middle"] == pd.Timestamp("2024-01-03 12:00")  # halfway between the middles


def test_counts_add_up_to_the_marks():
    rng = np.random.default_rng(7)
    starts = ORIGIN + pd.to_timedelta(rng.integers(0, 365, 500), unit="D")
    frame = marks(
        *(
            (
                f"lane{i % 3}",
                "c",
                ("confirmed", "reported")[i % 2],
                start,
                start + pd.Timedelta(1, "D"),
            )
            for i, start in enumerate(starts)
        )
    )
    grouped = crowds.group(frame, ORIGIN, WEEK)
    assert grouped["count"].sum() == 500
    assert len(grouped) < 500


def test_a_group_says_its_days_in_words_and_its_click_zooms_to_them():
    first, last = pd.Timestamp("2024-10-08"), pd.Timestamp("2024-10-14")
    assert crowds.when(first, last) == "8 to 13 October 2024"
    assert crowds.when(first, pd.Timestamp("2024-10-09")) == "8 October 2024"
    key = crowds.zoom_key(pd.Timestamp("2024-10-08 12:00"), pd.Timestamp("2024-10-11"))
    assert crowds.zoom_range(key) == (dt.date(2024, 10, 8), dt.date(2024, 10, 11))


@pytest.mark.parametrize("data", ["treaty-signed", None, 3, "zoom:", "zoom:2024-13-01/2024-01-02"])
def test_an_event_id_or_a_broken_key_is_not_a_zoom(data):
    assert crowds.zoom_range(data) is None


def test_a_larger_group_gets_a_larger_mark_that_still_fits_its_row():
    sizes = crowds.size(np.array([2, 10, 1000, 100_000]))
    assert list(sizes) == sorted(sizes)
    assert sizes[0] > 11 and sizes[-1] == 16


def test_the_page_sentence_says_how_many_events_as_how_many_marks():
    sentence = crowds.Crowding(events=10_000, marks=1_234).sentence()
    assert sentence.startswith("10,000 events drawn as 1,234 marks")
