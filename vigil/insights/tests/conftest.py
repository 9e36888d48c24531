"""The insights cast: a policy analyst and an organisation admin of the hotline, and data."""

import pytest

from vigil.accounts.models import OrganisationKind, Role
from vigil.accounts.tests.factories import OrganisationFactory, member
from vigil.directory.models import Service, ServiceType
from vigil.regions.models import Place
from vigil.tips import actions as tip_actions
from vigil.vulnerability.models import Indicator, IndicatorValue


@pytest.fixture
def policy_analyst(hotline):
    return member(hotline, Role.POLICY_ANALYST, username="policy")


@pytest.fixture
def org_admin(hotline):
    return member(hotline, Role.ORG_ADMIN, username="admin")


def population(place_code: str, year: int, people: float, share: float) -> None:
    place = Place.objects.get(code=place_code)
    for code, value in (("sp.pop.totl", people), ("sp.pop.0014.to.zs", share)):
        indicator, _ = Indicator.objects.get_or_create(code=code, defaults={"name": code})
        IndicatorValue.objects.create(place=place, indicator=indicator, year=year, value=value)


def tip_in(region_code: str) -> None:
    tip_actions.submit_tip(
        {
            "narrative": "Synthetic: children selling at the market late at night.",
            "country_code": "XV",
            "region_code": region_code,
        },
        channel="web",
        with_receipt=False,
    )


@pytest.fixture
def observed(country):
    """Valdoria's two regions: 50,000 and 100,000 children, 3 and 1 reports, one shelter."""
    population("XV-NO", 2024, 125_000, 40.0)
    population("XV-CO", 2024, 250_000, 40.0)
    for region in ("XV-NO", "XV-NO", "XV-NO", "XV-CO"):
        tip_in(region)
    shelter = OrganisationFactory(name="Safe House", kind=OrganisationKind.SHELTER)
    service = Service.objects.create(
        organisation=shelter, name="Emergency beds", service_type=ServiceType.SHELTER
    )
    service.areas.set([Place.objects.get(code="XV-CO")])
    return country
