import datetime as dt

import pytest

from claims.extraction import dates

SAT = dt.date(2022, 10, 8)


@pytest.mark.parametrize("text, expected", [
    ("said on Saturday that", dt.date(2022, 10, 8)),  # the publication day itself
    ("took the town on Friday night", dt.date(2022, 10, 7)),
    ("shelling on Sunday", dt.date(2022, 10, 2)),  # a past Sunday, never the next one
    ("fighting overnight", dt.date(2022, 10, 8)),
    ("earlier in the day", dt.date(2022, 10, 8)),
    ("yesterday", dt.date(2022, 10, 7)),
    ("last night", dt.date(2022, 10, 7)),
    ("on October 3", dt.date(2022, 10, 3)),
    ("on 3 October 2021", dt.date(2021, 10, 3)),
])
def test_it_resolves_a_time_word_against_the_publication_day(text, expected):
    [word] = dates.find(text, SAT)
    assert word.date == expected


@pytest.mark.parametrize("text", ["over the weekend", "in the past few days", "in recent weeks",
                                  "last week"])
def test_a_span_gets_no_date(text):
    [word] = dates.find(text, SAT)
    assert word.date is None


def test_a_past_weekday_early_in_january_is_last_years():
    # Published on Monday 2 January 2023: "on Thursday" is 29 December 2022, not a day in 2023.
    [word] = dates.find("on Thursday", dt.date(2023, 1, 2))
    assert word.date == dt.date(2022, 12, 29)


def test_a_month_day_after_publication_is_last_years():
    [word] = dates.find("on December 30", dt.date(2023, 1, 2))
    assert word.date == dt.date(2022, 12, 30)


def test_a_datetime_publication_counts_as_its_day():
    [word] = dates.find("on Friday", dt.datetime(2022, 10, 8, 23, 30))
    assert word.date == dt.date(2022, 10, 7)


def test_without_a_publication_date_a_weekday_is_not_resolved():
    [word] = dates.find("on Friday", None)
    assert word.date is None


def test_a_possessive_weekday_is_not_a_time_word():
    assert dates.find("Monday's withdrawal", SAT) == []
