import pytest
from django.core.exceptions import ValidationError

from vigil.accounts.models import ApiKey, Organisation, OrganisationKind, Role
from vigil.accounts.tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["KE", "FR", "FR-75C", "US-CA", "XV", "XV-NO"])
def test_it_accepts_iso_3166_jurisdictions(code):
    org = Organisation(name="x", slug="x", kind=OrganisationKind.NGO, jurisdiction=code)
    org.full_clean()


@pytest.mark.parametrize("code", ["ZZZ", "QQ", "FR-NOPE", "kenya", ""])
def test_it_refuses_other_jurisdictions(code):
    org = Organisation(name="x", slug="x", kind=OrganisationKind.NGO, jurisdiction=code)
    with pytest.raises(ValidationError):
        org.full_clean()


def test_roles_that_see_personal_data_need_two_factor(hotline):
    assert member(hotline, Role.ANALYST).needs_two_factor
    assert member(hotline, Role.LIAISON).needs_two_factor
    assert not member(hotline, Role.TRAINER).needs_two_factor
    assert not member(hotline, Role.POLICY_ANALYST).needs_two_factor


def test_api_keys_are_stored_only_as_hashes(db):
    org = OrganisationFactory()
    key, raw = ApiKey.issue(org, "mobile app")
    assert raw not in key.key_hash and raw.startswith("vgl_")
    assert ApiKey.authenticate(raw) == key
    assert ApiKey.authenticate(raw + "x") is None
    key.revoke()
    assert ApiKey.authenticate(raw) is None
