import pytest

from vigil.accounts.models import OrganisationKind, Role
from vigil.accounts.redirects import landing_page
from vigil.accounts.tests.factories import OrganisationFactory, member


@pytest.mark.parametrize(
    "role,page",
    [
        (Role.ANALYST, "/inbox/"),
        (Role.SUPERVISOR, "/inbox/"),
        (Role.LIAISON, "/escalations/"),
        (Role.CASE_WORKER, "/accounts/"),
        (Role.TRAINER, "/learn/trainer/"),
    ],
)
def test_each_role_lands_where_its_work_is(db, role, page):
    organisation = OrganisationFactory(kind=OrganisationKind.LAW_ENFORCEMENT)
    assert landing_page(member(organisation, role)) == page
