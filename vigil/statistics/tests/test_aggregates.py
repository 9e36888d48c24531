"""What tips and cases publish: counts grouped in the database, no record's own fields."""

import dataclasses
from datetime import UTC, date, datetime

import pytest

from vigil.accounts.models import OrganisationKind, Role
from vigil.accounts.tests.factories import OrganisationFactory, member
from vigil.cases.aggregates import CaseCount, case_counts
from vigil.cases.models import Case, CaseExploitation, Child
from vigil.regions.models import Place, PlaceKind
from vigil.tips.aggregates import TipCount, tip_counts
from vigil.tips.models import Tip
from vigil.tips.tests.factories import TipFactory


def at(year, month, day=15):
    return datetime(year, month, day, 12, tzinfo=UTC)


def tip(hotline, when, **fields):
    made = TipFactory(hotline=hotline, **fields)
    Tip.objects.filter(pk=made.pk).update(created_at=when)
    return made


def test_tips_are_counted_by_region_month_age_and_gender(hotline, other_org):
    for _ in range(3):
        tip(
            hotline,
            at(2024, 3, 2),
            region_code="XV-NO",
            children_age="12-14",
            children_gender="girl",
        )
    tip(hotline, at(2024, 3, 30), region_code="XV-NO", children_age="12-14", children_gender="girl")
    tip(
        other_org, at(2024, 4, 1), region_code="XV-NO", children_age="12-14", children_gender="girl"
    )
    tip(hotline, at(2024, 3, 3), region_code="XV-CO", children_age="", children_gender="boy")

    rows = sorted(tip_counts(), key=lambda r: (r.month, r.region_code))

    assert rows == [
        TipCount("XV-CO", "XV", date(2024, 3, 1), "", "boy", 1),
        TipCount("XV-NO", "XV", date(2024, 3, 1), "12-14", "girl", 4),
        TipCount("XV-NO", "XV", date(2024, 4, 1), "12-14", "girl", 1),
    ]
    assert [r.sex for r in rows] == ["male", "female", "female"]
    assert TipCount.measure == "tips"


def test_tip_counts_keep_to_the_period(hotline):
    tip(hotline, at(2023, 12, 31))
    tip(hotline, at(2024, 1, 1))
    tip(hotline, at(2024, 2, 1))

    rows = tip_counts(since=datetime(2024, 1, 1, tzinfo=UTC), until=at(2024, 2, 1))

    assert [(r.month, r.count) for r in rows] == [(date(2024, 1, 1), 1)]


def test_tip_rows_hold_no_field_of_a_tip(hotline):
    tip(
        hotline,
        at(2024, 5, 5),
        region_code="XV-NO",
        town="Secret town",
        narrative="A very particular story",
    )

    [row] = tip_counts()

    assert {f.name for f in dataclasses.fields(row)} == {
        "region_code",
        "country_code",
        "month",
        "age_band",
        "gender",
        "count",
    }
    assert "Secret" not in repr(row) and "particular" not in repr(row)


@pytest.fixture
def agency(country):
    return OrganisationFactory(name="Agency", kind=OrganisationKind.CHILD_PROTECTION)


@pytest.fixture
def worker(agency):
    return member(agency, Role.CASE_WORKER, username="worker")


def case(agency, worker, when, exploitations=("labour",), **child):
    made = Case.objects.create(
        organisation=agency,
        child=Child.objects.create(organisation=agency, **child),
        case_number=f"T-{Case.objects.count()}",
        identified_by="outreach",
    )
    Case.objects.filter(pk=made.pk).update(created_at=when)
    CaseExploitation.objects.filter(case=made).delete()
    for kind in exploitations:
        CaseExploitation.objects.create(case=made, exploitation=kind)
    return made


def test_cases_are_counted_by_region_of_the_place_month_type_age_and_sex(country, agency, worker):
    north = Place.objects.get(code="XV-NO")
    town = Place.objects.create(
        code="XV-NO-TW", name="Town", kind=PlaceKind.TOWN, parent=north, country_code="XV"
    )
    case(
        agency,
        worker,
        at(2024, 3, 1),
        ("labour", "begging"),
        sex="female",
        estimated_age=13,
        current_place=town,
    )
    case(
        agency,
        worker,
        at(2024, 3, 20),
        ("labour",),
        sex="female",
        estimated_age=14,
        current_place=north,
    )
    case(agency, worker, at(2024, 4, 2), (), sex="male", date_of_birth="2012-01-01")

    rows = sorted(case_counts(), key=lambda r: (r.month, r.exploitation))

    assert rows == [
        CaseCount("XV-NO", "XV", date(2024, 3, 1), "begging", "12-14", "female", True, 1),
        CaseCount("XV-NO", "XV", date(2024, 3, 1), "labour", "12-14", "female", False, 1),
        CaseCount("XV-NO", "XV", date(2024, 3, 1), "labour", "12-14", "female", True, 1),
        CaseCount("", "", date(2024, 4, 1), "unknown", "", "male", True, 1),
    ]
    # Counting only the rows marked `once` counts every case once.
    assert sum(r.count for r in rows if r.once) == Case.objects.count() == 3


def test_age_bands_of_cases_follow_the_estimated_age(agency, worker):
    for age in (3, 6, 11, 12, 15, 17, 18):
        case(agency, worker, at(2024, 1, 1), estimated_age=age)

    bands = {r.age_band: r.count for r in case_counts()}

    assert bands == {"0-5": 1, "6-11": 2, "12-14": 1, "15-17": 2, "18+": 1}


def test_case_rows_hold_no_field_of_a_case_or_child(agency, worker):
    case(agency, worker, at(2024, 1, 1), given_name="Particular", estimated_age=9)

    [row] = case_counts()

    assert "Particular" not in repr(row)
    assert Child.objects.count() == 1
    assert {f.name for f in dataclasses.fields(row)} == {
        "region_code",
        "country_code",
        "month",
        "exploitation",
        "age_band",
        "sex",
        "once",
        "count",
    }
