"""Every change to a case: atomic, audited, named for what it does."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.accounts.models import Membership, Role
from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.cases.models import (
    Caregiver,
    Case,
    CaseConcern,
    CaseExploitation,
    CaseGrant,
    CaseStatus,
    Child,
    Consent,
)


class CaseError(Exception):
    """An action refused for a reason the person can act on."""


class EditConflict(CaseError):
    """Someone saved the case after this person opened it."""


CHILD_FIELDS = (
    "given_name",
    "family_name",
    "other_names",
    "sex",
    "date_of_birth",
    "estimated_age",
    "nationality",
    "languages",
    "current_place",
    "placement",
    "placement_details",
)
CASE_FIELDS = ("risk_level", "risk_reasons", "identified_by", "summary")


@dataclass
class CaseDetails:
    """What a case form gives: the child's fields, the case's, and its categories."""

    child: dict
    case: dict
    exploitations: list[str]
    concerns: list[str]


def _case_number(organisation, year: int, attempt: int) -> str:
    prefix = organisation.slug.upper().replace("-", "")[:8] or "CASE"
    count = Case.objects.filter(organisation=organisation, created_at__year=year).count()
    return f"{prefix}-{year}-{count + 1 + attempt:05d}"


def _set_categories(case: Case, exploitations, concerns) -> None:
    case.exploitations.exclude(exploitation__in=exploitations).delete()
    case.concerns.exclude(concern__in=concerns).delete()
    for value in exploitations:
        CaseExploitation.objects.get_or_create(case=case, exploitation=value)
    for value in concerns:
        CaseConcern.objects.get_or_create(case=case, concern=value)


def open_case(person, organisation, details: CaseDetails, *, tip=None, child=None) -> Case:
    """A new case (and its child, unless an existing child is given)."""
    with transaction.atomic():
        if child is None:
            child = Child.objects.create(organisation=organisation, **details.child)
            record(Action.CREATE, child, actor=person, organisation=organisation)
        year = timezone.now().year
        # Two people opening cases at once may take the same number: try the next.
        for attempt in range(5):
            try:
                with transaction.atomic():
                    case = Case.objects.create(
                        organisation=organisation,
                        child=child,
                        case_number=_case_number(organisation, year, attempt),
                        tip=tip,
                        **details.case,
                    )
                break
            except IntegrityError:
                if attempt == 4:
                    raise
        _set_categories(case, details.exploitations, details.concerns)
        record(
            Action.CREATE,
            case,
            actor=person,
            organisation=organisation,
            summary=f"from tip {tip.reference}" if tip else "",
        )
    return case


def update_case(person, case: Case, version: int, details: CaseDetails) -> Case:
    """Save an edit begun at `version`; refused if the case changed since."""
    with transaction.atomic():
        changed = Case.objects.filter(pk=case.pk, version=version).update(
            version=F("version") + 1, updated_at=timezone.now(), **details.case
        )
        if not changed:
            raise EditConflict(
                _(
                    "Someone else saved this case after you opened it. Your changes were not "
                    "saved: reload the case, look at what changed, and make your edit again."
                )
            )
        Child.objects.filter(pk=case.child_id).update(updated_at=timezone.now(), **details.child)
        _set_categories(case, details.exploitations, details.concerns)
        case.refresh_from_db()
        case.child.refresh_from_db()
        names = sorted(set(details.case) | set(details.child))
        record(
            Action.CHANGE,
            case,
            actor=person,
            organisation=case.organisation,
            summary="edited: " + ", ".join(names),
        )
    return case


def assign_case(person, case: Case, assignee) -> Case:
    if not Membership.objects.filter(
        person=assignee, organisation=case.organisation, role=Role.CASE_WORKER
    ).exists():
        raise CaseError(_("Only a case worker of the organisation can be assigned."))
    with transaction.atomic():
        case.assigned_to = assignee
        case.version += 1
        case.save(update_fields=["assigned_to", "version", "updated_at"])
        record(
            Action.CHANGE,
            case,
            actor=person,
            organisation=case.organisation,
            summary=f"assigned to {assignee.display_name}",
        )
    return case


def set_status(person, case: Case, status: str) -> Case:
    """Move the case on. Closing goes through plans.request_closure and approve_closure."""
    if status == CaseStatus.CLOSED:
        raise CaseError(_("Ask for closure: a supervisor approves it."))
    if status == CaseStatus.REOPENED and case.is_open:
        raise CaseError(_("Only a closed case can be reopened."))
    previous = case.status
    with transaction.atomic():
        case.status = status
        if status == CaseStatus.REOPENED:
            case.closed_at = None
            case.closure_requested_at = None
            case.closure_requested_by = None
        case.version += 1
        case.save(
            update_fields=[
                "status",
                "closed_at",
                "closure_requested_at",
                "closure_requested_by",
                "version",
                "updated_at",
            ]
        )
        record(
            Action.CHANGE,
            case,
            actor=person,
            organisation=case.organisation,
            summary=f"status {previous} → {status}",
        )
    return case


def grant_access(person, case: Case, grantee, *, can_edit: bool, reason: str) -> CaseGrant:
    if not reason.strip():
        raise CaseError(_("Say why this person needs the case."))
    with transaction.atomic():
        case.grants.filter(person=grantee, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        grant = CaseGrant.objects.create(
            case=case, person=grantee, can_edit=can_edit, reason=reason, granted_by=person
        )
        record(
            Action.CHANGE,
            case,
            actor=person,
            organisation=case.organisation,
            summary=f"access granted to {grantee.display_name}"
            + (" (edit)" if can_edit else " (read)"),
        )
    return grant


def revoke_access(person, grant: CaseGrant) -> None:
    with transaction.atomic():
        grant.revoked_at = timezone.now()
        grant.save(update_fields=["revoked_at"])
        record(
            Action.CHANGE,
            grant.case,
            actor=person,
            organisation=grant.case.organisation,
            summary=f"access revoked from {grant.person.display_name}",
        )


def record_consent(person, case: Case, **fields) -> Consent:
    with transaction.atomic():
        consent = Consent.objects.create(case=case, recorded_by=person, **fields)
        record(
            Action.CREATE,
            consent,
            actor=person,
            organisation=case.organisation,
            summary=f"consent for {consent.purpose} recorded on case {case.case_number}",
        )
    return consent


def revoke_consent(person, consent: Consent, reason: str) -> Consent:
    if not consent.is_active:
        raise CaseError(_("This consent was already revoked."))
    if not reason.strip():
        raise CaseError(_("Say how the consent was withdrawn."))
    with transaction.atomic():
        consent.revoked_at = timezone.now()
        consent.revoked_by = person
        consent.revocation_reason = reason
        consent.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        from vigil.cases.referrals import stop_referrals  # referrals build on these actions

        stop_referrals(person, consent)
        record(
            Action.CHANGE,
            consent,
            actor=person,
            organisation=consent.case.organisation,
            summary=f"consent revoked: {reason}",
        )
    return consent


def add_caregiver(person, case: Case, **fields) -> Caregiver:
    with transaction.atomic():
        caregiver = Caregiver.objects.create(child=case.child, **fields)
        record(
            Action.CHANGE,
            case,
            actor=person,
            organisation=case.organisation,
            summary=f"caregiver added ({caregiver.relationship or 'relationship not given'})",
        )
    return caregiver
