"""Every tracing route as owner, colleague, outsider (404) and a role that may not act (403)."""

import pytest
from django.urls import reverse

from vigil.cases.tests.factories import make_case
from vigil.tracing.matching_runs import find_duplicates, match_tracing_request
from vigil.tracing.models import CandidateStatus, MatchCandidate, TracingStatus

from .factories import make_child, make_request

pytestmark = pytest.mark.django_db

BOY = {"given_name": "Mohammed", "family_name": "Hassan", "date_of_birth": "2012-03-04"}


@pytest.fixture
def tracing_request(agency, worker):
    return make_request(agency, worker, given_name="Mohamed", family_name="Hasan")


@pytest.fixture
def candidate(agency, worker, bystanders):
    """A possible duplicate of two children the agency registered without a case."""
    make_child(agency, worker, **BOY)
    make_child(agency, worker, **{**BOY, "given_name": "Muhammad"})
    find_duplicates()
    return MatchCandidate.objects.get()


@pytest.fixture
def cased_candidate(agency, worker, bystanders):
    """A possible duplicate of two children whose cases are assigned to the worker."""
    make_case(agency, worker, assigned_to=worker, **BOY)
    make_case(agency, worker, assigned_to=worker, **{**BOY, "given_name": "Muhammad"})
    find_duplicates()
    return MatchCandidate.objects.get()


def _status(client, method, url, data=None):
    return getattr(client, method)(url, data or {}).status_code


LIST_ROUTES = [
    ("get", "tracing:requests"),
    ("get", "tracing:new"),
    ("get", "tracing:candidates"),
]


@pytest.mark.parametrize(("method", "name"), LIST_ROUTES)
def test_list_routes(
    signed_in, method, name, worker, worker_colleague, agency_supervisor, policy_analyst, outsider
):
    url = reverse(name)
    for person in (worker, worker_colleague, agency_supervisor):
        assert _status(signed_in(person), method, url) == 200
    # Neither handles cases anywhere: these pages name no record, so a 403 tells nothing.
    assert _status(signed_in(policy_analyst), method, url) == 403
    assert _status(signed_in(outsider), method, url) == 403


def test_the_new_request_page_refuses_another_organisation(signed_in, worker, partner):
    response = signed_in(worker).post(
        reverse("tracing:new"),
        {
            "organisation": str(partner.pk),
            "enquirer_name": "Fatima Hassan",
            "enquirer_contact": "+999 555 0100",
            "given_name": "Mohamed",
        },
    )

    assert response.status_code == 400


@pytest.mark.parametrize(
    ("method", "name"), [("get", "tracing:request"), ("post", "tracing:close")]
)
def test_request_routes(
    signed_in,
    method,
    name,
    tracing_request,
    worker,
    worker_colleague,
    agency_supervisor,
    policy_analyst,
    outsider,
    partner_worker,
):
    url = reverse(name, args=[tracing_request.pk])
    assert _status(signed_in(policy_analyst), method, url) == 403
    assert _status(signed_in(outsider), method, url) == 404
    assert _status(signed_in(partner_worker), method, url) == 404
    tracing_request.refresh_from_db()
    assert tracing_request.status == TracingStatus.OPEN
    expected = 200 if method == "get" else 302
    for person in (worker, worker_colleague, agency_supervisor):
        assert _status(signed_in(person), method, url) == expected


def test_a_missing_request_is_a_404(signed_in, worker, tracing_request):
    url = reverse("tracing:request", args=["00000000-0000-0000-0000-000000000000"])
    assert _status(signed_in(worker), "get", url) == 404


@pytest.mark.parametrize(
    ("method", "name", "data"),
    [
        ("get", "tracing:candidate", None),
        ("post", "tracing:review", {"decision": "reject"}),
    ],
)
def test_candidate_routes(
    signed_in,
    method,
    name,
    data,
    candidate,
    worker,
    agency_supervisor,
    policy_analyst,
    outsider,
    partner_worker,
):
    url = reverse(name, args=[candidate.pk])
    assert _status(signed_in(policy_analyst), method, url, data) == 403
    assert _status(signed_in(outsider), method, url, data) == 404
    assert _status(signed_in(partner_worker), method, url, data) == 404
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.PENDING
    expected = 200 if method == "get" else 302
    assert _status(signed_in(agency_supervisor), method, url, data) == expected
    if method == "get":
        assert _status(signed_in(worker), method, url, data) == 200


def test_a_colleague_cannot_review_children_of_cases_not_theirs(
    signed_in, cased_candidate, worker, worker_colleague, agency_supervisor
):
    url = reverse("tracing:candidate", args=[cased_candidate.pk])
    assert _status(signed_in(worker_colleague), "get", url) == 404
    assert (
        _status(
            signed_in(worker_colleague),
            "post",
            reverse("tracing:review", args=[cased_candidate.pk]),
            {"decision": "confirm"},
        )
        == 404
    )
    assert _status(signed_in(worker), "get", url) == 200
    assert _status(signed_in(agency_supervisor), "get", url) == 200
    cased_candidate.refresh_from_db()
    assert cased_candidate.status == CandidateStatus.PENDING


def test_viewing_a_candidate_is_audited(signed_in, candidate, worker):
    from vigil.audit.models import AuditEvent

    signed_in(worker).get(reverse("tracing:candidate", args=[candidate.pk]))

    assert AuditEvent.objects.filter(
        action="view",
        object_type="tracing.matchcandidate",
        object_id=str(candidate.pk),
        actor=worker,
    ).exists()


def test_the_desk_shows_what_waits_for_review(
    signed_in, candidate, worker, agency, worker_colleague, policy_analyst, outsider
):
    found = make_request(
        agency, worker, given_name="Mohamed", family_name="Hassan", date_of_birth="2012-03-04"
    )
    match_tracing_request(found)
    waiting = MatchCandidate.objects.filter(status=CandidateStatus.PENDING).count()

    page = signed_in(worker).get(reverse("cases:desk")).content.decode()

    assert f"{waiting} possible matches wait for your review" in page
    assert reverse("tracing:candidates") in page
    assert "Tracing requests with new possible matches" in page
    assert reverse("tracing:request", args=[found.pk]) in page
    assert "possible match" not in signed_in(outsider).get(reverse("cases:desk")).content.decode()


def test_the_child_page_offers_review_only_to_reviewers(signed_in, cased_candidate, worker):
    child = cased_candidate.child
    page = signed_in(worker).get(reverse("cases:child", args=[child.pk])).content.decode()

    assert "Possible matches to review" in page
    assert reverse("tracing:review", args=[cased_candidate.pk]) in page


def test_the_review_buttons_on_the_child_page_carry_a_csrf_token(
    signed_in, cased_candidate, worker
):
    child = cased_candidate.child
    page = signed_in(worker).get(reverse("cases:child", args=[child.pk])).content.decode()

    form = page.split(reverse("tracing:review", args=[cased_candidate.pk]), 1)[1]
    assert 'name="csrfmiddlewaretoken"' in form.split("</form>", 1)[0]
