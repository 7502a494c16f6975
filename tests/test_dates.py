import datetime as dt

import pytest

from timeline.dates import PartialDate, event_date_text, parse_partial_date


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2024", "year", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", "month", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2024-06-19", "day", dt.date(2024, 6, 19), dt.date(2024, 6, 19)),
    ],
)
def test_a_partial_date_covers_its_period(text, precision, first, last):
    date = parse_partial_date(text)
    assert (date.precision, date.first_day(), date.last_day()) == (precision, first, last)
    assert str(date) == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-02-30", "'2024-02-30' is not a real day (2024-02 has 29 days)"),
        ("2023-02-29", "'2023-02-29' is not a real day (2023-02 has 28 days)"),
        ("2024-13", "'2024-13' has no month 13 (months are 01 to 12)"),
        ("2024-00-10", "'2024-00-10' has no month 00 (months are 01 to 12)"),
        ("19 June 2024", "'19 June 2024' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2024-6-19", "'2024-6-19' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_impossible_or_malformed_dates_say_why(text, message):
    with pytest.raises(ValueError) as raised:
        parse_partial_date(text)
    assert str(raised.value) == message


def test_partial_dates_order_by_year_month_day():
    assert PartialDate(2024, 6, 19) < PartialDate(2024, 10) < PartialDate(2025)


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
