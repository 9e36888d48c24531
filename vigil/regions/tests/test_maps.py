import json

import pytest
from django.utils import timezone

from vigil.regions.boundaries import load_shipped_boundaries
from vigil.regions.iso import seed_places
from vigil.regions.maps import PALETTE, choropleth_svg, format_value, legend_classes
from vigil.regions.models import Boundary, Place, PlaceKind
from vigil.regions.tests.svg import SVG, parse, paths_by_code


def square(lon, lat, size=1.0):
    return json.dumps(
        {
            "type": "Polygon",
            "coordinates": [
                [
                    [lon, lat],
                    [lon + size, lat],
                    [lon + size, lat + size],
                    [lon, lat + size],
                    [lon, lat],
                ]
            ],
        }
    )


@pytest.fixture
def squares(db):
    """Five countries side by side, one square degree each."""
    for i, (code, name) in enumerate(
        [("AA", "Aland"), ("BB", "Bland"), ("CC", "Cland"), ("DD", "Dland"), ("EE", "E & <Co>")]
    ):
        place = Place.objects.create(
            code=code, name=name, kind=PlaceKind.COUNTRY, country_code=code
        )
        Boundary.objects.create(
            place=place,
            geometry=square(i * 2, 10),
            min_lon=i * 2,
            min_lat=10,
            max_lon=i * 2 + 1,
            max_lat=11,
            source="test",
            updated_at=timezone.now(),
        )


def test_classes_are_quantiles_of_the_known_values():
    classes = legend_classes({str(i): float(i) for i in range(1, 11)} | {"X": None})

    assert [(c.lower, c.upper) for c in classes] == [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10)]
    assert [c.colour for c in classes] == list(PALETTE)


def test_few_or_equal_values_make_fewer_classes_and_no_values_none():
    assert [(c.lower, c.upper) for c in legend_classes([3.0, 1.0, 2.0])] == [
        (1, 1),
        (2, 2),
        (3, 3),
    ]
    two = legend_classes([1, 1, 1, 1, 1, 2])
    assert [(c.lower, c.upper, c.colour) for c in two] == [
        (1, 1, PALETTE[0]),
        (2, 2, PALETTE[-1]),
    ]
    assert len(legend_classes([7.0])) == 1
    assert legend_classes({"A": None, "B": float("nan")}) == []


def test_missing_values_are_hatched_never_the_lowest_class(squares):
    svg = choropleth_svg({"AA": 0.0, "BB": 5.0, "CC": None}, title="Tips per 100,000")

    paths = paths_by_code(parse(svg))
    assert paths["AA"].get("fill") == PALETTE[0]
    assert paths["BB"].get("fill") == PALETTE[-1]
    for code in ("CC", "DD"):
        assert paths[code].get("fill").endswith("-nodata)")
        assert paths[code].find(f"{SVG}title").text.endswith(": no data")
    assert paths["AA"].find(f"{SVG}title").text == "Aland: 0"


def test_each_place_has_its_value_and_unit_in_its_title(squares):
    values = {"AA": 1.0, "BB": 2.5, "CC": 30.25, "DD": 1234.0, "EE": 12.0}

    root = parse(choropleth_svg(values, title="Coverage", unit="%"))

    titles = {code: p.find(f"{SVG}title").text for code, p in paths_by_code(root).items()}
    assert titles == {
        "AA": "Aland: 1%",
        "BB": "Bland: 2.5%",
        "CC": "Cland: 30.2%",
        "DD": "Dland: 1,234%",
        "EE": "E & <Co>: 12%",
    }
    fills = [p.get("fill") for p in paths_by_code(root).values()]
    assert fills == [PALETTE[0], PALETTE[1], PALETTE[3], PALETTE[4], PALETTE[2]]


def test_the_svg_is_accessible_and_escaped(squares):
    svg = choropleth_svg({"AA": 1.0}, title='Reports "per" <child> & more', unit="<u>")

    root = parse(svg)
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert (title.get("id"), desc.get("id")) == (title_id, desc_id)
    assert title.text == 'Reports "per" <child> & more'
    assert desc.text.startswith("Map of 5 places.")
    assert "4 places have no data and are hatched." in desc.text
    assert "<child>" not in svg and "<u>" not in svg
    legend = [t.text for t in root.iter(f"{SVG}text")]
    assert legend == ["1 <u>", "No data"]


