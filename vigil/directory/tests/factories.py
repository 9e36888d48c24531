import factory

from vigil.accounts.tests.factories import OrganisationFactory
from vigil.directory.models import Service, ServiceType
from vigil.regions.models import Place, PlaceKind


class ServiceFactory(factory.django.DjangoModelFactory):
    """A listed service; pass `areas=[place, …]` to limit where it serves."""

    class Meta:
        model = Service
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Service {n:03d}")
    service_type = ServiceType.SHELTER
    description = "Safe accommodation for children."

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


def town(region_code: str, code: str, name: str) -> Place:
    region = Place.objects.get(code=region_code)
    return Place.objects.create(
        code=code, name=name, kind=PlaceKind.TOWN, parent=region, country_code="XV"
    )


def form_data(**changes) -> dict:
    """What a manager posts for a sound service; pass changes to break one field."""
    data = {
        "name": "Counselling for children",
        "service_type": ServiceType.MENTAL_HEALTH,
        "description": "Individual counselling.",
        "min_age": "6",
        "max_age": "17",
        "languages": "EN, fr",
        "capacity": "20",
        "places_available": "5",
        "hours": "Mon–Fri 9:00–17:00",
        "phone": "+44 808 157 0921",
        "email": "counselling@example.org",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
