"""Nothing that could identify a reporter's connection or device is ever kept."""

import logging

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from vigil.core.fields import encrypted_fields
from vigil.core.privacy import PLACEHOLDER_ADDRESS, AnonymiseRequestMiddleware
from vigil.tips import actions
from vigil.tips.models import Tip
from vigil.tips.tests.factories import photo_bytes

AGENT = "Mozilla/5.0 (Linux; Android 9; Tecno Spark 7) UniqueReporterAgent/4.2"
FORGED = {
    "REMOTE_ADDR": "203.0.113.77",
    "HTTP_X_FORWARDED_FOR": "198.51.100.23, 10.9.8.7",
    "HTTP_X_REAL_IP": "198.51.100.24",
    "HTTP_FORWARDED": "for=198.51.100.25;proto=https",
    "HTTP_USER_AGENT": AGENT,
    "HTTP_REFERER": "/report/?from=198.51.100.26",
}
TELLTALES = [
    "203.0.113.77",
    "198.51.100.23",
    "10.9.8.7",
    "198.51.100.24",
    "198.51.100.25",
    "198.51.100.26",
    "UniqueReporterAgent",
    "Tecno Spark",
]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def everything_in_the_database() -> str:
    seen = []
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - our own table names
            for row in cursor.fetchall():
                seen.extend(repr(value) for value in row)
    # Encrypted columns and sessions hide their content from a raw scan: read them too.
    for model in apps.get_models():
        fields = encrypted_fields(model)
        if fields:
            for values in model.objects.values_list(*fields):
                seen.extend(repr(value) for value in values)
    seen.extend(repr(session.get_decoded()) for session in Session.objects.all())
    return "\n".join(seen)


def everything_logged(caplog) -> str:
    lines = [caplog.text]
    for record in caplog.records:
        lines.append(repr(vars(record)))
        request = getattr(record, "request", None)
        if request is not None:
            lines.append(repr(request.META))
    return "\n".join(lines)


def test_no_address_or_user_agent_is_kept_from_reports_and_followups(
    client, hotline, analyst, caplog, settings
):
    settings.VIGIL_CLIENT_ADDRESS_HEADER = "HTTP_X_REAL_IP"
    for name in (None, "django", "django.request", "django.security", "django.db.backends"):
        caplog.set_level(logging.DEBUG, logger=name)
    photo = SimpleUploadedFile("p.jpg", photo_bytes(), "image/jpeg")

    # Every SQL statement and its parameters are logged too, and scanned below.
    with CaptureQueriesContext(connection) as queries:
        sent = client.post(
            "/report/", {"narrative": "Seen at the harbour.", "photos": photo}, **FORGED
        )
        refused = client.post("/report/", {"narrative": "<b>bold</b>"}, **FORGED)
        code = sent.content.decode().split('<p class="receipt">')[1].split("</p>")[0]
        actions.ask_reporter(Tip.objects.get(), analyst, "Which harbour?")
        wrong = client.post("/report/followup/", {"receipt": "0000"}, **FORGED)
        opened = client.post("/report/followup/", {"receipt": code}, **FORGED)
        thread = client.get("/report/followup/thread/", **FORGED)
        answered = client.post("/report/followup/thread/", {"body": "The old one."}, **FORGED)

    statuses = [r.status_code for r in (sent, refused, wrong, opened, thread, answered)]
    assert statuses == [200, 400, 400, 302, 200, 302]
    assert Tip.objects.get().messages.count() == 2
    stored = everything_in_the_database()
    logged = everything_logged(caplog) + repr(queries.captured_queries)
    assert "Seen at the harbour." in stored  # the scan does read what was stored
    assert "Bad Request: /report/" in logged  # and the log capture did capture
    assert "INSERT INTO" in logged
    for telltale in TELLTALES:
        assert telltale not in stored, telltale
        assert telltale not in logged, telltale


def test_the_middleware_removes_addresses_and_user_agent_before_any_view():
    reached = {}

    def view(request):
        reached["meta"] = dict(request.META)
        reached["key"] = request.client_key

    request = RequestFactory().post("/report/", **FORGED, HTTP_X_CLIENT_IP="198.51.100.23")

    AnonymiseRequestMiddleware(view)(request)

    meta = reached["meta"]
    assert "HTTP_USER_AGENT" not in meta
    assert "HTTP_X_FORWARDED_FOR" not in meta
    assert "HTTP_REFERER" not in meta
    assert meta["REMOTE_ADDR"] == PLACEHOLDER_ADDRESS
    for telltale in TELLTALES:
        assert telltale not in repr(meta)
        assert telltale not in reached["key"]
