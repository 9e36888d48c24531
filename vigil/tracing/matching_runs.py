"""Running the matching engine over the children a deployment holds, and storing its proposals.

Names are encrypted at rest, so rows are read and decrypted here and handed to
the engine as dicts. At the sizes a deployment holds (tens of thousands of
children) that takes seconds to minutes: it runs from `vigil find_matches`
(cron), never inside a web request.

Every pair becomes a pending candidate for case workers to confirm or reject;
nothing here changes a child's record. A pair across two organisations becomes
one candidate per side, each reviewed by its own organisation.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.cases.models import Child
from vigil.matching.model import find_pairs
from vigil.tracing.models import CandidateKind, MatchCandidate, TracingRequest, TracingStatus

DEFAULT_THRESHOLD = 0.8
ACTOR_LABEL = "record matching"

# Which key of the rows below holds each role the engine knows.
ROLES = {
    "first_name": "given_name",
    "last_name": "family_name",
    "other_names": "other_names",
    "sex": "sex",
    "dob": "date_of_birth",
    "age": "age",
    "place": "place",
    "caregiver_name": "caregiver_names",
}


def threshold() -> float:
    """The probability above which a pair is worth a case worker's review."""
    return float(getattr(settings, "VIGIL_MATCH_THRESHOLD", DEFAULT_THRESHOLD))


def _joined(*texts: str) -> str | None:
    words = [line.strip() for text in texts for line in (text or "").splitlines()]
    return " ".join(word for word in words if word) or None


def _row(pk, *, given, family, other, sex, dob, age, place, caregivers) -> dict:
    return {
        "id": str(pk),
        "given_name": given or None,
        "family_name": family or None,
        "other_names": _joined(other),
        "sex": sex or None,
        "date_of_birth": dob or None,
        "age": None if age is None else str(age),
        "place": place.name if place is not None else None,
        "caregiver_names": caregivers,
    }


def child_rows(children) -> list[dict]:
    """Rows for the engine from children (prefetch `caregivers` and `current_place`)."""
    return [
        _row(
            child.pk,
            given=child.given_name,
            family=child.family_name,
            other=child.other_names,
            sex=child.sex,
            dob=child.date_of_birth,
            age=child.estimated_age,
            place=child.current_place,
            caregivers=_joined(*(caregiver.name for caregiver in child.caregivers.all())),
        )
        for child in children
    ]


def request_rows(requests) -> list[dict]:
    """Rows for the engine from tracing requests: the child as the relative describes them."""
    return [
        _row(
            request.pk,
            given=request.given_name,
            family=request.family_name,
            other=request.other_names,
            sex=request.sex,
            dob=request.date_of_birth,
            age=request.approximate_age,
            place=request.last_seen_place,
            # The relative asking is often a parent the child's record names as caregiver.
            caregivers=_joined(request.enquirer_name, request.caregiver_names),
        )
        for request in requests
    ]


def _children():
    return Child.objects.select_related("organisation", "current_place").prefetch_related(
        "caregivers"
    )


def _pairs(left: list[dict], right: list[dict] | None = None) -> list[tuple[str, str, float]]:
    return find_pairs(left, right, roles=ROLES, threshold=threshold())


def _propose(organisation, probability: float, **pair) -> MatchCandidate:
    kind = CandidateKind.TRACING if "tracing_request" in pair else CandidateKind.DUPLICATE
    candidate = MatchCandidate.objects.create(
        kind=kind, reviewing_organisation=organisation, probability=probability, **pair
    )
    record(
        Action.CREATE,
        candidate,
        actor_label=ACTOR_LABEL,
        organisation=organisation,
        summary=f"{candidate.get_kind_display()} proposed, probability {probability:.2f}",
    )
    return candidate


def find_duplicates(organisation=None) -> list[MatchCandidate]:
    """Propose pairs of children that may be one child, within and across organisations.

    With an organisation, only pairs with at least one of its children. A pair
    already proposed (whatever became of it) is never proposed again.
    """
    children = list(_children())
    if len(children) < 2:
        return []
    by_id = {str(child.pk): child for child in children}
    pairs = _pairs(child_rows(children))
    existing = set(
        MatchCandidate.objects.filter(kind=CandidateKind.DUPLICATE).values_list(
            "reviewing_organisation_id", "child_id", "other_child_id"
        )
    )
    created = []
    with transaction.atomic():
        for left_id, right_id, probability in pairs:
            a, b = by_id[left_id], by_id[right_id]
            if organisation is not None and organisation.pk not in {
                a.organisation_id,
                b.organisation_id,
            }:
                continue
            if a.organisation_id == b.organisation_id:
                # One organisation, one candidate for the pair, in either order.
                a, b = sorted((a, b), key=lambda child: str(child.pk))
                sides = [(a, b)]
            else:
                sides = [(a, b), (b, a)]
            for own, other in sides:
                org_id = own.organisation_id
                if {(org_id, own.pk, other.pk), (org_id, other.pk, own.pk)} & existing:
                    continue
                created.append(
                    _propose(own.organisation, probability, child=own, other_child=other)
                )
                existing.add((org_id, own.pk, other.pk))
    return created


def match_tracing_requests(requests=None) -> list[MatchCandidate]:
    """Propose children who may be the child each tracing request (by default every open one) seeks.

    The request's organisation reviews every proposal; when the child is known to
    another organisation, that organisation gets its own candidate too, so that
    its case workers learn that a relative may be looking for the child.
    """
    if requests is None:
        chosen = TracingRequest.objects.filter(status=TracingStatus.OPEN)
    else:
        chosen = TracingRequest.objects.filter(pk__in=[request.pk for request in requests])
    requests = list(chosen.select_related("organisation", "last_seen_place"))
    children = list(_children()) if requests else []
    if not children:
        return []
    request_by_id = {str(request.pk): request for request in requests}
    child_by_id = {str(child.pk): child for child in children}
    pairs = _pairs(request_rows(requests), child_rows(children))
    existing = set(
        MatchCandidate.objects.filter(
            Q(kind=CandidateKind.TRACING), Q(tracing_request__in=requests)
        ).values_list("reviewing_organisation_id", "child_id", "tracing_request_id")
    )
    created = []
    with transaction.atomic():
        for request_id, child_id, probability in pairs:
            request, child = request_by_id[request_id], child_by_id[child_id]
            organisations = {request.organisation_id: request.organisation}
            organisations.setdefault(child.organisation_id, child.organisation)
            for org_id, organisation in organisations.items():
                if (org_id, child.pk, request.pk) in existing:
                    continue
                created.append(
                    _propose(organisation, probability, child=child, tracing_request=request)
                )
                existing.add((org_id, child.pk, request.pk))
    return created


def match_tracing_request(request: TracingRequest) -> list[MatchCandidate]:
    """Propose children who may be the child one tracing request seeks."""
    return match_tracing_requests([request])
