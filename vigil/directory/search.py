"""Finding services by need, place, age, language and words, nearest first."""

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from vigil.directory.models import Service
from vigil.regions.models import Place

Area = Service.areas.through


def place_and_ancestors(place: Place | int | None) -> list[int]:
    """The place's id, then its parent's, up to the country: one query for the whole chain."""
    if place is None:
        return []
    place_id = place.pk if isinstance(place, Place) else int(place)
    country_code = (
        place.country_code
        if isinstance(place, Place)
        else Place.objects.filter(pk=place_id).values_list("country_code", flat=True).first()
    )
    if country_code is None:
        return []
    parents = dict(Place.objects.filter(country_code=country_code).values_list("pk", "parent_id"))
    chain = []
    current = place_id
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain


def language_filter(code: str) -> Q:
    """Services whose comma-separated list holds exactly this code."""
    return (
        Q(languages=code)
        | Q(languages__startswith=f"{code},")
        | Q(languages__endswith=f",{code}")
        | Q(languages__contains=f",{code},")
    )


def find_services(
    need: str | None = None,
    place: Place | int | None = None,
    age: int | None = None,
    language: str | None = None,
    query: str = "",
) -> QuerySet[Service]:
    """Active services that match every criterion given, nearest to the place first, then by name.

    A service with no areas serves the whole jurisdiction, so it matches every place,
    after the services of the place itself and of the regions around it.
    """
    services = Service.objects.filter(is_active=True)
    if need:
        services = services.filter(service_type=need)
    if age is not None:
        services = services.filter(
            Q(min_age__isnull=True) | Q(min_age__lte=age),
            Q(max_age__isnull=True) | Q(max_age__gte=age),
        )
    if language:
        services = services.filter(language_filter(language.strip().lower()))
    if query and query.strip():
        words = query.strip()
        services = services.filter(Q(name__icontains=words) | Q(description__icontains=words))
    ordering = ["name", "organisation__name"]
    chain = place_and_ancestors(place)
    if place is not None and not chain:
        return services.none()
    if chain:
        areas = Area.objects.filter(service_id=OuterRef("pk"))
        # How far up from the place the nearest matching area is: 0 the place itself.
        distance = (
            areas.filter(place_id__in=chain)
            .annotate(
                distance=Case(
                    *(When(place_id=pk, then=Value(step)) for step, pk in enumerate(chain)),
                    output_field=IntegerField(),
                )
            )
            .order_by("distance")
            .values("distance")[:1]
        )
        services = services.filter(
            Q(Exists(areas.filter(place_id__in=chain))) | ~Q(Exists(areas))
        ).annotate(distance=Coalesce(Subquery(distance), Value(len(chain))))
        ordering = ["distance", *ordering]
    return services.select_related("organisation").prefetch_related("areas").order_by(*ordering)


def languages_in_use() -> set[str]:
    """The codes of every language an active service works in."""
    lists = Service.objects.filter(is_active=True).values_list("languages", flat=True).distinct()
    return {code for codes in lists for code in codes.split(",") if code}
