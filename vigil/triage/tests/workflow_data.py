"""Rows the workflow tests build directly: analyses, links, the protocol, police liaisons.

They are data, as the pipeline would store it, so the views under test read
exactly what they read in production.
"""

from datetime import timedelta

from django.utils import timezone

from vigil.accounts.models import OrganisationKind, Role
from vigil.accounts.tests.factories import OrganisationFactory, member
from vigil.core.blind_index import keyed_hash
from vigil.demo.protocols import build_protocol
from vigil.tips.models import Tip
from vigil.tips.tests.factories import TipFactory
from vigil.triage.models import (
    LinkReason,
    OnCallShift,
    PriorityReason,
    TipAnalysis,
    TipEntity,
    TipLink,
)

__all__ = ["build_protocol", "analysed_tip", "link", "police", "on_call", "entity"]


def analysed_tip(hotline, priority: int, reasons=None, *, received_ago=None, **fields) -> Tip:
    """A tip with its analysis: `reasons` as (code, label, contribution) triples."""
    tip = TipFactory(hotline=hotline, **fields)
    if received_ago is not None:
        Tip.objects.filter(pk=tip.pk).update(created_at=timezone.now() - received_ago)
        tip.refresh_from_db()
    reasons = reasons or [("indicators", f"Indicators for priority {priority}", priority * 10.0)]
    analysis = TipAnalysis.objects.create(
        tip=tip,
        priority=priority,
        score=sum(r[2] for r in reasons),
        catalogue_version=1,
        analysed_at=timezone.now(),
    )
    PriorityReason.objects.bulk_create(
        PriorityReason(analysis=analysis, code=code, label=label, contribution=value, order=i)
        for i, (code, label, value) in enumerate(reasons)
    )
    return tip


def entity(tip, kind, value, normalized=None, field="narrative", start=0, end=None) -> TipEntity:
    normalized = normalized or value
    return TipEntity.objects.create(
        tip=tip,
        kind=kind,
        field=field,
        start=start,
        end=end if end is not None else start + len(value),
        value=value,
        normalized=normalized,
        value_hash=keyed_hash(kind, normalized),
    )


def link(a, b, kind="phone", reason=LinkReason.SHARED_IDENTIFIER):
    for x, y in ((a, b), (b, a)):
        TipLink.objects.create(from_tip=x, to_tip=y, reason=reason, kind=kind)


def police(name="Valdoria Police", jurisdiction="XV", username=None):
    """A law-enforcement organisation and its liaison (with an email address)."""
    organisation = OrganisationFactory(
        name=name, kind=OrganisationKind.LAW_ENFORCEMENT, jurisdiction=jurisdiction
    )
    username = username or f"liaison-{organisation.slug}"
    liaison = member(organisation, Role.LIAISON, username=username, email=f"{username}@example.org")
    return organisation, liaison


def on_call(organisation, person, *, starts=timedelta(hours=-1), ends=timedelta(hours=8)):
    now = timezone.now()
    return OnCallShift.objects.create(
        organisation=organisation, person=person, starts_at=now + starts, ends_at=now + ends
    )
