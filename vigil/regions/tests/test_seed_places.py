import io

import pycountry
import pytest
from django.core.management import call_command

from vigil.regions.iso import seed_places
from vigil.regions.models import Place, PlaceKind

pytestmark = pytest.mark.django_db


def test_it_seeds_every_iso_country_and_subdivision():
    counts = seed_places()

    assert counts.countries == len(pycountry.countries)
    assert counts.subdivisions == len(pycountry.subdivisions)
    assert Place.objects.filter(kind=PlaceKind.COUNTRY).count() == len(pycountry.countries)
    assert Place.objects.exclude(kind=PlaceKind.COUNTRY).count() == len(pycountry.subdivisions)


def test_countries_carry_their_alpha3_and_short_name():
    seed_places()

    france = Place.objects.get(code="FR")
    assert (france.name, france.kind, france.alpha3, france.country_code) == (
        "France",
        PlaceKind.COUNTRY,
        "FRA",
        "FR",
    )
    assert france.parent is None
    assert Place.objects.get(alpha3="BOL").name == "Bolivia"


def test_subdivisions_hang_under_their_country_or_parent_subdivision():
    seed_places()

    ile_de_france = Place.objects.get(code="FR-IDF")
    assert ile_de_france.kind == PlaceKind.SUBDIVISION
    assert ile_de_france.parent.code == "FR"
    paris = Place.objects.get(code="FR-75C")
    assert paris.kind == PlaceKind.DISTRICT
    assert paris.parent == ile_de_france
    assert paris.country_code == "FR"
    california = Place.objects.get(code="US-CA")
    assert (california.name, california.parent.code, california.kind) == (
        "California",
        "US",
        PlaceKind.SUBDIVISION,
    )
    assert Place.objects.get(code="BR-SP").parent.code == "BR"
    assert Place.objects.get(code="BR-SP").alpha3 == ""


def test_a_second_run_adds_nothing():
    seed_places()
    before = Place.objects.count()

    counts = seed_places()

    assert (counts.countries, counts.subdivisions, counts.updated) == (0, 0, 0)
    assert Place.objects.count() == before


def test_it_leaves_the_demo_country_and_edited_places_alone(country):
    town = Place.objects.create(
        code="XV-NO-KELBUR",
        name="Kelbury",
        kind=PlaceKind.TOWN,
        parent=Place.objects.get(code="XV-NO"),
        country_code="XV",
    )
    renamed = Place.objects.create(
        code="FR", name="République française", kind=PlaceKind.COUNTRY, country_code="FR"
    )

    counts = seed_places()

    assert counts.updated == 1  # France gets its alpha-3, nothing else changes
    renamed.refresh_from_db()
    assert (renamed.name, renamed.alpha3) == ("République française", "FRA")
    country.refresh_from_db()
    assert (country.name, country.kind, country.alpha3, country.parent) == (
        "Valdoria",
        PlaceKind.COUNTRY,
        "",
        None,
    )
    assert set(Place.objects.filter(country_code="XV").values_list("code", flat=True)) == {
        "XV",
        "XV-NO",
        "XV-CO",
        town.code,
    }
    assert Place.objects.get(code="FR-IDF").parent == renamed


def test_a_subdivision_made_without_a_parent_gets_one():
    Place.objects.create(
        code="US-CA", name="California", kind=PlaceKind.SUBDIVISION, country_code="US"
    )

    seed_places()

    assert Place.objects.get(code="US-CA").parent.code == "US"


def test_the_command_reports_what_it_added():
    out = io.StringIO()
    call_command("seed_places", stdout=out)
    call_command("seed_places", stdout=out)

    first, second = out.getvalue().splitlines()
    assert first.startswith(f"{len(pycountry.countries)} countries and ")
    assert second.startswith("0 countries and 0 subdivisions added")
