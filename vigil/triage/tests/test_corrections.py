"""Analysts correct identifiers and indicators; each correction is kept as a label."""

import pytest
from django.urls import reverse

from vigil.audit.models import AuditEvent
from vigil.tips.tests.factories import TipFactory
from vigil.triage.models import (
    AnalystLabel,
    DeadlineKind,
    Indicator,
    LabelTarget,
    TipDeadline,
    TipEntity,
    TipIndicator,
    TipLink,
    Verdict,
)
from vigil.triage.pipeline import analyse_tip

from .workflow_data import build_protocol

pytestmark = pytest.mark.django_db
STORY = (
    "A girl of 14 is kept in a flat above the bakery. The man took her passport. "
    "Call 07700 900123 to book her."
)


@pytest.fixture
def tip(hotline):
    tip = TipFactory(hotline=hotline, narrative=STORY, country_code="GB")
    analyse_tip(tip)
    return tip


def url(name, tip, *args):
    return reverse(f"triage:{name}", args=[tip.pk, *args])


def phone_of(tip):
    return TipEntity.objects.get(tip=tip, kind="phone")


def test_rejecting_an_identifier_keeps_a_label_and_survives_a_new_analysis(tip, analyst, signed_in):
    phone = phone_of(tip)

    response = signed_in(analyst).post(url("entity_verdict", tip, phone.pk, "reject"))
    analyse_tip(tip)

    assert response.status_code == 302
    phone.refresh_from_db()
    assert phone.rejected
    label = AnalystLabel.objects.get()
    assert (label.target, label.kind, label.verdict) == ("entity", "phone", Verdict.REJECTED)
    assert label.value == "+447700900123" and label.field == "narrative"
    assert STORY[label.start : label.end] == "07700 900123"
    assert (
        label.labelled_by == analyst and label.catalogue_version == tip.analysis.catalogue_version
    )
    assert AuditEvent.objects.filter(
        object_id=str(tip.pk), actor=analyst, summary="rejected a phone identifier"
    ).exists()
    assert TipEntity.objects.filter(tip=tip, kind="phone", rejected=False).count() == 0


def test_confirming_an_identifier_keeps_a_label_and_changes_nothing_else(tip, analyst, signed_in):
    phone = phone_of(tip)

    signed_in(analyst).post(url("entity_verdict", tip, phone.pk, "confirm"))

    phone.refresh_from_db()
    assert not phone.rejected
    assert AnalystLabel.objects.get().verdict == Verdict.CONFIRMED


def test_a_missed_phone_is_added_normalised_and_links_the_tip(tip, hotline, analyst, signed_in):
    other = TipFactory(
        hotline=hotline, narrative="Ask for Lily at 07700 900777.", country_code="GB"
    )
    analyse_tip(other)
    TipEntity.objects.filter(tip=other, kind="phone").delete()
    client = signed_in(analyst)

    response = client.post(url("entity_add", other), {"kind": "phone", "value": "07700 900123"})

    assert response.status_code == 302
    added = TipEntity.objects.get(tip=other, added_by=analyst)
    assert (added.kind, added.normalized) == ("phone", "+447700900123")
    label = AnalystLabel.objects.get()
    assert (label.verdict, label.value, label.field) == (Verdict.ADDED, "+447700900123", "")
    assert TipLink.objects.filter(from_tip=other, to_tip=tip, kind="phone").exists()


def test_an_unreadable_phone_is_refused_with_a_message(tip, analyst, signed_in):
    response = signed_in(analyst).post(url("entity_add", tip), {"kind": "phone", "value": "12"})

    assert response.status_code == 400
    assert "This is not a valid Phone number." in response.text
    assert 'aria-invalid="true"' in response.text
    assert not AnalystLabel.objects.exists()


def test_an_identifier_already_listed_is_not_added_twice(tip, analyst, signed_in):
    response = signed_in(analyst).post(
        url("entity_add", tip), {"kind": "phone", "value": "+44 7700 900123"}
    )

    assert response.status_code == 400
    assert "already listed" in response.text
    assert TipEntity.objects.filter(tip=tip, kind="phone").count() == 1


def test_rejecting_an_indicator_lowers_the_priority_reasons(tip, analyst, signed_in):
    found = TipIndicator.objects.get(tip=tip, indicator__code="confiscated-documents")

    signed_in(analyst).post(url("indicator_verdict", tip, found.pk, "reject"))

    found.refresh_from_db()
    assert found.rejected
    tip.analysis.refresh_from_db()
    codes = {r.code for r in tip.analysis.reasons.all()}
    assert "indicator:confiscated-documents" not in codes
    label = AnalystLabel.objects.get()
    assert (label.target, label.kind, label.verdict) == (
        LabelTarget.INDICATOR,
        "confiscated-documents",
        Verdict.REJECTED,
    )


def test_a_missed_indicator_is_added_with_its_evidence(tip, analyst, signed_in):
    indicator = Indicator.objects.get(code="restricted-movement")

    response = signed_in(analyst).post(
        url("indicator_add", tip), {"indicator": indicator.pk, "evidence": "kept in a flat"}
    )

    assert response.status_code == 302
    found = TipIndicator.objects.get(tip=tip, indicator=indicator)
    assert found.added_by == analyst
    assert STORY[found.start : found.end] == "kept in a flat"
    label = AnalystLabel.objects.get()
    assert (label.kind, label.verdict, label.start) == ("restricted-movement", "added", found.start)
    page = signed_in(analyst).get(reverse("tips:detail", args=[tip.pk])).text
    assert "<mark>kept in a flat</mark>" in page


def test_a_correction_acknowledges_the_tip(tip, analyst, signed_in):
    build_protocol()
    from vigil.triage import protocols

    protocols.apply_deadlines(tip, tip.analysis)

    signed_in(analyst).post(url("entity_verdict", tip, phone_of(tip).pk, "confirm"))

    assert TipDeadline.objects.get(tip=tip, kind=DeadlineKind.ACKNOWLEDGE).met_at is not None


def test_outsiders_caseworkers_and_wrong_ids_change_nothing(
    tip, hotline, outsider, caseworker, analyst, signed_in
):
    phone = phone_of(tip)
    elsewhere = TipFactory(hotline=hotline)

    assert (
        signed_in(outsider).post(url("entity_verdict", tip, phone.pk, "reject")).status_code == 404
    )
    assert (
        signed_in(caseworker).post(url("entity_verdict", tip, phone.pk, "reject")).status_code
        == 403
    )
    client = signed_in(analyst)
    assert client.post(url("entity_verdict", elsewhere, phone.pk, "reject")).status_code == 404
    assert client.post(url("entity_verdict", tip, phone.pk, "maybe")).status_code == 404
    assert client.post(url("indicator_verdict", tip, "x", "reject")).status_code == 404
    phone.refresh_from_db()
    assert not phone.rejected and not AnalystLabel.objects.exists()