def test_a_link_wraps_the_place(squares):
    def link(code):
        return f"/insights/places/{code}/?year=2019&x=1" if code != "BB" else None

    root = parse(choropleth_svg({"AA": 1.0}, title="Map", link=link))

    anchors = {a.find(f"{SVG}path").get("data-code"): a for a in root.iter(f"{SVG}a")}
    assert set(anchors) == {"AA", "CC", "DD", "EE"}
    assert anchors["AA"].get("href") == "/insights/places/AA/?year=2019&x=1"
    assert anchors["AA"].get("aria-label") == "Aland: 1"


def test_the_map_is_fitted_to_the_places_drawn(squares):
    root = parse(choropleth_svg({}, title="Map"))

    d = paths_by_code(root)["AA"].get("d")
    # The westernmost square starts at the left padding, the top one at the top padding.
    assert d.startswith("M8 ")
    assert d.endswith("z")
    assert root.get("viewBox").startswith("0 0 960 ")


def test_subdivision_maps_draw_the_regions_of_one_country(country):
    for i, region in enumerate(Place.objects.filter(country_code="XV", kind="subdivision")):
        Boundary.objects.create(
            place=region,
            geometry=square(-30 + i, -30),
            min_lon=-30 + i,
            min_lat=-30,
            max_lon=-29 + i,
            max_lat=-29,
            updated_at=timezone.now(),
        )

    root = parse(choropleth_svg({"XV-NO": 3.0}, level="subdivision", within="XV", title="XV"))

    assert set(paths_by_code(root)) == {"XV-NO", "XV-CO"}
    with pytest.raises(ValueError, match="needs `within`"):
        choropleth_svg({}, level="subdivision", title="XV")
    with pytest.raises(ValueError, match="level must be"):
        choropleth_svg({}, level="town", within="XV", title="XV")


def test_with_no_boundaries_it_says_so(db):
    root = parse(choropleth_svg({"FR": 1.0}, title="Empty"))

    assert list(root.iter(f"{SVG}path")) == []
    assert "No boundaries are loaded" in root.find(f"{SVG}desc").text


@pytest.mark.django_db
def test_the_world_map_from_the_shipped_boundaries_is_small():
    seed_places()
    load_shipped_boundaries()
    countries = Place.objects.filter(kind=PlaceKind.COUNTRY, boundary__isnull=False)
    values = {code: float(i) for i, code in enumerate(countries.values_list("code", flat=True))}

    svg = choropleth_svg(values, title="World", link=lambda code: f"/places/{code}/")

    root = parse(svg)
    drawn = paths_by_code(root)
    assert set(drawn) == set(values)
    assert len(drawn) >= 170 and "AQ" in drawn
    assert len(svg.encode()) < 250_000
    assert not any(p.get("fill").endswith("-nodata)") for p in drawn.values())
    # Without a value for Antarctica, it is left out rather than hatched across the bottom.
    without = paths_by_code(parse(choropleth_svg({"FR": 1.0}, title="World")))
    assert "AQ" not in without and "FR" in without


@pytest.mark.django_db
def test_a_country_across_the_antimeridian_stays_in_one_piece():
    seed_places()
    load_shipped_boundaries()

    root = parse(choropleth_svg({}, level="subdivision", within="US", title="United States"))

    assert len(paths_by_code(root)) == 51
    width, height = (float(n) for n in root.get("viewBox").split()[2:])
    # Drawn across 360° of longitude, the United States would be a thin strip.
    assert height > width / 2


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.0, "0"),
        (-0.0, "0"),
        (0.2134, "0.213"),
        (8.5, "8.5"),
        (30.25, "30.2"),
        (999.4, "999"),
        (999.6, "1,000"),
        (1234567.0, "1,234,567"),
        (-12.5, "-12.5"),
        (0.00012, "1.2e-04"),
    ],
)
def test_values_are_written_to_three_significant_figures(value, text):
    assert format_value(value) == text
