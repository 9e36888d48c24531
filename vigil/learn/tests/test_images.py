"""Pictures in lessons: cleaned, served from this site, carried in the course file."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from vigil.learn import files
from vigil.learn.models import Course, CourseImage
from vigil.learn.tests.factories import document

pytestmark = pytest.mark.django_db


def photo_with_location() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 30, 30))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPS latitude
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


@pytest.fixture
def trainer_client(signed_in, trainer):
    return signed_in(trainer)


@pytest.fixture
def course():
    data = document()
    data["lessons"][0]["body"]["en"] = "![A red square](images/red-square.jpg)"
    return files.import_document(data).course


def test_a_picture_is_cleaned_named_and_shown_in_the_lesson(trainer_client, client, course):
    original = photo_with_location()
    assert b"PhoneMaker" in original
    upload = SimpleUploadedFile("Red Square.JPG", original, "image/jpeg")
    response = trainer_client.post("/learn/trainer/test-course/images/", {"file": upload})
    assert response.status_code == 302
    image = CourseImage.objects.get()
    assert image.name == "red-square.jpg" and (image.width, image.height) == (40, 30)
    assert b"PhoneMaker" not in bytes(image.data) and b"Exif" not in bytes(image.data)

    lesson = client.get("/learn/test-course/first/").content.decode()
    assert '<img src="/learn/test-course/images/red-square.jpg" alt="A red square">' in lesson
    served = client.get("/learn/test-course/images/red-square.jpg")
    assert served["Content-Type"] == "image/jpeg" and served.content == bytes(image.data)
    assert client.get("/learn/test-course/images/other.jpg").status_code == 404

    # The same file again gets a new name: a name never changes its picture.
    again = SimpleUploadedFile("Red Square.JPG", original, "image/jpeg")
    trainer_client.post("/learn/trainer/test-course/images/", {"file": again})
    assert list(CourseImage.objects.values_list("name", flat=True)) == [
        "red-square-2.jpg",
        "red-square.jpg",
    ]


def test_a_file_that_is_not_a_picture_is_refused(trainer_client, course):
    upload = SimpleUploadedFile("x.jpg", b"<script>alert(1)</script>", "image/jpeg")
    response = trainer_client.post("/learn/trainer/test-course/images/", {"file": upload})
    page = trainer_client.get(response["Location"]).content.decode()
    assert "This file is not a photo we can read." in page
    assert not CourseImage.objects.exists()


def test_pictures_travel_in_the_exported_file(trainer_client, course):
    upload = SimpleUploadedFile("red square.jpg", photo_with_location(), "image/jpeg")
    trainer_client.post("/learn/trainer/test-course/images/", {"file": upload})
    exported = json.loads(trainer_client.get("/learn/trainer/test-course/export/").content)
    assert [image["name"] for image in exported["images"]] == ["red-square.jpg"]

    exported["slug"] = "elsewhere"
    upload = SimpleUploadedFile("c.json", json.dumps(exported).encode(), "application/json")
    assert trainer_client.post("/learn/trainer/import/", {"file": upload}).status_code == 302
    copy = Course.objects.get(slug="elsewhere").images.get()
    assert bytes(copy.data) == bytes(CourseImage.objects.get(course=course).data)


def test_a_course_file_with_a_broken_picture_imports_nothing(trainer_client):
    data = document(slug="broken-picture")
    data["images"] = [{"name": "x.jpg", "content_type": "image/jpeg", "data": "bm90IGFuIGltYWdl"}]
    upload = SimpleUploadedFile("c.json", json.dumps(data).encode(), "application/json")
    response = trainer_client.post("/learn/trainer/import/", {"file": upload})
    assert response.status_code == 400
    assert "image x.jpg: not a picture Vigil can read" in response.content.decode()
    assert not Course.objects.filter(slug="broken-picture").exists()
