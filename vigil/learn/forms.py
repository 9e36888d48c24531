"""Forms for learners and trainers. Trainer forms grow one field per course language."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from vigil.learn.files import RESERVED_COURSE_SLUGS, RESERVED_LESSON_SLUGS, SLUG
from vigil.learn.models import Audience, QuestionKind
from vigil.regions.models import PlaceKind
from vigil.regions.places import deployment_places

LANGUAGE_NAMES = dict(settings.LANGUAGES)
MAX_CHOICES = 6


def _language_label(label, code):
    return f"{label} ({LANGUAGE_NAMES.get(code, code)})"


class AboutYouForm(forms.Form):
    """Optional facts a learner may give with a quiz, for trainers' statistics only."""

    learner_audience = forms.ChoiceField(
        label=_("I am taking this course as (optional)"),
        choices=[("", _("Prefer not to say")), *Audience.choices],
        required=False,
    )
    region = forms.ModelChoiceField(
        label=_("Where I live or work (optional)"),
        queryset=None,
        required=False,
        empty_label=_("Prefer not to say"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = deployment_places().filter(kind=PlaceKind.SUBDIVISION)


class CertificateForm(forms.Form):
    name = forms.CharField(
        label=_("Your name as it should appear on the certificate"),
        max_length=120,
        help_text=_("Any name you choose. It is kept only on the certificate."),
    )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Write the name for the certificate."))
        return name


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Certificate code"), max_length=30)


class CourseForm(forms.Form):
    slug = forms.CharField(
        label=_("Address (slug)"),
        max_length=80,
        help_text=_("Lowercase letters, digits and hyphens; it cannot change later."),
    )
    audience = forms.ChoiceField(label=_("Audience"), choices=Audience.choices)
    age_min = forms.IntegerField(label=_("Youngest age"), min_value=0, max_value=25, required=False)
    age_max = forms.IntegerField(label=_("Oldest age"), min_value=0, max_value=25, required=False)
    sector = forms.CharField(label=_("Sector (frontline workers)"), max_length=60, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=settings.LANGUAGES, widget=forms.CheckboxSelectMultiple
    )
    pass_mark = forms.IntegerField(label=_("Pass mark (%)"), min_value=1, max_value=100)
    sources = forms.CharField(
        label=_("Sources"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line: publisher | title | year | address"),
    )

    def __init__(self, *args, languages, course=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.course = course
        if course is not None:
            self.fields["slug"].disabled = True
        for code in languages:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_language_label(_("Title"), code), max_length=200
            )
            self.fields[f"summary_{code}"] = forms.CharField(
                label=_language_label(_("Summary"), code),
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if self.course is None:
            from vigil.learn.models import Course

            if not SLUG.match(slug) or slug in RESERVED_COURSE_SLUGS:
                raise forms.ValidationError(_("Use lowercase letters, digits and hyphens."))
            if Course.objects.filter(slug=slug).exists():
                raise forms.ValidationError(_("A course already has this address."))
        return slug

    def clean_sources(self):
        sources = []
        for number, line in enumerate(self.cleaned_data["sources"].splitlines(), 1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            if len(parts) < 2 or not parts[0] or not parts[1]:
                raise forms.ValidationError(
                    _("Line %(n)s: write at least the publisher and the title, separated by |.")
                    % {"n": number}
                )
            publisher, title, year, url = (parts + ["", "", ""])[:4]
            if year and not year.isdigit():
                raise forms.ValidationError(_("Line %(n)s: the year is a number.") % {"n": number})
            source = {"publisher": publisher, "title": title, "url": url}
            if year:
                source["year"] = int(year)
            sources.append(source)
        if not sources:
            raise forms.ValidationError(_("List at least one source."))
        return sources

    def clean(self):
        data = super().clean()
        low, high = data.get("age_min"), data.get("age_max")
        if low is not None and high is not None and low > high:
            self.add_error("age_max", _("The oldest age is below the youngest."))
        return data

    def texts(self, name, languages):
        return {code: self.cleaned_data[f"{name}_{code}"].strip() for code in languages}


def sources_as_text(sources):
    return "\n".join(
        " | ".join(str(s.get(k, "")) for k in ("publisher", "title", "year", "url")).rstrip(" |")
        for s in sources
    )


class LessonForm(forms.Form):
    slug = forms.CharField(label=_("Address (slug)"), max_length=80)
    position = forms.IntegerField(label=_("Position"), min_value=1, max_value=999)

    def __init__(self, *args, languages, course, lesson=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.course, self.lesson = course, lesson
        for code in languages:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_language_label(_("Title"), code), max_length=200
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_language_label(_("Lesson (Markdown)"), code),
                widget=forms.Textarea(attrs={"rows": 18}),
            )

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if not SLUG.match(slug) or slug in RESERVED_LESSON_SLUGS:
            raise forms.ValidationError(_("Use lowercase letters, digits and hyphens."))
        taken = self.course.lessons.filter(slug=slug)
        if self.lesson is not None:
            taken = taken.exclude(pk=self.lesson.pk)
        if taken.exists():
            raise forms.ValidationError(_("Another lesson of this course has this address."))
        return slug


class QuestionForm(forms.Form):
    """A question and up to six answers; rows left empty are dropped."""

    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices)
    position = forms.IntegerField(label=_("Position"), min_value=1, max_value=999)

    def __init__(self, *args, languages, rows=MAX_CHOICES, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = list(languages)
        self.rows = rows
        for code in self.languages:
            self.fields[f"text_{code}"] = forms.CharField(
                label=_language_label(_("Question"), code), widget=forms.Textarea(attrs={"rows": 2})
            )
        for row in range(rows):
            self.fields[f"c{row}_correct"] = forms.BooleanField(label=_("Correct"), required=False)
            for code in self.languages:
                self.fields[f"c{row}_text_{code}"] = forms.CharField(
                    label=_language_label(_("Answer"), code), required=False, max_length=500
                )
                self.fields[f"c{row}_explanation_{code}"] = forms.CharField(
                    label=_language_label(_("Why"), code),
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    def choice_rows(self):
        """Bound fields grouped per answer row, for the template."""
        return [
            {
                "correct": self[f"c{row}_correct"],
                "fields": [
                    (self[f"c{row}_text_{code}"], self[f"c{row}_explanation_{code}"])
                    for code in self.languages
                ],
            }
            for row in range(self.rows)
        ]

    def clean(self):
        data = super().clean()
        choices = []
        for row in range(self.rows):
            texts = {c: (data.get(f"c{row}_text_{c}") or "").strip() for c in self.languages}
            why = {c: (data.get(f"c{row}_explanation_{c}") or "").strip() for c in self.languages}
            if not any(texts.values()) and not any(why.values()):
                continue
            for code in self.languages:
                if not texts[code]:
                    self.add_error(f"c{row}_text_{code}", _("Write this answer in every language."))
                if not why[code]:
                    self.add_error(
                        f"c{row}_explanation_{code}", _("Every answer needs an explanation.")
                    )
            choices.append(
                {"correct": bool(data.get(f"c{row}_correct")), "text": texts, "why": why}
            )
        if len(choices) < 2:
            raise forms.ValidationError(_("A question needs at least two answers."))
        correct = sum(choice["correct"] for choice in choices)
        if correct == 0:
            raise forms.ValidationError(_("Mark at least one answer correct."))
        if data.get("kind") == QuestionKind.SINGLE and correct != 1:
            raise forms.ValidationError(_("A one-answer question has exactly one correct answer."))
        data["choices"] = choices
        return data


class ImageForm(forms.Form):
    file = forms.FileField(label=_("Picture (JPEG, PNG, WebP or GIF, under 5 MB)"))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Course file (.json)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload
