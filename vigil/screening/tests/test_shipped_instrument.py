"""The shipped child-trafficking screen loads and holds together as an instrument."""

import pytest

from vigil.screening.instruments import (
    band_coverage_problems,
    definition_from_data,
    instrument_problems,
)
from vigil.screening.models import LANGUAGES, Concern, Instrument

from .factories import load_shipped, shipped_data


def test_the_shipped_file_has_no_problems():
    assert instrument_problems(shipped_data()) == []


def test_every_question_has_options_and_texts_in_english_and_french():
    data = shipped_data()
    assert 15 <= len(data["questions"]) <= 25
    for question in data["questions"]:
        assert len(question["options"]) >= 2, question["id"]
        for language in LANGUAGES:
            assert question["text"][language].strip(), (question["id"], language)
            assert question["guidance"][language].strip(), (question["id"], language)
            for option in question["options"]:
                assert option["label"][language].strip(), (question["id"], option["id"])
        assert question["sources"], f"{question['id']} cites no source"


def test_sources_are_cited_with_title_publisher_year_and_address():
    data = shipped_data()
    keys = {source["id"] for source in data["sources"]}
    assert {
        "vera-tvit-2014",
        "wcc-cse-it-2015",
        "unodc-indicators",
        "ilo-forced-labour-2012",
    } <= keys
    for source in data["sources"]:
        assert source["title"] and source["publisher"] and source["year"]
        assert source["url"].startswith("https://")
    cited = {key for question in data["questions"] for key in question["sources"]}
    assert cited == keys, "every source is used, every citation is a source"


def test_bands_cover_every_possible_total_once_from_none_to_clear():
    definition = definition_from_data(shipped_data())
    max_total = sum(max(o["score"] for o in q["options"]) for q in definition["questions"])
    ranges = [(band["min_score"], band["max_score"]) for band in definition["bands"]]
    assert band_coverage_problems(ranges, max_total) == []
    for total in range(max_total + 1):
        holding = [r for r in ranges if r[0] <= total and (r[1] is None or total <= r[1])]
        assert len(holding) == 1, total
    assert [band["concern"] for band in definition["bands"]] == [
        Concern.NONE,
        Concern.POSSIBLE,
        Concern.CLEAR,
    ]


def test_red_flag_questions_exist_and_their_flag_is_their_highest_answer():
    data = shipped_data()
    flagged = [q for q in data["questions"] if any(o.get("red_flag") for o in q["options"])]
    assert len(flagged) >= 3
    for question in flagged:
        top = max(option["score"] for option in question["options"])
        for option in question["options"]:
            if option.get("red_flag"):
                assert option["score"] == top, question["id"]
    assert {"sexual-exchange", "control-leave", "violence-safe-tonight"} <= {
        q["id"] for q in flagged
    }


@pytest.mark.django_db
def test_the_shipped_file_loads_as_the_active_first_version():
    instrument = load_shipped()

    assert (instrument.slug, instrument.version, instrument.active) == (
        "child-trafficking-screen",
        1,
        True,
    )
    assert instrument.edition == "2025.1"
    assert instrument.questions.count() == len(shipped_data()["questions"])
    assert instrument.bands.count() == 3
    assert "Vera Institute of Justice" in instrument.sources_text
    assert Instrument.objects.filter(slug="child-trafficking-screen").count() == 1
