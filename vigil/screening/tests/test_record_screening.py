"""Recording a screening: result, answers and audit row together, or nothing at all."""

import pytest

from vigil.audit.models import AuditEvent
from vigil.screening.actions import record_screening
from vigil.screening.instruments import ScreeningError, new_version_from
from vigil.screening.models import (
    Concern,
    ImmutableResultError,
    ScreeningAnswer,
    ScreeningResult,
)

from .factories import CHILD, answers_for, load_shipped, load_tiny, new_subject

pytestmark = pytest.mark.django_db


@pytest.fixture
def tiny():
    return load_tiny()


def test_it_stores_the_result_its_answers_and_an_audit_row(tiny, hotline, caseworker):
    child = new_subject()
    answers = answers_for(tiny, works="a-lot", leave="no")

    result = record_screening(
        caseworker, hotline, tiny, CHILD, child, answers, notes="She said she cannot go home."
    )

    result = ScreeningResult.objects.get(pk=result.pk)
    assert (result.subject_type, result.subject_id) == (CHILD, child)
    assert (result.instrument, result.organisation, result.screened_by) == (
        tiny,
        hotline,
        caseworker,
    )
    assert (result.total_score, result.red_flags, result.concern) == (5, True, Concern.CLEAR)
    assert result.band.concern == Concern.CLEAR
    assert result.questions_not_asked == 1
    assert result.notes == "She said she cannot go home."
    assert result.answer_map() == answers
    event = AuditEvent.objects.get(object_id=str(result.pk))
    assert (event.action, event.actor, event.organisation) == ("create", caseworker, hotline)
    assert event.object_type == "screening.screeningresult"
    assert "She said" not in event.summary


def test_notes_are_encrypted_at_rest(tiny, hotline, caseworker):
    from django.db import connection

    result = record_screening(caseworker, hotline, tiny, CHILD, new_subject(), {}, "A secret.")

    key = ScreeningResult._meta.pk.get_db_prep_value(result.pk, connection)
    with connection.cursor() as cursor:
        cursor.execute("SELECT notes FROM screening_screeningresult WHERE id = %s", [key])
        stored = cursor.fetchone()[0]
    assert stored.startswith("v1:") and "A secret." not in stored


def test_a_new_screening_is_a_new_row_and_the_history_is_newest_first(tiny, hotline, caseworker):
    child = new_subject()
    first = record_screening(caseworker, hotline, tiny, CHILD, child, answers_for(tiny, works="no"))
    second = record_screening(
        caseworker, hotline, tiny, CHILD, child, answers_for(tiny, works="a-lot")
    )
    record_screening(caseworker, hotline, tiny, CHILD, new_subject(), {})

    history = list(ScreeningResult.objects.for_subject(CHILD, child))

    assert [r.pk for r in history] == [second.pk, first.pk]


def test_a_result_is_never_changed_in_place(tiny, hotline, caseworker):
    result = record_screening(caseworker, hotline, tiny, CHILD, new_subject(), {})
    result.total_score = 0

    with pytest.raises(ImmutableResultError):
        result.save()


def test_an_option_of_another_question_is_refused_and_nothing_saved(tiny, hotline, caseworker):
    works = tiny.questions.get(key="works")
    wrong = tiny.questions.get(key="leave").options.get(key="no")

    with pytest.raises(ScreeningError, match="not an answer to question"):
        record_screening(caseworker, hotline, tiny, CHILD, new_subject(), {works.pk: wrong.pk})

    assert not ScreeningResult.objects.exists()
    assert not ScreeningAnswer.objects.exists()
    assert not AuditEvent.objects.filter(object_type="screening.screeningresult").exists()


def test_an_answer_from_another_instrument_is_refused_and_nothing_saved(tiny, hotline, caseworker):
    other = load_shipped()
    question = other.questions.first()
    valid = answers_for(tiny, works="no")

    with pytest.raises(ScreeningError, match="is not part of tiny v1"):
        record_screening(
            caseworker,
            hotline,
            tiny,
            CHILD,
            new_subject(),
            {**valid, question.pk: question.options.first().pk},
        )

    assert not ScreeningResult.objects.exists()
    assert not ScreeningAnswer.objects.exists()


@pytest.mark.parametrize(
    ("subject_type", "subject_id", "message"),
    [
        ("child", None, "not a subject type"),
        ("cases.child; drop", None, "not a subject type"),
        ("cases.child", "12", "not a subject id"),
    ],
)
def test_a_malformed_subject_is_refused(
    tiny, hotline, caseworker, subject_type, subject_id, message
):
    with pytest.raises(ScreeningError, match=message):
        record_screening(caseworker, hotline, tiny, subject_type, subject_id or new_subject(), {})
    assert not ScreeningResult.objects.exists()


def test_a_retired_version_is_refused(tiny, hotline, caseworker):
    from vigil.screening.instruments import activate

    activate(new_version_from(tiny))

    with pytest.raises(ScreeningError, match="no longer in use"):
        record_screening(caseworker, hotline, tiny, CHILD, new_subject(), {})
    assert not ScreeningResult.objects.exists()
