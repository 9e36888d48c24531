"""Synthetic quiz attempts, so the trainers' statistics and the planning view have figures.

Answers are drawn at random, each learner knowing a made-up share of the
material; no attempt stands for a person.
"""

import random

from vigil.learn import quiz
from vigil.learn.models import Attempt, Audience, Course
from vigil.regions.models import PlaceKind
from vigil.regions.places import deployment_places

ATTEMPTS_PER_COURSE = 40


def _answers(document, rng, knows):
    answers = {}
    for question in document["questions"]:
        right = [c["key"] for c in question["choices"] if c["correct"]]
        wrong = [c["key"] for c in question["choices"] if not c["correct"]]
        if rng.random() < knows:
            answers[question["key"]] = right
        elif wrong:
            answers[question["key"]] = [rng.choice(wrong)]
    return answers


def build_attempts(seed: int = 7) -> int:
    """Attempts for each published course that has none yet; returns how many were made."""
    rng = random.Random(seed)
    regions = list(deployment_places().filter(kind=PlaceKind.SUBDIVISION))
    made = []
    for course in Course.objects.filter(published__isnull=False).select_related("published"):
        if Attempt.objects.filter(version__course=course).exists():
            continue
        document = course.published.content
        for _ in range(ATTEMPTS_PER_COURSE):
            answers = _answers(document, rng, knows=rng.uniform(0.45, 0.95))
            result = quiz.score(document, answers)
            made.append(
                Attempt(
                    version=course.published,
                    language=rng.choice(document["languages"]),
                    learner_audience=rng.choice([course.audience, "", rng.choice(Audience.values)]),
                    region=rng.choice([*regions, None]) if regions else None,
                    answers=answers,
                    points=result.points,
                    score=result.score,
                    passed=result.passed,
                )
            )
    Attempt.objects.bulk_create(made)
    return len(made)
