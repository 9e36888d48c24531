"""A relative's tracing request: recorded, matched to the right child, reviewed."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from vigil.audit.models import AuditEvent
from vigil.tracing.matching_runs import match_tracing_request
from vigil.tracing.models import (
    CandidateKind,
    CandidateStatus,
    MatchCandidate,
    TracingRequest,
    TracingStatus,
)

from .factories import make_child, make_request

pytestmark = pytest.mark.django_db

AGE = datetime.date.today().year - 2012


@pytest.fixture
def sought(agency, worker, northmarch, bystanders):
    """The boy his mother is looking for, known to the agency under another spelling."""
    return make_child(
        agency,
        worker,
        given_name="Muhammad",
        family_name="Hassan",
        sex="male",
        date_of_birth="2012-03-04",
        current_place=northmarch,
        caregivers=["Fatima Hassan"],
    )


def form(**overrides):
    data = {
        "enquirer_name": "Fatima Hassan",
        "enquirer_relationship": "mother",
        "enquirer_contact": "+999 555 0100",
        "given_name": "Mohamed",
        "family_name": "Hasan",
        "other_names": "",
        "sex": "male",
        "date_of_birth": "",
        "approximate_age": str(AGE),
        "last_seen_place": "",
        "last_seen_description": "Left with a recruiter for work in the capital.",
        "caregiver_names": "Fatima Hassan",
    }
    data.update(overrides)
    return data


def test_a_case_worker_records_a_tracing_request(signed_in, worker, agency, northmarch):
    response = signed_in(worker).post(
        reverse("tracing:new"), form(last_seen_place=str(northmarch.pk))
    )

    found = TracingRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("tracing:request", args=[found.pk])
    assert found.organisation == agency
    assert found.created_by == worker
    assert found.given_name == "Mohamed"
    assert found.approximate_age == AGE
    assert found.last_seen_place == northmarch
    assert found.status == TracingStatus.OPEN
    assert AuditEvent.objects.filter(
        action="create", object_type="tracing.tracingrequest", object_id=str(found.pk)
    ).exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"given_name": "", "family_name": "", "other_names": ""},
        {"enquirer_contact": ""},
        {"date_of_birth": "2999-01-01"},
        {"date_of_birth": "not a date"},
        {"approximate_age": "200"},
        {"last_seen_place": "999999"},
    ],
)
def test_bad_input_is_a_form_error_and_saves_nothing(signed_in, worker, overrides):
    response = signed_in(worker).post(reverse("tracing:new"), form(**overrides))

    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    assert not TracingRequest.objects.exists()
    assert not AuditEvent.objects.filter(object_type="tracing.tracingrequest").exists()


def test_the_list_shows_the_organisations_requests(
    signed_in, worker, agency, partner, partner_worker
):
    make_request(agency, worker, given_name="Mohamed", family_name="Hasan")
    make_request(partner, partner_worker, given_name="Olena", family_name="Bondar")

    page = signed_in(worker).get(reverse("tracing:requests")).content.decode()

    assert "Mohamed Hasan" in page
    assert "Olena" not in page


def test_a_request_by_a_relative_matches_the_right_child(sought, agency, worker, bystanders):
    request = make_request(
        agency,
        worker,
        given_name="Mohamed",
        family_name="Hasan",
        sex="male",
        approximate_age=AGE,
        last_seen_place=sought.current_place,
        caregiver_names="Fatima Hassan",
    )

    created = match_tracing_request(request)

    assert [(c.child, c.tracing_request) for c in created] == [(sought, request)]
    candidate = created[0]
    assert candidate.kind == CandidateKind.TRACING
    assert candidate.reviewing_organisation == agency
    assert candidate.status == CandidateStatus.PENDING
    assert match_tracing_request(request) == []


def test_the_request_page_links_a_child_of_the_same_organisation(sought, agency, worker, signed_in):
    request = make_request(
        agency, worker, given_name="Mohamed", family_name="Hasan", approximate_age=AGE
    )
    match_tracing_request(request)

    page = signed_in(worker).get(reverse("tracing:request", args=[request.pk])).content.decode()

    assert "Possible match:" in page
    assert reverse("cases:child", args=[sought.pk]) in page
    assert AuditEvent.objects.filter(
        action="view", object_type="tracing.tracingrequest", object_id=str(request.pk), actor=worker
    ).exists()


def test_confirming_a_match_marks_the_request_matched(sought, agency, worker, signed_in):
    request = make_request(
        agency, worker, given_name="Mohamed", family_name="Hasan", approximate_age=AGE
    )
    (candidate,) = match_tracing_request(request)
    before = (sought.given_name, sought.family_name, sought.date_of_birth)

    response = signed_in(worker).post(
        reverse("tracing:review", args=[candidate.pk]),
        {"decision": "confirm", "note": "Mother recognised the photo."},
    )

    assert response.status_code == 302
    request.refresh_from_db()
    candidate.refresh_from_db()
    sought.refresh_from_db()
    assert candidate.status == CandidateStatus.CONFIRMED
    assert request.status == TracingStatus.MATCHED
    assert (sought.given_name, sought.family_name, sought.date_of_birth) == before
    assert AuditEvent.objects.filter(
        action="change",
        object_type="tracing.tracingrequest",
        object_id=str(request.pk),
        actor=worker,
    ).exists()


def test_a_child_known_elsewhere_is_only_a_possible_record_there(
    sought, agency, worker, partner, partner_worker, agency_supervisor, signed_in
):
    """The mother asked the partner; the agency holds the boy's record."""
    request = make_request(
        partner, partner_worker, given_name="Mohamed", family_name="Hasan", approximate_age=AGE
    )

    match_tracing_request(request)

    assert set(MatchCandidate.objects.values_list("reviewing_organisation", "child")) == {
        (partner.pk, sought.pk),
        (agency.pk, sought.pk),
    }
    page = (
        signed_in(partner_worker)
        .get(reverse("tracing:request", args=[request.pk]))
        .content.decode()
    )
    assert f"Possible record at {agency.name}" in page
    assert agency_supervisor.display_name in page
    for detail in ("Muhammad", "2012-03-04", str(sought.pk)):
        assert detail not in page
    # The agency learns that a relative may be looking for the boy, not who or how to reach them.
    child_page = signed_in(worker).get(reverse("cases:child", args=[sought.pk])).content.decode()
    assert f"a tracing request at {partner.name}" in child_page
    for detail in ("Mohamed", "+999 555 0100", "recruiter"):
        assert detail not in child_page


