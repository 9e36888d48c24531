"""Screening instruments as versioned reference data, and the screenings done with them.

An instrument version is frozen once a screening has used it: a result always
points at the exact questions, options and bands that produced it. Changing an
instrument means a new version (see `instruments.py` and the admin).
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from vigil.core.fields import EncryptedTextField

# One column per language for every text: adding a language is a migration.
LANGUAGES = ("en", "fr")


def current_language() -> str:
    return (get_language() or "en").split("-")[0]


class Translated:
    """`obj.text("label")` in the active language, English when the translation is empty."""

    def text(self, field: str, language: str | None = None) -> str:
        language = language or current_language()
        if language in LANGUAGES:
            value = getattr(self, f"{field}_{language}")
            if value:
                return value
        return getattr(self, f"{field}_en")


class Concern(models.TextChoices):
    NONE = "none", _("No indication")
    POSSIBLE = "possible", _("Possible indication")
    CLEAR = "clear", _("Clear indication")


class Instrument(Translated, models.Model):
    """One version of a screening instrument: questions, answer options, scoring bands, sources."""

    slug = models.SlugField(max_length=80)
    version = models.PositiveIntegerField(help_text=_("Numbered by Vigil, 1 for the first."))
    edition = models.CharField(
        max_length=40, blank=True, help_text=_("The authors' own version label, from the file.")
    )
    title_en = models.CharField(max_length=200)
    title_fr = models.CharField(max_length=200, blank=True)
    description_en = models.TextField(blank=True)
    description_fr = models.TextField(blank=True)
    red_flag_action_en = models.TextField(
        help_text=_("What to do when any red-flag answer is given, whatever the total.")
    )
    red_flag_action_fr = models.TextField(blank=True)
    languages = models.CharField(
        max_length=40, default="en fr", help_text=_("Language codes, separated by spaces.")
    )
    active = models.BooleanField(
        default=False, help_text=_("Offered for new screenings; one version per instrument.")
    )
    note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="unique_instrument_version"),
            models.UniqueConstraint(
                fields=["slug"], condition=Q(active=True), name="one_active_instrument_version"
            ),
        ]

    def __str__(self):
        return f"{self.title_en} (v{self.version})"

    @property
    def language_list(self) -> list[str]:
        return self.languages.split()

    @property
    def has_results(self) -> bool:
        return self.results.exists()

    @property
    def sources_text(self) -> str:
        return "\n".join(source.citation for source in self.sources.all())


class Source(models.Model):
    """A published work an instrument's questions are built on."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="sources")
    key = models.SlugField(max_length=60)
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=400)
    publisher = models.CharField(max_length=200)
    year = models.CharField(max_length=20, help_text=_("Year, or n.d. when undated."))
    url = models.URLField(max_length=400)
    used_for = models.TextField(blank=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "key"], name="unique_source_key")
        ]

    def __str__(self):
        return self.key

    @property
    def citation(self) -> str:
        return f"{self.publisher}, “{self.title}”, {self.year}. {self.url}"


class Domain(Translated, models.Model):
    """A group of questions on one area of a child's life (work, movement, control…)."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="domains")
    key = models.SlugField(max_length=60)
    order = models.PositiveSmallIntegerField(default=0)
    label_en = models.CharField(max_length=200)
    label_fr = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "key"], name="unique_domain_key")
        ]

    def __str__(self):
        return self.label_en


class Question(Translated, models.Model):
    """One question of an instrument, with guidance for the person screening."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="questions")
    # RESTRICT, not PROTECT: a domain goes with its instrument, never alone.
    domain = models.ForeignKey(Domain, on_delete=models.RESTRICT, related_name="questions")
    key = models.SlugField(max_length=60)
    order = models.PositiveSmallIntegerField(default=0)
    text_en = models.TextField()
    text_fr = models.TextField(blank=True)
    guidance_en = models.TextField(blank=True)
    guidance_fr = models.TextField(blank=True)
    source_keys = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Keys of the instrument's sources, space-separated."),
    )

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "key"], name="unique_question_key")
        ]

    def __str__(self):
        return self.key

    @property
    def red_flag(self) -> bool:
        """A red-flag question: at least one of its answers calls for referral on its own."""
        return any(option.red_flag for option in self.options.all())

    @property
    def max_score(self) -> int:
        return max((option.score for option in self.options.all()), default=0)


