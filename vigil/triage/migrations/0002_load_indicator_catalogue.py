"""Load the shipped indicator catalogue (vigil/triage/data/indicators.json) as version 1."""

import json
from pathlib import Path

from django.db import migrations

CATALOGUE = Path(__file__).resolve().parent.parent / "data" / "indicators.json"
LANGUAGES = ("en", "fr", "es", "pt")
NOTE = "Shipped catalogue, loaded by migration 0002"


def read_catalogue():
    with open(CATALOGUE, encoding="utf-8") as handle:
        return json.load(handle)


def load(apps, schema_editor):
    Indicator = apps.get_model("triage", "Indicator")
    IndicatorPattern = apps.get_model("triage", "IndicatorPattern")
    CatalogueVersion = apps.get_model("triage", "CatalogueVersion")
    data = read_catalogue()
    for entry in data["indicators"]:
        if Indicator.objects.filter(code=entry["code"]).exists():
            continue  # already there (loaded by hand before this migration ran)
        indicator = Indicator.objects.create(
            code=entry["code"],
            title=entry["title"],
            description=entry["description"],
            source=entry["source"],
            weight=entry["weight"],
            implies_minor=entry.get("implies_minor", False),
            is_active=entry.get("is_active", True),
        )
        IndicatorPattern.objects.bulk_create(
            IndicatorPattern(indicator=indicator, language=language, pattern=pattern)
            for language in LANGUAGES
            for pattern in entry["patterns"].get(language, ())
        )
    last = CatalogueVersion.objects.order_by("-number").first()
    CatalogueVersion.objects.create(number=(last.number + 1) if last else 1, note=NOTE)


def unload(apps, schema_editor):
    Indicator = apps.get_model("triage", "Indicator")
    CatalogueVersion = apps.get_model("triage", "CatalogueVersion")
    codes = [entry["code"] for entry in read_catalogue()["indicators"]]
    Indicator.objects.filter(code__in=codes).delete()  # their patterns go with them
    CatalogueVersion.objects.filter(note=NOTE).delete()


class Migration(migrations.Migration):
    dependencies = [("triage", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
