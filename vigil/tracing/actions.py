"""Every change to tracing requests and match candidates: atomic, audited.

Reviewing a candidate records a case worker's judgement and nothing else: no
child record is merged, moved or changed. Audit summaries never hold names.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.tracing.access import reviewed_on_request_side
from vigil.tracing.models import (
    CandidateKind,
    CandidateStatus,
    MatchCandidate,
    TracingRequest,
    TracingStatus,
)

REQUEST_FIELDS = (
    "enquirer_name",
    "enquirer_relationship",
    "enquirer_contact",
    "given_name",
    "family_name",
    "other_names",
    "sex",
    "date_of_birth",
    "approximate_age",
    "last_seen_place",
    "last_seen_description",
    "caregiver_names",
)


class TracingError(ValidationError):
    """An action refused for a reason the person can act on."""


def record_tracing_request(person, organisation, /, **fields) -> TracingRequest:
    unknown = set(fields) - set(REQUEST_FIELDS)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    if not any(fields.get(name) for name in ("given_name", "family_name", "other_names")):
        raise TracingError(_("Give at least one name the child is known by."))
    with transaction.atomic():
        request = TracingRequest.objects.create(
            organisation=organisation, created_by=person, **fields
        )
        record(
            Action.CREATE,
            request,
            actor=person,
            organisation=organisation,
            summary="tracing request recorded",
        )
    return request


def close_tracing_request(person, request: TracingRequest) -> TracingRequest:
    with transaction.atomic():
        locked = TracingRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status == TracingStatus.CLOSED:
            raise TracingError(_("This tracing request is already closed."))
        previous = locked.status
        request.status = TracingStatus.CLOSED
        request.save(update_fields=["status", "updated_at"])
        record(
            Action.CHANGE,
            request,
            actor=person,
            organisation=request.organisation,
            summary=f"tracing request {previous} → closed",
        )
    return request


def _review(person, candidate: MatchCandidate, status: str, note: str) -> MatchCandidate:
    with transaction.atomic():
        locked = MatchCandidate.objects.select_for_update().get(pk=candidate.pk)
        if locked.status != CandidateStatus.PENDING:
            raise TracingError(_("Someone has already reviewed this possible match."))
        candidate.status = status
        candidate.reviewed_by = person
        candidate.reviewed_at = timezone.now()
        candidate.review_note = note
        candidate.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
        record(
            Action.CHANGE,
            candidate,
            actor=person,
            organisation=candidate.reviewing_organisation,
            summary=f"{candidate.kind} candidate {status}" + (" with a note" if note else ""),
        )
        request = candidate.tracing_request
        if (
            status == CandidateStatus.CONFIRMED
            and candidate.kind == CandidateKind.TRACING
            and reviewed_on_request_side(candidate)
            and request.status == TracingStatus.OPEN
        ):
            request.status = TracingStatus.MATCHED
            request.save(update_fields=["status", "updated_at"])
            record(
                Action.CHANGE,
                request,
                actor=person,
                organisation=request.organisation,
                summary="tracing request open → matched (a possible match confirmed)",
            )
    return candidate


def confirm_candidate(person, candidate: MatchCandidate, note: str = "") -> MatchCandidate:
    """This side judges the two records to be one child (the other side decides for itself)."""
    return _review(person, candidate, CandidateStatus.CONFIRMED, note)


def reject_candidate(person, candidate: MatchCandidate, note: str = "") -> MatchCandidate:
    """Not the same child: the pair is never proposed again."""
    return _review(person, candidate, CandidateStatus.REJECTED, note)
