import pytest

from timeline.checks.dates import is_written_out


@pytest.mark.parametrize(
    ("date", "quote"),
    [
        ("2024", "missiles manufactured in 2024"),
        ("2024-06", "During a June summit in Pyongyang"),
        ("2024-09", "training in Russia since Sept. 3"),
        ("2024-06", "an agreement dated 2024-06"),
        ("2024-06-19", "signed on 19 June 2024"),
        ("2024-06-19", "signed on June 19"),
        ("2024-06-19", "signed on June 19th"),
        ("2024-06-19", "on the 19th of June"),
        ("2024-06-19", "dated 2024-06-19"),
        ("2024-10-08", "between Oct. 8 and Oct. 13"),
        ("2024-10-13", "between Oct. 8 and Oct. 13"),
        ("2024-10-08", "from 8-13 October"),
        ("2024-10-13", "from 8–13 October"),
        ("2024-10-13", "October 8 to 13"),
        ("2024-10-08", "October 8 to 13"),
        ("2024-03-03", "on 03 March"),
    ],
)
def test_written_out(date, quote):
    assert is_written_out(date, [quote])


@pytest.mark.parametrize(
    ("date", "quote"),
    [
        ("2024", "last year"),
        ("2024", "in 20245 cases"),
        ("2024-10", "earlier this month"),
        ("2024-05", "it may be so"),  # 'may' the verb is not May
        ("2024-10-24", "ratified last Thursday"),
        ("2024-10-24", "in October"),  # the month alone is not the day
        ("2024-06-01", "on June 19"),  # nor is another day of that month
        ("2024-06-19", "19 people in June"),
    ],
)
def test_not_written_out(date, quote):
    assert not is_written_out(date, [quote])


def test_any_quote_of_the_event_will_do():
    assert is_written_out("2024-06-19", ["Thursday", "the summit on 19 June 2024"])
    assert not is_written_out("2024-06-19", [])
