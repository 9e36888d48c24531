import io

import pytest
from django.core.management import call_command

from vigil.demo import country as demo
from vigil.regions.boundaries import DEMO_FILE, load_demo_boundaries, load_shipped_boundaries
from vigil.regions.iso import seed_places
from vigil.regions.maps import choropleth_svg
from vigil.regions.models import Boundary
from vigil.regions.tests.svg import SVG, parse

pytestmark = pytest.mark.django_db


def test_valdoria_and_each_of_its_regions_get_an_outline():
    demo.build_country()

    result = load_demo_boundaries()

    assert (result.matched, result.unmatched) == (1 + len(demo.REGIONS), [])
    assert set(Boundary.objects.values_list("place__code", flat=True)) == {"XV", *demo.REGIONS}
    assert Boundary.objects.get(place__code="XV").source == "Vigil demo: Valdoria (invented)"


def test_the_command_loads_the_demo_file_too():
    demo.build_country()
    out = io.StringIO()

    call_command("import_boundaries", str(DEMO_FILE), stdout=out)

    assert "7 places matched, 0 features unmatched" in out.getvalue()


def test_valdoria_lies_in_open_sea_away_from_every_real_country():
    seed_places()
    demo.build_country()
    load_shipped_boundaries()
    load_demo_boundaries()
    valdoria = Boundary.objects.get(place__code="XV")

    real = Boundary.objects.exclude(place__country_code="XV")
    assert real.count() > 250
    for other in real:
        apart = (
            other.max_lon < valdoria.min_lon
            or other.min_lon > valdoria.max_lon
            or other.max_lat < valdoria.min_lat
            or other.min_lat > valdoria.max_lat
        )
        assert apart, other.place.code


def test_the_regions_map_of_valdoria_draws_every_region():
    demo.build_country()
    load_demo_boundaries()
    values = {"XV-NO": 12.0, "XV-CO": 30.0, "XV-CE": 8.5, "XV-HI": None, "XV-LA": 19.0}

    svg = choropleth_svg(
        values,
        level="subdivision",
        within="XV",
        title="Tips per 100,000 children",
        link=lambda code: f"/insights/places/{code}/",
    )

    root = parse(svg)
    titles = sorted(p.find(f"{SVG}title").text for p in root.iter(f"{SVG}path"))
    assert titles == [
        "Centrava: 8.5",
        "Corrandine Coast: 30",
        "Highvale: no data",
        "Lacustra: 19",
        "Northmarch: 12",
        "Solvary: no data",
    ]
    assert len(list(root.iter(f"{SVG}a"))) == 6
    assert "Natural Earth" not in svg  # invented outlines: no borrowed credit


def test_valdoria_appears_on_the_world_map():
    seed_places()
    demo.build_country()
    load_shipped_boundaries()
    load_demo_boundaries()

    root = parse(choropleth_svg({"XV": 1.0, "FR": 2.0}, title="World"))

    codes = {p.get("data-code") for p in root.iter(f"{SVG}path")}
    assert {"XV", "FR"} <= codes
    assert not codes & set(demo.REGIONS)
