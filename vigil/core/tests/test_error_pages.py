import pytest
from django.test import Client


def test_a_missing_page_answers_404_with_a_way_back(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b'href="/report/"' in response.content


def test_a_form_without_csrf_token_gets_a_clear_page_and_nothing_is_saved(hotline):
    from vigil.tips.models import Tip

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/report/", {"narrative": "A child is being kept in a shop."})
    assert response.status_code == 403
    assert b"send the form again" in response.content.lower()
    assert Tip.objects.count() == 0


@pytest.mark.parametrize("language,text", [("fr", 'lang="fr"'), ("ar", 'dir="rtl"')])
def test_error_pages_follow_the_chosen_language(client, db, language, text):
    client.cookies["vigil_language"] = language
    response = client.get("/no-such-page/")
    assert text.encode() in response.content
