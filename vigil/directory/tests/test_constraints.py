"""The database refuses what the forms refuse, whoever writes the row."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from .factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "fields",
    [
        {"min_age": 12, "max_age": 8},
        {"max_age": 26},
        {"capacity": 0},
        {"capacity": 3, "places_available": 4},
    ],
)
def test_impossible_listings_are_refused(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceFactory(**fields)


def test_one_organisation_lists_a_name_once():
    first = ServiceFactory(name="Shelter")

    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceFactory(name="Shelter", organisation=first.organisation)


@pytest.mark.parametrize("languages", ["en,xx", "EN", "en, fr", "en,en", ",".join(["en"] * 13)])
def test_the_model_refuses_a_badly_stored_language_list(languages):
    service = ServiceFactory.build(languages=languages)

    with pytest.raises(ValidationError) as refused:
        service.clean_fields(exclude=["organisation"])

    assert "languages" in refused.value.message_dict


def test_the_model_accepts_a_clean_language_list():
    ServiceFactory.build(languages="en,fr,ar").clean_fields(exclude=["organisation"])
