"""The demo's services: plausible, placed in Valdoria, and added only once."""

import pytest

from vigil.accounts.models import Organisation
from vigil.demo import country, organisations
from vigil.directory.demo import SERVICES, seed_services
from vigil.directory.models import Service
from vigil.directory.search import find_services
from vigil.regions.models import Place

pytestmark = pytest.mark.django_db


def test_it_lists_a_dozen_services_once_however_often_it_runs():
    country.build_country()
    organisations.build_organisations()
    demo_organisations = Organisation.objects.filter(slug__in=organisations.ORGANISATIONS)

    first = seed_services(demo_organisations)
    again = seed_services(demo_organisations)

    expected = sum(len(rows) for rows in SERVICES.values())
    assert first == expected >= 12
    assert again == 0
    assert Service.objects.count() == expected
    for service in Service.objects.all():
        service.full_clean()
    area_codes = {code for rows in SERVICES.values() for row in rows for code in row[2]}
    assert Place.objects.filter(code__in=area_codes).count() == len(area_codes)
    port_salvan = Place.objects.get(code="XV-CO-PORTSA")
    assert "Harbour House emergency shelter" in [s.name for s in find_services(place=port_salvan)]
