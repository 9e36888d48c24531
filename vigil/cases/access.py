"""The only way staff load cases: the assigned case worker, the owning
organisation's supervisors, and those granted access. Everyone else gets a
404, except members of the owning organisation whose role never handles cases
(403): they know the organisation keeps cases, not which."""

import uuid

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from vigil.accounts.access import check, roles_in
from vigil.accounts.models import Membership, Role
from vigil.cases.models import Case, Child, HiddenField, Referral, Transfer, TransferStatus

CASE_ROLES = frozenset({Role.CASE_WORKER, Role.SUPERVISOR})


def _uuid(value) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def case_for(person, case_id, write: bool = False) -> Case:
    case = (
        Case.objects.select_related("organisation", "child", "assigned_to", "child__current_place")
        .filter(pk=_uuid(case_id))
        .first()
    )
    if case is None:
        raise Http404
    grant = case.grants.filter(person=person, revoked_at__isnull=True).first()
    if grant is not None and (grant.can_edit or not write):
        return case
    roles = roles_in(person, case.organisation)
    if Role.SUPERVISOR in roles:
        return case
    if Role.CASE_WORKER in roles and case.assigned_to_id == person.pk:
        return case
    if grant is not None:
        raise PermissionDenied  # granted reading, asked to edit
    if Role.CASE_WORKER in roles:
        raise Http404  # a colleague's case: not even its existence
    if roles:
        raise PermissionDenied
    raise Http404


def supervised_case_for(person, case_id) -> Case:
    """A case of an organisation where the person supervises (assigning, approving closure)."""
    case = case_for(person, case_id)
    check(person, case.organisation, {Role.SUPERVISOR})
    return case


def cases_visible_to(person) -> QuerySet[Case]:
    supervised = Membership.objects.filter(person=person, role=Role.SUPERVISOR).values(
        "organisation_id"
    )
    worked = Membership.objects.filter(person=person, role=Role.CASE_WORKER).values(
        "organisation_id"
    )
    return Case.objects.filter(
        Q(organisation_id__in=supervised)
        | Q(assigned_to=person, organisation_id__in=worked)
        | Q(grants__person=person, grants__revoked_at__isnull=True)
    ).distinct()


def may_supervise(person, case: Case) -> bool:
    return Role.SUPERVISOR in roles_in(person, case.organisation)


def may_edit(person, case: Case) -> bool:
    try:
        case_for(person, case.pk, write=True)
    except (Http404, PermissionDenied):
        return False
    return True


def child_for(person, child_id, write: bool = False) -> Child:
    """A child seen through their cases; a child with no case yet (screened, say) by
    the case workers and supervisors of the organisation that registered them."""
    child = (
        Child.objects.select_related("organisation", "current_place")
        .filter(pk=_uuid(child_id))
        .first()
    )
    if child is None:
        raise Http404
    case_ids = list(child.cases.values_list("pk", flat=True))
    if not case_ids:
        check(person, child.organisation, CASE_ROLES)
        return child
    refusal = Http404
    for case_id in case_ids:
        try:
            case_for(person, case_id, write=write)
        except PermissionDenied:
            refusal = PermissionDenied
        except Http404:
            continue
        else:
            return child
    raise refusal


# What providers and receiving organisations see --------------------------------------

PROVIDER_ROLES = frozenset({Role.SERVICE_PROVIDER, Role.CASE_WORKER, Role.SUPERVISOR})


def referral_for_provider(person, referral_id):
    """A referral, for the organisation it was sent to (never the case behind it)."""
    referral = (
        Referral.objects.select_related("organisation", "service", "case__organisation")
        .filter(pk=_uuid(referral_id))
        .first()
    )
    if referral is None:
        raise Http404
    check(person, referral.organisation, PROVIDER_ROLES)
    return referral


def referrals_received_by(person):
    organisations = Membership.objects.filter(person=person, role__in=PROVIDER_ROLES).values(
        "organisation_id"
    )
    return Referral.objects.filter(organisation_id__in=organisations).select_related(
        "organisation", "service", "case__organisation"
    )


def transfer_for_receiver(person, transfer_id):
    """A transfer, for the supervisors of the organisation asked to take the case."""
    transfer = (
        Transfer.objects.select_related("case", "from_organisation", "to_organisation")
        .filter(pk=_uuid(transfer_id))
        .first()
    )
    if transfer is None:
        raise Http404
    check(person, transfer.to_organisation, {Role.SUPERVISOR})
    return transfer


def transfers_awaiting(person):
    organisations = Membership.objects.filter(person=person, role=Role.SUPERVISOR).values(
        "organisation_id"
    )
    return Transfer.objects.filter(
        to_organisation_id__in=organisations, status=TransferStatus.PENDING
    ).select_related("case", "from_organisation", "to_organisation")


# Fields hidden per role --------------------------------------------------------------

# The form fields behind each sensitive field: hidden, they are neither shown nor edited.
FORM_FIELDS = {
    "name": ("given_name", "family_name", "other_names"),
    "date_of_birth": ("date_of_birth",),
    "whereabouts": ("current_place", "placement", "placement_details"),
    "summary": ("summary",),
    "risk_reasons": ("risk_reasons",),
}


def hidden_fields(person, case: Case) -> frozenset[str]:
    """The sensitive fields this person may not see on this case.

    Someone with several roles sees what the most trusted of them sees: a
    field is hidden only if every way they reach the case hides it."""
    roles = roles_in(person, case.organisation)
    viewers = {role for role in (Role.CASE_WORKER, Role.SUPERVISOR) if role in roles}
    if not viewers:
        viewers = {"granted"}
    rules = HiddenField.objects.filter(organisation=case.organisation, viewer__in=viewers)
    hidden_by: dict[str, set[str]] = {}
    for viewer, field in rules.values_list("viewer", "field"):
        hidden_by.setdefault(field, set()).add(viewer)
    return frozenset(field for field, by in hidden_by.items() if by == viewers)


def mark_hidden_names(person, cases) -> None:
    """Set `name_hidden` on each case of a list (one query for the rules)."""
    organisations = {case.organisation_id for case in cases}
    rules: dict[tuple, set[str]] = {}
    for organisation_id, viewer in HiddenField.objects.filter(
        organisation_id__in=organisations, field="name"
    ).values_list("organisation_id", "viewer"):
        rules.setdefault(organisation_id, set()).add(viewer)
    for case in cases:
        by = rules.get(case.organisation_id)
        if not by:
            case.name_hidden = False
            continue
        roles = roles_in(person, case.organisation)
        viewers = {r for r in (Role.CASE_WORKER, Role.SUPERVISOR) if r in roles} or {"granted"}
        case.name_hidden = viewers <= by


def hidden_form_fields(hidden) -> set[str]:
    return {name for field in hidden for name in FORM_FIELDS[field]}
