"""CTDC files import as statistics: counts by country of exploitation and citizenship."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from vigil.audit.models import AuditEvent
from vigil.exchange.aggregates import (
    imported_counts,
    victims_by_citizenship,
    victims_by_country_of_exploitation,
)
from vigil.exchange.models import ImportBatch, ImportedVictimRecord

FIXTURE = Path(__file__).parent / "data" / "ctdc_synthetic.csv"
HEADER = FIXTURE.read_text().splitlines()[0]


def _import(path=FIXTURE, *args):
    out = io.StringIO()
    call_command("import_ctdc", str(path), *args, stdout=out)
    return out.getvalue()


def _by(dimension) -> dict:
    return {row[dimension]: row["count"] for row in imported_counts([dimension])}


def test_the_fixture_imports_with_the_expected_counts(db):
    output = _import()

    assert "Imported 23 new records" in output
    assert _by("country_of_exploitation") == {"MY": 12, "RU": 5, "US": 3, "": 2, "TH": 1}
    assert _by("citizenship") == {"PH": 12, "UA": 5, "": 3, "MD": 2, "KH": 1}
    assert _by("year") == {2015: 1, 2016: 12, 2017: 8, 2018: 2}
    assert _by("age_band") == {"9-17": 12, "18-20": 5, "": 3, "0-8": 2, "48+": 1}
    assert _by("sex") == {"female": 17, "male": 6}
    # Records with two types count under both; those with none under "".
    assert _by("exploitation") == {"SexualExploitation": 14, "ForcedLabour": 7, "": 4}
    batch = ImportBatch.objects.get()
    assert batch.source == "ctdc:ctdc_synthetic" and batch.rows_created == 23
    assert AuditEvent.objects.filter(object_type="exchange.importbatch").count() == 1


def test_counts_cross_country_of_exploitation_and_citizenship(db):
    _import()
    rows = imported_counts(["country_of_exploitation", "citizenship"])
    assert {(r["country_of_exploitation"], r["citizenship"]): r["count"] for r in rows} == {
        ("MY", "PH"): 12,
        ("RU", "UA"): 5,
        ("US", ""): 3,
        ("", "MD"): 2,
        ("TH", "KH"): 1,
    }


def test_reimporting_is_idempotent(db):
    _import()
    output = _import()
    assert "Imported 0 new records (23 already there, 23 read)" in output
    assert ImportedVictimRecord.objects.count() == 23


def test_a_changed_file_under_the_same_source_is_refused(db, tmp_path):
    _import()
    changed = tmp_path / "ctdc_synthetic.csv"
    lines = FIXTURE.read_text().splitlines()
    lines[2] = lines[2].replace("PH", "ID", 1)
    changed.write_text("\n".join(lines) + "\n")
    with pytest.raises(CommandError, match="Line 3"):
        _import(changed)
    assert ImportedVictimRecord.objects.count() == 23
    _import(changed, "--source", "ctdc-second-copy")
    assert ImportedVictimRecord.objects.count() == 46


def test_a_bad_header_lists_the_missing_columns(db, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("yearOfRegistration,sex,ageBroad,citizenship\n2016,Female,9--17,PH\n")
    with pytest.raises(CommandError) as raised:
        _import(bad)
    message = str(raised.value)
    for column in ("gender", "isForcedLabour", "isSexualExploit", "CountryOfExploitation"):
        assert column in message
    assert not ImportedVictimRecord.objects.exists()


def test_bad_values_are_reported_with_their_lines_and_nothing_is_imported(db, tmp_path):
    bad = tmp_path / "bad.csv"
    good = FIXTURE.read_text().splitlines()[1]
    bad.write_text(
        "\n".join([HEADER, good, good.replace("PH", "Philippines", 1),
                   good.replace("2016", "last year", 1), good.replace(",1.0,", ",maybe,", 1)])
        + "\n"
    )  # fmt: skip
    with pytest.raises(CommandError) as raised:
        _import(bad)
    message = str(raised.value)
    assert "Line 3: citizenship 'Philippines'" in message
    assert "Line 4: yearOfRegistration 'last year'" in message
    assert "Line 5: isSexualExploit 'maybe'" in message
    assert "nothing was stored" in message
    assert not ImportedVictimRecord.objects.exists()


def test_the_statistics_sources_place_records_by_both_countries(db):
    _import()
    exploited = {}
    for row in victims_by_country_of_exploitation():
        if row.once:
            exploited[row.country_code] = exploited.get(row.country_code, 0) + row.count
    assert exploited == {"MY": 12, "RU": 5, "US": 3, "": 2, "TH": 1}
    citizens = {}
    for row in victims_by_citizenship():
        if row.once:
            citizens[row.country_code] = citizens.get(row.country_code, 0) + row.count
    assert citizens == {"PH": 12, "UA": 5, "": 3, "MD": 2, "KH": 1}
    md = [r for r in victims_by_citizenship() if r.country_code == "MD"]
    # Two records with two types each: one row counts them once, the other the second type.
    assert {(r.exploitation, r.once, r.count) for r in md} == {
        ("labour", True, 2),
        ("sexual", False, 2),
    }
    assert {r.age_band for r in victims_by_citizenship()} == {"9-17", "18+", "", "0-8"}
    assert all(r.month.month == 1 and r.month.day == 1 for r in victims_by_citizenship())
