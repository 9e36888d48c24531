"""What trainers see of learning: completions, pass rates and how each question fares.

Counts come from submitted attempts, which carry only what the learner chose
to say about themselves (audience, region), never who they are.
"""

from collections import defaultdict

from django.db.models import Count, Q

from vigil.learn.content import localise
from vigil.learn.models import Attempt, Audience, Course, CourseVersion

NOT_SAID = "—"


def _rate(part, whole):
    return None if not whole else round(100 * part / whole)


def _grouped(attempts, field, labels):
    rows = (
        attempts.values(field)
        .annotate(attempts=Count("pk"), passed=Count("pk", filter=Q(passed=True)))
        .order_by(field)
    )
    return [
        {
            "label": labels.get(row[field], NOT_SAID),
            "attempts": row["attempts"],
            "passed": row["passed"],
            "pass_rate": _rate(row["passed"], row["attempts"]),
        }
        for row in rows
    ]


def course_summary(course: Course) -> dict:
    attempts = Attempt.objects.filter(version__course=course)
    totals = attempts.aggregate(
        attempts=Count("pk"),
        passed=Count("pk", filter=Q(passed=True)),
        certificates=Count("certificate"),
    )
    return {**totals, "pass_rate": _rate(totals["passed"], totals["attempts"])}


def course_stats(course: Course, version: CourseVersion) -> dict:
    attempts = Attempt.objects.filter(version__course=course)
    regions = dict(attempts.values_list("region__pk", "region__name").distinct())
    numbers = course.versions.values_list("number", flat=True)
    return {
        "summary": course_summary(course),
        "by_audience": _grouped(attempts, "learner_audience", dict(Audience.choices)),
        "by_region": _grouped(attempts, "region__pk", {k: v for k, v in regions.items() if k}),
        "by_version": _grouped(attempts, "version__number", {n: f"v{n}" for n in numbers}),
        "questions": question_success(version),
    }


def question_success(version: CourseVersion) -> list[dict]:
    """Per question of one version: how many answered and the mean share of points earned.

    A question most learners get wrong, while passing the rest, is often
    confusing rather than hard: the lowest rates come first.
    """
    content = localise(version.content, version.content["languages"][0])
    totals = defaultdict(float)
    answered = defaultdict(int)
    picks = defaultdict(lambda: defaultdict(int))
    count = 0
    for points, answers in version.attempts.values_list("points", "answers").iterator():
        count += 1
        for key, value in points.items():
            totals[key] += value
        for key, chosen in answers.items():
            answered[key] += 1
            for choice in chosen:
                picks[key][choice] += 1
    rows = []
    for position, question in enumerate(content["questions"], 1):
        key = question["key"]
        rows.append(
            {
                "position": position,
                "key": key,
                "text": question["text"],
                "attempts": count,
                "answered": answered[key],
                "success": _rate(totals[key], count),
                "choices": [
                    {
                        "text": choice["text"],
                        "correct": choice["correct"],
                        "picked": picks[key][choice["key"]],
                    }
                    for choice in question["choices"]
                ],
            }
        )
    return sorted(rows, key=lambda row: (row["success"] is None, row["success"] or 0))
