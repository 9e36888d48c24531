"""Referrals to providers and transfers of a case, within what consent allows.

A referral carries a snapshot of the case composed from the categories the
child or caregiver agreed to share with that organisation for services. With
no such consent, only a supervisor may refer, with a written reason and the
categories they choose, and the audit trail says so.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.accounts.access import roles_in
from vigil.accounts.models import Role
from vigil.audit.actions import record
from vigil.audit.models import Action
from vigil.cases.actions import CaseError
from vigil.cases.models import (
    SHAREABLE,
    Case,
    CaseStatus,
    Consent,
    ConsentPurpose,
    Referral,
    ReferralStatus,
    Transfer,
    TransferStatus,
)


def consents_for(case: Case, organisation, purpose: str) -> list[Consent]:
    """Consents in force that let this organisation receive the case for this purpose."""
    return [
        consent
        for consent in case.consents.filter(purpose=purpose, revoked_at__isnull=True)
        if consent.share_with_id in (None, organisation.pk)
    ]


def _is_supervisor(person, case: Case) -> bool:
    return Role.SUPERVISOR in roles_in(person, case.organisation)


def _check_basis(person, case, organisation, purpose, consent, override_reason) -> None:
    if consent is not None:
        if consent not in consents_for(case, organisation, purpose):
            raise CaseError(_("This consent does not allow sharing with this organisation."))
        return
    if not override_reason.strip():
        raise CaseError(_("No consent allows this: record one, or a supervisor gives a reason."))
    if not _is_supervisor(person, case):
        raise CaseError(_("Only a supervisor may share without consent."))


def shared_text(case: Case, categories, plan_item=None) -> str:
    """What the provider will read: only the categories given, as plain lines."""
    child = case.child
    lines = [
        _("Case %(number)s of %(organisation)s")
        % {"number": case.case_number, "organisation": case.organisation.name},
        _("Case worker: %(name)s")
        % {"name": case.assigned_to.display_name if case.assigned_to else _("not assigned")},
    ]
    if plan_item is not None:
        lines.append(
            _("Asked for: %(area)s: %(goal)s")
            % {"area": plan_item.get_area_display(), "goal": plan_item.goal}
        )
    if "identity" in categories:
        age = child.date_of_birth or (
            _("about %(age)s") % {"age": child.estimated_age}
            if child.estimated_age is not None
            else ""
        )
        lines += [
            _("Name: %(name)s") % {"name": child.display_name},
            _("Other names: %(names)s") % {"names": ", ".join(child.other_names.splitlines())},
            _("Sex: %(sex)s") % {"sex": child.get_sex_display()},
            _("Born / age: %(age)s") % {"age": age},
            _("Nationality: %(code)s; languages: %(languages)s")
            % {"code": child.nationality, "languages": child.languages},
        ]
    if "contact" in categories:
        lines.append(
            _("Where now: %(place)s; placement: %(placement)s %(details)s")
            % {
                "place": child.current_place.name if child.current_place else "",
                "placement": child.get_placement_display(),
                "details": child.placement_details,
            }
        )
        for caregiver in child.caregivers.filter(safe_to_contact=True):
            lines.append(
                _("Caregiver (safe to contact): %(name)s, %(relationship)s, %(contact)s")
                % {
                    "name": caregiver.name,
                    "relationship": caregiver.relationship,
                    "contact": caregiver.contact,
                }
            )
    if "history" in categories:
        lines += [
            _("Exploitation: %(types)s") % {"types": ", ".join(case.exploitation_labels)},
            _("Concerns: %(concerns)s") % {"concerns": ", ".join(case.concern_labels)},
            _("What is known: %(summary)s") % {"summary": case.summary},
        ]
    for area, category in (
        ("health", "health"),
        ("mental_health", "health"),
        ("legal_aid", "legal"),
    ):
        if category in categories:
            for need in case.needs.filter(area=area):
                lines.append(
                    _("Need, %(area)s (%(severity)s): %(notes)s")
                    % {
                        "area": need.get_area_display(),
                        "severity": need.get_severity_display(),
                        "notes": need.notes,
                    }
                )
    return "\n".join(line for line in lines if line.strip())


def refer(
    person,
    case: Case,
    service,
    *,
    plan_item=None,
    consent: Consent | None = None,
    override_reason: str = "",
    categories=(),
    message: str = "",
) -> Referral:
    if not case.is_open:
        raise CaseError(_("A closed case is not referred."))
    if not service.is_active:
        raise CaseError(_("This service is no longer offered."))
    if plan_item is not None and plan_item.case_id != case.pk:
        raise CaseError(_("This plan item belongs to another case."))
    organisation = service.organisation
    if organisation.pk == case.organisation_id:
        raise CaseError(_("Refer to another organisation; your own colleagues need no referral."))
    _check_basis(person, case, organisation, ConsentPurpose.SERVICES, consent, override_reason)
    shared = (
        consent.fields_shared()
        if consent is not None
        else [c for c in categories if c in SHAREABLE]
    )
    with transaction.atomic():
        referral = Referral.objects.create(
            case=case,
            service=service,
            organisation=organisation,
            plan_item=plan_item,
            consent=consent,
            override_reason=override_reason if consent is None else "",
            shared=shared_text(case, shared, plan_item),
            message=message,
            created_by=person,
        )
        basis = "consent" if consent else f"supervisor override: {override_reason}"
        what = ", ".join(shared) or "case number only"
        record(
            Action.CREATE,
            referral,
            actor=person,
            organisation=case.organisation,
            summary=f"referred to {organisation.name} ({basis}; shared: {what})",
        )
    return referral


def _decide(person, referral: Referral, status: str, summary: str, **fields) -> Referral:
    with transaction.atomic():
        referral.status = status
        for name, value in fields.items():
            setattr(referral, name, value)
        referral.save(update_fields=["status", *fields])
        record(
            Action.CHANGE,
            referral,
            actor=person,
            organisation=referral.organisation,
            summary=summary,
        )
    return referral


def accept_referral(person, referral: Referral) -> Referral:
    if referral.status != ReferralStatus.PENDING:
        raise CaseError(_("Only a referral waiting for an answer can be accepted."))
    return _decide(
        person,
        referral,
        ReferralStatus.ACCEPTED,
        "accepted",
        decided_by=person,
        decided_at=timezone.now(),
    )


def decline_referral(person, referral: Referral, reason: str) -> Referral:
    if referral.status != ReferralStatus.PENDING:
        raise CaseError(_("Only a referral waiting for an answer can be declined."))
    if not reason.strip():
        raise CaseError(_("Say why the referral is declined."))
    return _decide(
        person,
        referral,
        ReferralStatus.DECLINED,
        f"declined: {reason}",
        decided_by=person,
        decided_at=timezone.now(),
        decision_reason=reason,
    )


def report_delivery(person, referral: Referral, note: str) -> Referral:
    if referral.status != ReferralStatus.ACCEPTED:
        raise CaseError(_("Only an accepted referral can be reported as delivered."))
    return _decide(
        person,
        referral,
        ReferralStatus.DELIVERED,
        "service delivered",
        delivered_at=timezone.now(),
        delivery_note=note,
    )


def withdraw_referral(person, referral: Referral) -> Referral:
    if not referral.is_live:
        raise CaseError(_("This referral is no longer open."))
    return _decide(person, referral, ReferralStatus.WITHDRAWN, "withdrawn by the case worker")


def stop_referrals(person, consent: Consent) -> int:
    """Consent withdrawn: referrals that relied on it stop, their content hidden."""
    stopped = 0
    for referral in consent.referrals.filter(
        status__in=[ReferralStatus.PENDING, ReferralStatus.ACCEPTED]
    ):
        _decide(person, referral, ReferralStatus.STOPPED, "stopped: consent withdrawn")
        stopped += 1
    return stopped


def request_transfer(
    person, case: Case, organisation, *, reason: str, consent=None, override_reason=""
) -> Transfer:
    if organisation.pk == case.organisation_id:
        raise CaseError(_("The case is already with this organisation."))
    if not reason.strip():
        raise CaseError(_("Say why the case should move."))
    if case.transfers.filter(status=TransferStatus.PENDING).exists():
        raise CaseError(_("A transfer of this case is already waiting for an answer."))
    _check_basis(person, case, organisation, ConsentPurpose.TRANSFER, consent, override_reason)
    with transaction.atomic():
        transfer = Transfer.objects.create(
            case=case,
            from_organisation=case.organisation,
            to_organisation=organisation,
            reason=reason,
            consent=consent,
            override_reason=override_reason if consent is None else "",
            requested_by=person,
        )
        record(
            Action.CREATE,
            transfer,
            actor=person,
            organisation=case.organisation,
            summary=f"transfer to {organisation.name} requested",
        )
    return transfer


def decide_transfer(person, transfer: Transfer, *, accept: bool, reason: str = "") -> Transfer:
    """The receiving supervisor's answer; on acceptance the case and its child move."""
    if transfer.status != TransferStatus.PENDING:
        raise CaseError(_("This transfer was already answered."))
    if not accept and not reason.strip():
        raise CaseError(_("Say why the transfer is declined."))
    case = transfer.case
    with transaction.atomic():
        transfer.status = TransferStatus.ACCEPTED if accept else TransferStatus.DECLINED
        transfer.decision_reason = reason
        transfer.decided_by = person
        transfer.decided_at = timezone.now()
        transfer.save(update_fields=["status", "decision_reason", "decided_by", "decided_at"])
        if accept:
            previous = case.organisation
            case.organisation = transfer.to_organisation
            case.assigned_to = None
            case.status = CaseStatus.OPEN if case.status == CaseStatus.CLOSED else case.status
            case.version += 1
            case.save(
                update_fields=["organisation", "assigned_to", "status", "version", "updated_at"]
            )
            case.child.organisation = transfer.to_organisation
            case.child.save(update_fields=["organisation", "updated_at"])
            # Access granted by the old owners does not follow the case.
            case.grants.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
            record(
                Action.CHANGE,
                case,
                actor=person,
                organisation=previous,
                summary=f"transferred to {transfer.to_organisation.name}",
            )
        record(
            Action.CHANGE,
            transfer,
            actor=person,
            organisation=transfer.to_organisation,
            summary="accepted" if accept else f"declined: {reason}",
        )
    return transfer
