import functools

import factory
from django.contrib.auth.hashers import make_password
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from vigil.accounts.models import Membership, Organisation, OrganisationKind, Person, Role

PASSWORD = "a long test passphrase"  # noqa: S105


@functools.cache
def _password_hash() -> str:
    # argon2 is slow on purpose; hash the shared test password once.
    return make_password(PASSWORD)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = OrganisationKind.HOTLINE
    jurisdiction = "XV"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    username = factory.Sequence(lambda n: f"person{n}")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.LazyFunction(_password_hash)


def member(organisation: Organisation, role: str, **kwargs) -> Person:
    person = PersonFactory(**kwargs)
    Membership.objects.create(person=person, organisation=organisation, role=role)
    return person


def totp_device(person) -> TOTPDevice:
    return TOTPDevice.objects.get_or_create(
        user=person, name="authenticator", defaults={"confirmed": True}
    )[0]


def sign_in(client, person) -> None:
    """A session past password and second factor, as after a real sign-in."""
    client.force_login(person)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = totp_device(person).persistent_id
    session.save()


__all__ = ["Role", "member", "sign_in", "totp_device", "PASSWORD"]
