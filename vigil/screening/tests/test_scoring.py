"""Scoring: bands by total, red flags override the total, questions not asked are not zeros."""

import pytest

from vigil.screening.instruments import ScreeningError, score
from vigil.screening.models import Concern

from .factories import answers_for, load_shipped, load_tiny

pytestmark = pytest.mark.django_db


@pytest.fixture
def tiny():
    return load_tiny()


@pytest.mark.parametrize(
    ("chosen", "total", "concern"),
    [
        ({"works": "no", "paid": "yes", "leave": "yes"}, 0, Concern.NONE),
        ({"works": "some", "paid": "yes", "leave": "yes"}, 1, Concern.NONE),
        ({"works": "a-lot", "paid": "yes", "leave": "yes"}, 2, Concern.POSSIBLE),
        ({"works": "a-lot", "paid": "no", "leave": "yes"}, 4, Concern.POSSIBLE),
        ({"works": "some", "paid": "no", "leave": "no"}, 6, Concern.CLEAR),
    ],
)
def test_the_total_picks_its_band(tiny, chosen, total, concern):
    outcome = score(tiny, answers_for(tiny, **chosen))

    assert outcome.total == total
    assert outcome.concern == concern
    assert outcome.band.contains(total)
    assert outcome.complete


def test_a_red_flag_answer_means_clear_concern_whatever_the_total(tiny):
    outcome = score(tiny, answers_for(tiny, works="no", leave="no"))

    assert outcome.total == 3
    assert outcome.band.concern == Concern.POSSIBLE
    assert outcome.red_flags is True
    assert [option.key for option in outcome.red_flag_answers] == ["no"]
    assert outcome.concern == Concern.CLEAR


def test_questions_not_asked_are_reported_and_not_counted(tiny):
    outcome = score(tiny, answers_for(tiny, works="a-lot"))

    assert outcome.total == 2
    assert [question.key for question in outcome.not_asked] == ["paid", "leave"]
    assert not outcome.complete
    work, control = outcome.per_domain
    assert (work.domain.key, work.score, work.max_score, work.answered, work.not_asked) == (
        "work",
        2,
        4,
        1,
        1,
    )
    assert (control.score, control.answered, control.not_asked) == (0, 0, 1)


def test_an_answer_of_none_is_a_question_not_asked(tiny):
    question = tiny.questions.get(key="paid")

    outcome = score(tiny, {question.pk: None})

    assert outcome.total == 0 and len(outcome.not_asked) == 3
    assert outcome.band.concern == Concern.NONE


def test_nothing_asked_is_zero_in_the_first_band_but_says_so(tiny):
    outcome = score(tiny, {})

    assert (outcome.total, outcome.concern, len(outcome.not_asked)) == (0, Concern.NONE, 3)


def test_an_option_of_another_question_is_refused(tiny):
    works = tiny.questions.get(key="works")
    paid_no = tiny.questions.get(key="paid").options.get(key="no")

    with pytest.raises(ScreeningError, match="not an answer to question"):
        score(tiny, {works.pk: paid_no.pk})


def test_a_question_of_another_instrument_is_refused(tiny):
    other = load_shipped()
    question = other.questions.first()

    with pytest.raises(ScreeningError, match="not part of tiny v1"):
        score(tiny, {question.pk: question.options.first().pk})


def test_the_shipped_screen_scores_a_child_who_works_for_someone_who_keeps_the_money():
    instrument = load_shipped()
    answers = answers_for(
        instrument,
        work_kind="regular-for-others",
        work_earnings="taken-or-unpaid",
        school_attendance="stopped",
        movement_documents="held-by-others",
    )

    outcome = score(instrument, answers)

    assert outcome.total == 2 + 3 + 2 + 3
    assert outcome.concern == Concern.CLEAR and not outcome.red_flags
    assert len(outcome.not_asked) == instrument.questions.count() - 4
