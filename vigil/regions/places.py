"""What other apps may ask of places: known regions and towns, helplines."""

from django.conf import settings

from vigil.regions.models import Helpline, Place, PlaceKind


def regions_of(country_code: str) -> list[Place]:
    return list(Place.objects.filter(country_code=country_code, kind=PlaceKind.SUBDIVISION))


def towns_of(country_code: str) -> list[Place]:
    return list(Place.objects.filter(country_code=country_code, kind=PlaceKind.TOWN))


def is_known_region(code: str) -> bool:
    return Place.objects.filter(code=code, kind=PlaceKind.SUBDIVISION).exists()


def name_of(code: str) -> str:
    place = Place.objects.filter(code=code).only("name").first()
    return place.name if place else code


def helplines_for(country_code: str, region_code: str = "") -> list[Helpline]:
    """The region's own numbers first, then the country's."""
    codes = [c for c in (region_code, country_code) if c]
    lines = list(Helpline.objects.filter(jurisdiction__in=codes))
    return sorted(lines, key=lambda h: (h.jurisdiction != region_code, h.order, h.name))


def deployment_places():
    """The places of the deployment's own country, for the choices in forms.

    Every ISO country and subdivision is stored (for maps and statistics);
    a form offering all five thousand would be useless."""
    return Place.objects.filter(country_code=settings.VIGIL_COUNTRY)
