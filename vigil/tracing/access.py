"""Who may see and review tracing requests and match candidates.

A tracing request belongs to the organisation that recorded it: its case workers
and supervisors. A candidate is reviewed by one organisation: on a tracing
request's side by whoever handles that request, on a child's side by whoever may
edit that child's record (cases.access.child_for). Everyone else gets a 404;
members of the organisation whose role never handles cases get a 403.
"""

import uuid

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from vigil.accounts.access import check, organisations_where
from vigil.accounts.models import Membership
from vigil.cases.access import CASE_ROLES, child_for
from vigil.cases.models import CaseGrant
from vigil.tracing.models import CandidateKind, CandidateStatus, MatchCandidate, TracingRequest


def _uuid(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def tracing_organisations(person):
    """Organisations where the person handles cases, and so tracing requests."""
    return organisations_where(person, CASE_ROLES)


def require_tracing_work(person) -> list:
    """The lists and the new-request page: 403 for staff who never handle cases."""
    organisations = tracing_organisations(person)
    if not organisations:
        raise PermissionDenied
    return organisations


def tracing_request_for(person, request_id) -> TracingRequest:
    found = (
        TracingRequest.objects.select_related("organisation", "last_seen_place", "created_by")
        .filter(pk=_uuid(request_id))
        .first()
    )
    if found is None:
        raise Http404
    check(person, found.organisation, CASE_ROLES)
    return found


def tracing_requests_visible_to(person):
    organisations = Membership.objects.filter(person=person, role__in=CASE_ROLES).values(
        "organisation_id"
    )
    return TracingRequest.objects.filter(organisation_id__in=organisations).select_related(
        "organisation", "last_seen_place"
    )


def reviewed_on_request_side(candidate: MatchCandidate) -> bool:
    return (
        candidate.kind == CandidateKind.TRACING
        and candidate.tracing_request.organisation_id == candidate.reviewing_organisation_id
    )


def own_children(candidate: MatchCandidate) -> list:
    """The children of the reviewing organisation a candidate is about."""
    children = [candidate.child]
    other = candidate.other_child
    if other is not None and other.organisation_id == candidate.reviewing_organisation_id:
        children.append(other)
    return children


def _check_reviewer(person, candidate: MatchCandidate) -> None:
    if reviewed_on_request_side(candidate):
        check(person, candidate.reviewing_organisation, CASE_ROLES)
        return
    refusal = Http404
    for child in own_children(candidate):
        try:
            child_for(person, child.pk, write=True)
        except PermissionDenied:
            refusal = PermissionDenied
        except Http404:
            continue
        else:
            return
    raise refusal


def _candidates():
    return MatchCandidate.objects.select_related(
        "reviewing_organisation",
        "child__organisation",
        "other_child__organisation",
        "tracing_request__organisation",
        "reviewed_by",
    )


def candidate_for(person, candidate_id) -> MatchCandidate:
    candidate = _candidates().filter(pk=_uuid(candidate_id)).first()
    if candidate is None:
        raise Http404
    _check_reviewer(person, candidate)
    return candidate


def may_review(person, candidate: MatchCandidate) -> bool:
    try:
        _check_reviewer(person, candidate)
    except (Http404, PermissionDenied):
        return False
    return True


def may_open_child(person, child) -> bool:
    try:
        child_for(person, child.pk)
    except (Http404, PermissionDenied):
        return False
    return True


def candidates_awaiting(person) -> list[MatchCandidate]:
    """Pending candidates this person may review, most likely first."""
    organisations = Membership.objects.filter(person=person, role__in=CASE_ROLES).values(
        "organisation_id"
    )
    granted = CaseGrant.objects.filter(
        person=person, revoked_at__isnull=True, can_edit=True
    ).values("case__child_id")
    pending = _candidates().filter(
        Q(reviewing_organisation_id__in=organisations)
        | Q(child_id__in=granted)
        | Q(other_child_id__in=granted),
        status=CandidateStatus.PENDING,
    )
    return [candidate for candidate in pending if may_review(person, candidate)]


def candidates_about(person, child) -> list[MatchCandidate]:
    """Pending candidates about a child of the person's organisation that the person may review."""
    pending = _candidates().filter(
        Q(child=child) | Q(other_child=child),
        reviewing_organisation_id=child.organisation_id,
        status=CandidateStatus.PENDING,
    )
    return [candidate for candidate in pending if may_review(person, candidate)]
