"""The directory's search page: every member of staff may search it, nobody else."""

import re

import pytest
from django.urls import reverse

from vigil.accounts.tests.factories import PersonFactory, member
from vigil.directory.models import ServiceType
from vigil.regions.models import Place

from .factories import ServiceFactory, town

pytestmark = pytest.mark.django_db
SEARCH = reverse("directory:search")


def listed(response) -> list[str]:
    return re.findall(r'<h3><a href="/directory/services/[^"]+/">([^<]+)</a></h3>', response.text)


@pytest.fixture
def kelbury(country):
    return town("XV-NO", "XV-NO-KELBUR", "Kelbury")


def test_anyone_with_a_role_in_any_organisation_searches_the_directory(
    signed_in, trainer, other_org
):
    ServiceFactory(
        name="Harbour House shelter",
        organisation=other_org,
        min_age=10,
        max_age=17,
        languages="en,fr",
        capacity=12,
        places_available=3,
        hours="Admissions 24/7",
        phone="0808 157 0920",
        email="admissions@harbour.example.org",
    )

    response = signed_in(trainer).get(SEARCH)

    assert response.status_code == 200
    assert listed(response) == ["Harbour House shelter"]
    for shown in [
        "Another Hotline",
        "Shelter and safe accommodation",
        "The whole country",
        "10 to 17",
        "English, French",
        "12 places, 3 available now",
        "Admissions 24/7",
        "0808 157 0920",
        "admissions@harbour.example.org",
    ]:
        assert shown in response.text


def test_the_form_filters_by_need_place_age_language_and_words(signed_in, analyst, kelbury):
    north = Place.objects.get(code="XV-NO")
    ServiceFactory(name="Everywhere", service_type=ServiceType.LEGAL_AID, languages="en")
    ServiceFactory(
        name="Kelbury lawyers",
        service_type=ServiceType.LEGAL_AID,
        areas=[kelbury],
        languages="en",
        min_age=12,
    )
    ServiceFactory(
        name="Northern lawyers", service_type=ServiceType.LEGAL_AID, areas=[north], languages="en"
    )
    ServiceFactory(
        name="Coastal lawyers",
        service_type=ServiceType.LEGAL_AID,
        areas=[Place.objects.get(code="XV-CO")],
        languages="en",
    )
    ServiceFactory(name="Kelbury shelter", areas=[kelbury], languages="en")
    client = signed_in(analyst)

    by_place = client.get(SEARCH, {"need": "legal_aid", "place": kelbury.pk, "language": "en"})
    young = client.get(SEARCH, {"need": "legal_aid", "place": kelbury.pk, "age": "8"})
    words = client.get(SEARCH, {"q": "shelter"})

    assert listed(by_place) == ["Kelbury lawyers", "Northern lawyers", "Everywhere"]
    assert listed(young) == ["Northern lawyers", "Everywhere"]
    assert listed(words) == ["Kelbury shelter"]


@pytest.mark.parametrize(
    "query",
    [
        {"age": "-1"},
        {"age": "40"},
        {"age": "ten"},
        {"need": "magic"},
        {"place": "999999"},
        {"language": "zz"},
    ],
)
def test_bad_criteria_give_a_form_error_not_a_500(signed_in, analyst, query):
    ServiceFactory(name="Anything")

    response = signed_in(analyst).get(SEARCH, query)

    assert response.status_code == 400
    assert 'class="errorlist' in response.text
    assert listed(response) == []


def test_the_search_page_has_a_query_budget_that_does_not_grow_with_the_results(
    signed_in, analyst, kelbury, django_assert_max_num_queries, django_assert_num_queries
):
    north = Place.objects.get(code="XV-NO")
    ServiceFactory(name="Service 0", areas=[north, kelbury], languages="en,fr")
    client = signed_in(analyst)
    query = {"place": kelbury.pk, "need": "shelter"}
    client.get(SEARCH)  # warm the session

    # The staff menu's own queries are the base template's; the directory's are a
    # handful: membership, place, chain of places, count, services, areas, place choices.
    with django_assert_max_num_queries(16) as one_result:
        client.get(SEARCH, query)
    for n in range(1, 9):
        ServiceFactory(name=f"Service {n}", areas=[north, kelbury], languages="en,fr")
    with django_assert_num_queries(len(one_result)):
        response = client.get(SEARCH, query)

    assert len(listed(response)) == 9


def test_people_who_are_not_signed_in_are_sent_to_sign_in(client):
    response = client.get(SEARCH)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_signed_in_account_without_any_role_may_not_search(client):
    nobody = PersonFactory(username="nobody")
    client.force_login(nobody)

    assert client.get(SEARCH).status_code == 403


def test_inactive_services_are_hidden_from_searchers_but_not_from_their_managers(
    signed_in, analyst, hotline, other_org
):
    closed = ServiceFactory(name="Closed service", organisation=other_org, is_active=False)
    manager = member(other_org, "org_admin", username="other-admin")
    page = reverse("directory:detail", args=[closed.pk])

    assert "Closed service" not in signed_in(analyst).get(SEARCH).text
    assert signed_in(analyst).get(page).status_code == 404
    assert signed_in(manager).get(page).status_code == 200


def test_a_service_page_shows_its_description_and_areas(signed_in, analyst, kelbury):
    service = ServiceFactory(name="Counselling", description="Art therapy.", areas=[kelbury])

    response = signed_in(analyst).get(reverse("directory:detail", args=[service.pk]))

    assert response.status_code == 200
    assert "Art therapy." in response.text and "Kelbury" in response.text
    assert "Edit this service" not in response.text


@pytest.mark.parametrize("service_id", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_a_missing_service_is_404(signed_in, analyst, service_id):
    url = reverse("directory:detail", args=[service_id])

    assert signed_in(analyst).get(url).status_code == 404


def test_the_language_list_offers_the_languages_services_work_in(signed_in, analyst):
    ServiceFactory(name="Bilingual", languages="en,fr")
    ServiceFactory(name="Closed", languages="ro", is_active=False)
    client = signed_in(analyst)

    choices = dict(client.get(SEARCH).context["form"].fields["language"].choices)
    old_link = client.get(SEARCH, {"language": "de"})

    assert set(choices) == {"", "en", "fr"}
    assert old_link.status_code == 200 and listed(old_link) == []
