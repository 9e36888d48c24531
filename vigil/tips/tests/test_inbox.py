"""The hotline inbox: its list, a tip's page, questions to the reporter, status, photos."""

import datetime
import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from vigil.accounts.models import Membership, Role
from vigil.accounts.tests.factories import member
from vigil.audit.models import Action, AuditEvent
from vigil.tips.inbox_filters import TEXT_SEARCH_LIMIT
from vigil.tips.models import AgeBand, Author, Channel, Gender, Status, TipAttachment, TipMessage
from vigil.tips.tests.factories import TipFactory, photo_bytes

pytestmark = pytest.mark.django_db


def references_in(response) -> list[str]:
    return re.findall(r'<a href="/inbox/tips/[^"]+/">(T-[A-Z0-9]{8})</a>', response.text)


def received(tip, days_ago):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    type(tip).objects.filter(pk=tip.pk).update(created_at=when)


@pytest.fixture
def client_(signed_in, analyst):
    return signed_in(analyst)


def test_it_lists_only_the_tips_of_the_persons_own_hotline_newest_first(
    client_, hotline, other_org
):
    older = TipFactory(hotline=hotline)
    newer = TipFactory(hotline=hotline)
    received(older, 3)
    elsewhere = TipFactory(hotline=other_org)
    response = client_.get("/inbox/")
    assert response.status_code == 200
    assert references_in(response) == [newer.reference, older.reference]
    assert elsewhere.reference not in response.text


def test_it_marks_children_in_danger_and_unread_reporter_messages(client_, hotline):
    TipFactory(hotline=hotline, immediate_danger=True)
    TipFactory(hotline=hotline, has_unread_reporter_message=True)
    TipFactory(hotline=hotline)
    text = client_.get("/inbox/").text
    assert text.count('<span class="badge urgent">Child in danger</span>') == 1
    assert text.count('<span class="badge unread">New message from reporter</span>') == 1


def test_it_never_shows_narratives_in_the_list(client_, hotline):
    TipFactory(hotline=hotline, narrative="a very particular detail")
    assert "particular detail" not in client_.get("/inbox/").text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": Status.CLOSED}, ["closed"]),
        ({"channel": Channel.SMS}, ["sms"]),
        ({"danger": "on"}, ["danger"]),
        ({"unread": "on"}, ["unread"]),
        ({"region": "XV-NO"}, ["north"]),
        ({"received_from": "{old}", "received_to": "{old}"}, ["old"]),
        ({"region": "XV-NO", "status": Status.CLOSED}, []),
    ],
)
def test_it_filters_the_list(client_, hotline, query, expected):
    tips = {
        "closed": TipFactory(hotline=hotline, status=Status.CLOSED, closed_reason="done"),
        "sms": TipFactory(hotline=hotline, channel=Channel.SMS),
        "danger": TipFactory(hotline=hotline, immediate_danger=True),
        "unread": TipFactory(hotline=hotline, has_unread_reporter_message=True),
        "north": TipFactory(hotline=hotline, region_code="XV-NO"),
        "old": TipFactory(hotline=hotline),
    }
    received(tips["old"], 40)
    old_day = timezone.localdate() - datetime.timedelta(days=40)
    query = {key: value.format(old=old_day.isoformat()) for key, value in query.items()}
    response = client_.get("/inbox/", query)
    assert response.status_code == 200
    assert sorted(references_in(response)) == sorted(tips[name].reference for name in expected)


def test_it_refuses_a_date_range_that_ends_before_it_starts(client_, hotline):
    TipFactory(hotline=hotline)
    response = client_.get("/inbox/", {"received_from": "2026-02-02", "received_to": "2026-01-01"})
    assert response.status_code == 400
    assert "This date is before the start date." in response.text
    assert 'aria-invalid="true"' in response.text


def test_it_finds_a_tip_by_its_exact_reference(client_, hotline):
    wanted, _other = TipFactory(hotline=hotline), TipFactory(hotline=hotline)
    response = client_.get("/inbox/", {"q": wanted.reference.lower()})
    assert references_in(response) == [wanted.reference]


def test_it_does_not_find_other_hotlines_tips_by_reference(client_, other_org):
    theirs = TipFactory(hotline=other_org)
    assert references_in(client_.get("/inbox/", {"q": theirs.reference})) == []


