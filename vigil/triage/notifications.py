"""Email to staff when the protocol says so: a child in danger, a deadline missed, a referral.

Emails leave the system over ordinary mail, so they carry only the tip's
reference and a link to sign in and read it: never the narrative, never an
identifier. They are sent after the transaction commits, so nobody is told
of a change that was rolled back.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from vigil.accounts.models import Membership, OrganisationKind, Person, Role
from vigil.triage.models import DeadlineKind, OnCallShift

STAFF_ROLES_ON_CALL = frozenset({Role.LIAISON, Role.SUPERVISOR})


def link(path: str) -> str:
    # VIGIL_SITE_URL (e.g. https://vigil.example.org) makes links absolute in emails.
    return settings.VIGIL_SITE_URL.rstrip("/") + path


def _send_later(subject: str, body: str, people) -> list[str]:
    addresses = sorted({p.email for p in people if p.email})
    if addresses:
        transaction.on_commit(
            lambda: send_mail(subject, body, None, addresses, fail_silently=False)
        )
    return addresses


def covers(jurisdiction: str, tip) -> bool:
    """An organisation for "XV" covers tips in XV and all its regions; "XV-NO" only its region."""
    places = {tip.region_code, tip.country_code or tip.hotline.jurisdiction} - {""}
    return jurisdiction in places


def supervisors_of(organisation) -> list[Person]:
    return list(
        Person.objects.filter(
            memberships__organisation=organisation,
            memberships__role=Role.SUPERVISOR,
            is_active=True,
        ).distinct()
    )


def on_call_liaisons(tip, now=None) -> list[Person]:
    """People on call now for law-enforcement organisations that cover the tip's place.

    A shift only counts while the person is still a liaison (or supervisor) there.
    """
    now = now or timezone.now()
    shifts = OnCallShift.objects.filter(
        starts_at__lte=now,
        ends_at__gt=now,
        organisation__kind=OrganisationKind.LAW_ENFORCEMENT,
        person__is_active=True,
    ).select_related("organisation", "person")
    members = set(
        Membership.objects.filter(
            role__in=STAFF_ROLES_ON_CALL,
            organisation_id__in=[s.organisation_id for s in shifts],
        ).values_list("person_id", "organisation_id")
    )
    return list(
        {
            s.person.pk: s.person
            for s in shifts
            if covers(s.organisation.jurisdiction, tip)
            and (s.person_id, s.organisation_id) in members
        }.values()
    )


def notify_immediate_danger(tip, plan) -> list[str]:
    """A new tip reports a child in immediate danger: whoever the protocol names, now."""
    people = []
    if plan.notify_on_call_liaison:
        people += on_call_liaisons(tip)
    if plan.notify_supervisors:
        people += supervisors_of(tip.hotline)
    subject = f"[Vigil] Child in immediate danger: tip {tip.reference}"
    body = (
        f"A new tip, {tip.reference}, reports a child in immediate danger.\n\n"
        f"Sign in to read it and act now: {link(reverse('tips:detail', args=[tip.pk]))}\n\n"
        "The content of the report is not sent by email."
    )
    return _send_later(subject, body, people)


def notify_overdue(deadline) -> list[str]:
    tip = deadline.tip
    assignment = getattr(tip, "assignment", None)
    people = supervisors_of(tip.hotline)
    if assignment is not None:
        people.append(assignment.assignee)
    what = "acknowledged" if deadline.kind == DeadlineKind.ACKNOWLEDGE else "escalated or decided"
    subject = f"[Vigil] Overdue: tip {tip.reference} not {what} in time"
    body = (
        f"Tip {tip.reference} should have been {what} by "
        f"{deadline.due_at:%Y-%m-%d %H:%M %Z} under the protocol.\n\n"
        f"Open it: {link(reverse('tips:detail', args=[tip.pk]))}\n"
    )
    return _send_later(subject, body, people)


def notify_escalation(escalation) -> list[str]:
    """The chosen organisation's liaisons: the reference and where to read it."""
    people = Person.objects.filter(
        memberships__organisation=escalation.organisation,
        memberships__role=Role.LIAISON,
        is_active=True,
    ).distinct()
    danger = " – child in immediate danger" if escalation.immediate_danger else ""
    subject = f"[Vigil] Referral {escalation.reference} (priority {escalation.priority}){danger}"
    body = (
        f"The hotline has referred tip {escalation.reference} to "
        f"{escalation.organisation.name}.\n\n"
        f"Sign in to read it: {link(reverse('escalations:detail', args=[escalation.pk]))}\n\n"
        "The content of the referral is not sent by email."
    )
    return _send_later(subject, body, people)
