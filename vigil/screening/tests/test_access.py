"""Screenings are read inside the organisation that recorded them, by the roles that screen."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from vigil.accounts.models import Role
from vigil.accounts.tests.factories import member
from vigil.screening import access
from vigil.screening.actions import record_screening

from .factories import CHILD, load_tiny, new_subject

pytestmark = pytest.mark.django_db


@pytest.fixture
def screened(hotline, caseworker):
    child = new_subject()
    return child, record_screening(caseworker, hotline, load_tiny(), CHILD, child, {})


def test_case_workers_and_supervisors_of_the_organisation_read_it(screened, caseworker, supervisor):
    child, result = screened

    assert access.result_for(caseworker, result.pk) == result
    assert access.result_for(supervisor, str(result.pk)) == result
    assert list(access.results_visible_to(supervisor, CHILD, child)) == [result]


def test_an_analyst_of_the_organisation_is_refused(screened, analyst):
    _child, result = screened

    with pytest.raises(PermissionDenied):
        access.result_for(analyst, result.pk)


def test_another_organisation_learns_nothing(screened, other_org):
    child, result = screened
    other = member(other_org, Role.CASE_WORKER, username="other-caseworker")

    with pytest.raises(Http404):
        access.result_for(other, result.pk)
    assert not access.results_visible_to(other, CHILD, child).exists()


@pytest.mark.parametrize("result_id", ["nonsense", uuid.uuid4()])
def test_a_missing_or_malformed_id_is_not_found(caseworker, result_id):
    with pytest.raises(Http404):
        access.result_for(caseworker, result_id)


def test_only_screening_roles_may_screen_for_an_organisation(
    hotline, caseworker, analyst, outsider
):
    access.check_may_screen(caseworker, hotline)
    with pytest.raises(PermissionDenied):
        access.check_may_screen(analyst, hotline)
    with pytest.raises(Http404):
        access.check_may_screen(outsider, hotline)