def test_it_searches_the_words_of_recent_narratives_and_says_how_far(client_, hotline):
    wanted = TipFactory(hotline=hotline, narrative="A red van near the Harbour market at night")
    TipFactory(hotline=hotline, narrative="A blue car by the school")
    response = client_.get("/inbox/", {"q": "harbour VAN"})
    assert references_in(response) == [wanted.reference]
    assert f"only in the {TEXT_SEARCH_LIMIT} most recent tips" in response.text


def test_it_pages_the_list_by_fifty_within_a_query_budget(
    client_, hotline, django_assert_max_num_queries
):
    for n in range(60):
        TipFactory(hotline=hotline, immediate_danger=n % 2 == 0, region_code="XV-CO")
    with django_assert_max_num_queries(10):
        first = client_.get("/inbox/", {"region": "XV-CO"})
    assert len(references_in(first)) == 50
    assert "Page 1 of 2" in first.text
    second = client_.get("/inbox/", {"region": "XV-CO", "page": 2})
    assert len(references_in(second)) == 10
    assert not set(references_in(first)) & set(references_in(second))


def test_it_shows_every_field_of_the_report_and_the_thread(client_, hotline, analyst):
    tip = TipFactory(
        hotline=hotline,
        immediate_danger=True,
        region_code="XV-NO",
        town="Port Ida",
        place_description="Behind the bus station",
        occurred_on=datetime.date(2026, 1, 5),
        occurred_when="every night",
        narrative="Two girls kept in a garage",
        children_count=2,
        children_age=AgeBand.AGE_12_14,
        children_gender=Gender.GIRL,
        children_description="Green school uniforms",
        controllers_description="A tall man called Rex",
        vehicles="White van AB-123",
        phone_numbers="+999 555 0101",
        online_accounts="@rex_jobs",
        contact_details="call me on 555",
        has_unread_reporter_message=True,
    )
    TipMessage.objects.create(tip=tip, author_kind=Author.STAFF, author=analyst, body="Which?")
    TipMessage.objects.create(tip=tip, author_kind=Author.REPORTER, body="The blue one")
    response = client_.get(reverse("tips:detail", args=[tip.pk]))
    assert response.status_code == 200
    for text in [
        "Child in danger",
        "Northmarch",
        "Port Ida",
        "Behind the bus station",
        "2026-01-05",
        "every night",
        "Two girls kept in a garage",
        "12 to 14",
        "Girl(s)",
        "Green school uniforms",
        "A tall man called Rex",
        "White van AB-123",
        "+999 555 0101",
        "@rex_jobs",
        "call me on 555",
        "Which?",
        "The blue one",
        f"Question from {analyst}",
    ]:
        assert text in response.text, text
    tip.refresh_from_db()
    assert not tip.has_unread_reporter_message
    assert AuditEvent.objects.filter(object_id=str(tip.pk), action=Action.VIEW).count() == 1


def test_it_shows_photos_through_the_inbox(client_, hotline):
    tip = TipFactory(hotline=hotline)
    content = photo_bytes()
    photo = TipAttachment.objects.create(
        tip=tip, content=content, content_type="image/jpeg", width=64, height=48, size=len(content)
    )
    response = client_.get(reverse("tips:detail", args=[tip.pk]))
    assert f'<img src="/inbox/tips/{tip.pk}/photos/{photo.pk}/"' in response.text


def test_it_serves_a_photo_privately_with_its_type_and_audits_it(client_, hotline, analyst):
    tip = TipFactory(hotline=hotline)
    content = photo_bytes(fmt="PNG")
    photo = TipAttachment.objects.create(
        tip=tip, content=content, content_type="image/png", width=64, height=48, size=len(content)
    )
    response = client_.get(reverse("tips:photo", args=[tip.pk, photo.pk]))
    assert response.status_code == 200
    assert response.content == content
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == "inline"
    assert response["X-Content-Type-Options"] == "nosniff"
    event = AuditEvent.objects.get(object_id=str(tip.pk))
    assert (event.action, event.actor, event.summary) == (Action.VIEW, analyst, "viewed photo")


