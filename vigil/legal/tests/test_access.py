"""Who may read and change a case's legal record, route by route.

Reading follows the case (worker, supervisor, anyone granted it); writing needs
edit rights on the case. A colleague not on the case and an outsider learn
nothing (404); a member whose role never handles cases is refused (403).
"""

import pytest
from django.urls import reverse

from vigil.cases.tests.factories import make_case
from vigil.legal.models import CompensationClaim, Hearing, Proceeding, ProtectionMeasure

from .factories import claim_data, hearing_data, make_proceeding, measure_data, proceeding_data

pytestmark = pytest.mark.django_db

PEOPLE = [
    ("worker", "allowed"),
    ("agency_supervisor", "allowed"),
    ("worker_colleague", 404),
    ("outsider", 404),
    ("policy_analyst", 403),
    ("reader", "read only"),
]


def expected_for(access, writing, ok):
    if access == "allowed":
        return ok
    if access == "read only":
        return 403 if writing else ok
    return access


def routes(case, proceeding, hearing, measure, claim):
    """(name, url, writes?) for every page of the app that names a case."""
    ids = [case.pk, proceeding.pk]
    return [
        ("new_proceeding", reverse("legal:new_proceeding", args=[case.pk]), True),
        ("proceeding", reverse("legal:proceeding", args=ids), False),
        ("edit_proceeding", reverse("legal:edit_proceeding", args=ids), True),
        ("new_hearing", reverse("legal:new_hearing", args=ids), True),
        ("edit_hearing", reverse("legal:edit_hearing", args=[*ids, hearing.pk]), True),
        ("new_measure", reverse("legal:new_measure", args=ids), True),
        ("edit_measure", reverse("legal:edit_measure", args=[*ids, measure.pk]), True),
        ("new_claim", reverse("legal:new_claim", args=ids), True),
        ("edit_claim", reverse("legal:edit_claim", args=[*ids, claim.pk]), True),
    ]


@pytest.mark.parametrize(("who", "access"), PEOPLE)
def test_every_page_as_each_person(
    request, signed_in, case, proceeding, hearing, measure, claim, who, access
):
    client = signed_in(request.getfixturevalue(who))
    for name, url, writes in routes(case, proceeding, hearing, measure, claim):
        response = client.get(url)
        assert response.status_code == expected_for(access, writes, 200), (name, who)


def posts(case, proceeding, hearing, measure, claim):
    """(url, data, model, how many rows a successful post leaves)."""
    ids = [case.pk, proceeding.pk]
    return [
        (
            reverse("legal:new_proceeding", args=[case.pk]),
            proceeding_data(court_name="Coastal Family Court", kind="family"),
            lambda: Proceeding.objects.filter(court_name="Coastal Family Court").count(),
        ),
        (
            reverse("legal:edit_proceeding", args=ids),
            proceeding_data(proceeding, status="in_progress"),
            lambda: Proceeding.objects.filter(status="in_progress").count(),
        ),
        (
            reverse("legal:new_hearing", args=ids),
            hearing_data(place="Room 9"),
            lambda: Hearing.objects.filter(place="Room 9").count(),
        ),
        (
            reverse("legal:edit_hearing", args=[*ids, hearing.pk]),
            hearing_data(status="postponed"),
            lambda: Hearing.objects.filter(status="postponed").count(),
        ),
        (
            reverse("legal:new_measure", args=ids),
            measure_data(measure="anonymity"),
            lambda: ProtectionMeasure.objects.filter(measure="anonymity").count(),
        ),
        (
            reverse("legal:edit_measure", args=[*ids, measure.pk]),
            measure_data(measure="video_link", status="granted", decided_on="2031-02-20"),
            lambda: ProtectionMeasure.objects.filter(status="granted").count(),
        ),
        (
            reverse("legal:new_claim", args=ids),
            claim_data(currency="USD"),
            lambda: CompensationClaim.objects.filter(currency="USD").count(),
        ),
        (
            reverse("legal:edit_claim", args=[*ids, claim.pk]),
            claim_data(status="awarded", awarded_amount="3000"),
            lambda: CompensationClaim.objects.filter(status="awarded").count(),
        ),
    ]


@pytest.mark.parametrize(("who", "access"), PEOPLE)
def test_every_change_as_each_person(
    request, signed_in, case, proceeding, hearing, measure, claim, who, access
):
    client = signed_in(request.getfixturevalue(who))
    for url, data, rows in posts(case, proceeding, hearing, measure, claim):
        response = client.post(url, data)
        assert response.status_code == expected_for(access, True, 302), (url, who)
        assert rows() == (1 if access == "allowed" else 0), (url, who)


def test_a_grantee_who_may_edit_can_change_the_record(signed_in, legal_aid, case, worker):
    from vigil.accounts.models import Role
    from vigil.accounts.tests.factories import member
    from vigil.cases.actions import grant_access

    lawyer = member(legal_aid, Role.SERVICE_PROVIDER, username="editor")
    grant_access(worker, case, lawyer, can_edit=True, reason="Counsel for the child")
    response = signed_in(lawyer).post(
        reverse("legal:new_proceeding", args=[case.pk]), proceeding_data()
    )
    assert response.status_code == 302
    assert case.proceedings.count() == 1


def test_a_proceeding_named_with_another_cases_id_is_not_found(
    signed_in, agency, worker, case, proceeding, hearing, measure, claim
):
    # The worker may see both cases: the records still belong to the first one only.
    other = make_case(agency, worker, assigned_to=worker)
    client = signed_in(worker)
    ids = [other.pk, proceeding.pk]
    urls = [
        reverse("legal:proceeding", args=ids),
        reverse("legal:edit_proceeding", args=ids),
        reverse("legal:new_hearing", args=ids),
        reverse("legal:edit_hearing", args=[*ids, hearing.pk]),
        reverse("legal:edit_measure", args=[*ids, measure.pk]),
        reverse("legal:edit_claim", args=[*ids, claim.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("legal:new_hearing", args=ids), hearing_data())
    assert response.status_code == 404
    assert not Hearing.objects.filter(place="Room 1").exists()


def test_a_part_named_under_another_proceeding_is_not_found(
    signed_in, case, worker, proceeding, hearing, measure, claim
):
    second = make_proceeding(case, worker, kind="immigration")
    client = signed_in(worker)
    ids = [case.pk, second.pk]
    for url in [
        reverse("legal:edit_hearing", args=[*ids, hearing.pk]),
        reverse("legal:edit_measure", args=[*ids, measure.pk]),
        reverse("legal:edit_claim", args=[*ids, claim.pk]),
    ]:
        assert client.get(url).status_code == 404, url


def test_unknown_ids_are_not_found(signed_in, case, worker, proceeding):
    client = signed_in(worker)
    missing = "00000000-0000-0000-0000-000000000000"
    assert client.get(reverse("legal:proceeding", args=[case.pk, missing])).status_code == 404
    assert client.get(reverse("legal:proceeding", args=[missing, proceeding.pk])).status_code == 404
    url = reverse("legal:edit_hearing", args=[case.pk, proceeding.pk, missing])
    assert client.get(url).status_code == 404


def test_anonymous_people_are_sent_to_sign_in(client, case, proceeding):
    response = client.get(reverse("legal:proceeding", args=[case.pk, proceeding.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
