"""Courses, their published versions, quiz attempts and certificates.

A course's lessons and questions are a working copy that trainers edit;
learners only ever see a published version, a frozen copy of the course in
the course-file format (`files.py`). Certificates point at the version passed,
so editing a course never changes what an earlier certificate certified.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    EDUCATORS = "educators", _("Educators")
    PARENTS = "parents", _("Parents and caregivers")
    YOUNG_PEOPLE = "young_people", _("Young people")
    COMMUNITY = "community", _("Community members")
    FRONTLINE = "frontline", _("Frontline workers")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("One answer")
    MULTIPLE = "multiple", _("Several answers")


class Course(models.Model):
    """The working copy a trainer edits; texts are {language: text}."""

    slug = models.SlugField(max_length=80, unique=True)
    audience = models.CharField(max_length=20, choices=Audience.choices)
    age_min = models.PositiveSmallIntegerField(null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(null=True, blank=True)
    sector = models.CharField(max_length=60, blank=True)
    languages = models.JSONField(default=list)
    pass_mark = models.PositiveSmallIntegerField(
        default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    title = models.JSONField(default=dict)
    summary = models.JSONField(default=dict)
    sources = models.JSONField(default=list)
    published = models.ForeignKey(
        "CourseVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.slug


class Lesson(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons")
    position = models.PositiveSmallIntegerField()
    slug = models.SlugField(max_length=80)
    title = models.JSONField(default=dict)
    body = models.JSONField(default=dict)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["course", "slug"], name="lesson_slug_unique"),
        ]

    def __str__(self):
        return f"{self.course.slug}/{self.slug}"


class Question(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    key = models.SlugField(max_length=40)
    kind = models.CharField(max_length=10, choices=QuestionKind.choices)
    text = models.JSONField(default=dict)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["course", "key"], name="question_key_unique"),
        ]

    def __str__(self):
        return f"{self.course.slug}/{self.key}"


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField()
    key = models.SlugField(max_length=20)
    correct = models.BooleanField(default=False)
    text = models.JSONField(default=dict)
    explanation = models.JSONField(default=dict)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.key


class CourseVersion(models.Model):
    """A published, frozen copy of a course in the course-file format."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["course", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["course", "number"], name="version_number_unique"),
        ]

    def __str__(self):
        return f"{self.course.slug} v{self.number}"


class Attempt(models.Model):
    """One submitted quiz. Anonymous learners' attempts carry no session or address."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.ForeignKey(CourseVersion, on_delete=models.PROTECT, related_name="attempts")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    language = models.CharField(max_length=10)
    # What the learner said of themselves, both optional.
    learner_audience = models.CharField(max_length=20, choices=Audience.choices, blank=True)
    region = models.ForeignKey(
        "regions.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answers = models.JSONField(default=dict)  # question key → chosen choice keys
    points = models.JSONField(default=dict)  # question key → points in [0, 1]
    score = models.PositiveSmallIntegerField()  # percent, rounded down
    passed = models.BooleanField()
    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.version} {self.score}%"


class Certificate(models.Model):
    code = models.CharField(max_length=20, unique=True)
    attempt = models.OneToOneField(Attempt, on_delete=models.PROTECT, related_name="certificate")
    version = models.ForeignKey(
        CourseVersion, on_delete=models.PROTECT, related_name="certificates"
    )
    name = models.CharField(max_length=120)
    issued_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.code


class Progress(models.Model):
    """Lessons read by a signed-in learner (anonymous learners' progress stays in the session)."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="+")
    lessons = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "course"], name="progress_unique"),
        ]

    def __str__(self):
        return f"{self.person} {self.course}"


class CourseImage(models.Model):
    """A picture for a course's lessons, cleaned of metadata; a name is never reused.

    Lessons refer to it as `images/<name>`: because a name keeps its picture,
    an earlier published version still shows what its learners saw.
    """

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="images")
    name = models.CharField(max_length=100)
    content_type = models.CharField(max_length=20)
    data = models.BinaryField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["course", "name"], name="course_image_unique"),
        ]

    def __str__(self):
        return f"{self.course.slug}/{self.name}"
