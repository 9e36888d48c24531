"""Quiz order and scoring, on a published course document.

Scoring: a one-answer question earns 1 point when the correct answer is
chosen. A several-answer question earns the share of its correct answers that
were ticked, less one share for each wrong answer ticked, never below 0: so
ticking every box earns nothing, and half the right answers earn half.
Unanswered questions earn 0. The score is the percentage of points, rounded
down, and the learner passes at or above the course's pass mark.
"""

import math
import random
from dataclasses import dataclass


def question_points(question: dict, chosen: set[str]) -> float:
    correct = {choice["key"] for choice in question["choices"] if choice["correct"]}
    if question["kind"] == "single":
        return 1.0 if len(chosen) == 1 and chosen <= correct else 0.0
    hits = len(chosen & correct)
    wrong = len(chosen - correct)
    return max(0.0, (hits - wrong) / len(correct))


@dataclass(frozen=True)
class Result:
    points: dict[str, float]
    score: int
    passed: bool


def score(document: dict, answers: dict[str, list[str]]) -> Result:
    points = {
        question["key"]: question_points(question, set(answers.get(question["key"], ())))
        for question in document["questions"]
    }
    total = len(document["questions"])
    # The small epsilon keeps 7/10 from rounding down to 69 through float error.
    percent = math.floor(100 * sum(points.values()) / total + 1e-9) if total else 0
    return Result(points=points, score=percent, passed=percent >= document["pass_mark"])


def new_order(document: dict, previous: list[str] | None = None, rng=None) -> dict:
    """Questions and their answers in a fresh random order, never the previous one."""
    rng = rng or random.SystemRandom()
    keys = [question["key"] for question in document["questions"]]
    order = keys[:]
    for _ in range(20):
        rng.shuffle(order)
        if len(order) < 2 or order != previous:
            break
    choices = {}
    for question in document["questions"]:
        answer_keys = [choice["key"] for choice in question["choices"]]
        rng.shuffle(answer_keys)
        choices[question["key"]] = answer_keys
    return {"questions": order, "choices": choices}


def in_order(document: dict, order: dict) -> list[dict]:
    """The questions (with their answers) in the order the learner was shown."""
    by_key = {question["key"]: question for question in document["questions"]}
    shown = []
    for key in order["questions"]:
        question = by_key.get(key)
        if question is None:
            continue
        answers = {choice["key"]: choice for choice in question["choices"]}
        keys = [k for k in order["choices"].get(key, []) if k in answers]
        keys += [k for k in answers if k not in keys]
        shown.append({**question, "choices": [answers[k] for k in keys]})
    return shown
