"""Trainers edit the working copy; learners and certificates keep the published version."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from vigil.learn import files
from vigil.learn.models import Course, CourseVersion
from vigil.learn.tests.factories import document

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return files.import_document(document(10)).course


@pytest.fixture
def client_as_trainer(signed_in, trainer):
    return signed_in(trainer)


def question_form(**changes):
    data = {
        "kind": "single",
        "position": "1",
        "text_en": "Which is a sign of control?",
        "text_fr": "Lequel est un signe de contrôle ?",
        "c0_correct": "on",
        "c0_text_en": "Someone else keeps the child's ID",
        "c0_text_fr": "Quelqu'un d'autre garde sa pièce d'identité",
        "c0_explanation_en": "Holding documents is a classic means of control.",
        "c0_explanation_fr": "Garder les papiers est un moyen de contrôle classique.",
        "c1_text_en": "The child likes football",
        "c1_text_fr": "L'enfant aime le football",
        "c1_explanation_en": "Not a sign of anything.",
        "c1_explanation_fr": "Ce n'est le signe de rien.",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_editing_a_question_changes_nothing_learners_see_until_published(
    client_as_trainer, client, course
):
    question = course.questions.get(key="q1")
    response = client_as_trainer.post(
        f"/learn/trainer/{course.slug}/questions/{question.pk}/", question_form()
    )
    assert response.status_code == 302
    assert (
        "Which is a sign of control?" not in client.get("/learn/test-course/quiz/").content.decode()
    )

    client_as_trainer.post(f"/learn/trainer/{course.slug}/publish/")
    course.refresh_from_db()
    assert course.published.number == 2
    assert (
        "Which is a sign of control?"
        in client.get("/learn/test-course/quiz/?again=1").content.decode()
    )
    # Version 1 is unchanged.
    first = CourseVersion.objects.get(course=course, number=1)
    assert first.content["questions"][0]["text"]["en"] == "Question 1?"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"c1_correct": "on"}, "exactly one correct answer"),
        ({"c0_correct": None}, "at least one answer correct"),
        ({"c1_explanation_fr": ""}, "Every answer needs an explanation"),
        (
            {"c1_text_en": "", "c1_text_fr": "", "c1_explanation_en": "", "c1_explanation_fr": ""},
            "at least two answers",
        ),
        ({"text_fr": ""}, "This field is required"),
    ],
)
def test_a_bad_question_is_refused_with_the_reason_and_nothing_changes(
    client_as_trainer, course, changes, message
):
    question = course.questions.get(key="q1")
    response = client_as_trainer.post(
        f"/learn/trainer/{course.slug}/questions/{question.pk}/", question_form(**changes)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    question.refresh_from_db()
    assert question.text["en"] == "Question 1?"


def test_a_new_question_of_several_answers_and_a_new_lesson(client_as_trainer, course):
    client_as_trainer.post(
        f"/learn/trainer/{course.slug}/questions/new/",
        question_form(kind="multiple", position="11", c1_correct="on"),
    )
    added = course.questions.get(position=11)
    assert added.kind == "multiple" and added.key == "q11"
    assert [c.correct for c in added.choices.all()] == [True, True]

    response = client_as_trainer.post(
        f"/learn/trainer/{course.slug}/lessons/new/",
        {
            "slug": "third",
            "position": "3",
            "title_en": "Third",
            "title_fr": "Troisième",
            "body_en": "<script>alert(1)</script> Text",
            "body_fr": "Texte",
        },
    )
    assert response.status_code == 302
    preview = client_as_trainer.get(f"/learn/trainer/{course.slug}/preview/").content.decode()
    assert "Troisième" not in preview and "Third" in preview
    assert "<script>alert(1)" not in preview


def test_export_then_import_through_the_pages(client_as_trainer, course):
    exported = client_as_trainer.get(f"/learn/trainer/{course.slug}/export/")
    assert exported["Content-Disposition"].endswith('test-course.json"')
    data = json.loads(exported.content)
    data["slug"] = "copied-course"
    upload = SimpleUploadedFile("c.json", json.dumps(data).encode(), "application/json")
    response = client_as_trainer.post("/learn/trainer/import/", {"file": upload})
    assert response.status_code == 302
    copy = Course.objects.get(slug="copied-course")
    assert files.to_document(copy) == data
    assert copy.published.number == 1


def test_a_broken_course_file_imports_nothing_and_says_why(client_as_trainer, course):
    data = document(slug="broken")
    data["questions"][0]["choices"][0]["correct"] = False
    upload = SimpleUploadedFile("c.json", json.dumps(data).encode(), "application/json")
    response = client_as_trainer.post("/learn/trainer/import/", {"file": upload})
    assert response.status_code == 400
    assert "question 1: mark at least one answer correct" in response.content.decode()
    assert not Course.objects.filter(slug="broken").exists()


def test_statistics_show_pass_rates_by_group_and_question_success(
    client_as_trainer, client, course, country
):
    region = country.children.first()
    right = {f"q-q{n}": ["a"] for n in range(1, 11)}
    client.post(
        "/learn/test-course/quiz/", right | {"learner_audience": "educators", "region": region.pk}
    )
    client.get("/learn/test-course/quiz/")
    client.post("/learn/test-course/quiz/", {"q-q1": ["c"]})
    page = client_as_trainer.get(f"/learn/trainer/{course.slug}/statistics/").content.decode()
    assert "2 attempts, 1 passed" in page and "Pass rate 50%" in page
    assert "Educators" in page and region.name in page
    assert "1 / 2" in page  # q2..q10 answered once out of two attempts
