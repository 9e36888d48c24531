"""Sensitive fields an organisation hides from some viewers: not shown, not overwritten."""

import pytest
from django.urls import reverse

from vigil.cases.actions import grant_access
from vigil.cases.models import HiddenField
from vigil.cases.tests.factories import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_from_grantees(agency):
    for field in ("name", "date_of_birth", "summary"):
        HiddenField.objects.create(organisation=agency, viewer="granted", field=field)


def test_a_grantee_does_not_see_hidden_fields_but_the_owner_does(
    signed_in, case, worker, outsider, hidden_from_grantees
):
    case.child.date_of_birth = "2012-05-06"
    case.child.save()
    grant_access(worker, case, outsider, can_edit=False, reason="Joint work")
    page = signed_in(outsider).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert (
        "Amina" not in page and "2012-05-06" not in page and "Synthetic case for tests." not in page
    )
    assert page.count("Hidden for your role") == 3
    assert "Synthetic: seen working at night." in page  # risk reasons are not hidden
    owner_page = signed_in(worker).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Amina" in owner_page and "2012-05-06" in owner_page
    desk = signed_in(outsider).get(reverse("cases:desk")).content.decode()
    assert case.case_number in desk and "Amina" not in desk


def test_an_edit_by_someone_who_cannot_see_a_field_leaves_it_as_stored(
    signed_in, case, worker, outsider, hidden_from_grantees
):
    grant_access(worker, case, outsider, can_edit=True, reason="Joint work")
    client = signed_in(outsider)
    form_page = client.get(reverse("cases:edit", args=[case.pk])).content.decode()
    assert 'name="given_name"' not in form_page and 'name="summary"' not in form_page
    data = form_data(case, given_name="Overwritten", summary="Overwritten", risk_level="critical")
    assert client.post(reverse("cases:edit", args=[case.pk]), data).status_code == 302
    case.refresh_from_db()
    case.child.refresh_from_db()
    assert (case.child.given_name, case.summary, case.risk_level) == (
        "Amina",
        "Synthetic case for tests.",
        "critical",
    )


def test_a_rule_for_case_workers_does_not_hide_from_someone_who_also_supervises(
    signed_in, case, worker, agency
):
    from vigil.accounts.models import Role
    from vigil.accounts.tests.factories import member

    HiddenField.objects.create(organisation=agency, viewer="case_worker", field="name")
    both = member(agency, Role.CASE_WORKER, username="both")
    both.memberships.create(organisation=agency, role=Role.SUPERVISOR)
    assert "Amina" in signed_in(both).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert (
        "Amina"
        not in signed_in(worker).get(reverse("cases:detail", args=[case.pk])).content.decode()
    )
