"""The deployment's helplines, grouped by the jurisdiction that runs them."""

from dataclasses import dataclass

from django.db.models import Q

from vigil.regions.models import Helpline, HelplineKind, Place


@dataclass
class Jurisdiction:
    code: str
    name: str
    lines: list[Helpline]


def by_jurisdiction(country_code: str) -> list[Jurisdiction]:
    """The country's own numbers first, then each region's, regions by name.

    Two queries whatever the number of regions: regions.places answers for
    one region at a time, which would cost a query per region on a public page.
    """
    lines = Helpline.objects.filter(
        Q(jurisdiction=country_code) | Q(jurisdiction__startswith=f"{country_code}-")
    ).order_by("order", "name")
    grouped: dict[str, list[Helpline]] = {}
    for line in lines:
        grouped.setdefault(line.jurisdiction, []).append(line)
    names = dict(Place.objects.filter(code__in=grouped).values_list("code", "name"))
    jurisdictions = [
        Jurisdiction(code, names.get(code, code), found) for code, found in grouped.items()
    ]
    return sorted(jurisdictions, key=lambda j: (j.code != country_code, j.name.casefold()))


def emergency_lines(lines: list[Helpline]) -> list[Helpline]:
    return [line for line in lines if line.kind == HelplineKind.EMERGENCY]
