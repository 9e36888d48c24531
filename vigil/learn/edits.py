"""Trainers' changes to a course's working copy (learners see none until it is published)."""

from django.db import transaction

from vigil.learn.models import Choice, Course, Lesson, Question


def save_course(form, course: Course | None) -> Course:
    data = form.cleaned_data
    languages = list(data["languages"])
    if course is None:
        course = Course(slug=data["slug"])
    course.audience = data["audience"]
    course.age_min = data["age_min"]
    course.age_max = data["age_max"]
    course.sector = data["sector"].strip()
    # Texts in a language just added start empty; publishing asks for them.
    course.title = {code: form.cleaned_data.get(f"title_{code}", "") for code in languages}
    course.summary = {code: form.cleaned_data.get(f"summary_{code}", "") for code in languages}
    course.languages = languages
    course.pass_mark = data["pass_mark"]
    course.sources = data["sources"]
    course.save()
    return course


def course_initial(course: Course) -> dict:
    from vigil.learn.forms import sources_as_text

    initial = {
        "slug": course.slug,
        "audience": course.audience,
        "age_min": course.age_min,
        "age_max": course.age_max,
        "sector": course.sector,
        "languages": course.languages,
        "pass_mark": course.pass_mark,
        "sources": sources_as_text(course.sources),
    }
    for code in course.languages:
        initial[f"title_{code}"] = course.title.get(code, "")
        initial[f"summary_{code}"] = course.summary.get(code, "")
    return initial


def _touch(course: Course):
    course.save(update_fields=["changed_at"])


@transaction.atomic
def save_lesson(form, course: Course, lesson: Lesson | None) -> Lesson:
    data = form.cleaned_data
    lesson = lesson or Lesson(course=course)
    lesson.slug = data["slug"]
    lesson.position = data["position"]
    lesson.title = {code: data[f"title_{code}"].strip() for code in course.languages}
    lesson.body = {code: data[f"body_{code}"].strip() for code in course.languages}
    lesson.save()
    _touch(course)
    return lesson


def lesson_initial(lesson: Lesson) -> dict:
    initial = {"slug": lesson.slug, "position": lesson.position}
    for code, text in lesson.title.items():
        initial[f"title_{code}"] = text
    for code, text in lesson.body.items():
        initial[f"body_{code}"] = text
    return initial


def _free_key(taken: set[str], prefix: str) -> str:
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


@transaction.atomic
def save_question(form, course: Course, question: Question | None) -> Question:
    """Save a question and replace its answers. The question keeps its key.

    Answers keep their keys by row, so statistics of an answer stay comparable
    across versions when a trainer only rewords it.
    """
    data = form.cleaned_data
    if question is None:
        taken = set(course.questions.values_list("key", flat=True))
        question = Question(course=course, key=_free_key(taken, "q"))
    question.kind = data["kind"]
    question.position = data["position"]
    question.text = {code: data[f"text_{code}"].strip() for code in course.languages}
    question.save()
    choices = data["choices"]
    keys = list(question.choices.values_list("key", flat=True))[: len(choices)]
    taken = set(keys)
    while len(keys) < len(choices):
        keys.append(_free_key(taken, "a"))
        taken.add(keys[-1])
    question.choices.all().delete()
    Choice.objects.bulk_create(
        Choice(
            question=question,
            position=n,
            key=key,
            correct=choice["correct"],
            text=choice["text"],
            explanation=choice["why"],
        )
        for n, (key, choice) in enumerate(zip(keys, choices, strict=True), 1)
    )
    _touch(course)
    return question


def question_initial(question: Question) -> dict:
    initial = {"kind": question.kind, "position": question.position}
    for code, text in question.text.items():
        initial[f"text_{code}"] = text
    for row, choice in enumerate(question.choices.all()):
        initial[f"c{row}_correct"] = choice.correct
        for code, text in choice.text.items():
            initial[f"c{row}_text_{code}"] = text
        for code, text in choice.explanation.items():
            initial[f"c{row}_explanation_{code}"] = text
    return initial


@transaction.atomic
def delete(item) -> None:
    course = item.course
    item.delete()
    _touch(course)


def next_position(queryset) -> int:
    last = queryset.order_by("-position").values_list("position", flat=True).first()
    return (last or 0) + 1
