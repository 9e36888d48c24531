import json

import pytest

from vigil.learn import files
from vigil.learn.models import Course
from vigil.learn.tests.factories import document


def test_a_complete_document_has_no_problems():
    assert files.check(document()) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.update(format="other"), "not a course file"),
        (lambda d: d.update(slug="Bad Slug"), "slug"),
        (lambda d: d.update(slug="verify"), "reserved"),
        (lambda d: d.update(audience="aliens"), "audience"),
        (lambda d: d.update(pass_mark=0), "pass_mark"),
        (lambda d: d["title"].pop("fr"), "title: missing the fr text"),
        (lambda d: d["lessons"][0]["body"].update(en="  "), "lesson 1 body: missing the en"),
        (lambda d: d["lessons"][1].update(slug="first"), "used twice"),
        (lambda d: d["lessons"][1].update(slug="quiz"), "lesson 2: slug"),
        (lambda d: d.update(lessons=[]), "at least one lesson"),
        (lambda d: d["questions"][0]["choices"][0].update(correct=False), "at least one answer"),
        (lambda d: d["questions"][0]["choices"][2].update(correct=True), "exactly one correct"),
        (lambda d: d["questions"][0]["choices"][1]["explanation"].pop("fr"), "explanation"),
        (lambda d: d["questions"][0].update(choices=[]), "at least two answers"),
        (lambda d: d["questions"][0].update(kind="essay"), "kind"),
        (lambda d: d.update(sources=[]), "sources"),
    ],
)
def test_each_problem_is_named(change, problem):
    data = document()
    change(data)
    problems = files.check(data)
    assert any(problem in p for p in problems), problems


def test_parse_refuses_what_is_not_json_or_not_a_course():
    with pytest.raises(files.CourseFileError, match="not valid JSON"):
        files.parse(b"{nope")
    with pytest.raises(files.CourseFileError, match="expected a JSON object"):
        files.parse(b"[]")


@pytest.mark.django_db
def test_export_then_import_gives_the_same_course():
    original = files.import_document(document(12, multiple=(3, 7)))
    exported = files.dump(files.to_document(original.course))

    # Another deployment: the same file imported under the same address.
    Course.objects.all().update(published=None)
    original.course.versions.all().delete()
    Course.objects.all().delete()
    imported = files.import_document(files.parse(exported.encode()))

    assert files.to_document(imported.course) == json.loads(exported)
    assert imported.content == json.loads(exported)
    assert imported.course.lessons.count() == 2 and imported.course.questions.count() == 12


@pytest.mark.django_db
def test_publishing_unchanged_content_makes_no_new_version_and_a_change_does():
    first = files.import_document(document())
    assert first.number == 1
    assert files.publish(first.course).pk == first.pk
    changed = document()
    changed["questions"][0]["text"]["en"] = "Reworded?"
    second = files.import_document(changed)
    assert second.number == 2
    # The first version is kept as it was.
    first.refresh_from_db()
    assert first.content["questions"][0]["text"]["en"] == "Question 1?"


@pytest.mark.django_db
def test_a_bad_document_saves_nothing():
    data = document()
    data["questions"][0]["choices"][0]["correct"] = False
    with pytest.raises(files.CourseFileError):
        files.parse(json.dumps(data))
    # publish refuses a working copy that became invalid, and nothing is half-saved
    course = files.save_document(document())
    course.questions.first().choices.update(correct=False)
    with pytest.raises(files.CourseFileError):
        files.publish(course)
    assert course.versions.count() == 0
