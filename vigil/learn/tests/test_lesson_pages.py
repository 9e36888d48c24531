"""Every shipped lesson, as served: light, no script, one h1, no skipped heading level."""

import re

import pytest
from django.core.management import call_command

from vigil.learn.models import Course

pytestmark = pytest.mark.django_db


def test_every_shipped_lesson_page_is_light_and_well_structured(client):
    call_command("load_courses")
    pages = 0
    for course in Course.objects.all():
        document = course.published.content
        for language in document["languages"]:
            client.cookies["vigil_language"] = language
            for lesson in document["lessons"]:
                response = client.get(f"/learn/{course.slug}/{lesson['slug']}/")
                assert response.status_code == 200
                html = response.content.decode()
                assert len(response.content) < 200 * 1024
                assert "<script" not in html
                levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
                assert levels.count(1) == 1 and levels[0] == 1
                assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
                assert all('alt="' in tag for tag in re.findall(r"<img[^>]*>", html))
                assert f'lang="{language}"' in html
                pages += 1
    assert pages >= 3 * 5 * 2
