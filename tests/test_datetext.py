import pytest

from timeline.datetext import event_date_text


@pytest.mark.parametrize(
    ("date", "end", "window", "text"),
    [
        ("2024-06-19", None, False, "19 June 2024"),
        ("2024-06", None, False, "June 2024"),
        ("2024", None, False, "2024"),
        ("2024-10-08", "2024-10-13", False, "8 to 13 October 2024"),
        ("2024-10-14", "2024-10-20", True, "between 14 and 20 October 2024"),
        ("2024-09-30", "2024-10-02", False, "30 September to 2 October 2024"),
        ("2024-06", "2024-08", True, "between June and August 2024"),
        ("2023-12-30", "2024-01-02", False, "30 December 2023 to 2 January 2024"),
        ("2024-10", "2024-10-20", True, "between October 2024 and 20 October 2024"),
        ("2022", "2024", False, "2022 to 2024"),
        ("2024-10-08", "2024-10-08", False, "8 October 2024"),
    ],
)
def test_event_date_text(date, end, window, text):
    assert event_date_text(date, end, window) == text