def test_closing_a_request_is_audited(agency, worker, signed_in):
    request = make_request(agency, worker, given_name="Mohamed")

    response = signed_in(worker).post(reverse("tracing:close", args=[request.pk]))

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == TracingStatus.CLOSED
    assert AuditEvent.objects.filter(
        action="change",
        object_type="tracing.tracingrequest",
        summary="tracing request open → closed",
    ).exists()
    again = signed_in(worker).post(reverse("tracing:close", args=[request.pk]), follow=True)
    assert "already closed" in again.content.decode()


def test_the_command_finds_duplicates_and_tracing_matches(sought, agency, worker):
    make_child(
        agency,
        worker,
        given_name="Mohammed",
        family_name="Hassan",
        sex="male",
        date_of_birth="2012-03-04",
    )
    make_request(agency, worker, given_name="Mohamed", family_name="Hasan", approximate_age=AGE)
    closed = make_request(agency, worker, given_name="Mohamed", family_name="Hasan")
    closed.status = TracingStatus.CLOSED
    closed.save(update_fields=["status"])

    call_command("find_matches", verbosity=0)

    kinds = list(MatchCandidate.objects.values_list("kind", flat=True))
    assert kinds.count(CandidateKind.DUPLICATE) == 1
    assert kinds.count(CandidateKind.TRACING) == 2
    assert not MatchCandidate.objects.filter(tracing_request=closed).exists()
