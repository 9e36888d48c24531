"""The courses Vigil ships: complete, bilingual, sourced, and they load."""

from pathlib import Path

import pytest
from django.core.management import call_command

from vigil.learn import files
from vigil.learn.models import Course
from vigil.learn.render import markdown_to_html

SHIPPED = sorted((Path(files.__file__).parent / "data" / "courses").glob("*.json"))


def test_at_least_three_courses_ship():
    assert len(SHIPPED) >= 3


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_a_shipped_course_is_complete(path):
    data = files.parse(path.read_bytes())  # raises, naming every problem
    assert path.stem == data["slug"]
    assert {"en", "fr"} <= set(data["languages"])
    assert len(data["lessons"]) >= 5
    assert len(data["questions"]) >= 10
    assert data["sources"] and all(s["publisher"] and s["title"] for s in data["sources"])
    for lesson in data["lessons"]:
        for language in data["languages"]:
            assert lesson["title"][language].strip()
            assert markdown_to_html(lesson["body"][language]).strip()
    for question in data["questions"]:
        assert sum(choice["correct"] for choice in question["choices"]) >= 1
        for choice in question["choices"]:
            for language in data["languages"]:
                assert choice["explanation"][language].strip()
    assert any(question["kind"] == "multiple" for question in data["questions"])


@pytest.mark.django_db
def test_load_courses_publishes_each_once_and_leaves_existing_ones_alone(capsys):
    call_command("load_courses")
    assert Course.objects.filter(published__isnull=False).count() == len(SHIPPED)
    call_command("load_courses")
    call_command("load_courses", "--update")
    assert all(course.versions.count() == 1 for course in Course.objects.all())
