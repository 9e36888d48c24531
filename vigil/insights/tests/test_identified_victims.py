"""Imported records of identified victims (CTDC) on the dashboard's map, by country."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from vigil.exchange import ctdc
from vigil.exchange.actions import import_records
from vigil.exchange.models import ImportKind
from vigil.regions.models import Place, PlaceKind

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parents[2] / "exchange" / "tests" / "data" / "ctdc_synthetic.csv"


@pytest.fixture
def imported(db):
    for code, name in (("PH", "Philippines"), ("MY", "Malaysia")):
        Place.objects.get_or_create(
            code=code, defaults={"name": name, "kind": PlaceKind.COUNTRY, "country_code": code}
        )
    content = FIXTURE.read_bytes()
    parsed = ctdc.read(content.decode())
    import_records(
        kind=ImportKind.CTDC,
        source="ctdc:test",
        file_name=FIXTURE.name,
        content=content,
        parsed=parsed,
    )
    return parsed


@pytest.mark.parametrize(
    ("measure", "field", "country", "name"),
    [
        ("identified_exploitation", "country_of_exploitation", "MY", "Malaysia"),
        ("identified_citizenship", "citizenship", "PH", "Philippines"),
    ],
)
def test_the_dashboard_shows_identified_victims_per_country(
    signed_in, policy_analyst, imported, measure, field, country, name
):
    expected = sum(1 for p in imported if getattr(p, field) == country)
    assert expected > 0
    page = signed_in(policy_analyst).get(
        reverse("insights:dashboard"), {"level": "country", "measure": measure, "year": 2019}
    )
    assert page.status_code == 200
    row = re.search(
        rf">{name}</a> <span class=\"help\">{country}</span></th>\s*<td[^>]*>([^<]*)<",
        page.content.decode(),
    )
    assert row is not None and row.group(1) == str(expected)
