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


@pytest.fixture
def shelter(country):
    """A provider of shelter, with someone who answers its referrals."""
    return OrganisationFactory(name="Safe House", kind=OrganisationKind.SHELTER)


@pytest.fixture
def shelter_service(shelter):
    from vigil.directory.models import Service, ServiceType

    return Service.objects.create(
        organisation=shelter, name="Emergency beds", service_type=ServiceType.SHELTER
    )


@pytest.fixture
def provider(shelter):
    return member(shelter, Role.SERVICE_PROVIDER, username="provider")


@pytest.fixture
def clinic_service(country):
    from vigil.directory.models import Service, ServiceType

    clinic = OrganisationFactory(name="Valdoria Clinic", kind=OrganisationKind.HEALTH)
    member(clinic, Role.SERVICE_PROVIDER, username="clinician")
    return Service.objects.create(
        organisation=clinic, name="Counselling", service_type=ServiceType.MENTAL_HEALTH
    )


@pytest.fixture
def clinician(clinic_service):
    from vigil.accounts.models import Person

    return Person.objects.get(username="clinician")
