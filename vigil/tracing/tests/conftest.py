import pytest

from vigil.accounts.models import OrganisationKind, Role
from vigil.accounts.tests.factories import OrganisationFactory, member
from vigil.cases.tests import conftest as cases_cast

from .factories import make_child

# The cases app's cast: the agency, its case workers, supervisor and policy analyst.
agency = cases_cast.agency
worker = cases_cast.worker
worker_colleague = cases_cast.worker_colleague
agency_supervisor = cases_cast.agency_supervisor
policy_analyst = cases_cast.policy_analyst


@pytest.fixture
def partner(country):
    """Another child-protection organisation, which may know the same children."""
    return OrganisationFactory(name="Northmarch Family Services", kind=OrganisationKind.NGO)


@pytest.fixture
def partner_worker(partner):
    return member(partner, Role.CASE_WORKER, username="partner_worker")


@pytest.fixture
def partner_supervisor(partner):
    return member(
        partner,
        Role.SUPERVISOR,
        username="partner_supervisor",
        display_name="Grace Okafor",
        email="grace@family-services.example",
    )


@pytest.fixture
def northmarch(country):
    from vigil.regions.models import Place

    return Place.objects.get(code="XV-NO")


@pytest.fixture
def bystanders(agency, worker):
    """Children no one is looking for, so the register is not only the pair under test."""
    return [
        make_child(
            agency, worker, given_name="Anna", family_name="Kowalska", date_of_birth="2015-07-01"
        ),
        make_child(
            agency, worker, given_name="Sergei", family_name="Ivanov", date_of_birth="2010-01-20"
        ),
    ]
