"""The course file: one JSON document that ships, exports and imports a course.

Format "vigil-course" version 1 (docs/learn.md). Every text is {language: text}
and must exist in every language the course lists. `check` returns the
problems in words a trainer can act on; nothing is saved while any remain.
"""

import json
import re

from django.db import transaction

from vigil.learn import images
from vigil.learn.models import Audience, Choice, Course, CourseVersion, Lesson, Question

FORMAT = "vigil-course"
VERSION = 1
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KEY = re.compile(r"^[a-z0-9_-]{1,40}$")
# Lesson slugs share the course's URL space with these pages.
RESERVED_LESSON_SLUGS = {"quiz", "certificate", "images"}
RESERVED_COURSE_SLUGS = {"verify", "trainer", "certificates", "images", "static"}


class CourseFileError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def _texts(value, languages, where, problems, *, required=True):
    if not isinstance(value, dict):
        problems.append(f"{where}: expected a text per language")
        return
    for language in languages:
        text = value.get(language)
        if not isinstance(text, str) or (required and not text.strip()):
            problems.append(f"{where}: missing the {language} text")


def check(data) -> list[str]:
    """Every problem with a course document; an empty list means it can be saved."""
    if not isinstance(data, dict):
        return ["the file is not a course: expected a JSON object"]
    problems: list[str] = []
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        problems.append(f'not a course file: expected format "{FORMAT}" version {VERSION}')
        return problems
    slug = data.get("slug")
    if not isinstance(slug, str) or not SLUG.match(slug) or len(slug) > 80:
        problems.append("slug: use lowercase letters, digits and hyphens")
    elif slug in RESERVED_COURSE_SLUGS:
        problems.append(f'slug: "{slug}" is reserved')
    if data.get("audience") not in Audience.values:
        problems.append(f"audience: one of {', '.join(Audience.values)}")
    for bound in ("age_min", "age_max"):
        value = data.get(bound)
        if value is not None and (not isinstance(value, int) or not 0 <= value <= 25):
            problems.append(f"{bound}: an age in years, or null")
    languages = data.get("languages")
    if (
        not isinstance(languages, list)
        or not languages
        or not all(isinstance(code, str) and code for code in languages)
    ):
        problems.append("languages: list at least one language code")
        languages = []
    pass_mark = data.get("pass_mark")
    if not isinstance(pass_mark, int) or not 1 <= pass_mark <= 100:
        problems.append("pass_mark: a whole percentage from 1 to 100")
    _texts(data.get("title"), languages, "title", problems)
    _texts(data.get("summary"), languages, "summary", problems)
    _check_lessons(data.get("lessons"), languages, problems)
    _check_questions(data.get("questions"), languages, problems)
    sources = data.get("sources")
    if not isinstance(sources, list) or not sources:
        problems.append("sources: list the public sources the course is grounded in")
    else:
        for number, source in enumerate(sources, 1):
            if not isinstance(source, dict) or not str(source.get("title", "")).strip():
                problems.append(f"source {number}: needs a title")
            elif not str(source.get("publisher", "")).strip():
                problems.append(f"source {number}: needs a publisher")
    problems += images.check(data.get("images"))
    return problems


def _check_lessons(lessons, languages, problems):
    if not isinstance(lessons, list) or not lessons:
        problems.append("lessons: a course needs at least one lesson")
        return
    seen = set()
    for number, lesson in enumerate(lessons, 1):
        where = f"lesson {number}"
        if not isinstance(lesson, dict):
            problems.append(f"{where}: expected an object")
            continue
        slug = lesson.get("slug")
        if not isinstance(slug, str) or not SLUG.match(slug) or slug in RESERVED_LESSON_SLUGS:
            problems.append(f"{where}: slug must be lowercase letters, digits and hyphens")
        elif slug in seen:
            problems.append(f'{where}: slug "{slug}" is used twice')
        seen.add(slug)
        _texts(lesson.get("title"), languages, f"{where} title", problems)
        _texts(lesson.get("body"), languages, f"{where} body", problems)


