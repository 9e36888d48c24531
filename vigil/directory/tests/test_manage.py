"""Managing an organisation's services: its org admins and supervisors only."""

import pytest
from django.urls import reverse

from vigil.accounts.models import Role
from vigil.accounts.tests.factories import member
from vigil.audit.models import Action, AuditEvent
from vigil.directory.models import Service, ServiceType
from vigil.regions.models import Place

from .factories import ServiceFactory, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def org_admin(hotline):
    return member(hotline, Role.ORG_ADMIN, username="org-admin")


@pytest.fixture
def service(hotline):
    return ServiceFactory(
        organisation=hotline, name="Night shelter", capacity=10, places_available=4
    )


def create_url(organisation):
    return reverse("directory:create", args=[organisation.pk])


def url(name, service):
    return reverse(f"directory:{name}", args=[service.pk])


@pytest.mark.parametrize("who", ["org_admin", "supervisor"])
def test_admins_and_supervisors_list_a_new_service_and_it_is_audited(
    request, signed_in, hotline, country, who
):
    person = request.getfixturevalue(who)
    north = Place.objects.get(code="XV-NO")
    client = signed_in(person)

    form = client.get(create_url(hotline))
    response = client.post(create_url(hotline), {**form_data(), "areas": [north.pk]})

    assert form.status_code == 200
    service = Service.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", service)
    assert service.organisation == hotline
    assert service.languages == "en,fr"
    assert list(service.areas.all()) == [north]
    assert (service.min_age, service.max_age, service.capacity) == (6, 17, 20)
    event = AuditEvent.objects.get(object_id=str(service.pk))
    assert (event.action, event.actor, event.organisation) == (Action.CREATE, person, hotline)


@pytest.mark.parametrize("who", ["org_admin", "supervisor"])
def test_admins_and_supervisors_edit_a_service_and_the_change_is_audited(
    request, signed_in, hotline, service, who
):
    person = request.getfixturevalue(who)
    client = signed_in(person)

    form = client.get(url("edit", service))
    response = client.post(
        url("edit", service),
        form_data(name="Night shelter", service_type=ServiceType.SHELTER, places_available="2"),
    )

    assert form.status_code == 200 and "Night shelter" in form.text
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.places_available == 2 and service.languages == "en,fr"
    event = AuditEvent.objects.get(object_id=str(service.pk))
    assert (event.action, event.actor, event.organisation) == (Action.CHANGE, person, hotline)
    assert "places_available" in event.summary and "name" not in event.summary.split(", ")


def test_saving_without_changes_writes_no_audit_row(signed_in, org_admin, service):
    client = signed_in(org_admin)
    data = form_data(
        name=service.name,
        service_type=service.service_type,
        description=service.description,
        min_age="",
        max_age="",
        languages="",
        capacity="10",
        places_available="4",
        hours="",
        phone="",
        email="",
    )

    assert client.post(url("edit", service), data).status_code == 302
    assert not AuditEvent.objects.filter(object_id=str(service.pk)).exists()


def test_deactivating_takes_a_service_out_of_searches_and_is_audited(signed_in, org_admin, service):
    client = signed_in(org_admin)

    response = client.post(url("deactivate", service))

    assert response.status_code == 302
    service.refresh_from_db()
    assert not service.is_active
    assert "Night shelter" not in client.get(reverse("directory:search")).text
    assert "Night shelter" in client.get(reverse("directory:ours")).text
    event = AuditEvent.objects.get(object_id=str(service.pk))
    assert event.action == Action.CHANGE and event.summary == "deactivated the service"

    assert client.post(url("reactivate", service)).status_code == 302
    service.refresh_from_db()
    assert service.is_active


def test_our_services_lists_only_the_managers_own_organisations(
    signed_in, org_admin, service, other_org
):
    ServiceFactory(organisation=other_org, name="Someone else's service")

    response = signed_in(org_admin).get(reverse("directory:ours"))

    assert response.status_code == 200
    assert "Night shelter" in response.text
    assert "Someone else&#x27;s service" not in response.text
    assert create_url(other_org) not in response.text


def test_a_case_worker_of_the_same_organisation_may_not_manage(
    signed_in, caseworker, hotline, service
):
    client = signed_in(caseworker)

    assert client.get(reverse("directory:ours")).status_code == 403
    assert client.get(create_url(hotline)).status_code == 403
    assert client.post(create_url(hotline), form_data()).status_code == 403
    assert client.get(url("edit", service)).status_code == 403
    assert client.post(url("edit", service), form_data(name="Renamed")).status_code == 403
    assert client.post(url("deactivate", service)).status_code == 403
    assert client.get(url("detail", service)).status_code == 200  # reading is for all staff
    service.refresh_from_db()
    assert service.name == "Night shelter" and service.is_active
    assert Service.objects.count() == 1
    assert not AuditEvent.objects.exists()


def test_a_manager_of_another_organisation_gets_404(signed_in, other_org, hotline, service):
    someone_else = member(other_org, Role.ORG_ADMIN, username="other-admin")
    client = signed_in(someone_else)

    assert client.get(create_url(hotline)).status_code == 404
    assert client.post(create_url(hotline), form_data()).status_code == 404
    assert client.get(url("edit", service)).status_code == 404
    assert client.post(url("edit", service), form_data(name="Renamed")).status_code == 404
    assert client.post(url("deactivate", service)).status_code == 404
    service.refresh_from_db()
    assert service.name == "Night shelter" and service.is_active
    assert not AuditEvent.objects.exists()


def test_an_outsider_analyst_gets_404_too(signed_in, outsider, service):
    client = signed_in(outsider)

    assert client.get(url("edit", service)).status_code == 404
    assert client.post(url("deactivate", service)).status_code == 404


def test_people_not_signed_in_are_sent_to_sign_in(client, hotline, service):
    for response in [
        client.get(reverse("directory:ours")),
        client.get(create_url(hotline)),
        client.post(create_url(hotline), form_data()),
        client.get(url("edit", service)),
        client.post(url("deactivate", service)),
        client.get(url("detail", service)),
    ]:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    assert Service.objects.count() == 1


@pytest.mark.parametrize("organisation_id", ["nonsense", "00000000-0000-0000-0000-000000000000"])
def test_creating_for_a_missing_organisation_is_404(signed_in, org_admin, organisation_id):
    url_ = reverse("directory:create", args=[organisation_id])

    assert signed_in(org_admin).get(url_).status_code == 404
