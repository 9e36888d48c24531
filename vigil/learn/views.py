"""Learners' pages: courses, lessons, the quiz, certificates and their verification."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from vigil.learn import attempts, certificates, images, progress, quiz
from vigil.learn.access import published_course
from vigil.learn.content import language_for, localise
from vigil.learn.forms import AboutYouForm, CertificateForm, VerifyForm
from vigil.learn.models import Audience, Course, CourseImage
from vigil.learn.render import markdown_to_html


def _published(course: Course) -> dict:
    document = course.published.content
    return localise(document, language_for(document))


def course_list(request):
    audience = request.GET.get("audience", "")
    courses = Course.objects.select_related("published").filter(published__isnull=False)
    if audience in Audience.values:
        courses = courses.filter(audience=audience)
    else:
        audience = ""
    listed = [{"course": course, "content": _published(course)} for course in courses]
    return render(
        request,
        "learn/course_list.html",
        {"courses": listed, "audiences": Audience.choices, "audience": audience},
    )


def course_detail(request, slug):
    course = published_course(slug)
    content = _published(course)
    read = progress.lessons_read(request, course)
    tried = progress.attempts(request, course)
    return render(
        request,
        "learn/course_detail.html",
        {
            "course": course,
            "content": content,
            "read": read,
            "best": max((a.score for a in tried), default=None),
            "passed": next((a for a in tried if a.passed), None),
        },
    )


def lesson(request, slug, lesson_slug):
    course = published_course(slug)
    content = _published(course)
    lessons = content["lessons"]
    index = next((i for i, item in enumerate(lessons) if item["slug"] == lesson_slug), None)
    if index is None:
        raise Http404
    progress.mark_read(request, course, lesson_slug)
    return render(
        request,
        "learn/lesson.html",
        {
            "course": course,
            "content": content,
            "lesson": lessons[index],
            "body": markdown_to_html(lessons[index]["body"], images.base_url(course.slug)),
            "number": index + 1,
            "previous": lessons[index - 1] if index else None,
            "next": lessons[index + 1] if index + 1 < len(lessons) else None,
        },
    )


def _answers(request, questions) -> dict[str, list[str]]:
    """Only keys that exist: a forged form cannot add answers."""
    answers = {}
    for question in questions:
        allowed = {choice["key"] for choice in question["choices"]}
        picked = [key for key in request.POST.getlist(f"q-{question['key']}") if key in allowed]
        if question["kind"] == "single":
            picked = picked[:1]
        if picked:
            answers[question["key"]] = picked
    return answers


@require_http_methods(["GET", "POST"])
def take_quiz(request, slug):
    course = published_course(slug)
    document = course.published.content
    order = progress.quiz_order(request, course)
    if order is None or request.GET.get("again"):
        previous = (order or {}).get("questions") or progress.previous_order(request, course)
        order = quiz.new_order(document, previous)
        progress.set_quiz_order(request, course, order)
    content = localise(document, language_for(document))
    questions = quiz.in_order(content, order)
    about = AboutYouForm(request.POST or None)
    if request.method == "POST":
        # The optional facts never cost the learner their answers: a value
        # that is not a choice is dropped.
        said = about.cleaned_data if about.is_valid() else {}
        attempt = attempts.submit(
            course,
            _answers(request, questions),
            language=content["language"],
            person=request.user,
            said=said,
        )
        progress.record_attempt(request, course, attempt)
        return redirect("learn:result", slug=slug)
    return render(
        request,
        "learn/quiz.html",
        {"course": course, "content": content, "questions": questions, "about": about},
    )


def result(request, slug):
    course = published_course(slug)
    attempt = progress.last_attempt(request, course)
    if attempt is None:
        return redirect("learn:quiz", slug=slug)
    document = attempt.version.content
    content = localise(document, language_for(document, attempt.language))
    shown = []
    for question in content["questions"]:
        chosen = set(attempt.answers.get(question["key"], []))
        shown.append(
            {
                **question,
                "points": attempt.points.get(question["key"], 0),
                "choices": [{**c, "chosen": c["key"] in chosen} for c in question["choices"]],
            }
        )
    existing = getattr(attempt, "certificate", None) if attempt.passed else None
    return render(
        request,
        "learn/result.html",
        {
            "course": course,
            "content": content,
            "attempt": attempt,
            "questions": shown,
            "certificate": existing,
            "form": CertificateForm() if attempt.passed and existing is None else None,
            "outdated": attempt.version_id != course.published_id,
        },
    )


@require_POST
def claim_certificate(request, slug):
    course = published_course(slug)
    attempt = progress.last_attempt(request, course)
    if attempt is None or not attempt.passed:
        return redirect("learn:result", slug=slug)
    form = CertificateForm(request.POST)
    if not form.is_valid():
        document = attempt.version.content
        content = localise(document, language_for(document, attempt.language))
        return render(
            request,
            "learn/certificate_name.html",
            {"course": course, "content": content, "form": form},
            status=400,
        )
    certificate = certificates.issue(attempt, form.cleaned_data["name"])
    return redirect("learn:certificate", code=certificate.code)


def course_image(request, slug, name):
    """A lesson picture; a name never changes its picture, so browsers may keep it."""
    image = CourseImage.objects.filter(course__slug=slug, name=name).first()
    if image is None:
        raise Http404
    response = HttpResponse(bytes(image.data), content_type=image.content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def _verify_url(request, code):
    return request.build_absolute_uri(reverse("learn:verify_code", args=[code]))


def certificate(request, code):
    found = certificates.find(code)
    if found is None:
        raise Http404
    document = found.version.content
    return render(
        request,
        "learn/certificate.html",
        {
            "certificate": found,
            "content": localise(document, language_for(document)),
            "verify_url": _verify_url(request, found.code),
        },
    )


def certificate_pdf(request, code):
    found = certificates.find(code)
    if found is None:
        raise Http404
    response = HttpResponse(
        certificates.as_pdf(found, _verify_url(request, found.code)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="certificate-{found.code}.pdf"'
    return response


def verify(request, code=None):
    if code is None:
        form = VerifyForm(request.GET or None)
        if form.is_valid():
            return redirect(
                "learn:verify_code", code=certificates.normalise(form.cleaned_data["code"])
            )
        return render(request, "learn/verify.html", {"form": form})
    found = certificates.find(code)
    context = {"form": VerifyForm(initial={"code": code}), "code": code, "found": found}
    if found is not None:
        document = found.version.content
        course = found.version.course
        context |= {
            "content": localise(document, language_for(document)),
            "current": course.published_id == found.version_id,
        }
    return render(request, "learn/verify.html", context, status=200 if found else 404)
