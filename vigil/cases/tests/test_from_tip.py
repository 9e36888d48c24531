"""The hotline's "case opened" decision: a case that starts from what the tip knew."""

import pytest
from django.urls import reverse

from vigil.accounts.models import Role
from vigil.accounts.tests.factories import member
from vigil.cases.models import Case, RiskLevel
from vigil.tips.models import Status
from vigil.tips.tests.factories import TipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tip(hotline):
    return TipFactory(
        hotline=hotline,
        region_code="XV-NO",
        children_gender="girl",
        immediate_danger=True,
        narrative="Synthetic: a girl of 15 begs at the station; a man takes the money.",
    )


def test_an_analyst_opens_a_case_with_the_agency_and_the_tip_is_marked(
    signed_in, analyst, tip, agency, worker
):
    client = signed_in(analyst)
    page = client.get(reverse("cases:from_tip", args=[tip.pk])).content.decode()
    assert "Child Protection Agency" in page
    response = client.post(reverse("cases:from_tip", args=[tip.pk]), {"organisation": agency.pk})
    case = Case.objects.get()
    tip.refresh_from_db()
    assert response.status_code == 302
    assert tip.status == Status.CASE_OPENED
    assert (case.tip, case.organisation, case.identified_by) == (tip, agency, "tip")
    assert case.child.sex == "female"
    assert case.child.current_place.code == "XV-NO"
    assert case.risk_level == RiskLevel.CRITICAL
    assert "immediate danger" in case.risk_reasons
    assert "begs at the station" in case.summary
    # The analyst is not of the agency: back to the tip, which lists the case.
    tip_page = client.get(response["Location"]).content.decode()
    assert case.case_number in tip_page


def test_the_case_links_back_to_the_tip(signed_in, analyst, tip, agency, worker, agency_supervisor):
    signed_in(analyst).post(reverse("cases:from_tip", args=[tip.pk]), {"organisation": agency.pk})
    case = Case.objects.get()
    page = (
        signed_in(agency_supervisor).get(reverse("cases:detail", args=[case.pk])).content.decode()
    )
    assert tip.reference in page


def test_only_organisations_with_case_workers_of_the_jurisdiction_can_own_it(
    signed_in, analyst, tip, agency, other_org
):
    member(other_org, Role.CASE_WORKER)
    client = signed_in(analyst)
    assert client.get(reverse("cases:from_tip", args=[tip.pk])).status_code == 200
    response = client.post(reverse("cases:from_tip", args=[tip.pk]), {"organisation": other_org.pk})
    assert response.status_code == 400
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("who", "expected"), [("caseworker", 403), ("outsider", 404), ("trainer", 403)]
)
def test_only_the_tips_readers_open_a_case_from_it(
    request, signed_in, tip, agency, worker, who, expected
):
    client = signed_in(request.getfixturevalue(who))
    assert (
        client.post(
            reverse("cases:from_tip", args=[tip.pk]), {"organisation": agency.pk}
        ).status_code
        == expected
    )
    assert not Case.objects.exists()
