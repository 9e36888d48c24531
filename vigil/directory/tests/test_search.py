"""find_services: by need, place (and the areas around it), age, language and words."""

import pytest

from vigil.directory.models import ServiceType
from vigil.directory.search import find_services, place_and_ancestors
from vigil.regions.models import Place

from .factories import ServiceFactory, town

pytestmark = pytest.mark.django_db


def names(services) -> list[str]:
    return [service.name for service in services]


@pytest.fixture
def places(country):
    north = Place.objects.get(code="XV-NO")
    coast = Place.objects.get(code="XV-CO")
    kelbury = town("XV-NO", "XV-NO-KELBUR", "Kelbury")
    return {"country": country, "north": north, "coast": coast, "kelbury": kelbury}


def test_it_finds_services_by_need(db):
    ServiceFactory(name="Shelter", service_type=ServiceType.SHELTER)
    ServiceFactory(name="Lawyer", service_type=ServiceType.LEGAL_AID)

    assert names(find_services(need=ServiceType.LEGAL_AID)) == ["Lawyer"]
    assert names(find_services()) == ["Lawyer", "Shelter"]


def test_a_place_matches_its_own_services_those_of_the_areas_around_it_and_everywhere(places):
    ServiceFactory(name="In Kelbury", areas=[places["kelbury"]])
    ServiceFactory(name="In Northmarch", areas=[places["north"]])
    ServiceFactory(name="In all Valdoria", areas=[places["country"]])
    ServiceFactory(name="Everywhere")
    ServiceFactory(name="On the coast", areas=[places["coast"]])

    in_kelbury = names(find_services(place=places["kelbury"]))
    in_the_north = names(find_services(place=places["north"]))
    on_the_coast = names(find_services(place=places["coast"].pk))

    assert in_kelbury == ["In Kelbury", "In Northmarch", "In all Valdoria", "Everywhere"]
    assert in_the_north == ["In Northmarch", "In all Valdoria", "Everywhere"]
    assert on_the_coast == ["On the coast", "In all Valdoria", "Everywhere"]


def test_services_in_several_areas_rank_by_the_nearest_and_appear_once(places):
    ServiceFactory(name="B both", areas=[places["kelbury"], places["north"]])
    ServiceFactory(name="A region", areas=[places["north"]])
    ServiceFactory(name="C town", areas=[places["kelbury"]])

    assert names(find_services(place=places["kelbury"])) == ["B both", "C town", "A region"]


def test_an_unknown_place_matches_nothing(places):
    ServiceFactory(name="Everywhere")

    assert names(find_services(place=987654)) == []


def test_the_chain_of_places_goes_up_to_the_country(places):
    chain = place_and_ancestors(places["kelbury"])

    assert chain == [places["kelbury"].pk, places["north"].pk, places["country"].pk]


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (5, ["Any age", "Up to 12", "Young children"]),
        (12, ["Any age", "Teenagers", "Up to 12"]),
        (13, ["Any age", "From 13", "Teenagers"]),
        (18, ["Any age", "From 13"]),
    ],
)
def test_the_age_must_lie_within_the_services_bounds(db, age, expected):
    ServiceFactory(name="Young children", min_age=0, max_age=9)
    ServiceFactory(name="Teenagers", min_age=12, max_age=17)
    ServiceFactory(name="Up to 12", max_age=12)
    ServiceFactory(name="From 13", min_age=13)
    ServiceFactory(name="Any age")

    assert names(find_services(age=age)) == expected


def test_the_language_must_be_in_the_services_list(db):
    ServiceFactory(name="French only", languages="fr")
    ServiceFactory(name="English first", languages="en,fr")
    ServiceFactory(name="French last", languages="ar,fr")
    ServiceFactory(name="French between", languages="ar,fr,en")
    ServiceFactory(name="Frisian", languages="fy")
    ServiceFactory(name="Not stated", languages="")

    assert names(find_services(language="fr")) == [
        "English first",
        "French between",
        "French last",
        "French only",
    ]
    assert names(find_services(language="FY")) == ["Frisian"]


def test_words_are_looked_for_in_name_and_description(db):
    ServiceFactory(name="Counselling", description="Art therapy for girls")
    ServiceFactory(name="Harbour shelter", description="Beds")
    ServiceFactory(name="Clinic", description="Nothing about that")

    assert names(find_services(query="THERAPY")) == ["Counselling"]
    assert names(find_services(query="harbour")) == ["Harbour shelter"]


def test_inactive_services_are_never_found(places):
    ServiceFactory(name="Closed", is_active=False)
    ServiceFactory(name="Closed here", is_active=False, areas=[places["north"]])
    ServiceFactory(name="Open")

    assert names(find_services()) == ["Open"]
    assert names(find_services(place=places["north"])) == ["Open"]


def test_all_criteria_combine(places):
    ServiceFactory(
        name="Match",
        service_type=ServiceType.MENTAL_HEALTH,
        areas=[places["north"]],
        min_age=10,
        max_age=17,
        languages="en",
        description="Group therapy",
    )
    ServiceFactory(
        name="Wrong place",
        service_type=ServiceType.MENTAL_HEALTH,
        areas=[places["coast"]],
        languages="en",
        description="therapy",
    )
    ServiceFactory(
        name="Wrong need", areas=[places["north"]], languages="en", description="therapy"
    )

    found = find_services(
        need=ServiceType.MENTAL_HEALTH,
        place=places["kelbury"],
        age=14,
        language="en",
        query="therapy",
    )

    assert names(found) == ["Match"]


def test_it_reads_organisations_and_areas_in_a_fixed_number_of_queries(
    places, django_assert_num_queries
):
    for n in range(5):
        ServiceFactory(name=f"S{n}", areas=[places["north"], places["kelbury"]])

    with django_assert_num_queries(3):  # the chain of places, the services, their areas
        found = list(find_services(place=places["kelbury"]))
        labels = [(s.organisation.name, [a.name for a in s.areas.all()]) for s in found]

    assert len(labels) == 5
