"""Who may see and change a case, route by route: owner, colleague, outsider, wrong role."""

import pytest
from django.urls import reverse

from vigil.accounts.models import Role
from vigil.accounts.tests.factories import member
from vigil.audit.models import AuditEvent
from vigil.cases.actions import grant_access
from vigil.cases.models import Case, CaseStatus
from vigil.cases.tests.factories import form_data, make_case

pytestmark = pytest.mark.django_db


def status_of(client, method, url, data=None):
    response = client.post(url, data or {}) if method == "post" else client.get(url)
    return response.status_code


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("worker", 200),
        ("agency_supervisor", 200),
        ("worker_colleague", 404),
        ("outsider", 404),
        ("policy_analyst", 403),
    ],
)
def test_the_case_page(request, signed_in, case, who, expected):
    client = signed_in(request.getfixturevalue(who))
    assert status_of(client, "get", reverse("cases:detail", args=[case.pk])) == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("worker", 302),
        ("agency_supervisor", 302),
        ("worker_colleague", 404),
        ("outsider", 404),
        ("policy_analyst", 403),
    ],
)
def test_editing(request, signed_in, case, who, expected):
    client = signed_in(request.getfixturevalue(who))
    url = reverse("cases:edit", args=[case.pk])
    assert status_of(client, "post", url, form_data(case, given_name="Changed")) == expected
    case.child.refresh_from_db()
    assert (case.child.given_name == "Changed") == (expected == 302)


@pytest.mark.parametrize(
    ("who", "expected"),
    [("agency_supervisor", 302), ("worker", 403), ("outsider", 404), ("policy_analyst", 403)],
)
def test_assigning_is_for_supervisors(request, signed_in, case, worker_colleague, who, expected):
    client = signed_in(request.getfixturevalue(who))
    url = reverse("cases:assign", args=[case.pk])
    assert status_of(client, "post", url, {"assignee": worker_colleague.pk}) == expected
    case.refresh_from_db()
    assert (case.assigned_to == worker_colleague) == (expected == 302)


def test_only_a_case_worker_of_the_organisation_can_be_assigned(
    signed_in, case, agency_supervisor, caseworker
):
    client = signed_in(agency_supervisor)
    client.post(reverse("cases:assign", args=[case.pk]), {"assignee": caseworker.pk})
    case.refresh_from_db()
    assert case.assigned_to.username == "worker"


def test_a_case_worker_moves_their_case_to_follow_up(signed_in, case, worker):
    client = signed_in(worker)
    client.post(reverse("cases:status", args=[case.pk]), {"status": "follow_up"})
    case.refresh_from_db()
    assert case.status == CaseStatus.FOLLOW_UP


def test_the_owner_grants_a_colleague_reading_and_can_take_it_back(
    signed_in, case, worker, worker_colleague
):
    client = signed_in(worker)
    client.post(
        reverse("cases:grant", args=[case.pk]),
        {"username": "worker_colleague", "reason": "Covering during leave"},
    )
    grant = case.grants.get(person=worker_colleague)
    colleague_client = signed_in(worker_colleague)
    assert colleague_client.get(reverse("cases:detail", args=[case.pk])).status_code == 200
    assert (
        status_of(colleague_client, "post", reverse("cases:edit", args=[case.pk]), form_data(case))
        == 403
    )
    signed_in(worker).post(reverse("cases:revoke_grant", args=[case.pk, grant.pk]))
    assert (
        signed_in(worker_colleague).get(reverse("cases:detail", args=[case.pk])).status_code == 404
    )


def test_a_grant_to_edit_lets_the_person_edit(signed_in, case, worker, outsider):
    grant_access(worker, case, outsider, can_edit=True, reason="Joint case with the other hotline")
    client = signed_in(outsider)
    assert status_of(client, "post", reverse("cases:edit", args=[case.pk]), form_data(case)) == 302


@pytest.mark.parametrize(
    ("who", "expected"), [("worker_colleague", 404), ("outsider", 404), ("policy_analyst", 403)]
)
def test_others_cannot_grant_access(request, signed_in, case, who, expected):
    client = signed_in(request.getfixturevalue(who))
    data = {"username": who, "reason": "I want in"}
    assert status_of(client, "post", reverse("cases:grant", args=[case.pk]), data) == expected
    assert not case.grants.exists()


def test_the_desk_lists_my_cases_and_not_a_colleagues(signed_in, agency, worker, worker_colleague):
    mine = make_case(agency, worker, assigned_to=worker)
    theirs = make_case(agency, worker_colleague, assigned_to=worker_colleague)
    page = signed_in(worker).get(reverse("cases:desk")).content.decode()
    assert mine.case_number in page
    assert theirs.case_number not in page


def test_a_supervisor_sees_unassigned_cases_on_the_desk(
    signed_in, agency, worker, agency_supervisor
):
    waiting = make_case(agency, worker)
    page = signed_in(agency_supervisor).get(reverse("cases:desk")).content.decode()
    assert "Waiting for a case worker" in page
    assert waiting.case_number in page


def test_the_desk_stays_within_a_query_budget(signed_in, agency, worker):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from vigil.cases import plans

    def queries_for_desk():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("cases:desk")).status_code == 200
        return len(queries)

    client = signed_in(worker)
    make_case(agency, worker, assigned_to=worker)
    one_case = queries_for_desk()
    for _ in range(5):
        case = make_case(agency, worker, assigned_to=worker)
        plans.schedule_follow_up(worker, case, kind="phone", due_on=case.created_at.date())
    assert queries_for_desk() == one_case <= 22  # no query per case


def test_opening_a_case_needs_a_case_role(signed_in, analyst, worker):
    assert signed_in(analyst).get(reverse("cases:new")).status_code == 403
    assert signed_in(worker).get(reverse("cases:new")).status_code == 200


def test_anonymous_people_are_sent_to_sign_in(client, case):
    response = client.get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_reading_and_changing_are_audited(signed_in, case, worker):
    client = signed_in(worker)
    client.get(reverse("cases:detail", args=[case.pk]))
    client.post(reverse("cases:edit", args=[case.pk]), form_data(case, risk_level="critical"))
    actions = list(
        AuditEvent.objects.filter(object_id=str(case.pk))
        .order_by("at")
        .values_list("action", "actor__username")
    )
    assert actions == [("create", "worker"), ("view", "worker"), ("change", "worker")]
    assert AuditEvent.objects.filter(
        object_type="cases.child", object_id=str(case.child_id)
    ).exists()


def test_a_member_whose_role_was_removed_loses_the_case(signed_in, case, worker):
    worker.memberships.filter(role=Role.CASE_WORKER).delete()
    member(case.organisation, Role.TRAINER, username="worker_as_trainer")
    assert signed_in(worker).get(reverse("cases:detail", args=[case.pk])).status_code == 404


def test_unknown_and_malformed_case_ids_are_not_found(signed_in, worker):
    client = signed_in(worker)
    assert client.get("/cases/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert Case.objects.count() == 0
