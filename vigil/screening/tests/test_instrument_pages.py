"""The staff pages listing and previewing instruments: for the people who screen children."""

import pytest
from django.urls import reverse

from vigil.accounts.models import Role
from vigil.accounts.tests.factories import member

from .factories import load_shipped

pytestmark = pytest.mark.django_db
LIST = reverse("screening:instruments")


@pytest.fixture
def instrument(db):
    return load_shipped()


def detail(instrument):
    return reverse("screening:instrument", args=[instrument.slug, instrument.version])


def test_a_case_worker_lists_and_previews_instruments(instrument, caseworker, signed_in):
    client = signed_in(caseworker)

    listing = client.get(LIST)
    page = client.get(detail(instrument))

    assert listing.status_code == 200
    assert "Child trafficking screen" in listing.text
    assert detail(instrument) in listing.text
    assert page.status_code == 200
    assert "Where has the child mostly slept during the past month?" in page.text
    assert "Clear indication: refer now" in page.text
    assert "Vera Institute of Justice" in page.text
    assert "Not asked" in page.text


def test_the_preview_follows_the_language_with_english_as_fallback(
    instrument, caseworker, signed_in
):
    instrument.questions.filter(key="living-where").update(text_fr="")
    client = signed_in(caseworker)

    page = client.get(detail(instrument), headers={"accept-language": "fr"})

    assert "Qui décide où" in page.text
    assert "Where has the child mostly slept during the past month?" in page.text


def test_a_supervisor_of_another_organisation_reads_them_too(instrument, other_org, signed_in):
    supervisor = member(other_org, Role.SUPERVISOR, username="other-supervisor")
    client = signed_in(supervisor)

    assert client.get(LIST).status_code == 200
    assert client.get(detail(instrument)).status_code == 200


@pytest.mark.parametrize("role", [Role.ANALYST, Role.TRAINER, Role.POLICY_ANALYST])
def test_staff_who_do_not_screen_children_are_refused(instrument, hotline, signed_in, role):
    client = signed_in(member(hotline, role, username=f"not-screening-{role}"))

    assert client.get(LIST).status_code == 403
    assert client.get(detail(instrument)).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(instrument, client):
    for url in (LIST, detail(instrument)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("version", ["2", "x", "-1"])
def test_an_unknown_version_is_not_found(instrument, caseworker, signed_in, version):
    client = signed_in(caseworker)

    response = client.get(f"/screening/instruments/{instrument.slug}/{version}/")

    assert response.status_code == 404


def test_the_list_and_a_preview_cost_a_fixed_number_of_queries(
    instrument, caseworker, signed_in, django_assert_max_num_queries
):
    client = signed_in(caseworker)
    client.get(detail(instrument))  # warm the session

    with django_assert_max_num_queries(20):
        assert client.get(detail(instrument)).status_code == 200
