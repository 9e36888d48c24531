"""Bad input in the service form: a clear error next to the field, nothing saved."""

import pytest
from django.urls import reverse

from vigil.accounts.models import Role
from vigil.accounts.tests.factories import member
from vigil.audit.models import AuditEvent
from vigil.directory.models import Service

from .factories import ServiceFactory, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_(signed_in, hotline):
    return signed_in(member(hotline, Role.ORG_ADMIN, username="org-admin"))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"min_age": "15", "max_age": "12"}, "max_age", "must not be below the youngest age"),
        ({"max_age": "30"}, "max_age", "less than or equal to 25"),
        ({"min_age": "-1"}, "min_age", "greater than or equal to 0"),
        ({"languages": "en, xx"}, "languages", "xx: not a two-letter ISO 639-1 language code"),
        ({"languages": "english"}, "languages", "english: not a two-letter ISO 639-1"),
        ({"capacity": "-3"}, "capacity", "greater than or equal to"),
        ({"capacity": "0"}, "capacity", "greater than or equal to 1"),
        ({"capacity": "5", "places_available": "6"}, "places_available", "more places"),
        ({"name": ""}, "name", "required"),
        ({"name": "<script>x</script>"}, "name", "plain text"),
        ({"service_type": "magic"}, "service_type", "Select a valid choice"),
        ({"email": "not an email"}, "email", "valid email"),
        ({"phone": "call us"}, "phone", "phone number"),
        ({"areas": ["999999"]}, "areas", "Select a valid choice"),
    ],
)
def test_bad_input_is_a_form_error_and_nothing_is_saved(
    client_, hotline, country, changes, field, message
):
    response = client_.post(reverse("directory:create", args=[hotline.pk]), form_data(**changes))

    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert message in " ".join(form.errors[field])
    assert "nothing was saved" in response.text
    assert not Service.objects.exists()
    assert not AuditEvent.objects.exists()


def test_an_empty_post_asks_for_the_required_fields(client_, hotline):
    response = client_.post(reverse("directory:create", args=[hotline.pk]))

    assert response.status_code == 400
    assert {"name", "service_type"} <= set(response.context["form"].errors)
    assert not Service.objects.exists()


def test_a_name_already_listed_by_the_organisation_is_refused(client_, hotline):
    ServiceFactory(organisation=hotline, name="Counselling for children")

    response = client_.post(reverse("directory:create", args=[hotline.pk]), form_data())

    assert response.status_code == 400
    assert "already lists a service with this name" in response.text
    assert Service.objects.count() == 1


def test_another_organisation_may_use_the_same_name(client_, hotline, other_org):
    ServiceFactory(organisation=other_org, name="Counselling for children")

    response = client_.post(reverse("directory:create", args=[hotline.pk]), form_data())

    assert response.status_code == 302
    assert Service.objects.filter(organisation=hotline).count() == 1


def test_a_bad_edit_leaves_the_service_as_it_was(client_, hotline):
    service = ServiceFactory(organisation=hotline, name="Night shelter", min_age=5, max_age=10)

    response = client_.post(
        reverse("directory:edit", args=[service.pk]),
        form_data(name="Renamed", min_age="12", max_age="8"),
    )

    assert response.status_code == 400
    assert "Edit “Night shelter”" in response.text
    service.refresh_from_db()
    assert (service.name, service.min_age, service.max_age) == ("Night shelter", 5, 10)
    assert not AuditEvent.objects.exists()
