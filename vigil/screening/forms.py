"""A screening form built from an instrument version: one optional choice per question."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.screening.models import Instrument

NOT_ASKED = ""


def field_name(question) -> str:
    return f"q-{question.key}"


class ScreeningForm(forms.Form):
    """Questions in the active language (English when untranslated), guidance as help text.

    Every question may be left "not asked": that is not a zero, and the
    result says how many were not asked.
    """

    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the child said in their own words, and who else you spoke to."),
    )

    def __init__(self, instrument: Instrument, *args, language: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        self.questions = list(instrument.questions.all())
        notes = self.fields.pop("notes")
        for question in self.questions:
            self.fields[field_name(question)] = forms.TypedChoiceField(
                label=question.text("text", language),
                help_text=question.text("guidance", language),
                required=False,
                coerce=int,
                empty_value=None,
                choices=[(NOT_ASKED, _("Not asked"))]
                + [
                    (option.pk, option.text("label", language)) for option in question.options.all()
                ],
                initial=NOT_ASKED,
                widget=forms.RadioSelect,
            )
        self.fields["notes"] = notes

    def domains(self):
        """The question fields grouped by domain, in order, for templates."""
        groups = []
        for question in self.questions:
            if not groups or groups[-1][0] != question.domain:
                groups.append((question.domain, []))
            groups[-1][1].append(self[field_name(question)])
        return groups

    def answers(self) -> dict[int, int]:
        """{question id: option id} for the questions asked (after `is_valid()`)."""
        return {
            question.pk: self.cleaned_data[field_name(question)]
            for question in self.questions
            if self.cleaned_data.get(field_name(question)) is not None
        }
