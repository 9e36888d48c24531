"""What a learner has read and tried: in the session, or in the database when signed in.

Nothing about an anonymous learner is stored outside their own session; the
attempts they submit carry no link to it beyond the id kept in the session.
"""

from django.db.models import Q

from vigil.learn.models import Attempt, Course, Progress

KEY = "learn"


def _state(request, course: Course) -> dict:
    store = request.session.setdefault(KEY, {})
    return store.setdefault(course.slug, {})


def _save(request):
    request.session.modified = True


def lessons_read(request, course: Course) -> set[str]:
    read = set(_state(request, course).get("lessons", []))
    if request.user.is_authenticated:
        progress = Progress.objects.filter(person=request.user, course=course).first()
        if progress is not None:
            read |= set(progress.lessons)
    return read


def mark_read(request, course: Course, lesson_slug: str) -> None:
    state = _state(request, course)
    if lesson_slug not in state.setdefault("lessons", []):
        state["lessons"].append(lesson_slug)
        _save(request)
    if request.user.is_authenticated:
        progress, _ = Progress.objects.get_or_create(person=request.user, course=course)
        if lesson_slug not in progress.lessons:
            progress.lessons = [*progress.lessons, lesson_slug]
            progress.save(update_fields=["lessons", "updated_at"])


def quiz_order(request, course: Course) -> dict | None:
    state = _state(request, course)
    if state.get("version") != course.published_id:
        return None
    return state.get("order")


def set_quiz_order(request, course: Course, order: dict) -> None:
    state = _state(request, course)
    state["version"] = course.published_id
    state["order"] = order
    _save(request)


def record_attempt(request, course: Course, attempt: Attempt) -> None:
    state = _state(request, course)
    state["attempt"] = str(attempt.pk)
    state.setdefault("attempts", []).append(str(attempt.pk))
    # The next visit to the quiz deals a new order, never the one just answered.
    order = state.pop("order", None)
    if order:
        state["last_order"] = order["questions"]
    _save(request)


def previous_order(request, course: Course) -> list[str] | None:
    return _state(request, course).get("last_order")


def last_attempt(request, course: Course) -> Attempt | None:
    attempt_id = _state(request, course).get("attempt")
    query = Attempt.objects.select_related("version").filter(version__course=course)
    if attempt_id:
        return query.filter(pk=attempt_id).first()
    if request.user.is_authenticated:
        return query.filter(person=request.user).first()
    return None


def attempts(request, course: Course):
    ids = _state(request, course).get("attempts", [])
    query = Attempt.objects.filter(version__course=course)
    if request.user.is_authenticated:
        return query.filter(Q(pk__in=ids) | Q(person=request.user))
    return query.filter(pk__in=ids)
