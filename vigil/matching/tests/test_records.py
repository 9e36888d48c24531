from datetime import date

from vigil.matching.records import parse_age, parse_date


def test_dates_of_birth_in_common_forms():
    assert parse_date("2012-03-04") == "2012-03-04"
    assert parse_date("20120304") == "2012-03-04"
    assert parse_date("04/03/2012") == "2012-03-04"
    assert parse_date("4.3.2012") == "2012-03-04"


def test_impossible_or_unreadable_dates_are_missing():
    assert parse_date("2012-02-30") is None
    assert parse_date("spring 2012") is None
    assert parse_date(None) is None


def test_estimated_ages():
    assert parse_age("12") == 12
    assert parse_age("about 9 years") == 9
    assert parse_age("~7") == 7
    assert parse_age("unknown") is None
    assert date(2026, 1, 1).year - parse_age("10") == 2016
