"""The queue: open tips of my hotline, most urgent first, then the nearest deadline."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vigil.tips.tests.factories import TipFactory
from vigil.triage.models import TipAssignment, TipDeadline

from .workflow_data import analysed_tip, build_protocol

pytestmark = pytest.mark.django_db
QUEUE = reverse("triage:queue")


def references(response) -> list[str]:
    return re.findall(r'<th scope="row"><a href="[^"]+">(T-\w+)</a>', response.text)


def test_it_orders_by_priority_then_deadline_then_arrival(hotline, analyst, signed_in):
    build_protocol()
    low = analysed_tip(hotline, 2)
    # Same priority: the one received earlier has the earlier deadline.
    later = analysed_tip(hotline, 4, received_ago=timedelta(minutes=5))
    earlier = analysed_tip(hotline, 4, received_ago=timedelta(minutes=50))
    top = analysed_tip(hotline, 5)
    unanalysed = TipFactory(hotline=hotline)

    response = signed_in(analyst).get(QUEUE)

    assert response.status_code == 200
    expected = [top, earlier, later, low, unanalysed]
    assert references(response) == [t.reference for t in expected]
    # Deadlines were set lazily for tips analysed before: each analysed tip has them.
    assert TipDeadline.objects.filter(tip__in=[top, earlier, later, low]).count() == 7


def test_without_deadlines_the_earliest_received_comes_first(hotline, analyst, signed_in):
    newer = analysed_tip(hotline, 3, received_ago=timedelta(minutes=1))
    older = analysed_tip(hotline, 3, received_ago=timedelta(hours=2))

    response = signed_in(analyst).get(QUEUE)

    assert references(response) == [older.reference, newer.reference]


def test_it_shows_the_top_reason_the_danger_and_who_handles_the_tip(
    hotline, analyst, colleague, signed_in
):
    tip = analysed_tip(
        hotline,
        5,
        [("minor", "A minor is involved", 30.0), ("danger", "Child in immediate danger", 40.0)],
        immediate_danger=True,
    )
    TipAssignment.objects.create(tip=tip, assignee=colleague, assigned_by=colleague)

    text = signed_in(analyst).get(QUEUE).text

    assert "Child in immediate danger" in text and "(+40.0)" in text
    assert "Priority 5" in text
    assert str(colleague) in text


def test_a_past_deadline_is_marked_overdue_in_words(hotline, analyst, signed_in):
    build_protocol()
    late = analysed_tip(hotline, 5, received_ago=timedelta(hours=2))
    analysed_tip(hotline, 5)

    response = signed_in(analyst).get(QUEUE)

    rows = response.text.split('<tr class="tip')[1:]
    overdue = [r for r in rows if "overdue" in r]
    assert len(overdue) == 1 and late.reference in overdue[0]
    assert '<strong class="overdue">overdue</strong>' in overdue[0]


def test_closed_tips_and_other_hotlines_tips_are_not_in_the_queue(
    hotline, other_org, analyst, signed_in
):
    mine = analysed_tip(hotline, 3)
    analysed_tip(hotline, 5, status="closed")
    analysed_tip(other_org, 5)

    assert references(signed_in(analyst).get(QUEUE)) == [mine.reference]


def test_filters_show_mine_unassigned_and_overdue(hotline, analyst, colleague, signed_in):
    build_protocol()
    mine = analysed_tip(hotline, 3)
    theirs = analysed_tip(hotline, 4)
    free = analysed_tip(hotline, 2)
    late = analysed_tip(hotline, 5, received_ago=timedelta(hours=3))
    TipAssignment.objects.create(tip=mine, assignee=analyst, assigned_by=analyst)
    TipAssignment.objects.create(tip=theirs, assignee=colleague, assigned_by=colleague)
    client = signed_in(analyst)

    assert references(client.get(QUEUE, {"show": "mine"})) == [mine.reference]
    assert references(client.get(QUEUE, {"show": "unassigned"})) == [
        late.reference,
        free.reference,
    ]
    assert references(client.get(QUEUE, {"show": "overdue"})) == [late.reference]
    bad = client.get(QUEUE, {"show": "everything"})
    assert bad.status_code == 400 and "That filter does not exist" in bad.text


def test_the_queue_is_paginated(hotline, analyst, signed_in, settings):
    from vigil.triage import views

    for _ in range(3):
        analysed_tip(hotline, 3)
    original, views.PER_PAGE = views.PER_PAGE, 2
    try:
        client = signed_in(analyst)
        first, second = client.get(QUEUE), client.get(QUEUE, {"page": 2})
    finally:
        views.PER_PAGE = original

    assert len(references(first)) == 2 and len(references(second)) == 1
    assert "Page 1 of 2" in first.text


def test_people_who_do_not_handle_tips_get_403_and_strangers_sign_in(caseworker, signed_in, client):
    assert client.get(QUEUE).status_code == 302
    assert signed_in(caseworker).get(QUEUE).status_code == 403


def test_the_queue_costs_the_same_queries_for_three_tips_or_twelve(
    hotline, analyst, colleague, signed_in
):
    build_protocol()
    client = signed_in(analyst)

    def measure():
        client.get(QUEUE)  # deadlines are set on the first visit
        with CaptureQueriesContext(connection) as queries:
            response = client.get(QUEUE)
        assert response.status_code == 200
        return len(queries)

    for i in range(3):
        tip = analysed_tip(hotline, 1 + i % 5)
        TipAssignment.objects.create(tip=tip, assignee=colleague, assigned_by=colleague)
    few = measure()
    for i in range(9):
        analysed_tip(hotline, 1 + i % 5, received_ago=timedelta(hours=i))
    many = measure()

    assert few == many
    assert many <= 15, many
