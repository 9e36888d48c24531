"""Only trainers write courses and see statistics: others get 403, strangers sign in."""

import pytest

from vigil.accounts.models import Role
from vigil.accounts.tests.factories import member
from vigil.learn import files
from vigil.learn.tests.factories import document

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    version = files.import_document(document(10))
    return version.course


def routes(course):
    lesson = course.lessons.first().pk
    question = course.questions.first().pk
    slug = course.slug
    return [
        ("get", "/learn/trainer/"),
        ("get", "/learn/trainer/new/"),
        ("post", "/learn/trainer/import/"),
        ("get", f"/learn/trainer/{slug}/"),
        ("get", f"/learn/trainer/{slug}/settings/"),
        ("get", f"/learn/trainer/{slug}/lessons/new/"),
        ("get", f"/learn/trainer/{slug}/lessons/{lesson}/"),
        ("get", f"/learn/trainer/{slug}/questions/new/"),
        ("get", f"/learn/trainer/{slug}/questions/{question}/"),
        ("post", f"/learn/trainer/{slug}/lesson/{lesson}/delete/"),
        ("get", f"/learn/trainer/{slug}/preview/"),
        ("post", f"/learn/trainer/{slug}/publish/"),
        ("get", f"/learn/trainer/{slug}/export/"),
        ("get", f"/learn/trainer/{slug}/statistics/"),
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client, course):
    for method, path in routes(course):
        response = getattr(client, method)(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], path


@pytest.mark.parametrize("role", [Role.ANALYST, Role.POLICY_ANALYST, Role.ORG_ADMIN])
def test_other_staff_are_refused(signed_in, hotline, course, role):
    client = signed_in(member(hotline, role, username=f"x-{role}"))
    for method, path in routes(course):
        assert getattr(client, method)(path).status_code == 403, path
    assert course.lessons.count() == 2


def test_a_trainer_opens_every_route(signed_in, trainer, course):
    client = signed_in(trainer)
    for method, path in routes(course):
        if path.endswith("/import/"):
            continue
        assert getattr(client, method)(path).status_code in (200, 302), path


def test_a_trainer_gets_404_for_a_course_that_does_not_exist(signed_in, trainer, course):
    client = signed_in(trainer)
    assert client.get("/learn/trainer/nope/").status_code == 404
    assert client.get(f"/learn/trainer/{course.slug}/lessons/99999/").status_code == 404
    assert client.post(f"/learn/trainer/{course.slug}/widget/1/delete/").status_code == 404
