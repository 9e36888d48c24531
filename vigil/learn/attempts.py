"""A submitted quiz: scored against the published version and stored with what the learner said."""

from vigil.learn import quiz
from vigil.learn.models import Attempt, Course


def submit(course: Course, answers: dict[str, list[str]], *, language, person, said) -> Attempt:
    """Score `answers` (question key → chosen answer keys, already checked) and keep the attempt."""
    version = course.published
    result = quiz.score(version.content, answers)
    return Attempt.objects.create(
        version=version,
        person=person if person.is_authenticated else None,
        language=language,
        learner_audience=said.get("learner_audience", ""),
        region=said.get("region"),
        answers=answers,
        points=result.points,
        score=result.score,
        passed=result.passed,
    )
