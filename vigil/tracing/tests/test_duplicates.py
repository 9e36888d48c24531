"""The same child registered twice, within one organisation and across two."""

import pytest
from django.urls import reverse

from vigil.audit.models import AuditEvent
from vigil.cases.models import Child
from vigil.tracing.matching_runs import find_duplicates
from vigil.tracing.models import CandidateKind, CandidateStatus, MatchCandidate

from .factories import make_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered_twice(agency, worker, bystanders):
    """One boy registered twice by the agency, his name spelt two ways."""
    first = make_child(
        agency,
        worker,
        given_name="Mohammed",
        family_name="Hassan",
        sex="male",
        date_of_birth="2012-03-04",
    )
    second = make_child(
        agency,
        worker,
        given_name="Muhammad",
        family_name="Hassan",
        sex="male",
        date_of_birth="2012-03-04",
    )
    return first, second


@pytest.fixture
def known_to_both(agency, worker, partner, partner_worker, partner_supervisor, bystanders):
    """One boy known to the agency and to a partner organisation."""
    ours = make_child(
        agency,
        worker,
        given_name="Mohammed",
        family_name="Hassan",
        sex="male",
        date_of_birth="2012-03-04",
    )
    theirs = make_child(
        partner,
        partner_worker,
        given_name="Muhammad",
        family_name="Hassan",
        other_names="Hamoudi",
        sex="male",
        date_of_birth="2012-03-04",
        caregivers=["Fatima Hassan"],
    )
    return ours, theirs


def _snapshot(child):
    child = Child.objects.get(pk=child.pk)
    return (
        child.organisation_id,
        child.given_name,
        child.family_name,
        child.date_of_birth,
        child.updated_at,
    )


def test_a_child_registered_twice_becomes_one_pending_candidate(registered_twice, agency):
    first, second = registered_twice

    created = find_duplicates()

    assert len(created) == 1
    candidate = MatchCandidate.objects.get()
    assert candidate.kind == CandidateKind.DUPLICATE
    assert candidate.status == CandidateStatus.PENDING
    assert {candidate.child, candidate.other_child} == {first, second}
    assert candidate.reviewing_organisation == agency
    assert candidate.probability >= 0.8
    assert AuditEvent.objects.filter(
        action="create", object_type="tracing.matchcandidate", object_id=str(candidate.pk)
    ).exists()


def test_running_again_proposes_nothing_new(registered_twice):
    find_duplicates()

    assert find_duplicates() == []
    assert MatchCandidate.objects.count() == 1


def test_a_rejected_pair_is_never_proposed_again(registered_twice, signed_in, worker):
    find_duplicates()
    candidate = MatchCandidate.objects.get()

    response = signed_in(worker).post(
        reverse("tracing:review", args=[candidate.pk]),
        {"decision": "reject", "note": "Different fathers; checked with the school."},
    )

    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.REJECTED
    assert candidate.reviewed_by == worker
    assert candidate.review_note == "Different fathers; checked with the school."
    assert find_duplicates() == []
    assert MatchCandidate.objects.count() == 1
    assert AuditEvent.objects.filter(
        action="change",
        object_type="tracing.matchcandidate",
        object_id=str(candidate.pk),
        actor=worker,
        summary="duplicate candidate rejected with a note",
    ).exists()


def test_confirming_is_audited_and_merges_nothing(registered_twice, signed_in, worker):
    first, second = registered_twice
    before = [_snapshot(first), _snapshot(second)]
    find_duplicates()
    candidate = MatchCandidate.objects.get()

    page = signed_in(worker).get(reverse("cases:child", args=[first.pk])).content.decode()
    assert "Two records of your organisation may be the same child" in page
    assert reverse("cases:child", args=[second.pk]) in page
    response = signed_in(worker).post(
        reverse("tracing:review", args=[candidate.pk]),
        {"decision": "confirm", "next": reverse("cases:child", args=[first.pk])},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("cases:child", args=[first.pk])
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.CONFIRMED
    assert [_snapshot(first), _snapshot(second)] == before
    assert Child.objects.count() == 4
    assert AuditEvent.objects.filter(
        action="change",
        object_type="tracing.matchcandidate",
        object_id=str(candidate.pk),
        actor=worker,
        summary="duplicate candidate confirmed",
    ).exists()


def test_a_reviewed_candidate_cannot_be_reviewed_again(registered_twice, signed_in, worker):
    find_duplicates()
    candidate = MatchCandidate.objects.get()
    client = signed_in(worker)
    client.post(reverse("tracing:review", args=[candidate.pk]), {"decision": "reject"})

    response = client.post(
        reverse("tracing:review", args=[candidate.pk]), {"decision": "confirm"}, follow=True
    )

    assert "already reviewed" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.REJECTED


def test_a_review_without_a_decision_is_refused(registered_twice, signed_in, worker):
    find_duplicates()
    candidate = MatchCandidate.objects.get()

    response = signed_in(worker).post(
        reverse("tracing:review", args=[candidate.pk]), {"decision": "merge"}
    )

    assert response.status_code == 400
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.PENDING


def test_across_organisations_each_side_gets_its_own_candidate(known_to_both, agency, partner):
    ours, theirs = known_to_both

    find_duplicates()

    assert set(
        MatchCandidate.objects.values_list("reviewing_organisation", "child", "other_child")
    ) == {(agency.pk, ours.pk, theirs.pk), (partner.pk, theirs.pk, ours.pk)}


def test_across_organisations_a_side_sees_only_where_to_ask(
    known_to_both, signed_in, worker, partner
):
    ours, theirs = known_to_both
    find_duplicates()

    page = signed_in(worker).get(reverse("cases:child", args=[ours.pk])).content.decode()

    assert f"A possible record of this child exists at {partner.name}" in page
    assert "Grace Okafor" in page
    assert "grace@family-services.example" in page
    for detail in ("Muhammad", "Hamoudi", "Fatima", "2012-03-04", str(theirs.pk)):
        assert detail not in page
    candidate = MatchCandidate.objects.get(child=ours)
    detail = signed_in(worker).get(reverse("tracing:candidate", args=[candidate.pk]))
    assert detail.status_code == 200
    for text in ("Muhammad", "Hamoudi", "Fatima", "2012-03-04", str(theirs.pk)):
        assert text not in detail.content.decode()


def test_across_organisations_each_side_confirms_on_its_own(
    known_to_both, signed_in, worker, partner_worker
):
    ours, theirs = known_to_both
    before = [_snapshot(ours), _snapshot(theirs)]
    find_duplicates()
    our_side = MatchCandidate.objects.get(child=ours)
    their_side = MatchCandidate.objects.get(child=theirs)

    signed_in(worker).post(reverse("tracing:review", args=[our_side.pk]), {"decision": "confirm"})

    our_side.refresh_from_db()
    their_side.refresh_from_db()
    assert our_side.status == CandidateStatus.CONFIRMED
    assert their_side.status == CandidateStatus.PENDING
    # Neither side can review the other's candidate: it is about a child they do not hold.
    response = signed_in(partner_worker).post(
        reverse("tracing:review", args=[our_side.pk]), {"decision": "reject"}
    )
    assert response.status_code == 404
    assert [_snapshot(ours), _snapshot(theirs)] == before


def test_find_duplicates_for_one_organisation_keeps_to_its_children(
    registered_twice, known_to_both, partner
):
    created = find_duplicates(organisation=partner)

    assert created
    assert all(
        partner.pk in {c.child.organisation_id, c.other_child.organisation_id} for c in created
    )
