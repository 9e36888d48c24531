"""Admins edit instruments until screenings use them; after that, only as a new version."""

import pytest

from vigil.accounts.tests.factories import PersonFactory, sign_in
from vigil.screening.actions import record_screening
from vigil.screening.models import Instrument, Question

from .factories import CHILD, answers_for, load_tiny, new_subject

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    person = PersonFactory(username="root", is_staff=True, is_superuser=True)
    sign_in(client, person)
    client.person = person
    return client


@pytest.fixture
def tiny():
    return load_tiny()


def _put(data, bound):
    value = bound.value()
    if isinstance(value, bool):
        if value:
            data[bound.html_name] = "on"
    elif value is not None:
        data[bound.html_name] = value


def form_data(response) -> dict:
    """What the browser would post back unchanged from an admin change page."""
    data = {}
    for bound in response.context["adminform"].form:
        _put(data, bound)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for bound in formset.management_form:
            _put(data, bound)
        for form in formset.forms:
            for bound in form:
                _put(data, bound)
    return data


def change_url(obj):
    return f"/admin/screening/{obj._meta.model_name}/{obj.pk}/change/"


def used(instrument, hotline, caseworker):
    record_screening(
        caseworker, hotline, instrument, CHILD, new_subject(), answers_for(instrument, works="no")
    )
    return instrument


def test_an_admin_edits_an_unused_version_in_place(admin_client, tiny):
    question = tiny.questions.get(key="works")
    page = admin_client.get(change_url(question))
    data = form_data(page)
    data["text_en"] = "Does the child work for someone?"

    response = admin_client.post(change_url(question), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    question.refresh_from_db()
    tiny.refresh_from_db()
    assert question.text_en == "Does the child work for someone?"
    assert tiny.active and Instrument.objects.count() == 1


def test_a_used_version_cannot_be_changed_and_says_how_to_change_it(
    admin_client, tiny, hotline, caseworker
):
    used(tiny, hotline, caseworker)
    question = tiny.questions.get(key="works")

    page = admin_client.get(change_url(tiny))
    refused = admin_client.post(change_url(question), {"text_en": "Changed"})
    delete = admin_client.post(f"/admin/screening/instrument/{tiny.pk}/delete/", {"post": "yes"})

    assert page.status_code == 200
    assert "Make a new version" in page.text
    assert refused.status_code == 403
    assert delete.status_code == 403
    question.refresh_from_db()
    assert question.text_en == "Works?"


def test_an_admin_may_still_retire_a_used_version(admin_client, tiny, hotline, caseworker):
    used(tiny, hotline, caseworker)
    data = form_data(admin_client.get(change_url(tiny)))
    data.pop("active")

    response = admin_client.post(change_url(tiny), data)

    assert response.status_code == 302
    tiny.refresh_from_db()
    assert not tiny.active and tiny.title_en == "Tiny screen"


def test_making_a_new_version_copies_it_as_an_inactive_draft(
    admin_client, tiny, hotline, caseworker
):
    used(tiny, hotline, caseworker)

    response = admin_client.post(
        "/admin/screening/instrument/",
        {"action": "make_new_version", "_selected_action": [tiny.pk]},
    )

    copy = Instrument.objects.get(slug="tiny", version=2)
    assert response.status_code == 302 and response["Location"] == change_url(copy)
    assert not copy.active and copy.created_by == admin_client.person
    assert list(copy.questions.values_list("key", flat=True)) == ["works", "paid", "leave"]
    assert copy.questions.get(key="leave").options.get(key="no").red_flag
    assert copy.sources.get().url == "https://www.ilo.org/"
    question = copy.questions.get(key="works")
    data = form_data(admin_client.get(change_url(question)))
    data["text_en"] = "Does the child work?"
    assert admin_client.post(change_url(question), data).status_code == 302
    data = form_data(admin_client.get(change_url(copy)))
    data["active"] = "on"
    assert admin_client.post(change_url(copy), data).status_code == 302
    copy.refresh_from_db()
    tiny.refresh_from_db()
    assert copy.active and not tiny.active
    assert tiny.questions.get(key="works").text_en == "Works?"


def test_bands_with_a_gap_are_refused_in_the_form(admin_client, tiny):
    page = admin_client.get(change_url(tiny))
    data = form_data(page)
    band_prefix = next(
        inline.formset.prefix
        for inline in page.context["inline_admin_formsets"]
        if inline.formset.model._meta.model_name == "band"
    )
    data[f"{band_prefix}-2-min_score"] = "6"

    response = admin_client.post(change_url(tiny), data)

    assert response.status_code == 200
    assert "gap: totals 5 to 5 have no band" in response.text
    assert tiny.bands.get(concern="clear").min_score == 5


def test_an_edit_that_breaks_the_instrument_takes_it_out_of_use_with_the_reason(admin_client, tiny):
    question = tiny.questions.get(key="paid")
    data = form_data(admin_client.get(change_url(question)))
    data["text_fr"] = ""

    response = admin_client.post(change_url(question), data, follow=True)

    tiny.refresh_from_db()
    assert not tiny.active
    assert "not offered for screening until this is fixed" in response.text
    assert "Question “paid” text: no text in “fr”." in response.text


def test_a_question_needs_two_options(admin_client, tiny):
    question = tiny.questions.get(key="paid")
    page = admin_client.get(change_url(question))
    data = form_data(page)
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    data[f"{prefix}-1-DELETE"] = "on"

    response = admin_client.post(change_url(question), data)

    assert response.status_code == 200
    assert "at least two answer options" in response.text
    assert Question.objects.get(pk=question.pk).options.count() == 2


def test_an_unused_version_can_be_deleted_whole(admin_client, tiny):
    response = admin_client.post(f"/admin/screening/instrument/{tiny.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Instrument.objects.exists() and not Question.objects.exists()
