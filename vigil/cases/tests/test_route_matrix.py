"""Every route about one case, as its owner, a colleague, an outsider and a wrong role.

Colleagues (case workers of the same organisation without the case) and
outsiders learn nothing: 404. Members whose role never handles cases: 403.
The owner is let through (whatever the action then decides).
"""

import pytest
from django.urls import reverse

from vigil.cases import plans, referrals
from vigil.cases.actions import grant_access, record_consent
from vigil.cases.children import SUBJECT

pytestmark = pytest.mark.django_db


@pytest.fixture
def things(case, worker, agency_supervisor, shelter_service, provider):
    consent = record_consent(
        worker,
        case,
        given_by="child",
        purpose="services",
        share_identity=True,
        given_on="2026-11-20",
    )
    return {
        "case": case,
        "consent": consent,
        "grant": grant_access(worker, case, agency_supervisor, can_edit=False, reason="Cover"),
        "item": plans.add_plan_item(worker, case, area="health", goal="Check-up"),
        "follow_up": plans.schedule_follow_up(
            worker, case, kind="phone", due_on=case.created_at.date()
        ),
        "referral": referrals.refer(worker, case, shelter_service, consent=consent),
    }


def routes(t):
    case = t["case"]
    c = case.pk
    return [
        ("get", reverse("cases:detail", args=[c]), {}),
        ("get", reverse("cases:edit", args=[c]), {}),
        ("post", reverse("cases:status", args=[c]), {"status": "active"}),
        ("post", reverse("cases:grant", args=[c]), {"username": "worker", "reason": "x"}),
        ("post", reverse("cases:revoke_grant", args=[c, t["grant"].pk]), {}),
        (
            "post",
            reverse("cases:add_consent", args=[c]),
            {"given_by": "child", "purpose": "legal", "given_on": "2026-11-21"},
        ),
        ("post", reverse("cases:revoke_consent", args=[c, t["consent"].pk]), {"reason": "x"}),
        ("post", reverse("cases:add_caregiver", args=[c]), {"name": "Aunt"}),
        ("post", reverse("cases:assess_need", args=[c]), {"area": "health", "severity": "low"}),
        ("post", reverse("cases:add_plan_item", args=[c]), {"area": "health", "goal": "x"}),
        ("post", reverse("cases:update_plan_item", args=[c, t["item"].pk]), {"status": "done"}),
        (
            "post",
            reverse("cases:schedule_follow_up", args=[c]),
            {"kind": "phone", "due_on": "2026-12-01"},
        ),
        (
            "post",
            reverse("cases:record_follow_up", args=[c, t["follow_up"].pk]),
            {"done_on": "2026-11-20", "notes": "x"},
        ),
        ("post", reverse("cases:request_closure", args=[c]), {"closure_reason": "goals_met"}),
        ("post", reverse("cases:refer", args=[c]), {"service": "", "consent": t["consent"].pk}),
        ("post", reverse("cases:withdraw_referral", args=[c, t["referral"].pk]), {}),
        ("post", reverse("cases:request_transfer", args=[c]), {"reason": "x"}),
        ("get", reverse("cases:child", args=[case.child_id]), {}),
        ("post", reverse("cases:screen", args=[case.child_id]), {}),
    ]


def call(client, method, url, data):
    return client.post(url, data) if method == "post" else client.get(url)


@pytest.mark.parametrize(
    ("who", "expected"), [("worker_colleague", 404), ("outsider", 404), ("policy_analyst", 403)]
)
def test_no_case_route_lets_others_in(request, signed_in, things, who, expected):
    client = signed_in(request.getfixturevalue(who))
    for method, url, data in routes(things):
        assert call(client, method, url, data).status_code == expected, url


def test_every_case_route_lets_the_owner_in(signed_in, things, worker):
    client = signed_in(worker)
    for method, url, data in routes(things):
        assert call(client, method, url, data).status_code not in (403, 404), url


def test_supervisor_only_routes_refuse_the_case_worker(
    signed_in, things, worker, agency_supervisor
):
    case = things["case"]
    client = signed_in(worker)
    assert (
        client.post(reverse("cases:assign", args=[case.pk]), {"assignee": worker.pk}).status_code
        == 403
    )
    assert (
        client.post(
            reverse("cases:decide_closure", args=[case.pk]), {"decision": "approve"}
        ).status_code
        == 403
    )


def test_the_providers_routes(signed_in, things, provider, worker, outsider, policy_analyst):
    referral = things["referral"]
    urls = [
        reverse("cases:referral", args=[referral.pk]),
        reverse("cases:answer_referral", args=[referral.pk]),
    ]
    for person, expected in ((worker, 404), (outsider, 404)):
        client = signed_in(person)
        assert client.get(urls[0]).status_code == expected
        assert client.post(urls[1], {"decision": "accept"}).status_code == expected
    assert signed_in(provider).get(urls[0]).status_code == 200


def test_a_screening_result_of_another_child_is_not_found(signed_in, things, worker, agency):
    from vigil.cases.children import register_child
    from vigil.screening.models import ScreeningResult

    other = register_child(worker, agency, given_name="Other")
    assert not ScreeningResult.objects.filter(subject_type=SUBJECT).exists()
    url = reverse("cases:screening", args=[other.pk, things["case"].pk])
    assert signed_in(worker).get(url).status_code == 404
