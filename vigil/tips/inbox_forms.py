"""What staff may send from a tip's page: a question to the reporter, a new status."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.core.text import validate_plain_text
from vigil.tips.models import Status

QUESTION_LIMIT = 5_000


class AskForm(forms.Form):
    body = forms.CharField(
        label=_("Question to the reporter"),
        help_text=_(
            "The reporter sees this when they come back with their receipt code "
            "(SMS reporters get it by text message). Plain text only."
        ),
        max_length=QUESTION_LIMIT,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write the question before sending it.")},
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Required when closing the tip."),
        required=False,
        max_length=300,
        validators=[validate_plain_text],
    )

    def __init__(self, *args, tip=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.tip = tip
        if tip is not None and not self.is_bound:
            self.fields["status"].initial = tip.status

    def clean(self):
        data = super().clean()
        status, reason = data.get("status"), (data.get("reason") or "").strip()
        data["reason"] = reason
        if status == Status.CLOSED and not reason:
            self.add_error("reason", _("Say why the tip is being closed."))
        elif self.tip is not None and status == self.tip.status and status != Status.CLOSED:
            self.add_error("status", _("The tip already has this status."))
        return data
