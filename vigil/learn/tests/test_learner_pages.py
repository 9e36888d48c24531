"""Learning without an account: read, fail, retry, pass, get and check a certificate."""

import io
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from pypdf import PdfReader

from vigil.learn import files
from vigil.learn.models import Attempt, Certificate
from vigil.learn.tests.factories import document

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return files.import_document(document(10, multiple=(9,))).course


def answers(right: int, total: int = 10) -> dict:
    """Form data answering the first `right` questions correctly and the rest wrongly."""
    data = {}
    for number in range(1, total + 1):
        key = f"q-q{number}"
        if number <= right:
            data[key] = ["a", "b"] if number == 9 else ["a"]
        else:
            data[key] = ["c"]
    return data


def test_the_course_list_shows_published_courses_only(client, course):
    files.save_document(document(slug="draft-only"))
    page = client.get("/learn/").content.decode()
    assert "Spotting exploitation" in page
    assert "draft-only" not in page
    assert client.get("/learn/draft-only/").status_code == 404


def test_lessons_are_read_in_the_session_and_shown_as_read(client, course):
    client.get("/learn/test-course/first/")
    page = client.get("/learn/test-course/").content.decode()
    assert "You have read 1 of 2 lessons." in page
    assert client.get("/learn/test-course/nope/").status_code == 404


def test_french_learners_read_the_french_course(client, course):
    client.cookies["vigil_language"] = "fr"
    page = client.get("/learn/test-course/first/").content.decode()
    assert "Première leçon" in page and "<h2>Signes</h2>" in page


def test_fail_retry_pass_certificate_and_verify(client, course):
    first = client.get("/learn/test-course/quiz/").content.decode()
    shown = re.findall(r'name="q-(q\d+)"', first)
    assert sorted(set(shown)) == sorted(f"q{n}" for n in range(1, 11))

    response = client.post("/learn/test-course/quiz/", answers(5))
    assert response.status_code == 302
    result = client.get(response["Location"]).content.decode()
    assert "You scored 50%" in result and "Try again" in result
    # Every answer is explained after the attempt.
    assert "Because c" in result and "Because a" in result

    retry = client.get("/learn/test-course/quiz/?again=1").content.decode()
    order = list(dict.fromkeys(re.findall(r'name="q-(q\d+)"', retry)))
    assert order != list(dict.fromkeys(shown))

    client.post("/learn/test-course/quiz/", answers(8))
    result = client.get("/learn/test-course/quiz/result/").content.decode()
    assert "You scored 80% and passed." in result

    response = client.post("/learn/test-course/certificate/", {"name": "  Amina   Diallo "})
    certificate = Certificate.objects.get()
    assert response["Location"] == reverse("learn:certificate", args=[certificate.code])
    assert certificate.name == "Amina Diallo" and certificate.version.number == 1

    pdf = client.get(f"/learn/certificates/{certificate.code}/pdf/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    for expected in (
        "Amina Diallo",
        "Spotting exploitation",
        "Version 1, score 80%",
        certificate.code,
        f"http://testserver/learn/verify/{certificate.code}/",
    ):
        assert expected in text

    check = client.get(f"/learn/verify/{certificate.code.lower().replace('-', '')}/")
    assert check.status_code == 200
    assert "This certificate is genuine." in check.content.decode()
    assert "Amina Diallo" in check.content.decode()
    assert client.get("/learn/verify/ABCD-EFGH-JKMN/").status_code == 404
    assert client.get("/learn/verify/", {"code": certificate.code}).status_code == 302


def test_attempts_keep_nothing_that_identifies_an_anonymous_learner(client, course):
    client.post(
        "/learn/test-course/quiz/",
        answers(10),
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Tracker/1.0",
    )
    attempt = Attempt.objects.get()
    assert attempt.person is None
    stored = repr(Attempt.objects.values().get())
    assert "203.0.113.9" not in stored and "Tracker" not in stored


def test_a_certificate_cannot_be_claimed_without_passing(client, course):
    client.post("/learn/test-course/quiz/", answers(2))
    client.post("/learn/test-course/certificate/", {"name": "Someone"})
    assert not Certificate.objects.exists()
    # Another browser (no attempt in its session) cannot claim someone else's pass.
    client.post("/learn/test-course/quiz/", answers(10))
    client.cookies.clear()
    client.post("/learn/test-course/certificate/", {"name": "Someone"})
    assert not Certificate.objects.exists()


def test_an_empty_name_is_refused_with_a_message(client, course):
    client.post("/learn/test-course/quiz/", answers(10))
    response = client.post("/learn/test-course/certificate/", {"name": "   "})
    assert response.status_code == 400
    assert not Certificate.objects.exists()


def test_forged_answers_score_nothing(client, course):
    data = {f"q-q{n}": ["zzz"] for n in range(1, 11)} | {"q-q1": ["a", "b", "c"]}
    client.post("/learn/test-course/quiz/", data)
    attempt = Attempt.objects.get()
    # A one-answer question counts only the first answer sent.
    assert attempt.points["q1"] == 1 and attempt.score == 10


def test_lesson_pages_are_light_and_have_no_script(client, course):
    page = client.get("/learn/test-course/first/")
    html = page.content.decode()
    assert "<script" not in html
    css = sum(
        Path(finders.find(path.removeprefix("/static/"))).stat().st_size
        for path in re.findall(r'href="(/static/[^"]+\.css)"', html)
    )
    assert css > 0
    assert len(page.content) + css < 200 * 1024
    assert re.search(r"<h1>First lesson</h1>", html)
    assert 'href="/report/"' in html
