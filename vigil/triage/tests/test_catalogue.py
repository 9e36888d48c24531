"""The catalogue in the database: the shipped file, versions, admin edits, the load command."""

import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from vigil.accounts.tests.factories import PersonFactory, sign_in
from vigil.triage.catalogue import current_catalogue, latest_version_number, record_version
from vigil.triage.indicators import (
    DEFAULT_FILE,
    LANGUAGES,
    Catalogue,
    detect_indicators,
    prepare_pattern,
    read_catalogue_file,
)
from vigil.triage.models import CatalogueVersion, Indicator, IndicatorPattern
from vigil.triage.tests.required_codes import REQUIRED_CODES

MINOR_CODES = {
    "minor-commercial-sex",
    "child-marriage",
    "forced-begging",
    "dangerous-child-labour",
    "online-grooming-sextortion",
}


@pytest.fixture
def admin_client(client, db):
    person = PersonFactory(username="root", is_staff=True, is_superuser=True)
    sign_in(client, person)
    client.person = person
    return client


def test_the_migration_loaded_every_shipped_indicator_with_patterns_in_four_languages(db):
    indicators = Indicator.objects.prefetch_related("patterns")
    assert {indicator.code for indicator in indicators} >= REQUIRED_CODES
    for indicator in indicators:
        assert indicator.source.strip() and indicator.description.strip(), indicator.code
        assert 1 <= indicator.weight <= 10
        assert {p.language for p in indicator.patterns.all()} == set(LANGUAGES), indicator.code
        assert indicator.implies_minor == (indicator.code in MINOR_CODES)
    assert CatalogueVersion.objects.filter(number=1).exists()


def test_every_shipped_pattern_compiles_and_fits_its_column():
    data = read_catalogue_file(DEFAULT_FILE)
    for entry in data["indicators"]:
        for language, patterns in entry["patterns"].items():
            assert language in LANGUAGES
            for pattern in patterns:
                re.compile(prepare_pattern(pattern))
                assert len(pattern) <= 500, (entry["code"], pattern[:40])


def test_weights_follow_how_strong_each_sign_is():
    weights = {e["code"]: e["weight"] for e in read_catalogue_file()["indicators"]}
    assert weights["minor-commercial-sex"] >= 9 and weights["online-grooming-sextortion"] >= 9
    assert weights["frequent-moves"] <= 4 and weights["scripted-answers"] <= 4


def test_the_database_catalogue_detects_like_the_shipped_file(db):
    text = "The boss took her passport and she sleeps in the back room of the salon."
    from_file = {d.code for d in detect_indicators(text, Catalogue.from_file())}
    from_db = {d.code for d in detect_indicators(text, Catalogue.current())}
    assert from_db == from_file == {"confiscated-documents", "lives-at-workplace"}


def test_the_current_catalogue_costs_one_query_while_nothing_changes(db, django_assert_num_queries):
    first = current_catalogue()
    with django_assert_num_queries(1):
        assert current_catalogue() is first
    record_version(note="test")
    second = current_catalogue()
    assert second is not first and second.version == first.version + 1


def test_a_catalogue_cannot_be_changed_once_built():
    catalogue = Catalogue.from_file()
    with pytest.raises(AttributeError):
        catalogue.version = 99


