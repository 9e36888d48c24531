"""The audit trail: supervisors read their organisation's, nobody changes it."""

import re

import pytest
from django.db import DatabaseError, connection, transaction

from vigil.accounts.models import Role
from vigil.accounts.tests.factories import member
from vigil.audit.actions import record, record_view
from vigil.audit.models import Action, AppendOnlyError, AuditEvent
from vigil.tips.tests.factories import TipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tip(hotline):
    return TipFactory(hotline=hotline)


@pytest.fixture
def events(tip, analyst, colleague, hotline, other_org, outsider):
    """A trail in our hotline and one in another organisation."""
    theirs = TipFactory(hotline=other_org)
    return {
        "created": record(
            Action.CREATE, tip, organisation=hotline, actor_label="anonymous reporter (Web form)"
        ),
        "viewed": record_view(tip, analyst, hotline),
        "changed": record(
            Action.CHANGE, tip, actor=colleague, organisation=hotline, summary="status new → closed"
        ),
        "elsewhere": record_view(theirs, outsider, other_org, summary="their business"),
    }


def rows(response) -> int:
    return len(re.findall(r"<tr>\s*<td><time", response.text))


def test_a_supervisor_sees_their_organisations_trail_only_newest_first(
    signed_in, supervisor, events, tip, analyst, colleague
):
    response = signed_in(supervisor).get("/audit/")
    assert response.status_code == 200
    assert rows(response) == 3
    text = response.text
    assert "their business" not in text and "Another Hotline" not in text
    assert (
        text.index("status new → closed")
        < text.index(str(analyst))
        < text.index("anonymous reporter (Web form)")
    )
    assert str(colleague) in text and "Valdoria Hotline" in text
    assert tip.reference in text  # which record, by the reference people know


def test_an_organisation_admin_sees_the_trail_too(signed_in, hotline, events):
    admin = member(hotline, Role.ORG_ADMIN, username="admin")
    response = signed_in(admin).get("/audit/")
    assert response.status_code == 200
    assert rows(response) == 3


@pytest.mark.parametrize("who", ["analyst", "caseworker", "trainer", "outsider"])
def test_everyone_else_is_refused(request, signed_in, events, who):
    response = signed_in(request.getfixturevalue(who)).get("/audit/")
    assert response.status_code == 403
    assert "status new" not in response.text


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get("/audit/")["Location"] == "/accounts/login/?next=/audit/"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"action": "view"}, 1),
        ({"action": "change"}, 2),
        ({"actor": "colleague"}, 1),
        ({"actor": "reporter"}, 1),
        ({"reference": "{reference}"}, 3),
        ({"reference": "{tip_id}"}, 3),
        ({"reference": "T-NOTATIP2"}, 0),
        ({"reference": "{reference}", "action": "create"}, 1),
    ],
)
def test_the_trail_can_be_narrowed(signed_in, supervisor, events, hotline, tip, query, expected):
    TipFactory(hotline=hotline)  # another record, with its own event below
    record(Action.CHANGE, TipFactory(hotline=hotline), actor=supervisor, organisation=hotline)
    query = {k: v.format(reference=tip.reference, tip_id=tip.pk) for k, v in query.items()}
    response = signed_in(supervisor).get("/audit/", query)
    assert response.status_code == 200
    assert rows(response) == expected


def test_the_trail_refuses_an_unknown_action(signed_in, supervisor, events):
    response = signed_in(supervisor).get("/audit/", {"action": "erase"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.text


def test_the_trail_is_paged(signed_in, supervisor, hotline, tip, django_assert_max_num_queries):
    for _ in range(105):
        record_view(tip, supervisor, hotline)
    client = signed_in(supervisor)
    with django_assert_max_num_queries(10):
        first = client.get("/audit/")
    assert rows(first) == 100 and "Page 1 of 2" in first.text
    assert rows(client.get("/audit/", {"page": 2})) == 5


def test_the_orm_refuses_to_change_or_delete_an_event(events):
    event = events["viewed"]
    event.summary = "nothing to see"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(summary="rewritten")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    event.refresh_from_db()
    assert event.summary == ""
    assert AuditEvent.objects.count() == 4


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET summary = 'rewritten'",
        "DELETE FROM audit_auditevent",
    ],
)
def test_the_database_refuses_to_change_or_delete_an_event(events, sql):
    assert connection.vendor in {"sqlite", "postgresql"}
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AuditEvent.objects.count() == 4
    assert not AuditEvent.objects.filter(summary="rewritten").exists()