def test_asking_the_reporter_stores_an_encrypted_question_and_waits_for_them(
    client_, hotline, analyst
):
    tip = TipFactory(hotline=hotline, receipt="1111222233334444")
    url = reverse("tips:ask", args=[tip.pk])
    response = client_.post(url, {"body": "Which street exactly?"}, follow=True)
    assert response.redirect_chain == [(reverse("tips:detail", args=[tip.pk]), 302)]
    assert "Your question was sent to the reporter." in response.text
    message = TipMessage.objects.get(tip=tip)
    assert (message.author_kind, message.author, message.body) == (
        Author.STAFF,
        analyst,
        "Which street exactly?",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM tips_tipmessage")
        rows = cursor.fetchall()
    raw = rows[0][0]
    assert raw and "street" not in raw
    tip.refresh_from_db()
    assert tip.status == Status.AWAITING_REPORTER
    assert AuditEvent.objects.filter(
        object_id=str(tip.pk), action=Action.CHANGE, actor=analyst, summary="asked the reporter"
    ).exists()


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("", "Write the question before sending it."),
        ("   ", "Write the question before sending it."),
        ("x" * 5001, "at most 5000 characters"),
        ("<script>alert(1)</script>", "Please write plain text"),
    ],
)
def test_it_refuses_a_bad_question_and_changes_nothing(client_, hotline, body, error):
    tip = TipFactory(hotline=hotline)
    response = client_.post(reverse("tips:ask", args=[tip.pk]), {"body": body})
    assert response.status_code == 400
    assert error in response.text.replace(",", "")
    assert re.search(r'aria-invalid="true" aria-describedby="[^"]*id_body_error"', response.text)
    assert not TipMessage.objects.exists()
    tip.refresh_from_db()
    assert tip.status == Status.NEW
    assert not AuditEvent.objects.filter(action=Action.CHANGE).exists()


def test_it_changes_the_status(client_, hotline, analyst):
    tip = TipFactory(hotline=hotline)
    response = client_.post(reverse("tips:status", args=[tip.pk]), {"status": "escalated"})
    assert response.status_code == 302
    tip.refresh_from_db()
    assert tip.status == Status.ESCALATED
    event = AuditEvent.objects.get(object_id=str(tip.pk), action=Action.CHANGE)
    assert event.actor == analyst and event.summary == "status new → escalated"


def test_it_closes_a_tip_with_its_reason(client_, hotline):
    tip = TipFactory(hotline=hotline)
    response = client_.post(
        reverse("tips:status", args=[tip.pk]),
        {"status": "closed", "reason": "Duplicate of T-AAAA2222"},
        follow=True,
    )
    assert "Status set to: Closed." in response.text
    tip.refresh_from_db()
    assert (tip.status, tip.closed_reason) == (Status.CLOSED, "Duplicate of T-AAAA2222")


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        ({"status": "closed", "reason": ""}, "reason", "Say why the tip is being closed."),
        ({"status": "closed", "reason": " "}, "reason", "Say why the tip is being closed."),
        ({"status": "new"}, "status", "The tip already has this status."),
        ({"status": "lost"}, "status", "Select a valid choice."),
        ({}, "status", "This field is required."),
    ],
)
def test_it_refuses_a_bad_status_change_and_changes_nothing(client_, hotline, data, field, error):
    tip = TipFactory(hotline=hotline)
    response = client_.post(reverse("tips:status", args=[tip.pk]), data)
    assert response.status_code == 400
    assert error in response.text
    assert re.search(f'aria-invalid="true" aria-describedby="[^"]*id_{field}_error"', response.text)
    tip.refresh_from_db()
    assert tip.status == Status.NEW
    assert not AuditEvent.objects.filter(action=Action.CHANGE).exists()


def test_a_supervisor_of_two_hotlines_sees_both(signed_in, hotline, other_org):
    person = member(hotline, Role.SUPERVISOR)
    Membership.objects.create(person=person, organisation=other_org, role=Role.ANALYST)
    ours, theirs = TipFactory(hotline=hotline), TipFactory(hotline=other_org)
    response = signed_in(person).get("/inbox/")
    assert sorted(references_in(response)) == sorted([ours.reference, theirs.reference])
    assert "Another Hotline" in response.text
