"""Trainers' pages: write and edit courses, preview, publish, export, import, statistics."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vigil.learn import edits, files, images, stats
from vigil.learn.access import course_for_trainer, trainer_required
from vigil.learn.content import in_language, language_for, localise
from vigil.learn.forms import CourseForm, ImageForm, ImportForm, LessonForm, QuestionForm
from vigil.learn.models import Course, Lesson, Question
from vigil.learn.render import markdown_to_html


@trainer_required
def home(request):
    courses = Course.objects.select_related("published")
    rows = [
        {
            "course": course,
            "title": in_language(course.title, get_language()) or course.slug,
            "unpublished": course.published is None
            or files.to_document(course) != course.published.content,
            "summary": stats.course_summary(course),
        }
        for course in courses
    ]
    return render(request, "learn/trainer/home.html", {"rows": rows, "import_form": ImportForm()})


def _languages(request, course=None):
    """Languages the form shows: those ticked in the posted form, else the course's."""
    posted = request.POST.getlist("languages") if request.method == "POST" else None
    return posted or (course.languages if course else ["en", "fr"])


@trainer_required
@require_http_methods(["GET", "POST"])
def course_edit(request, slug=None):
    course = course_for_trainer(slug) if slug else None
    languages = _languages(request, course)
    initial = edits.course_initial(course) if course else {"pass_mark": 70, "languages": languages}
    form = CourseForm(request.POST or None, initial=initial, languages=languages, course=course)
    if request.method == "POST" and form.is_valid():
        course = edits.save_course(form, course)
        messages.success(request, _("Saved. Learners see changes once you publish."))
        return redirect("learn:trainer_course", slug=course.slug)
    return render(
        request,
        "learn/trainer/course_form.html",
        {"form": form, "course": course},
        status=400 if form.errors else 200,
    )


@trainer_required
def course(request, slug):
    course = course_for_trainer(slug)
    document = files.to_document(course)
    return render(
        request,
        "learn/trainer/course.html",
        {
            "course": course,
            "title": document["title"].get(language_for(document)) or course.slug,
            "lessons": course.lessons.all(),
            "questions": course.questions.prefetch_related("choices"),
            "problems": files.check(document),
            "unpublished": course.published is None or document != course.published.content,
            "versions": course.versions.select_related("published_by"),
            "language": language_for(document),
            "images": course.images.defer("data"),
            "image_form": ImageForm(),
        },
    )


@trainer_required
@require_POST
def add_image(request, slug):
    course = course_for_trainer(slug)
    form = ImageForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            image = images.add(course, upload.name, upload.read())
        except images.PhotoError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Picture added. Use it in a lesson as ![what it shows](images/%(name)s).")
                % {"name": image.name},
            )
    else:
        for error in form.errors.get("file", []):
            messages.error(request, error)
    return redirect("learn:trainer_course", slug=slug)


@trainer_required
@require_http_methods(["GET", "POST"])
def lesson_edit(request, slug, lesson_id=None):
    course = course_for_trainer(slug)
    lesson = get_object_or_404(Lesson, pk=lesson_id, course=course) if lesson_id else None
    initial = (
        edits.lesson_initial(lesson)
        if lesson
        else {"position": edits.next_position(course.lessons)}
    )
    form = LessonForm(
        request.POST or None,
        initial=initial,
        languages=course.languages,
        course=course,
        lesson=lesson,
    )
    if request.method == "POST" and form.is_valid():
        edits.save_lesson(form, course, lesson)
        messages.success(request, _("Lesson saved."))
        return redirect("learn:trainer_course", slug=slug)
    return render(
        request,
        "learn/trainer/lesson_form.html",
        {"form": form, "course": course, "lesson": lesson},
        status=400 if form.errors else 200,
    )


@trainer_required
@require_http_methods(["GET", "POST"])
def question_edit(request, slug, question_id=None):
    course = course_for_trainer(slug)
    question = get_object_or_404(Question, pk=question_id, course=course) if question_id else None
    initial = (
        edits.question_initial(question)
        if question
        else {"position": edits.next_position(course.questions), "kind": "single"}
    )
    form = QuestionForm(request.POST or None, initial=initial, languages=course.languages)
    if request.method == "POST" and form.is_valid():
        edits.save_question(form, course, question)
        messages.success(request, _("Question saved."))
        return redirect("learn:trainer_course", slug=slug)
    return render(
        request,
        "learn/trainer/question_form.html",
        {"form": form, "course": course, "question": question},
        status=400 if form.errors else 200,
    )


@trainer_required
@require_POST
def delete(request, slug, kind, item_id):
    course = course_for_trainer(slug)
    model = {"lesson": Lesson, "question": Question}.get(kind)
    if model is None:
        raise Http404
    edits.delete(get_object_or_404(model, pk=item_id, course=course))
    messages.success(request, _("Deleted from the working copy."))
    return redirect("learn:trainer_course", slug=slug)


@trainer_required
def preview(request, slug):
    """The working copy as learners would see it, answers marked."""
    course = course_for_trainer(slug)
    document = files.to_document(course)
    language = request.GET.get("language") or language_for(document)
    if language not in document["languages"]:
        language = document["languages"][0] if document["languages"] else "en"
    content = localise(document, language) if document["languages"] else None
    at = images.base_url(course.slug)
    lessons = [
        {**lesson, "html": markdown_to_html(lesson["body"], at)}
        for lesson in (content["lessons"] if content else [])
    ]
    return render(
        request,
        "learn/trainer/preview.html",
        {
            "course": course,
            "content": content,
            "lessons": lessons,
            "problems": files.check(document),
            "language": language,
        },
    )


@trainer_required
@require_POST
def publish(request, slug):
    course = course_for_trainer(slug)
    before = course.published_id
    try:
        version = files.publish(course, by=request.user)
    except files.CourseFileError as error:
        for problem in error.problems:
            messages.error(request, problem)
        return redirect("learn:trainer_course", slug=slug)
    if version.pk == before:
        messages.info(request, _("Nothing changed since version %(n)s.") % {"n": version.number})
    else:
        messages.success(request, _("Published as version %(n)s.") % {"n": version.number})
    return redirect("learn:trainer_course", slug=slug)


@trainer_required
def export(request, slug):
    course = course_for_trainer(slug)
    number = request.GET.get("version")
    if number:
        version = get_object_or_404(course.versions, number=number if number.isdigit() else 0)
        document = files.exported(course, version.content)
    else:
        document = files.exported(course)
    response = HttpResponse(files.dump(document), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{course.slug}.json"'
    return response


@trainer_required
@require_POST
def import_course(request):
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version = files.import_document(
                files.parse(form.cleaned_data["file"].read()), by=request.user
            )
        except files.CourseFileError as error:
            form.add_error("file", _("This is not a course file Vigil can read."))
            problems = error.problems
        else:
            messages.success(
                request,
                _("Imported %(slug)s: version %(n)s is published.")
                % {"slug": version.course.slug, "n": version.number},
            )
            return redirect("learn:trainer_course", slug=version.course.slug)
    else:
        problems = []
    return render(
        request,
        "learn/trainer/import.html",
        {"import_form": form, "problems": problems},
        status=400,
    )


@trainer_required
def course_stats(request, slug):
    course = course_for_trainer(slug)
    version = course.published
    number = request.GET.get("version")
    if number and number.isdigit():
        version = course.versions.filter(number=number).first() or version
    return render(
        request,
        "learn/trainer/stats.html",
        {
            "course": course,
            "version": version,
            "stats": stats.course_stats(course, version) if version else None,
            "versions": course.versions.all(),
        },
    )
