from datetime import date

import pytest

from vigil.cases.models import Caregiver
from vigil.cases.tests.factories import make_case
from vigil.exchange.actions import record_agreement
from vigil.exchange.models import Scope
from vigil.regions.models import Place, PlaceKind


@pytest.fixture
def cases(hotline, supervisor, country):
    """Two cases of the hotline with everything a full export could leak."""
    town = Place.objects.create(
        code="XV-NO-PORT",
        name="Portavel",
        kind=PlaceKind.TOWN,
        parent=Place.objects.get(code="XV-NO"),
        country_code="XV",
    )
    first = make_case(
        hotline,
        supervisor,
        given_name="Amina",
        family_name="Testchild",
        other_names="Aminah",
        sex="female",
        date_of_birth="2011-04-02",
        nationality="PH",
        current_place=town,
    )
    Caregiver.objects.create(child=first.child, name="Fatou Guardian", relationship="aunt")
    second = make_case(
        hotline,
        supervisor,
        given_name="Bilal",
        family_name="Othername",
        sex="male",
        estimated_age=12,
        nationality="XV",
    )
    return [first, second]


@pytest.fixture
def full_agreement(hotline, supervisor):
    return record_agreement(
        supervisor,
        hotline,
        partner_name="Partner Ministry",
        purpose="Joint case management across the border",
        scope=Scope.FULL,
        valid_from=date(2020, 1, 1),
        document_reference="DSA-2020-07",
    )


@pytest.fixture
def deidentified_agreement(hotline, supervisor):
    return record_agreement(
        supervisor,
        hotline,
        partner_name="Regional Observatory",
        purpose="Regional statistics",
        scope=Scope.DEIDENTIFIED,
        valid_from=date(2020, 1, 1),
        document_reference="DSA-2020-08",
    )
