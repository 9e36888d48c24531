"""A reporter opening their report is a read like any other: it leaves an audit row."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from vigil.accounts.models import ApiKey, OrganisationKind
from vigil.accounts.tests.factories import OrganisationFactory
from vigil.audit.models import Action, AuditEvent
from vigil.tips.models import IdempotencyRecord
from vigil.tips.tests.factories import TipFactory

RECEIPT = "4821 0937 5512 0066"


def views_of(tip):
    return AuditEvent.objects.filter(object_id=str(tip.pk), action=Action.VIEW)


def test_opening_the_thread_on_the_web_is_audited_without_identity(client, hotline):
    tip = TipFactory(hotline=hotline, receipt=RECEIPT)
    client.post("/report/followup/", {"receipt": RECEIPT})
    assert client.get("/report/followup/thread/").status_code == 200
    event = views_of(tip).get()
    assert event.actor is None
    assert event.actor_label.startswith("anonymous reporter")
    assert event.organisation == hotline


def test_opening_the_report_through_the_api_is_audited(client, hotline):
    tip = TipFactory(hotline=hotline, receipt=RECEIPT)
    response = client.post(
        "/api/v1/followup", {"receipt_code": RECEIPT}, content_type="application/json"
    )
    assert response.status_code == 200
    assert views_of(tip).count() == 1


def test_an_unknown_code_leaves_no_audit_row(client, hotline):
    TipFactory(hotline=hotline, receipt=RECEIPT)
    client.post(
        "/api/v1/followup", {"receipt_code": "1111222233334444"}, content_type="application/json"
    )
    assert not AuditEvent.objects.filter(action=Action.VIEW).exists()


def test_purge_expired_drops_only_old_idempotency_records(client, hotline, capsys):
    partner = OrganisationFactory(kind=OrganisationKind.NGO)
    raw = ApiKey.issue(partner, "app")[1]
    for key in ("old", "new"):
        response = client.post(
            "/api/v1/tips",
            {"narrative": f"A boy sells flowers at night ({key})."},
            content_type="application/json",
            headers={"X-API-Key": raw, "Idempotency-Key": key},
        )
        assert response.status_code == 201
    oldest = IdempotencyRecord.objects.order_by("created_at").first()
    IdempotencyRecord.objects.filter(pk=oldest.pk).update(
        created_at=timezone.now() - timedelta(hours=25)
    )
    call_command("purge_expired")
    assert "Removed 1" in capsys.readouterr().out
    assert IdempotencyRecord.objects.count() == 1


def test_purge_expired_forgets_expired_reporter_sessions(client, hotline):
    from django.contrib.sessions.models import Session

    TipFactory(hotline=hotline, receipt=RECEIPT)
    client.post("/report/followup/", {"receipt": RECEIPT})
    assert Session.objects.count() == 1
    Session.objects.update(expire_date=timezone.now() - timedelta(minutes=1))
    call_command("purge_expired")
    assert Session.objects.count() == 0
