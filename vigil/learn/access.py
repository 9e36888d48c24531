"""Who may do what in learning: anyone learns; only trainers edit and see statistics."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from vigil.accounts.access import roles_anywhere, staff_required
from vigil.accounts.models import Role
from vigil.learn.models import Course


def is_trainer(person) -> bool:
    return Role.TRAINER in roles_anywhere(person)


def trainer_required(view):
    """Signed in as a trainer; any other staff member gets 403."""

    @staff_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_trainer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def published_course(slug: str) -> Course:
    """A course learners may open: published, else 404 (drafts are for trainers only)."""
    course = Course.objects.select_related("published").filter(slug=slug).first()
    if course is None or course.published is None:
        raise Http404
    return course


def course_for_trainer(slug: str) -> Course:
    return get_object_or_404(Course, slug=slug)
