"""The cast every test can use: one hotline and the people around it."""

import pytest

from vigil.accounts.models import OrganisationKind, Role
from vigil.accounts.tests.factories import OrganisationFactory, member, sign_in
from vigil.regions.models import Helpline, Place, PlaceKind


@pytest.fixture
def country(db):
    """The fictional demo country XV with two regions, a town and helplines."""
    xv = Place.objects.create(code="XV", name="Valdoria", kind=PlaceKind.COUNTRY, country_code="XV")
    for code, name in [("XV-NO", "Northmarch"), ("XV-CO", "Coastal")]:
        Place.objects.create(
            code=code, name=name, kind=PlaceKind.SUBDIVISION, parent=xv, country_code="XV"
        )
    Helpline.objects.create(jurisdiction="XV", kind="emergency", name="Police", number="112")
    Helpline.objects.create(
        jurisdiction="XV", kind="child_helpline", name="Child helpline", number="116 111"
    )
    return xv


@pytest.fixture
def hotline(country):
    return OrganisationFactory(name="Valdoria Hotline", kind=OrganisationKind.HOTLINE)


@pytest.fixture
def other_org(db):
    return OrganisationFactory(
        name="Another Hotline", kind=OrganisationKind.HOTLINE, jurisdiction="FR"
    )


@pytest.fixture
def analyst(hotline):
    return member(hotline, Role.ANALYST, username="analyst")


@pytest.fixture
def colleague(hotline):
    return member(hotline, Role.ANALYST, username="colleague")


@pytest.fixture
def supervisor(hotline):
    return member(hotline, Role.SUPERVISOR, username="supervisor")


@pytest.fixture
def caseworker(hotline):
    """In the hotline's organisation, but a role that does not handle tips."""
    return member(hotline, Role.CASE_WORKER, username="caseworker")


@pytest.fixture
def trainer(hotline):
    return member(hotline, Role.TRAINER, username="trainer")


@pytest.fixture
def outsider(other_org):
    """An analyst of another organisation: must learn nothing about our tips."""
    return member(other_org, Role.ANALYST, username="outsider")


@pytest.fixture
def signed_in(client):
    """Call with a person to get the test client signed in as them (2FA passed)."""

    def sign(person):
        sign_in(client, person)
        return client

    return sign
