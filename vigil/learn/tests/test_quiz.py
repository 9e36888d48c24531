import random

from vigil.learn import quiz
from vigil.learn.tests.factories import document


def single():
    return document(1, multiple=())["questions"][0]


def multiple():
    # a and b are right, c is wrong
    return document(1, multiple=(1,))["questions"][0]


def test_a_single_answer_question_scores_only_the_right_answer():
    assert quiz.question_points(single(), {"a"}) == 1
    assert quiz.question_points(single(), {"c"}) == 0
    assert quiz.question_points(single(), set()) == 0
    # Two answers to a one-answer question (a forged form) earn nothing.
    assert quiz.question_points(single(), {"a", "c"}) == 0


def test_a_several_answer_question_gives_partial_credit_and_takes_it_back_for_wrong_ticks():
    assert quiz.question_points(multiple(), {"a", "b"}) == 1
    assert quiz.question_points(multiple(), {"a"}) == 0.5
    assert quiz.question_points(multiple(), {"a", "c"}) == 0
    # Ticking everything earns less than the right answers alone.
    assert quiz.question_points(multiple(), {"a", "b", "c"}) == 0.5
    assert quiz.question_points(multiple(), {"c"}) == 0
    assert quiz.question_points(multiple(), set()) == 0


def test_the_score_is_the_rounded_down_share_of_points_and_passes_at_the_mark():
    course = document(10, multiple=(10,))
    right = {f"q{n}": ["a"] for n in range(1, 8)}  # 7 of 10 single questions
    result = quiz.score(course, right)
    assert result.score == 70 and result.passed
    assert result.points["q8"] == 0 and result.points["q1"] == 1

    six_and_a_half = {f"q{n}": ["a"] for n in range(1, 7)} | {"q10": ["a"]}
    result = quiz.score(course, six_and_a_half)
    assert result.score == 65 and not result.passed

    assert quiz.score(course, {}).score == 0


def test_answers_to_questions_the_course_does_not_have_are_ignored():
    course = document(2, multiple=())
    result = quiz.score(course, {"q1": ["a"], "q99": ["a"]})
    assert result.points == {"q1": 1.0, "q2": 0.0}
    assert result.score == 50


def test_a_retry_never_deals_the_previous_order_and_keeps_every_question():
    course = document(10)
    rng = random.Random(4)
    previous = None
    for _ in range(50):
        order = quiz.new_order(course, previous, rng)
        assert sorted(order["questions"]) == sorted(f"q{n}" for n in range(1, 11))
        assert order["questions"] != previous
        assert all(sorted(keys) == ["a", "b", "c"] for keys in order["choices"].values())
        previous = order["questions"]


def test_questions_are_shown_in_the_dealt_order_with_their_answers():
    course = document(3, multiple=())
    order = {"questions": ["q3", "q1", "q2"], "choices": {"q3": ["c", "a", "b"]}}
    shown = quiz.in_order(course, order)
    assert [q["key"] for q in shown] == ["q3", "q1", "q2"]
    assert [c["key"] for c in shown[0]["choices"]] == ["c", "a", "b"]
    # Answers missing from a stored order (the course changed) are still shown.
    assert [c["key"] for c in shown[1]["choices"]] == ["a", "b", "c"]
