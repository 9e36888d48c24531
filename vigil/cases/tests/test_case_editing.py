"""Opening and editing cases: validation, nothing half-saved, no silent overwrite."""

import pytest
from django.urls import reverse

from vigil.cases.models import Case, Child
from vigil.cases.tests.factories import form_data

pytestmark = pytest.mark.django_db


def test_a_case_worker_opens_a_case_with_its_child(signed_in, worker, agency):
    client = signed_in(worker)
    data = form_data(organisation=agency.pk)
    response = client.post(reverse("cases:new"), data)
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert case.organisation == agency
    assert case.child.other_names == "Aminah\nAmeena"
    assert case.child.date_of_birth == "2011-04-02"
    assert case.child.languages == "fr, ar"
    assert sorted(case.exploitation_labels) == ["Forced begging", "Forced labour"]
    assert case.case_number.endswith("-00001")


def test_names_and_dates_of_birth_are_encrypted_at_rest(signed_in, worker, agency):
    from django.db import connection

    signed_in(worker).post(reverse("cases:new"), form_data(organisation=agency.pk))
    with connection.cursor() as cursor:
        cursor.execute("SELECT given_name, date_of_birth, other_names FROM cases_child")
        row = cursor.fetchone()
    assert all(value.startswith("v1:") for value in row)
    assert "Amina" not in " ".join(row)


def test_case_numbers_follow_each_other_within_an_organisation(signed_in, worker, agency):
    client = signed_in(worker)
    for _ in range(3):
        client.post(reverse("cases:new"), form_data(organisation=agency.pk))
    numbers = sorted(Case.objects.values_list("case_number", flat=True))
    assert [n[-5:] for n in numbers] == ["00001", "00002", "00003"]


def test_one_cannot_open_a_case_for_another_organisation(signed_in, worker, other_org):
    response = signed_in(worker).post(reverse("cases:new"), form_data(organisation=other_org.pk))
    assert response.status_code == 400
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("nationality", "QQ", "Not a country code."),
        ("languages", "fr, klingon", "is not a two-letter language code"),
        ("date_of_birth", "2011-02-31", "Enter a valid date."),
        ("estimated_age", "40", "less than or equal to 25"),
        ("risk_level", "apocalyptic", "Select a valid choice"),
        ("risk_reasons", "", "This field is required."),
    ],
)
def test_bad_input_is_refused_with_a_clear_error_and_nothing_saved(
    signed_in, worker, agency, field, value, message
):
    response = signed_in(worker).post(
        reverse("cases:new"), form_data(organisation=agency.pk, **{field: value})
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Case.objects.exists()
    assert not Child.objects.exists()


def test_an_edit_made_on_an_old_version_is_refused_and_overwrites_nothing(
    signed_in, case, worker, agency_supervisor
):
    first = signed_in(agency_supervisor)
    first_form = form_data(case, risk_level="critical", risk_reasons="Supervisor's reading")
    second = signed_in(worker)
    second_form = form_data(case, risk_level="low", risk_reasons="Worker's older reading")
    assert first.post(reverse("cases:edit", args=[case.pk]), first_form).status_code == 302
    response = second.post(reverse("cases:edit", args=[case.pk]), second_form)
    assert response.status_code == 400
    assert "Someone else saved this case after you opened it" in response.content.decode()
    case.refresh_from_db()
    assert (case.risk_level, case.risk_reasons, case.version) == (
        "critical",
        "Supervisor's reading",
        2,
    )


def test_an_edit_on_the_current_version_saves_and_moves_the_version_on(signed_in, case, worker):
    client = signed_in(worker)
    client.post(reverse("cases:edit", args=[case.pk]), form_data(case, given_name="Aminata"))
    case.refresh_from_db()
    case.child.refresh_from_db()
    assert (case.child.given_name, case.version) == ("Aminata", 2)


def test_the_edit_page_starts_from_the_stored_case(signed_in, case, worker):
    page = signed_in(worker).get(reverse("cases:edit", args=[case.pk])).content.decode()
    assert 'name="version" value="1"' in page
    assert "Amina" in page


def test_caregivers_are_recorded_and_not_contacted_unless_marked_safe(
    signed_in, case, worker, outsider
):
    client = signed_in(worker)
    url = reverse("cases:add_caregiver", args=[case.pk])
    client.post(
        url, {"name": "Hawa Testchild", "relationship": "mother", "contact": "020 7946 0001"}
    )
    client.post(url, {"name": "Uncle Ben", "relationship": "uncle", "safe_to_contact": "on"})
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Hawa Testchild" in page and "do not contact" in page and "safe to contact" in page
    assert signed_in(outsider).post(url, {"name": "Intruder"}).status_code == 404
    assert case.child.caregivers.count() == 2