def _check_questions(questions, languages, problems):
    if not isinstance(questions, list) or not questions:
        problems.append("questions: the quiz needs at least one question")
        return
    seen = set()
    for number, question in enumerate(questions, 1):
        where = f"question {number}"
        if not isinstance(question, dict):
            problems.append(f"{where}: expected an object")
            continue
        key = question.get("key")
        if not isinstance(key, str) or not KEY.match(key):
            problems.append(f"{where}: key must be short lowercase letters and digits")
        elif key in seen:
            problems.append(f'{where}: key "{key}" is used twice')
        seen.add(key)
        kind = question.get("kind")
        if kind not in ("single", "multiple"):
            problems.append(f'{where}: kind is "single" or "multiple"')
        _texts(question.get("text"), languages, where, problems)
        choices = question.get("choices")
        if not isinstance(choices, list) or len(choices) < 2:
            problems.append(f"{where}: needs at least two answers")
            continue
        keys = set()
        correct = 0
        for letter, choice in enumerate(choices, 1):
            at = f"{where}, answer {letter}"
            if not isinstance(choice, dict):
                problems.append(f"{at}: expected an object")
                continue
            choice_key = choice.get("key")
            if not isinstance(choice_key, str) or not KEY.match(choice_key) or choice_key in keys:
                problems.append(f"{at}: needs its own short key")
            keys.add(choice_key)
            if not isinstance(choice.get("correct"), bool):
                problems.append(f"{at}: say whether it is correct (true or false)")
            correct += choice.get("correct") is True
            _texts(choice.get("text"), languages, at, problems)
            _texts(choice.get("explanation"), languages, f"{at} explanation", problems)
        if correct == 0:
            problems.append(f"{where}: mark at least one answer correct")
        elif kind == "single" and correct != 1:
            problems.append(f"{where}: a one-answer question has exactly one correct answer")


def parse(raw: bytes | str) -> dict:
    """The course document in a file, or CourseFileError saying what is wrong."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise CourseFileError([f"not valid JSON: {error}"]) from None
    problems = check(data)
    if problems:
        raise CourseFileError(problems)
    return data


def exported(course: Course, document: dict | None = None) -> dict:
    """A course file to share: the document (working copy by default) with its pictures."""
    document = dict(document or to_document(course))
    pictures = images.as_documents(course)
    if pictures:
        document["images"] = pictures
    return document


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_document(course: Course) -> dict:
    """The working copy as a course document (what publishing freezes and export writes)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "slug": course.slug,
        "audience": course.audience,
        "age_min": course.age_min,
        "age_max": course.age_max,
        "sector": course.sector,
        "languages": list(course.languages),
        "pass_mark": course.pass_mark,
        "title": dict(course.title),
        "summary": dict(course.summary),
        "lessons": [
            {"slug": lesson.slug, "title": dict(lesson.title), "body": dict(lesson.body)}
            for lesson in course.lessons.all()
        ],
        "questions": [
            {
                "key": question.key,
                "kind": question.kind,
                "text": dict(question.text),
                "choices": [
                    {
                        "key": choice.key,
                        "correct": choice.correct,
                        "text": dict(choice.text),
                        "explanation": dict(choice.explanation),
                    }
                    for choice in question.choices.all()
                ],
            }
            for question in course.questions.prefetch_related("choices")
        ],
        "sources": [dict(source) for source in course.sources],
    }


@transaction.atomic
def save_document(data: dict) -> Course:
    """Make the working copy equal to a checked document (new course or replaced content)."""
    course, _ = Course.objects.select_for_update().get_or_create(
        slug=data["slug"], defaults={"audience": data["audience"]}
    )
    course.audience = data["audience"]
    course.age_min = data.get("age_min")
    course.age_max = data.get("age_max")
    course.sector = data.get("sector") or ""
    course.languages = list(data["languages"])
    course.pass_mark = data["pass_mark"]
    course.title = data["title"]
    course.summary = data["summary"]
    course.sources = data["sources"]
    course.save()
    images.from_documents(course, data.get("images"))
    course.lessons.all().delete()
    course.questions.all().delete()
    Lesson.objects.bulk_create(
        Lesson(course=course, position=n, slug=item["slug"], title=item["title"], body=item["body"])
        for n, item in enumerate(data["lessons"], 1)
    )
    for n, item in enumerate(data["questions"], 1):
        question = Question.objects.create(
            course=course, position=n, key=item["key"], kind=item["kind"], text=item["text"]
        )
        Choice.objects.bulk_create(
            Choice(
                question=question,
                position=m,
                key=choice["key"],
                correct=choice["correct"],
                text=choice["text"],
                explanation=choice["explanation"],
            )
            for m, choice in enumerate(item["choices"], 1)
        )
    return course


@transaction.atomic
def publish(course: Course, by=None) -> CourseVersion:
    """Freeze the working copy as the next version; learners see it from now on.

    Publishing what is already published makes no new version, so a
    certificate's version number only moves when the content did.
    """
    course = Course.objects.select_for_update().get(pk=course.pk)
    document = to_document(course)
    problems = check(document)
    if problems:
        raise CourseFileError(problems)
    current = course.published
    if current is not None and current.content == document:
        return current
    number = course.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = CourseVersion.objects.create(
        course=course, number=number + 1, content=document, published_by=by
    )
    course.published = version
    course.save(update_fields=["published", "changed_at"])
    return version


def import_document(data: dict, by=None) -> CourseVersion:
    """Save a checked document and publish it, as one change."""
    with transaction.atomic():
        return publish(save_document(data), by=by)
