import pytest

from vigil.accounts.models import OrganisationKind, Role
from vigil.accounts.tests.factories import OrganisationFactory, member
from vigil.cases.tests.factories import make_case


@pytest.fixture
def agency(country):
    """A child-protection agency of the demo country, which owns the cases."""
    return OrganisationFactory(
        name="Child Protection Agency", kind=OrganisationKind.CHILD_PROTECTION
    )


@pytest.fixture
def worker(agency):
    return member(agency, Role.CASE_WORKER, username="worker")


@pytest.fixture
def worker_colleague(agency):
    return member(agency, Role.CASE_WORKER, username="worker_colleague")


@pytest.fixture
def agency_supervisor(agency):
    return member(agency, Role.SUPERVISOR, username="agency_supervisor")


@pytest.fixture
def policy_analyst(agency):
    return member(agency, Role.POLICY_ANALYST, username="policy_analyst")


@pytest.fixture
def case(agency, worker):
    return make_case(agency, worker, assigned_to=worker)
