import pytest

from vigil.accounts.models import OrganisationKind, Role
from vigil.accounts.tests.factories import OrganisationFactory, member
from vigil.cases.actions import grant_access
from vigil.cases.tests import conftest as cases_cast

from .factories import make_claim, make_hearing, make_measure, make_proceeding

# The cases app's cast: the agency, its case workers, supervisor and policy analyst, a case.
agency = cases_cast.agency
worker = cases_cast.worker
worker_colleague = cases_cast.worker_colleague
agency_supervisor = cases_cast.agency_supervisor
policy_analyst = cases_cast.policy_analyst
case = cases_cast.case


@pytest.fixture
def legal_aid(country):
    return OrganisationFactory(name="Valdoria Legal Aid", kind=OrganisationKind.LEGAL_AID)


@pytest.fixture
def reader(legal_aid, case, worker):
    """A lawyer of the legal-aid organisation the case worker let read the case."""
    lawyer = member(legal_aid, Role.SERVICE_PROVIDER, username="reader")
    grant_access(worker, case, lawyer, can_edit=False, reason="Represents the child in court")
    return lawyer


@pytest.fixture
def proceeding(case, worker):
    return make_proceeding(case, worker)


@pytest.fixture
def hearing(proceeding, worker):
    return make_hearing(proceeding, worker)


@pytest.fixture
def measure(proceeding, worker):
    return make_measure(proceeding, worker)


@pytest.fixture
def claim(proceeding, worker):
    return make_claim(proceeding, worker)
