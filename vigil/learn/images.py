"""Pictures in lessons: cleaned like reporters' photos, named once, served from this site."""

import base64
import binascii
import re
from pathlib import PurePath

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from vigil.learn.models import Course, CourseImage
from vigil.tips.photos import PhotoError, clean_photo

NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.(?:jpg|png)$")
EXTENSION = {"image/jpeg": "jpg", "image/png": "png"}


def base_url(slug: str) -> str:
    """Where `images/<name>` in a lesson of this course points."""
    return f"/learn/{slug}/images/"


def _free_name(course: Course, stem: str, extension: str) -> str:
    stem = slugify(stem)[:80] or "image"
    taken = set(course.images.values_list("name", flat=True))
    name, number = f"{stem}.{extension}", 2
    while name in taken:
        name, number = f"{stem}-{number}.{extension}", number + 1
    return name


def add(course: Course, filename: str, data: bytes) -> CourseImage:
    """Clean and keep an uploaded picture under a new name (PhotoError says what is wrong)."""
    clean = clean_photo(data)
    extension = EXTENSION[clean.content_type]
    for _ in range(3):
        try:
            with transaction.atomic():
                return CourseImage.objects.create(
                    course=course,
                    name=_free_name(course, PurePath(filename).stem, extension),
                    content_type=clean.content_type,
                    data=clean.content,
                    width=clean.width,
                    height=clean.height,
                )
        except IntegrityError:
            continue  # a name taken a moment ago
    raise PhotoError("could not name the image")


def as_documents(course: Course) -> list[dict]:
    """The course's pictures for its exported file."""
    return [
        {
            "name": image.name,
            "content_type": image.content_type,
            "data": base64.b64encode(bytes(image.data)).decode(),
        }
        for image in course.images.all()
    ]


def check(images) -> list[str]:
    if images is None:
        return []
    if not isinstance(images, list):
        return ["images: expected a list"]
    problems = []
    for number, image in enumerate(images, 1):
        if not isinstance(image, dict) or not NAME.match(str(image.get("name", ""))):
            problems.append(f"image {number}: needs a name such as corridor.jpg")
            continue
        try:
            clean_photo(base64.b64decode(image.get("data", ""), validate=True))
        except (binascii.Error, ValueError, PhotoError):
            problems.append(f"image {image['name']}: not a picture Vigil can read")
    return problems


def from_documents(course: Course, images: list[dict] | None) -> None:
    """Keep a course file's pictures; a name already here keeps the picture it has."""
    have = set(course.images.values_list("name", flat=True))
    for image in images or []:
        if image["name"] in have:
            continue
        clean = clean_photo(base64.b64decode(image["data"]))
        CourseImage.objects.create(
            course=course,
            name=image["name"],
            content_type=clean.content_type,
            data=clean.content,
            width=clean.width,
            height=clean.height,
        )
