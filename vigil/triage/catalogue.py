"""The indicator catalogue in the database: loading the shipped file, versions, the compiled form.

Every change (a file loaded, an admin edit) records a new CatalogueVersion, so
each analysis can name the catalogue it used and `vigil reanalyze` knows when
stored analyses are stale. The compiled Catalogue is cached per version: while
nothing changes, `current_catalogue()` costs one small query.
"""

import threading

from django.db import IntegrityError, transaction
from django.db.models import Max

from vigil.triage.indicators import (
    DEFAULT_FILE,
    LANGUAGES,
    Catalogue,
    IndicatorSpec,
    pattern_problem,
    read_catalogue_file,
)
from vigil.triage.models import CatalogueVersion, Indicator, IndicatorPattern

# Keyed by (number, created_at): a number alone could come back after a rollback.
_cache: dict[tuple, Catalogue] = {}
_lock = threading.Lock()


def latest_version_number() -> int:
    number = CatalogueVersion.objects.order_by("-number").values_list("number", flat=True).first()
    return number or 0


def record_version(*, created_by=None, note: str = "") -> CatalogueVersion:
    """Record that the catalogue changed: a new version numbered after the last one."""
    for _ in range(5):
        try:
            with transaction.atomic():
                last = CatalogueVersion.objects.aggregate(last=Max("number"))["last"] or 0
                return CatalogueVersion.objects.create(
                    number=last + 1, created_by=created_by, note=note[:300]
                )
        except IntegrityError:
            continue  # another change took that number at the same moment: take the next
    raise RuntimeError("could not record a new catalogue version")


def specs_from_database() -> list[IndicatorSpec]:
    indicators = Indicator.objects.filter(is_active=True).prefetch_related("patterns")
    return [
        IndicatorSpec(
            code=indicator.code,
            title=indicator.title,
            weight=indicator.weight,
            implies_minor=indicator.implies_minor,
            patterns=tuple(
                (pattern.language, pattern.pattern)
                for pattern in sorted(
                    indicator.patterns.all(),
                    key=lambda p: (
                        (LANGUAGES.index(p.language), p.id)
                        if p.language in LANGUAGES
                        else (len(LANGUAGES), p.id)
                    ),
                )
            ),
            description=indicator.description,
            source=indicator.source,
        )
        for indicator in indicators
    ]


def current_catalogue() -> Catalogue:
    """The active catalogue, compiled once per version."""
    key = CatalogueVersion.objects.order_by("-number").values_list("number", "created_at").first()
    key = key or (0, None)
    catalogue = _cache.get(key)
    if catalogue is not None:
        return catalogue
    with _lock:
        catalogue = _cache.get(key)
        if catalogue is None:
            catalogue = Catalogue(key[0], specs_from_database())
            _cache.clear()  # only the newest version is worth keeping
            _cache[key] = catalogue
    return catalogue


def catalogue_problems(data: dict) -> list[str]:
    """What is wrong with a catalogue file's content, in plain words (empty when fine)."""
    problems = []
    entries = data.get("indicators") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return ["The file has no list of “indicators”."]
    seen = set()
    for number, entry in enumerate(entries, start=1):
        code = entry.get("code") if isinstance(entry, dict) else None
        where = f"Indicator {code or number}"
        if not code:
            problems.append(f"{where}: no code.")
            continue
        if code in seen:
            problems.append(f"{where}: the code appears twice.")
        seen.add(code)
        for field in ("title", "description", "source"):
            if not str(entry.get(field, "")).strip():
                problems.append(f"{where}: no {field}.")
        weight = entry.get("weight")
        if not isinstance(weight, int) or not 1 <= weight <= 10:
            problems.append(f"{where}: the weight must be a whole number from 1 to 10.")
        patterns = entry.get("patterns", {})
        for language, items in patterns.items() if isinstance(patterns, dict) else ():
            if language not in LANGUAGES:
                problems.append(f"{where}: unknown language “{language}”.")
                continue
            for pattern in items:
                problem = pattern_problem(pattern) or (
                    "longer than 500 characters" if len(pattern) > 500 else None
                )
                if problem:
                    problems.append(f"{where} [{language}] {pattern[:60]!r}: {problem}")
    return problems


@transaction.atomic
def load_catalogue(data: dict, *, created_by=None, note: str = "") -> tuple[int, int, int]:
    """Upsert a catalogue file's indicators by code; their patterns are replaced.

    Indicators that are not in the file are left as they are (an admin may
    have added them). Returns (created, updated, version number).
    """
    problems = catalogue_problems(data)
    if problems:
        raise ValueError("\n".join(problems))
    created = updated = 0
    for entry in data["indicators"]:
        indicator, was_created = Indicator.objects.update_or_create(
            code=entry["code"],
            defaults={
                "title": entry["title"],
                "description": entry["description"],
                "source": entry["source"],
                "weight": entry["weight"],
                "implies_minor": bool(entry.get("implies_minor", False)),
                "is_active": bool(entry.get("is_active", True)),
            },
        )
        created += was_created
        updated += not was_created
        indicator.patterns.all().delete()
        IndicatorPattern.objects.bulk_create(
            IndicatorPattern(indicator=indicator, language=language, pattern=pattern)
            for language in LANGUAGES
            for pattern in entry.get("patterns", {}).get(language, ())
        )
    version = record_version(created_by=created_by, note=note)
    return created, updated, version.number


def load_catalogue_file(path=DEFAULT_FILE, *, created_by=None) -> tuple[int, int, int]:
    return load_catalogue(
        read_catalogue_file(path), created_by=created_by, note=f"Loaded {path}"[-300:]
    )
