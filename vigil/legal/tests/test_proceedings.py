"""Adding and editing proceedings, the edit conflict, and the section on the case page."""

import pytest
from django.db import connection
from django.urls import reverse

from vigil.audit.actions import trail_for
from vigil.audit.models import Action, AuditEvent
from vigil.legal.models import Proceeding

from .factories import make_hearing, proceeding_data

pytestmark = pytest.mark.django_db


def test_a_case_worker_adds_proceedings(signed_in, case, worker, legal_aid):
    client = signed_in(worker)
    data = proceeding_data(legal_aid_provider=legal_aid.pk, outcome_notes="Synthetic note")
    response = client.post(reverse("legal:new_proceeding", args=[case.pk]), data)

    proceeding = Proceeding.objects.get(case=case)
    assert response.status_code == 302
    assert response["Location"] == reverse("legal:proceeding", args=[case.pk, proceeding.pk])
    assert proceeding.legal_aid_provider == legal_aid
    assert proceeding.created_by == worker
    assert proceeding.version == 1
    event = trail_for(proceeding).get()
    assert (event.action, event.actor, event.organisation) == (
        Action.CREATE,
        worker,
        case.organisation,
    )
    assert "Synthetic note" not in event.summary


def test_notes_on_the_outcome_are_encrypted_at_rest(case, proceeding, worker):
    from vigil.legal import actions

    actions.update_proceeding(
        worker, proceeding, proceeding.version, outcome="conviction", outcome_notes="Secret"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT outcome_notes FROM legal_proceeding")
        stored = cursor.fetchone()[0]
    assert stored.startswith("v1:") and "Secret" not in stored
    proceeding.refresh_from_db()
    assert proceeding.outcome_notes == "Secret"


def test_editing_bumps_the_version_and_is_audited(signed_in, case, worker, proceeding):
    client = signed_in(worker)
    url = reverse("legal:edit_proceeding", args=[case.pk, proceeding.pk])
    page = client.get(url).content.decode()
    assert 'name="version" value="1"' in page

    data = proceeding_data(proceeding, status="decided", outcome="conviction")
    assert client.post(url, data).status_code == 302

    proceeding.refresh_from_db()
    assert (proceeding.status, proceeding.outcome, proceeding.version) == (
        "decided",
        "conviction",
        2,
    )
    change = trail_for(proceeding).filter(action=Action.CHANGE).get()
    assert change.summary == "edited: outcome, status"
    assert change.actor == worker


def test_an_edit_begun_before_someone_elses_save_is_refused(
    signed_in, case, worker, agency_supervisor, proceeding
):
    url = reverse("legal:edit_proceeding", args=[case.pk, proceeding.pk])
    opened_at = proceeding.version
    signed_in(agency_supervisor).post(url, proceeding_data(proceeding, court_name="Their edit"))

    client = signed_in(worker)
    data = {**proceeding_data(court_name="My edit"), "version": opened_at}
    response = client.post(url, data)

    assert response.status_code == 400
    assert "Someone else saved these proceedings" in response.content.decode()
    proceeding.refresh_from_db()
    assert (proceeding.court_name, proceeding.version) == ("Their edit", 2)
    assert trail_for(proceeding).filter(action=Action.CHANGE).count() == 1


def test_a_proceeding_needs_a_court_and_a_known_kind(signed_in, case, worker):
    client = signed_in(worker)
    data = proceeding_data(court_name="", kind="duel")
    response = client.post(reverse("legal:new_proceeding", args=[case.pk]), data)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was saved" in page
    assert "This field is required." in page
    assert "Select a valid choice" in page
    assert not Proceeding.objects.exists()
    assert not AuditEvent.objects.filter(object_type="legal.proceeding").exists()


def test_the_proceeding_page_shows_everything_and_is_audited(
    signed_in, case, worker, proceeding, hearing, measure, claim
):
    response = signed_in(worker).get(reverse("legal:proceeding", args=[case.pk, proceeding.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    for text in ["Northmarch District Court", "CR-2031-77", "Room 3", "Interpreter",
                 "Testimony by video link", "5000.00 EUR", "Synthetic accused",
                 "Schedule the hearing", "Record the measure", "Record the claim"]:  # fmt: skip
        assert text in page, text
    assert trail_for(proceeding).filter(action=Action.VIEW, actor=worker).count() == 1


def test_a_reader_sees_the_record_but_no_forms(signed_in, case, reader, proceeding, hearing):
    response = signed_in(reader).get(reverse("legal:proceeding", args=[case.pk, proceeding.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Room 3" in page
    assert "Schedule the hearing" not in page
    assert reverse("legal:edit_proceeding", args=[case.pk, proceeding.pk]) not in page


def test_the_case_page_lists_proceedings_and_the_next_hearing(signed_in, case, worker, proceeding):
    make_hearing(proceeding, worker)
    response = signed_in(worker).get(reverse("cases:detail", args=[case.pk]))

    page = response.content.decode()
    assert "Legal proceedings" in page
    assert reverse("legal:proceeding", args=[case.pk, proceeding.pk]) in page
    assert "2031-03-04 09:00" in page
    assert reverse("legal:new_proceeding", args=[case.pk]) in page


def test_the_case_page_offers_no_new_proceedings_to_a_reader(signed_in, case, reader):
    page = signed_in(reader).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "No legal proceedings recorded." in page
    assert reverse("legal:new_proceeding", args=[case.pk]) not in page
