"""Stated ages of people in four languages; durations and quantities are not ages."""

import pytest

from vigil.triage.ages import find_ages


def ages(text):
    return [years for _, _, years in find_ages(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she is 14 yo", ["14"]),
        ("my 12yo got a message", ["12"]),
        ("a 14 y.o. girl", ["14"]),
        ("she is fifteen and scared", ["15"]),
        ("She's twelve!!", ["12"]),
        ("a girl aged 13", ["13"]),
        ("a fifteen-year-old boy", ["15"]),
        ("he is 16 years old", ["16"]),
        ("looks about 14, maybe", ["14"]),
        ("Two kids, maybe 9 and 11, begging", ["9", "11"]),
        ("a boyfriend who is 34.", ["34"]),
        ("My daughter (15) met a man", ["15"]),
        ("une fille de quinze ans", ["15"]),
        ("elle a 14 ans", ["14"]),
        ("âgée de 13 ans", ["13"]),
        ("mi hija tiene 13 años", ["13"]),
        ("chicos de entre 14 y 16 años", ["14", "16"]),
        ("una niña de doce años", ["12"]),
        ("uma menina de 15 anos", ["15"]),
        ("a minha aluna, uma menina de doze anos", ["12"]),
    ],
)
def test_it_finds_stated_ages(text, expected):
    assert ages(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "they have lived there for 3 years",
        "il travaille là depuis 2 ans",
        "hace 5 años que se fue",
        "há 3 anos que ela saiu",
        "I was about 20 metres away",
        "she is 5 minutes from the station",
        "at 10 pm he left",
        "he got 5 years of prison",
        "room 12 on the 3rd floor",
    ],
)
def test_it_does_not_take_durations_or_quantities_for_ages(text):
    assert ages(text) == []


def test_each_age_span_is_the_number_as_written():
    text = "she is fifteen"
    [(start, end, years)] = find_ages(text)
    assert (text[start:end], years) == ("fifteen", "15")
