"""Loading instrument files: versions, idempotence, and plain-worded errors for bad files."""

import json

import pytest
from django.core.management import CommandError, call_command

from vigil.screening.actions import record_screening
from vigil.screening.instruments import (
    InstrumentError,
    instrument_problems,
    load_instrument,
    new_version_from,
)
from vigil.screening.models import Instrument, ScreeningResult

from .factories import CHILD, SHIPPED, answers_for, new_subject, shipped_data, tiny_data

pytestmark = pytest.mark.django_db


def write(tmp_path, data, name="instrument.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_loading_the_same_file_twice_makes_no_new_version():
    first = load_instrument(SHIPPED)
    second = load_instrument(SHIPPED)

    assert first.created and not second.created
    assert second.instrument == first.instrument
    assert Instrument.objects.count() == 1


def test_the_command_is_idempotent_and_says_what_it_did(capsys):
    call_command("load_instruments")
    call_command("load_instruments")

    out = capsys.readouterr().out
    assert "loaded as child-trafficking-screen v1" in out
    assert "unchanged (child-trafficking-screen v1)" in out
    assert Instrument.objects.count() == 1


def test_a_changed_file_is_a_new_active_version_and_old_results_keep_the_old_one(
    tmp_path, hotline, caseworker
):
    path = write(tmp_path, tiny_data())
    old = load_instrument(path).instrument
    result = record_screening(
        caseworker, hotline, old, CHILD, new_subject(), answers_for(old, works="some")
    )
    changed = tiny_data()
    changed["questions"][0]["options"][1]["score"] = 2
    write(tmp_path, changed)

    loaded = load_instrument(path)

    new = loaded.instrument
    old.refresh_from_db()
    assert loaded.created and new.version == 2
    assert new.active and not old.active
    result = ScreeningResult.objects.get(pk=result.pk)
    assert result.instrument == old
    assert result.answers.get().option.score == 1
    assert old.questions.get(key="works").options.get(key="some").score == 1


def test_a_file_already_loaded_once_is_not_loaded_over_a_newer_version(tmp_path):
    path = write(tmp_path, tiny_data())
    first = load_instrument(path).instrument
    draft = new_version_from(first)
    draft.questions.filter(key="works").update(text_en="Does the child work?")

    again = load_instrument(path)

    assert not again.created and again.instrument == first
    assert Instrument.objects.filter(slug="tiny").count() == 2


def test_the_command_loads_the_paths_given_and_reports_every_bad_file(tmp_path):
    good = write(tmp_path, tiny_data(), "good.json")
    bad = write(tmp_path, tiny_data(bands=[]), "bad.json")

    with pytest.raises(CommandError) as error:
        call_command("load_instruments", str(good), str(bad))

    assert "bad.json is not a valid instrument" in str(error.value)
    assert "At least one band is needed." in str(error.value)
    assert Instrument.objects.filter(slug="tiny").count() == 1


def test_a_file_that_is_not_json_is_refused_clearly(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")

    with pytest.raises(InstrumentError, match="Not a JSON file"):
        load_instrument(path)
    with pytest.raises(InstrumentError, match="No such file"):
        load_instrument(tmp_path / "missing.json")
    assert not Instrument.objects.exists()


def _without(data, *path):
    target = data
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    return data


def _set(data, value, *path):
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


BAD = {
    "missing slug": (lambda d: _without(d, "slug"), "Missing field “slug”."),
    "missing sources": (lambda d: _without(d, "sources"), "Missing field “sources”."),
    "no sources": (lambda d: _set(d, [], "sources"), "At least one source is needed"),
    "source without url": (
        lambda d: _without(d, "sources", 0, "url"),
        "Source “ilo”: missing field “url”.",
    ),
    "question without text": (
        lambda d: _without(d, "questions", 1, "text"),
        "Question “paid”: missing field “text”.",
    ),
    "question without options": (
        lambda d: _set(d, [], "questions", 1, "options"),
        "Question “paid”: needs a list of at least two options.",
    ),
    "duplicate question id": (
        lambda d: _set(d, "works", "questions", 1, "id"),
        "Question “works”: duplicate id.",
    ),
    "duplicate option id": (
        lambda d: _set(d, "no", "questions", 0, "options", 1, "id"),
        "option “no”: duplicate id.",
    ),
    "score not a whole number": (
        lambda d: _set(d, 1.5, "questions", 0, "options", 1, "score"),
        "Question “works”, option “some”: the score must be a whole number from 0 to 100.",
    ),
    "score as text": (
        lambda d: _set(d, "2", "questions", 0, "options", 2, "score"),
        "option “a-lot”: the score must be a whole number",
    ),
    "negative score": (
        lambda d: _set(d, -1, "questions", 0, "options", 0, "score"),
        "option “no”: the score must be a whole number",
    ),
    "missing french text": (
        lambda d: _set(d, {"en": "Paid?"}, "questions", 1, "text"),
        "Question “paid” text: no text in “fr”.",
    ),
    "unknown text language": (
        lambda d: _set(d, {"en": "Paid?", "fr": "Payé ?", "xx": "?"}, "questions", 1, "text"),
        "Question “paid” text: unknown language “xx”.",
    ),
    "unknown declared language": (
        lambda d: _set(d, ["en", "fr", "tlh"], "languages"),
        "Unknown language “tlh” in “languages”",
    ),
    "no english": (lambda d: _set(d, ["fr"], "languages"), "must include “en”"),
    "unknown domain": (
        lambda d: _set(d, "money", "questions", 0, "domain"),
        "Question “works”: unknown domain “money”.",
    ),
    "unknown source": (
        lambda d: _set(d, ["vera"], "questions", 0, "sources"),
        "Question “works”: unknown source “vera”.",
    ),
    "unknown field": (
        lambda d: _set(d, True, "questions", 0, "redflag"),
        "Question “works”: unknown field “redflag”.",
    ),
    "bands overlap": (
        lambda d: _set(d, 1, "bands", 1, "min_score"),
        "The bands 0–1 and 1–4 overlap.",
    ),
    "band gap in the middle": (
        lambda d: _set(d, 6, "bands", 2, "min_score"),
        "gap: totals 5 to 5 have no band",
    ),
    "bands not starting at zero": (
        lambda d: _set(d, 1, "bands", 0, "min_score"),
        "gap: totals 0 to 0 have no band",
    ),
    "bands stopping short of the highest total": (
        lambda d: _set(d, 6, "bands", 2, "max_score"),
        "totals 7 to 7 (the highest possible) have no band",
    ),
    "band max below min": (
        lambda d: _set(d, 0, "bands", 1, "max_score"),
        "Band 2: max_score 0 is below min_score 2.",
    ),
    "unknown concern": (
        lambda d: _set(d, "severe", "bands", 2, "concern"),
        "Band 3: “concern” must be one of none, possible, clear.",
    ),
}


@pytest.mark.parametrize("change", BAD.values(), ids=BAD.keys())
def test_a_bad_file_is_refused_with_a_clear_reason_and_nothing_saved(tmp_path, change):
    mutate, expected = change
    path = write(tmp_path, mutate(tiny_data()))

    with pytest.raises(InstrumentError) as error:
        load_instrument(path)

    assert expected in str(error.value)
    assert str(path) in str(error.value)
    assert not Instrument.objects.exists()


def test_every_problem_is_reported_at_once():
    data = tiny_data()
    del data["slug"]
    data["questions"][0]["options"][0]["score"] = "x"
    data["bands"][1]["min_score"] = 3

    problems = instrument_problems(data)

    assert len(problems) >= 3


def test_the_shipped_file_with_a_wrong_score_names_the_question():
    data = shipped_data()
    data["questions"][3]["options"][0]["score"] = "0"

    problems = instrument_problems(data)

    assert problems == [
        "Question “school-attendance”, option “regularly”: the score must be a whole number "
        "from 0 to 100."
    ]
