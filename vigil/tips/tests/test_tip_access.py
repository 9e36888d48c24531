"""Every inbox route, tried by everyone around the hotline and by strangers."""

import uuid

import pytest
from django.urls import reverse

from vigil.audit.models import Action, AuditEvent
from vigil.tips.models import Status, TipAttachment, TipMessage
from vigil.tips.tests.factories import TipFactory, photo_bytes

pytestmark = pytest.mark.django_db

ALLOWED = ["analyst", "colleague", "supervisor"]
FORBIDDEN = ["caseworker", "trainer"]


@pytest.fixture
def tip(hotline):
    return TipFactory(hotline=hotline, receipt="1234567812345678")


@pytest.fixture
def attachment(tip):
    content = photo_bytes()
    return TipAttachment.objects.create(
        tip=tip, content=content, content_type="image/jpeg", width=64, height=48, size=len(content)
    )


def routes(tip, attachment):
    """(method, url, data) for every route that touches the tip."""
    return {
        "detail": ("get", reverse("tips:detail", args=[tip.pk]), None),
        "photo": ("get", reverse("tips:photo", args=[tip.pk, attachment.pk]), None),
        "ask": ("post", reverse("tips:ask", args=[tip.pk]), {"body": "Which street was it?"}),
        "status": ("post", reverse("tips:status", args=[tip.pk]), {"status": Status.IN_REVIEW}),
    }


def call(client, route):
    method, url, data = route
    return getattr(client, method)(url, data or {})


def views_of(tip):
    return AuditEvent.objects.filter(object_id=str(tip.pk), action=Action.VIEW)


def assert_untouched(tip):
    tip.refresh_from_db()
    assert tip.status == Status.NEW
    assert not TipMessage.objects.filter(tip=tip).exists()
    assert not AuditEvent.objects.filter(object_id=str(tip.pk)).exists()


ROUTE_NAMES = ["detail", "photo", "ask", "status"]


@pytest.mark.parametrize("who", ALLOWED)
@pytest.mark.parametrize("route", ["detail", "photo"])
def test_it_shows_the_tip_to_its_hotlines_analysts_and_supervisors_and_audits_it(
    request, signed_in, tip, attachment, who, route
):
    person = request.getfixturevalue(who)
    response = call(signed_in(person), routes(tip, attachment)[route])
    assert response.status_code == 200
    assert list(views_of(tip).values_list("actor", flat=True)) == [person.pk]


@pytest.mark.parametrize("who", ALLOWED)
def test_it_lets_its_hotlines_analysts_and_supervisors_ask_the_reporter(
    request, signed_in, tip, attachment, who
):
    person = request.getfixturevalue(who)
    response = call(signed_in(person), routes(tip, attachment)["ask"])
    assert response.status_code == 302
    assert response["Location"] == reverse("tips:detail", args=[tip.pk])
    assert TipMessage.objects.get(tip=tip).author == person
    assert AuditEvent.objects.filter(object_id=str(tip.pk), action=Action.CHANGE, actor=person)


@pytest.mark.parametrize("who", ALLOWED)
def test_it_lets_its_hotlines_analysts_and_supervisors_set_the_status(
    request, signed_in, tip, attachment, who
):
    person = request.getfixturevalue(who)
    response = call(signed_in(person), routes(tip, attachment)["status"])
    assert response.status_code == 302
    tip.refresh_from_db()
    assert tip.status == Status.IN_REVIEW
    assert AuditEvent.objects.filter(object_id=str(tip.pk), action=Action.CHANGE, actor=person)


@pytest.mark.parametrize("who", FORBIDDEN)
@pytest.mark.parametrize("route", ROUTE_NAMES)
def test_it_forbids_members_whose_role_does_not_handle_tips(
    request, signed_in, tip, attachment, who, route
):
    person = request.getfixturevalue(who)
    response = call(signed_in(person), routes(tip, attachment)[route])
    assert response.status_code == 403
    assert_untouched(tip)


@pytest.mark.parametrize("route", ROUTE_NAMES)
def test_it_hides_the_tip_from_other_organisations(signed_in, outsider, tip, attachment, route):
    response = call(signed_in(outsider), routes(tip, attachment)[route])
    assert response.status_code == 404
    assert_untouched(tip)


@pytest.mark.parametrize("route", ROUTE_NAMES)
def test_it_sends_anonymous_visitors_to_sign_in(client, tip, attachment, route):
    url = routes(tip, attachment)[route][1]
    response = call(client, routes(tip, attachment)[route])
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"
    assert_untouched(tip)


@pytest.mark.parametrize("route", ROUTE_NAMES)
def test_it_sends_staff_without_two_factor_to_the_two_factor_page(
    client, analyst, tip, attachment, route
):
    client.force_login(analyst)
    response = call(client, routes(tip, attachment)[route])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    assert_untouched(tip)


@pytest.mark.parametrize("tip_id", [uuid.uuid4(), "not-a-uuid", "1"])
def test_it_answers_404_for_tips_that_do_not_exist(signed_in, analyst, tip, tip_id):
    client = signed_in(analyst)
    assert client.get(f"/inbox/tips/{tip_id}/").status_code == 404
    assert client.post(f"/inbox/tips/{tip_id}/ask/", {"body": "Hello?"}).status_code == 404
    assert client.post(f"/inbox/tips/{tip_id}/status/", {"status": "closed"}).status_code == 404
    assert not TipMessage.objects.exists()


def test_it_answers_404_for_a_photo_of_another_tip(signed_in, analyst, hotline, tip, attachment):
    other = TipFactory(hotline=hotline)
    client = signed_in(analyst)
    assert client.get(f"/inbox/tips/{other.pk}/photos/{attachment.pk}/").status_code == 404
    assert client.get(f"/inbox/tips/{tip.pk}/photos/{uuid.uuid4()}/").status_code == 404
    assert client.get(f"/inbox/tips/{tip.pk}/photos/nope/").status_code == 404
    assert not views_of(tip).exists()


@pytest.mark.parametrize("who", [*ALLOWED, "outsider"])
def test_it_opens_the_inbox_to_everyone_who_reads_tips_somewhere(request, signed_in, tip, who):
    response = signed_in(request.getfixturevalue(who)).get(reverse("tips:inbox"))
    assert response.status_code == 200
    assert (tip.reference in response.text) is (who != "outsider")


@pytest.mark.parametrize("who", FORBIDDEN)
def test_it_closes_the_inbox_to_people_who_read_tips_nowhere(request, signed_in, tip, who):
    response = signed_in(request.getfixturevalue(who)).get(reverse("tips:inbox"))
    assert response.status_code == 403
    assert tip.reference not in response.text


def test_it_sends_anonymous_visitors_from_the_inbox_to_sign_in(client):
    response = client.get(reverse("tips:inbox"))
    assert response["Location"] == f"{reverse('accounts:login')}?next=/inbox/"


def test_it_sends_staff_without_two_factor_from_the_inbox_to_the_two_factor_page(client, analyst):
    client.force_login(analyst)
    response = client.get(reverse("tips:inbox"))
    assert response["Location"].startswith(reverse("accounts:two_factor"))
