"""A child screened before (or without) a case, and the history of screenings."""

import pytest
from django.urls import reverse

from vigil.audit.models import AuditEvent
from vigil.cases.models import Case, Child
from vigil.cases.tests.factories import form_data
from vigil.screening.forms import field_name
from vigil.screening.instruments import DATA_DIR, current_instrument, load_instrument
from vigil.screening.models import ScreeningResult

pytestmark = pytest.mark.django_db


@pytest.fixture
def instrument(db):
    for path in sorted(DATA_DIR.glob("*.json")):
        load_instrument(path)
    return current_instrument("child-trafficking-screen")


@pytest.fixture
def child(signed_in, worker, agency):
    signed_in(worker).post(
        reverse("cases:new_child"),
        {"organisation": agency.pk, "given_name": "Lina", "estimated_age": "13"},
    )
    return Child.objects.get()


def red_flag_answers(instrument) -> dict:
    """One red-flag answer, every other question left "not asked"."""
    for question in instrument.questions.all():
        for option in question.options.all():
            if option.red_flag:
                return {field_name(question): option.pk}
    raise AssertionError("the shipped instrument has no red-flag option")


def test_a_case_worker_registers_a_child_and_is_taken_to_the_screening(
    signed_in, worker, agency, instrument
):
    client = signed_in(worker)
    response = client.post(
        reverse("cases:new_child"), {"organisation": agency.pk, "given_name": "Lina"}
    )
    child = Child.objects.get()
    assert response["Location"] == reverse("cases:screen", args=[child.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Not asked" in page
    assert not Case.objects.exists()


def test_a_screening_with_a_red_flag_says_refer_now_and_joins_the_history(
    signed_in, worker, child, instrument
):
    client = signed_in(worker)
    response = client.post(
        reverse("cases:screen", args=[child.pk]),
        {**red_flag_answers(instrument), "notes": "Synthetic"},
    )
    result = ScreeningResult.objects.get()
    assert response["Location"] == reverse("cases:screening", args=[child.pk, result.pk])
    assert (result.subject_type, result.subject_id, result.red_flags) == (
        "cases.child",
        child.pk,
        True,
    )
    page = client.get(response["Location"]).content.decode()
    assert "Red flag" in client.get(reverse("cases:child", args=[child.pk])).content.decode()
    assert result.get_concern_display() in page
    assert AuditEvent.objects.filter(object_id=str(result.pk), action="view").exists()


def test_screening_again_keeps_the_earlier_result(signed_in, worker, child, instrument):
    client = signed_in(worker)
    client.post(reverse("cases:screen", args=[child.pk]), {"notes": "Nothing asked yet"})
    client.post(reverse("cases:screen", args=[child.pk]), red_flag_answers(instrument))
    assert ScreeningResult.objects.for_subject("cases.child", child.pk).count() == 2


def test_an_answer_that_is_not_an_option_is_refused_and_nothing_saved(
    signed_in, worker, child, instrument
):
    question = instrument.questions.first()
    response = signed_in(worker).post(
        reverse("cases:screen", args=[child.pk]), {field_name(question): "999999"}
    )
    assert response.status_code == 400
    assert not ScreeningResult.objects.exists()


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("worker", 200),
        ("worker_colleague", 200),
        ("agency_supervisor", 200),
        ("outsider", 404),
        ("policy_analyst", 403),
    ],
)
def test_a_child_without_a_case_is_seen_by_the_organisations_case_workers(
    request, signed_in, child, instrument, who, expected
):
    client = signed_in(request.getfixturevalue(who))
    assert client.get(reverse("cases:child", args=[child.pk])).status_code == expected
    assert client.get(reverse("cases:screen", args=[child.pk])).status_code == expected


def test_once_a_case_is_opened_the_child_follows_the_case(
    signed_in, worker, worker_colleague, child, instrument
):
    client = signed_in(worker)
    response = client.post(reverse("cases:open_for_child", args=[child.pk]), form_data())
    case = Case.objects.get()
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert case.child == child
    child.refresh_from_db()
    assert child.given_name == "Lina"  # the case form did not touch the child
    # Not the colleague's case: the child is no longer theirs to see.
    assert (
        signed_in(worker_colleague).get(reverse("cases:child", args=[child.pk])).status_code == 404
    )
    assert (
        client.post(reverse("cases:open_for_child", args=[child.pk]), form_data()).status_code
        == 404
    )


def test_without_an_instrument_loaded_the_page_says_so(signed_in, worker, child):
    response = signed_in(worker).get(reverse("cases:screen", args=[child.pk]), follow=True)
    assert "No screening instrument is loaded" in response.content.decode()


def test_the_list_of_children_without_a_case(signed_in, worker, child, analyst):
    page = signed_in(worker).get(reverse("cases:children")).content.decode()
    assert "Lina" in page
    assert signed_in(analyst).get(reverse("cases:children")).status_code == 403