def test_an_admin_adding_an_indicator_records_a_new_version_by_them(admin_client):
    before = latest_version_number()
    response = admin_client.post(
        "/admin/triage/indicator/add/",
        {
            "code": "no-school",
            "title": "Child kept out of school",
            "description": "A school-age child no longer goes to school.",
            "source": "US DHS Blue Campaign: “Have they stopped attending school or work?”",
            "weight": "4",
            "is_active": "on",
            "patterns-TOTAL_FORMS": "1",
            "patterns-INITIAL_FORMS": "0",
            "patterns-MIN_NUM_FORMS": "0",
            "patterns-MAX_NUM_FORMS": "1000",
            "patterns-0-language": "en",
            "patterns-0-pattern": r"\b(?:stopped|never) (?:going to|attends?) school",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    indicator = Indicator.objects.get(code="no-school")
    assert indicator.patterns.get().language == "en"
    version = CatalogueVersion.objects.get(number=before + 1)
    assert version.created_by == admin_client.person
    assert "no-school" in version.note
    detected = detect_indicators("He stopped going to school in May.", Catalogue.current())
    assert [d.code for d in detected] == ["no-school"]


def test_an_admin_changing_or_deleting_an_indicator_records_a_version_each_time(admin_client):
    indicator = Indicator.objects.create(
        code="signs-of-fear", title="Fearful", description="d", source="s", weight=3
    )
    pattern = IndicatorPattern.objects.create(
        indicator=indicator, language="en", pattern=r"\bterrified"
    )
    before = latest_version_number()
    response = admin_client.post(
        f"/admin/triage/indicator/{indicator.pk}/change/",
        {
            "code": "signs-of-fear",
            "title": "Fearful, timid or submissive",
            "description": "d",
            "source": "s",
            "weight": "4",
            "is_active": "on",
            "patterns-TOTAL_FORMS": "1",
            "patterns-INITIAL_FORMS": "1",
            "patterns-MIN_NUM_FORMS": "0",
            "patterns-MAX_NUM_FORMS": "1000",
            "patterns-0-id": str(pattern.pk),
            "patterns-0-indicator": str(indicator.pk),
            "patterns-0-language": "en",
            "patterns-0-pattern": r"\b(?:terrified|scared stiff)",
        },
    )
    assert response.status_code == 302
    pattern.refresh_from_db()
    assert pattern.pattern == r"\b(?:terrified|scared stiff)"
    assert latest_version_number() == before + 1

    response = admin_client.post(f"/admin/triage/indicator/{indicator.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Indicator.objects.filter(pk=indicator.pk).exists()
    deleted = CatalogueVersion.objects.get(number=before + 2)
    assert deleted.created_by == admin_client.person and "signs-of-fear" in deleted.note


def test_the_admin_refuses_a_pattern_that_does_not_compile(admin_client):
    before = latest_version_number()
    response = admin_client.post(
        "/admin/triage/indicator/add/",
        {
            "code": "broken",
            "title": "Broken",
            "description": "d",
            "source": "s",
            "weight": "2",
            "patterns-TOTAL_FORMS": "1",
            "patterns-INITIAL_FORMS": "0",
            "patterns-MIN_NUM_FORMS": "0",
            "patterns-MAX_NUM_FORMS": "1000",
            "patterns-0-language": "fr",
            "patterns-0-pattern": r"\b(?:ouvert",
        },
    )
    assert response.status_code == 200
    assert "This is not a valid regular expression" in response.content.decode()
    assert not Indicator.objects.filter(code="broken").exists()
    assert latest_version_number() == before


def test_the_admin_refuses_a_pattern_that_matches_everything(admin_client):
    response = admin_client.post(
        "/admin/triage/indicator/add/",
        {
            "code": "everything",
            "title": "Everything",
            "description": "d",
            "source": "s",
            "weight": "2",
            "patterns-TOTAL_FORMS": "1",
            "patterns-INITIAL_FORMS": "0",
            "patterns-MIN_NUM_FORMS": "0",
            "patterns-MAX_NUM_FORMS": "1000",
            "patterns-0-language": "en",
            "patterns-0-pattern": r"\w*",
        },
    )
    assert response.status_code == 200
    assert "matches empty text" in response.content.decode()
    assert not Indicator.objects.filter(code="everything").exists()


def test_catalogue_versions_are_read_only_in_the_admin(admin_client):
    version = CatalogueVersion.objects.get(number=1)
    assert admin_client.get("/admin/triage/catalogueversion/").status_code == 200
    assert admin_client.get("/admin/triage/catalogueversion/add/").status_code == 403
    response = admin_client.post(
        f"/admin/triage/catalogueversion/{version.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    assert CatalogueVersion.objects.filter(pk=version.pk).exists()


def test_the_admin_needs_a_second_factor(client, db):
    person = PersonFactory(username="half", is_staff=True, is_superuser=True)
    client.force_login(person)  # password only, no one-time code yet
    response = client.get("/admin/triage/indicator/")
    assert response.status_code == 302


def test_loading_the_catalogue_twice_changes_nothing_but_records_a_version(db, capsys):
    def content():
        return sorted(
            (i.code, i.title, i.weight, i.source, tuple(p.pattern for p in i.patterns.all()))
            for i in Indicator.objects.prefetch_related("patterns")
        )

    before_content, before = content(), latest_version_number()
    call_command("load_indicators")
    call_command("load_indicators")
    assert content() == before_content
    assert latest_version_number() == before + 2
    assert "0 indicator(s) created, 16 updated" in capsys.readouterr().out


def test_loading_a_file_updates_by_code_and_keeps_other_indicators(db, tmp_path):
    Indicator.objects.create(code="kept", title="Kept", description="d", source="s", weight=2)
    data = read_catalogue_file()
    entry = next(e for e in data["indicators"] if e["code"] == "debt-bondage")
    entry["weight"] = 5
    entry["patterns"] = {"en": [r"\bowes the (?:boss|agency)"], "fr": [], "es": [], "pt": []}
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps({"version": 2, "indicators": [entry]}), encoding="utf-8")
    call_command("load_indicators", str(path))
    debt = Indicator.objects.get(code="debt-bondage")
    assert debt.weight == 5
    assert [p.pattern for p in debt.patterns.all()] == [r"\bowes the (?:boss|agency)"]
    assert Indicator.objects.filter(code="kept").exists()
    assert CatalogueVersion.objects.order_by("-number").first().note.startswith("Loaded")


def test_loading_a_bad_file_changes_nothing_and_says_why(db, tmp_path):
    before = latest_version_number()
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            {
                "indicators": [
                    {
                        "code": "debt-bondage",
                        "title": "t",
                        "description": "d",
                        "source": "s",
                        "weight": 12,
                        "patterns": {"en": ["(unclosed"]},
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as error:
        call_command("load_indicators", str(path))
    assert "weight" in str(error.value) and "not a valid regular expression" in str(error.value)
    assert latest_version_number() == before
    assert Indicator.objects.get(code="debt-bondage").weight != 12
    with pytest.raises(CommandError, match="No such file"):
        call_command("load_indicators", str(tmp_path / "missing.json"))
