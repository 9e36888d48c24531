"""Instruments in the admin: edit a version until it is used; after that, copy it as a new version.

A version that screenings have used is read-only (only "active" can change, to
retire it or bring it back): the results must keep pointing at what was
asked. The "Make a new version" action copies it into an inactive draft.
Every save checks the whole instrument; a version with problems is never
offered for screening.
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import Max
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from vigil.screening.instruments import (
    activate,
    band_coverage_problems,
    new_version_from,
    problems_of,
)
from vigil.screening.models import LANGUAGES, Band, Domain, Instrument, Option, Question, Source

FROZEN_MESSAGE = gettext_lazy(
    "Screenings have used this version, so it cannot be changed: their results must keep "
    "pointing at what was asked. To change it, select it in the list of instruments and run "
    "“Make a new version”, then edit the copy."
)


def _frozen(instrument) -> bool:
    return instrument is not None and instrument.pk is not None and instrument.has_results


def check_after_edit(request, instrument: Instrument, wants_active: bool) -> None:
    """Offer the version for screening only when the whole instrument is sound."""
    problems = problems_of(instrument)
    if problems:
        if instrument.active:
            instrument.active = False
            instrument.save(update_fields=["active"])
        messages.error(
            request,
            _("Version %(version)s is not offered for screening until this is fixed: %(problems)s")
            % {"version": instrument.version, "problems": " ".join(problems)},
        )
    elif wants_active:
        activate(instrument)


class FrozenInlineMixin:
    def has_add_permission(self, request, obj=None):
        return not _frozen(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not _frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _frozen(obj) and super().has_delete_permission(request, obj)


class SourceInline(FrozenInlineMixin, admin.StackedInline):
    model = Source
    extra = 0
    fields = ["order", "key", "title", "publisher", "year", "url", "used_for"]


class DomainInline(FrozenInlineMixin, admin.TabularInline):
    model = Domain
    extra = 0
    fields = ["order", "key", "label_en", "label_fr"]


class QuestionInline(FrozenInlineMixin, admin.TabularInline):
    model = Question
    extra = 0
    show_change_link = True
    fields = ["order", "key", "domain", "text_en", "text_fr"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if "domain" in formset.form.base_fields:
            formset.form.base_fields["domain"].queryset = (
                Domain.objects.filter(instrument=obj) if obj else Domain.objects.none()
            )
        return formset


class BandFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        ranges = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or data.get("min_score") is None:
                continue
            low, high = data["min_score"], data.get("max_score")
            if high is not None and high < low:
                raise forms.ValidationError(
                    _("A band's max score (%(high)s) is below its min score (%(low)s).")
                    % {"high": high, "low": low}
                )
            ranges.append((low, high))
        if not ranges:
            raise forms.ValidationError(_("An instrument needs at least one band."))
        max_total = 0
        if self.instance.pk:
            max_total = sum(question.max_score for question in _questions(self.instance))
        problems = band_coverage_problems(ranges, max_total)
        if problems:
            raise forms.ValidationError(problems)


def _questions(instrument):
    return instrument.questions.prefetch_related("options")


class BandInline(FrozenInlineMixin, admin.StackedInline):
    model = Band
    formset = BandFormSet
    extra = 0
    fields = [
        ("min_score", "max_score", "concern"),
        ("label_en", "label_fr"),
        ("meaning_en", "meaning_fr"),
        ("action_en", "action_fr"),
    ]


CONTENT_FIELDS = [
    "slug",
    "edition",
    "languages",
    "title_en",
    "title_fr",
    "description_en",
    "description_fr",
    "red_flag_action_en",
    "red_flag_action_fr",
]


class InstrumentForm(forms.ModelForm):
    class Meta:
        model = Instrument
        fields = [*CONTENT_FIELDS, "active", "note"]

    def clean_languages(self):
        languages = self.cleaned_data["languages"].split()
        unknown = [language for language in languages if language not in LANGUAGES]
        if unknown:
            raise forms.ValidationError(
                _("Unknown language: %(codes)s (known: %(known)s).")
                % {"codes": ", ".join(unknown), "known": ", ".join(LANGUAGES)}
            )
        if "en" not in languages:
            raise forms.ValidationError(_("English (en) is needed: it is the fallback."))
        return " ".join(dict.fromkeys(languages))


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    form = InstrumentForm
    list_display = ["slug", "version", "edition", "title_en", "active", "created_at"]
    list_filter = ["active", "slug"]
    search_fields = ["slug", "title_en"]
    actions = ["make_new_version"]
    inlines = [SourceInline, DomainInline, QuestionInline, BandInline]

    def get_readonly_fields(self, request, obj=None):
        fixed = ["version", "created_by", "created_at"]
        if _frozen(obj):
            return [*CONTENT_FIELDS, "note", *fixed]
        if obj is not None:
            return ["slug", *fixed]  # a slug names the series of versions
        return fixed

    def has_delete_permission(self, request, obj=None):
        return not _frozen(obj) and super().has_delete_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        instrument = self.get_object(request, object_id)
        if request.method == "GET" and _frozen(instrument):
            messages.warning(request, FROZEN_MESSAGE)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            last = Instrument.objects.filter(slug=obj.slug).aggregate(last=Max("version"))
            obj.version = (last["last"] or 0) + 1
            obj.created_by = request.user
        # Activated in save_related, once the questions and bands are saved and checked.
        obj._wants_active = obj.active
        if obj.active and not (change and form.initial.get("active")):
            obj.active = False
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        instrument = form.instance
        check_after_edit(request, instrument, getattr(instrument, "_wants_active", False))

    @admin.action(description="Make a new version (an editable copy, not yet in use)")
    def make_new_version(self, request, queryset):
        copies = [new_version_from(instrument, created_by=request.user) for instrument in queryset]
        self.message_user(
            request,
            ngettext(
                "Made %(count)d new version: edit it, then tick “active” to use it.",
                "Made %(count)d new versions: edit them, then tick “active” to use one.",
                len(copies),
            )
            % {"count": len(copies)},
            messages.SUCCESS,
        )
        if len(copies) == 1:
            return HttpResponseRedirect(
                reverse("admin:screening_instrument_change", args=[copies[0].pk])
            )
        return None


class OptionFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]
        if len(kept) < 2:
            raise forms.ValidationError(_("A question needs at least two answer options."))


class OptionInline(admin.TabularInline):
    model = Option
    formset = OptionFormSet
    extra = 0
    fields = ["order", "key", "label_en", "label_fr", "score", "red_flag"]

    def has_add_permission(self, request, obj=None):
        return not _frozen(obj and obj.instrument) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not _frozen(obj and obj.instrument) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _frozen(obj and obj.instrument) and super().has_delete_permission(request, obj)


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = [
            "instrument",
            "domain",
            "order",
            "key",
            "text_en",
            "text_fr",
            "guidance_en",
            "guidance_fr",
            "source_keys",
        ]

    def clean(self):
        data = super().clean()
        instrument = data.get("instrument") or getattr(self.instance, "instrument", None)
        if instrument is None:
            return data
        if _frozen(instrument):
            raise forms.ValidationError(FROZEN_MESSAGE)
        domain = data.get("domain")
        if domain is not None and domain.instrument_id != instrument.pk:
            self.add_error("domain", _("Choose a domain of the same instrument version."))
        known = set(instrument.sources.values_list("key", flat=True))
        unknown = [key for key in data.get("source_keys", "").split() if key not in known]
        if unknown:
            self.add_error(
                "source_keys",
                _("Unknown source: %(keys)s. Known: %(known)s.")
                % {"keys": ", ".join(unknown), "known": ", ".join(sorted(known))},
            )
        return data


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """A question and its answer options (the admin cannot nest options inside instruments)."""

    form = QuestionForm
    list_display = ["key", "instrument", "domain", "order"]
    list_filter = ["instrument"]
    search_fields = ["key", "text_en"]
    inlines = [OptionInline]

    def get_readonly_fields(self, request, obj=None):
        return ["instrument"] if obj is not None else []

    def has_change_permission(self, request, obj=None):
        return not _frozen(obj and obj.instrument) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _frozen(obj and obj.instrument) and super().has_delete_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        question = self.get_object(request, object_id)
        if request.method == "GET" and question is not None and _frozen(question.instrument):
            messages.warning(request, FROZEN_MESSAGE)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        instrument = form.instance.instrument
        check_after_edit(request, instrument, instrument.active)

    def delete_model(self, request, obj):
        instrument = obj.instrument
        super().delete_model(request, obj)
        check_after_edit(request, instrument, instrument.active)