class Option(Translated, models.Model):
    """One possible answer to a question, with its score."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    key = models.SlugField(max_length=60)
    order = models.PositiveSmallIntegerField(default=0)
    label_en = models.CharField(max_length=300)
    label_fr = models.CharField(max_length=300, blank=True)
    score = models.PositiveSmallIntegerField()
    red_flag = models.BooleanField(
        default=False, help_text=_("This answer alone calls for immediate referral.")
    )

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="unique_option_key")
        ]

    def __str__(self):
        return f"{self.question.key}: {self.key}"


class Band(Translated, models.Model):
    """A range of total scores, what it means and what to do."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="bands")
    order = models.PositiveSmallIntegerField(default=0)
    min_score = models.PositiveIntegerField()
    max_score = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Empty for the last band: that score and above.")
    )
    concern = models.CharField(max_length=10, choices=Concern.choices)
    label_en = models.CharField(max_length=200)
    label_fr = models.CharField(max_length=200, blank=True)
    meaning_en = models.TextField(blank=True)
    meaning_fr = models.TextField(blank=True)
    action_en = models.TextField()
    action_fr = models.TextField(blank=True)

    class Meta:
        ordering = ["min_score", "id"]

    def __str__(self):
        upper = "+" if self.max_score is None else f"–{self.max_score}"
        return f"{self.min_score}{upper} {self.label_en}"

    def contains(self, total: int) -> bool:
        return self.min_score <= total and (self.max_score is None or total <= self.max_score)


class ImmutableResultError(Exception):
    """A screening result is never changed: screen again for a new one."""


class ScreeningResultQuerySet(models.QuerySet):
    def for_subject(self, subject_type: str, subject_id):
        """The screening history of one subject (e.g. a child), newest first."""
        return self.filter(subject_type=subject_type, subject_id=subject_id).order_by("-created_at")


class ScreeningResult(models.Model):
    """One screening of one subject with one instrument version; never edited afterwards."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="results")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    screened_by = models.ForeignKey("accounts.Person", on_delete=models.PROTECT, related_name="+")
    # A generic reference, so that screening needs no case yet (a child who is
    # not a case) and the cases app can point here without a migration loop.
    subject_type = models.CharField(max_length=60, help_text=_("e.g. cases.child"))
    subject_id = models.UUIDField()
    total_score = models.PositiveIntegerField()
    band = models.ForeignKey(
        Band, null=True, blank=True, on_delete=models.PROTECT, related_name="results"
    )
    # The band's concern, raised to "clear" by any red-flag answer.
    concern = models.CharField(max_length=10, choices=Concern.choices)
    red_flags = models.BooleanField(default=False)
    questions_not_asked = models.PositiveSmallIntegerField(default=0)
    notes = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScreeningResultQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["subject_type", "subject_id", "-created_at"], name="screening_by_subject"
            ),
            models.Index(fields=["organisation", "-created_at"], name="screening_by_organisation"),
        ]

    def __str__(self):
        return f"{self.instrument.slug} v{self.instrument.version} · {self.created_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableResultError("screening results are not changed; screen again")
        super().save(*args, **kwargs)

    @property
    def needs_referral(self) -> bool:
        return self.concern == Concern.CLEAR

    def answer_map(self) -> dict[int, int]:
        return dict(self.answers.values_list("question_id", "option_id"))


class ScreeningAnswer(models.Model):
    """The option chosen for one question in one screening."""

    result = models.ForeignKey(ScreeningResult, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    option = models.ForeignKey(Option, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["result", "question"], name="one_answer_per_question")
        ]

    def __str__(self):
        return f"{self.question.key}: {self.option.key}"
