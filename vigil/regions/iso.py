"""Every ISO 3166 country and subdivision as a Place, from pycountry.

Seeding only adds what is missing and fills in what an older row lacks (a
country's alpha-3 code, a subdivision's parent); it never renames a place or
changes its kind, so places an admin edited or added (the demo country XV,
towns) stay as they are.
"""

from dataclasses import dataclass

import pycountry
from django.db import transaction

from vigil.regions.models import Place, PlaceKind

BATCH_SIZE = 1000


@dataclass(frozen=True)
class SeedCounts:
    countries: int
    subdivisions: int
    updated: int

    @property
    def created(self) -> int:
        return self.countries + self.subdivisions


def country_name(country) -> str:
    """The short name people use ("Bolivia"), not the ISO list form ("Bolivia, Plurinational…")."""
    return getattr(country, "common_name", None) or country.name


def _depth(subdivision, by_code) -> int:
    depth = 0
    while subdivision.parent_code:
        subdivision = by_code[subdivision.parent_code]
        depth += 1
    return depth


@transaction.atomic
def seed_places() -> SeedCounts:
    """Create every ISO 3166-1 country and ISO 3166-2 subdivision missing from the database."""
    existing = {
        code: (pk, alpha3, parent_id)
        for code, pk, alpha3, parent_id in Place.objects.values_list(
            "code", "id", "alpha3", "parent_id"
        )
    }

    new_countries = []
    fill_alpha3 = []
    for country in pycountry.countries:
        row = existing.get(country.alpha_2)
        if row is None:
            new_countries.append(
                Place(
                    code=country.alpha_2,
                    name=country_name(country),
                    kind=PlaceKind.COUNTRY,
                    country_code=country.alpha_2,
                    alpha3=country.alpha_3,
                )
            )
        elif not row[1]:
            fill_alpha3.append(Place(id=row[0], alpha3=country.alpha_3))
    Place.objects.bulk_create(new_countries, batch_size=BATCH_SIZE)
    Place.objects.bulk_update(fill_alpha3, ["alpha3"], batch_size=BATCH_SIZE)

    # Parents before children: first-level subdivisions, then the levels below them.
    subdivisions = list(pycountry.subdivisions)
    by_code = {s.code: s for s in subdivisions}
    levels: dict[int, list] = {}
    for subdivision in subdivisions:
        levels.setdefault(_depth(subdivision, by_code), []).append(subdivision)

    ids = dict(Place.objects.values_list("code", "id"))
    created_subdivisions = 0
    fill_parent = []
    for depth in sorted(levels):
        new_rows = []
        for subdivision in levels[depth]:
            parent_code = subdivision.parent_code or subdivision.country_code
            parent_id = ids.get(parent_code)
            row = existing.get(subdivision.code)
            if row is None:
                new_rows.append(
                    Place(
                        code=subdivision.code,
                        name=subdivision.name,
                        kind=PlaceKind.SUBDIVISION if depth == 0 else PlaceKind.DISTRICT,
                        parent_id=parent_id,
                        country_code=subdivision.country_code,
                    )
                )
            elif row[2] is None and parent_id is not None:
                fill_parent.append(Place(id=row[0], parent_id=parent_id))
        Place.objects.bulk_create(new_rows, batch_size=BATCH_SIZE)
        created_subdivisions += len(new_rows)
        ids.update(
            Place.objects.filter(code__in=[p.code for p in new_rows]).values_list("code", "id")
        )
    Place.objects.bulk_update(fill_parent, ["parent"], batch_size=BATCH_SIZE)

    return SeedCounts(
        countries=len(new_countries),
        subdivisions=created_subdivisions,
        updated=len(fill_alpha3) + len(fill_parent),
    )
