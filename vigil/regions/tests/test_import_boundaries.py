import gzip
import io
import json
import re

import pytest
from django.core.management import CommandError, call_command

from vigil.regions.boundaries import SHIPPED, import_boundaries, load_shipped_boundaries
from vigil.regions.iso import seed_places
from vigil.regions.models import Boundary, Place

pytestmark = pytest.mark.django_db


def feature(geometry_type="Polygon", coordinates=None, **properties):
    coordinates = coordinates or [[[0, 0], [2, 0], [2, 1], [1, 1.5], [0, 1], [0, 0]]]
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": geometry_type, "coordinates": coordinates},
    }


def write(tmp_path, data, name="places.geojson"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def collection(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_boundaries", *args, stdout=out)
    return out.getvalue()


def test_the_shipped_natural_earth_files_match_the_iso_places():
    seed_places()

    countries, subdivisions = load_shipped_boundaries()

    assert countries.matched >= 170
    # Natural Earth writes ISO_A3 -99 for France and Norway: found through ADM0_A3.
    for code in ("FR", "NO", "US", "BR", "AU"):
        assert Boundary.objects.filter(place__code=code).exists()
    # Not in ISO 3166: Northern Cyprus, Kosovo, Somaliland.
    assert {label.split()[0] for label in countries.unmatched} == {"CYN", "KOS", "SOL"}
    assert countries.points_after < countries.points_before
    assert subdivisions.matched >= 95
    for code in ("US-CA", "US-DC", "BR-SP", "CA-QC", "AU-WA"):
        assert Boundary.objects.filter(place__code=code).exists()
    france = Boundary.objects.get(place__code="FR")
    assert france.source.startswith("Natural Earth 1:110m")
    assert -55 < france.min_lon < -50 and 50 < france.max_lat < 52  # Guiana to Dunkirk
    assert json.loads(france.geometry)["type"] == "MultiPolygon"


def test_the_command_without_a_path_loads_the_shipped_files_and_can_run_again():
    seed_places()

    first = run()
    count = Boundary.objects.count()
    second = run()

    assert Boundary.objects.count() == count
    assert first == second
    assert "Natural Earth 1:110m admin 0 countries (public domain): 174 places matched" in first
    assert "No place for: CYN (N. Cyprus)" in first
    assert "Boundaries stored." in first


def test_the_shipped_files_are_inside_the_product():
    for shipped in SHIPPED:
        assert "shared" not in shipped.path.parts
        assert json.loads(gzip.decompress(shipped.path.read_bytes()))["type"] == (
            "FeatureCollection"
        )
        assert (shipped.path.parent / "licence").exists()


def test_a_small_file_reports_matched_and_unmatched_features(tmp_path, country):
    Place.objects.create(code="FR", name="France", kind="country", country_code="FR", alpha3="FRA")
    path = write(
        tmp_path,
        collection(
            feature(ISO_A3="-99", ADM0_A3="FRA", NAME="France"),
            feature(ISO_A3="ZZZ", NAME="Nowhere"),
            feature(code="XV-NO", name="Northmarch"),
            feature("Point", [0, 0], code="XV-CO"),
        ),
    )

    out = run(str(path), "--simplify", "0")

    assert "2 places matched, 1 features unmatched, 1 without polygons" in out
    assert "No place for: ZZZ (Nowhere)" in out
    assert set(Boundary.objects.values_list("place__code", flat=True)) == {"FR", "XV-NO"}
    stored = json.loads(Boundary.objects.get(place__code="FR").geometry)
    assert stored == {
        "type": "Polygon",
        "coordinates": [[[0, 0], [2, 0], [2, 1], [1, 1.5], [0, 1], [0, 0]]],
    }
    assert Boundary.objects.get(place__code="FR").source == "places.geojson"


def test_the_level_decides_which_codes_are_read(tmp_path, country):
    Place.objects.create(code="FR", name="France", kind="country", country_code="FR", alpha3="FRA")
    path = write(
        tmp_path,
        collection(feature(ISO_A3="FRA"), feature(iso_3166_2="XV-CO"), feature(code="XV")),
    )

    result = import_boundaries(path, level="subdivision")

    assert set(Boundary.objects.values_list("place__code", flat=True)) == {"XV-CO"}
    assert result.unmatched == ["no code", "XV"]


def test_a_named_code_property_and_features_of_one_place_joined(tmp_path, country):
    square = [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]]
    path = write(
        tmp_path,
        collection(
            feature(region="xv-no"),
            feature(coordinates=square, region="XV-NO"),
            feature(region="XV"),
        ),
    )

    out = run(str(path), "--code-property", "REGION", "--level", "subdivision")

    assert "1 places matched, 1 features unmatched" in out
    boundary = Boundary.objects.get(place__code="XV-NO")
    assert json.loads(boundary.geometry)["type"] == "MultiPolygon"
    assert (boundary.min_lon, boundary.min_lat, boundary.max_lon, boundary.max_lat) == (
        0,
        0,
        11,
        11,
    )


def test_importing_again_replaces_the_boundary(tmp_path, country):
    run(str(write(tmp_path, collection(feature(code="XV")))))
    square = [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]]

    run(str(write(tmp_path, collection(feature(coordinates=square, code="XV")), "new.json")))

    boundary = Boundary.objects.get(place__code="XV")
    assert Boundary.objects.count() == 1
    assert (boundary.min_lon, boundary.source) == (5, "new.json")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON (line 1, column 2"),
        ('{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
        ("[1, 2]", "not a GeoJSON FeatureCollection"),
        ('{"type": "FeatureCollection", "features": 3}', "has no list of features"),
        (
            json.dumps(collection(feature(coordinates=[[[0, 0], [500, 0], [1, 1]]], code="XV"))),
            "feature 1 (XV): [500.0, 0.0] is not a longitude and latitude",
        ),
        (json.dumps(collection(feature(code="ZZ"))), "No feature matched a place"),
    ],
)
def test_bad_files_give_a_clear_error_and_store_nothing(tmp_path, country, content, message):
    path = write(tmp_path, content)

    with pytest.raises(CommandError, match=re.escape(message)):
        run(str(path))
    assert not Boundary.objects.exists()


def test_missing_binary_and_bad_gzip_files_are_refused(tmp_path, country):
    with pytest.raises(CommandError, match="no such file"):
        run(str(tmp_path / "missing.geojson"))
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(CommandError, match="not UTF-8 text|not valid JSON"):
        run(str(tmp_path / "binary.json"))
    (tmp_path / "fake.json.gz").write_bytes(b"plain text")
    with pytest.raises(CommandError, match="not a gzip file"):
        run(str(tmp_path / "fake.json.gz"))
    with pytest.raises(CommandError, match="--simplify must be 0 or more"):
        run(str(tmp_path / "fake.json.gz"), "--simplify", "-1")
    with pytest.raises(CommandError, match="apply to a file you name"):
        run("--level", "country")


def test_a_gzipped_file_is_read(tmp_path, country):
    path = tmp_path / "valdoria.json.gz"
    path.write_bytes(gzip.compress(json.dumps(collection(feature(code="XV"))).encode()))

    assert "1 places matched" in run(str(path))
