"""What analysts and supervisors send from triage: assignments, referrals, corrections."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.accounts.models import Organisation, OrganisationKind
from vigil.core.text import validate_plain_text
from vigil.triage import access
from vigil.triage.models import EntityKind, Indicator

SUMMARY_LIMIT = 5_000


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"),
        queryset=None,
        error_messages={"invalid_choice": _("Choose someone who handles this hotline's tips.")},
    )

    def __init__(self, *args, hotline, **kwargs):
        kwargs.setdefault("auto_id", "assign-%s")
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = access.assignable_people(hotline)


class EscalationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Law-enforcement organisation"),
        help_text=_("Only this organisation will see the referral."),
        queryset=Organisation.objects.filter(kind=OrganisationKind.LAW_ENFORCEMENT),
        empty_label=_("Choose one"),
        error_messages={"required": _("Choose the organisation to send the referral to.")},
    )
    summary = forms.CharField(
        label=_("Summary to send"),
        help_text=_(
            "This text is what they read. It starts with the minimum: add what they need, "
            "and nothing that could identify the reporter. Plain text only."
        ),
        max_length=SUMMARY_LIMIT,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write what the organisation should know.")},
    )
    identifiers = forms.MultipleChoiceField(
        label=_("Identifiers to pass on"),
        help_text=_("Tick only those they need to act."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Note to the liaison"),
        required=False,
        max_length=1_000,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, identifiers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["identifiers"].choices = [(value, label) for value, label in identifiers]


class AddEntityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of identifier"), choices=EntityKind.choices)
    value = forms.CharField(
        label=_("Identifier as written"),
        max_length=300,
        validators=[validate_plain_text],
        error_messages={"required": _("Write the identifier the analysis missed.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "add-entity-%s")
        super().__init__(*args, **kwargs)


class AddIndicatorForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=Indicator.objects.filter(is_active=True),
        empty_label=_("Choose one"),
        error_messages={"required": _("Choose the indicator the analysis missed.")},
    )
    evidence = forms.CharField(
        label=_("Words in the report that show it (optional)"),
        required=False,
        max_length=500,
        validators=[validate_plain_text],
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "add-indicator-%s")
        super().__init__(*args, **kwargs)


class QueueFilterForm(forms.Form):
    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("All open tips")),
            ("mine", _("Mine")),
            ("unassigned", _("Unassigned")),
            ("overdue", _("Overdue")),
        ],
    )
