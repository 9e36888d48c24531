"""Valdoria's tip-handling protocol and the police liaison's on-call shift.

Invented for the demo, in the shape a hotline's standard operating procedure
takes: the more urgent the tip, the sooner it must be acknowledged and acted on.
"""

from datetime import timedelta

from django.utils import timezone

from vigil.accounts.models import Organisation, Person
from vigil.triage.models import OnCallShift, Protocol, ProtocolRule

JURISDICTION = "XV"
NAME = "Valdoria hotline protocol (demo)"
SOURCE = "Invented for the demo: Valdoria Child Trafficking Hotline procedures, 2025"
# priority → (acknowledge within minutes, escalate within minutes)
DEADLINES = {
    5: (60, 240),
    4: (240, 1440),
    3: (1440, 4320),
    2: (4320, None),
    1: (4320, None),
}
LIAISON = "demo-liaison"
POLICE_SLUG = "valdoria-police-atu"
SHIFT_DAYS = 30


def build_protocol() -> int:
    """The protocol and its rules; returns how many rows were created."""
    protocol, created = Protocol.objects.get_or_create(
        jurisdiction=JURISDICTION, defaults={"name": NAME, "source": SOURCE}
    )
    made = int(created)
    for priority, (acknowledge, escalate) in DEADLINES.items():
        made += ProtocolRule.objects.get_or_create(
            protocol=protocol,
            priority=priority,
            immediate_danger=False,
            defaults={
                "acknowledge_within_minutes": acknowledge,
                "escalate_within_minutes": escalate,
            },
        )[1]
    made += ProtocolRule.objects.get_or_create(
        protocol=protocol,
        priority=None,
        immediate_danger=True,
        defaults={
            "acknowledge_within_minutes": 15,
            "escalate_within_minutes": 60,
            "notify_on_call_liaison": True,
            "notify_supervisors": True,
        },
    )[1]
    return made


def build_on_call_shift() -> int:
    """The demo liaison is on call from now for 30 days, unless already on call now."""
    person = Person.objects.filter(username=LIAISON).first()
    police = Organisation.objects.filter(slug=POLICE_SLUG).first()
    if person is None or police is None:
        return 0
    now = timezone.now()
    if OnCallShift.objects.filter(
        person=person, organisation=police, starts_at__lte=now, ends_at__gt=now
    ).exists():
        return 0
    OnCallShift.objects.create(
        organisation=police, person=person, starts_at=now, ends_at=now + timedelta(days=SHIFT_DAYS)
    )
    return 1
