"""Case forms: validation at the edge, nothing saved until every field is right."""

import pycountry
from django import forms
from django.utils.translation import gettext_lazy as _

from vigil.accounts.models import Membership, Organisation, Person, Role
from vigil.cases.actions import CHILD_FIELDS, CaseDetails
from vigil.cases.models import (
    SHAREABLE,
    Caregiver,
    CaseStatus,
    ClosureReason,
    Concern,
    Consent,
    ConsentPurpose,
    Exploitation,
    FollowUpKind,
    IdentifiedBy,
    Placement,
    PlanItem,
    PlanItemStatus,
    RiskLevel,
    Severity,
    Sex,
)
from vigil.directory.models import Service, ServiceType
from vigil.regions.models import Place


class ChildFields(forms.Form):
    """What is known of the child: shared by case forms and the child-only form."""

    given_name = forms.CharField(label=_("Given name"), max_length=200, required=False)
    family_name = forms.CharField(label=_("Family name"), max_length=200, required=False)
    other_names = forms.CharField(
        label=_("Other names and spellings"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line: aliases, nicknames, other transliterations."),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, required=False)
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    estimated_age = forms.IntegerField(
        label=_("Estimated age"),
        min_value=0,
        max_value=25,
        required=False,
        help_text=_("When the date of birth is not known."),
    )
    nationality = forms.CharField(
        label=_("Nationality"),
        max_length=2,
        required=False,
        help_text=_("Two-letter country code, e.g. XV."),
    )
    languages = forms.CharField(
        label=_("Languages"),
        max_length=100,
        required=False,
        help_text=_("Two-letter codes separated by commas, e.g. fr, ar."),
    )
    current_place = forms.ModelChoiceField(
        label=_("Where the child is now"), queryset=Place.objects.none(), required=False
    )
    placement = forms.ChoiceField(label=_("Placement"), choices=Placement.choices, required=False)
    placement_details = forms.CharField(
        label=_("Placement details"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, country: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        places = Place.objects.all()
        if country:
            places = places.filter(country_code=country)
        self.fields["current_place"].queryset = places.order_by("name")

    def clean_nationality(self):
        code = self.cleaned_data["nationality"].strip().upper()
        if code and code != "XV" and pycountry.countries.get(alpha_2=code) is None:
            raise forms.ValidationError(_("Not a country code."))
        return code

    def clean_languages(self):
        codes = [c.strip().lower() for c in self.cleaned_data["languages"].split(",") if c.strip()]
        for code in codes:
            if pycountry.languages.get(alpha_2=code) is None:
                raise forms.ValidationError(
                    _("“%(code)s” is not a two-letter language code.") % {"code": code}
                )
        return ", ".join(codes)

    def child_fields(self) -> dict:
        """The child's fields this form holds (hidden ones are left as stored)."""
        data = {name: self.cleaned_data[name] for name in CHILD_FIELDS if name in self.fields}
        if data.get("date_of_birth"):
            data["date_of_birth"] = data["date_of_birth"].isoformat()
        elif "date_of_birth" in data:
            data["date_of_birth"] = ""
        return data


class CaseForm(ChildFields):
    identified_by = forms.ChoiceField(
        label=_("How the child was identified"), choices=IdentifiedBy.choices
    )
    risk_level = forms.ChoiceField(label=_("Risk level"), choices=RiskLevel.choices)
    risk_reasons = forms.CharField(
        label=_("Reasons for the risk level"), widget=forms.Textarea(attrs={"rows": 3})
    )
    exploitations = forms.MultipleChoiceField(
        label=_("Types of exploitation"),
        choices=Exploitation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    concerns = forms.MultipleChoiceField(
        label=_("Protection concerns"),
        choices=Concern.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    summary = forms.CharField(
        label=_("What is known"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, child_fields: bool = True, hidden=(), **kwargs):
        super().__init__(*args, **kwargs)
        if not child_fields:  # a case for a child already registered
            for name in CHILD_FIELDS:
                del self.fields[name]
        # What this person may not see, they do not edit either.
        for name in hidden:
            self.fields.pop(name, None)

    def details(self) -> CaseDetails:
        data = self.cleaned_data
        return CaseDetails(
            child=self.child_fields(),
            case={
                name: data[name]
                for name in ("identified_by", "risk_level", "risk_reasons", "summary")
                if name in self.fields
            },
            exploitations=data["exploitations"],
            concerns=data["concerns"],
        )

    @classmethod
    def initial_for(cls, case) -> dict:
        child = case.child
        initial = {name: getattr(child, name) for name in CHILD_FIELDS}
        initial.update(
            identified_by=case.identified_by,
            risk_level=case.risk_level,
            risk_reasons=case.risk_reasons,
            summary=case.summary,
            exploitations=[e.exploitation for e in case.exploitations.all()],
            concerns=[c.concern for c in case.concerns.all()],
            version=case.version,
        )
        return initial


class NewCaseForm(CaseForm):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, empty_label=None)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.order_fields(["organisation"])


class ChildForm(ChildFields):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, empty_label=None)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.order_fields(["organisation"])


class FromTipForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation that will own the case"), queryset=None, empty_label=None
    )

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in owners]
        ).order_by("name")


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Case worker"), queryset=Person.objects.none())

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        workers = Membership.objects.filter(organisation=organisation, role=Role.CASE_WORKER)
        self.fields["assignee"].queryset = Person.objects.filter(
            pk__in=workers.values("person_id")
        ).order_by("display_name")


class StatusForm(forms.Form):
    # Closing is asked for and approved (ClosureRequestForm), not set here.
    status = forms.ChoiceField(
        label=_("Status"), choices=[c for c in CaseStatus.choices if c[0] != CaseStatus.CLOSED]
    )


class GrantForm(forms.Form):
    username = forms.CharField(label=_("Username of the person"), max_length=150)
    can_edit = forms.BooleanField(label=_("May also edit"), required=False)
    reason = forms.CharField(label=_("Why they need the case"), max_length=300)

    def clean_username(self):
        person = Person.objects.filter(
            username=self.cleaned_data["username"].strip(), is_active=True
        ).first()
        if person is None or not person.memberships.exists():
            raise forms.ValidationError(_("No staff member has this username."))
        return person


class ConsentForm(forms.ModelForm):
    class Meta:
        model = Consent
        fields = [
            "given_by",
            "purpose",
            "share_with",
            "share_identity",
            "share_contact",
            "share_history",
            "share_health",
            "share_legal",
            "given_on",
            "notes",
        ]
        widgets = {
            "given_on": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }


class RevokeConsentForm(forms.Form):
    reason = forms.CharField(label=_("How the consent was withdrawn"), max_length=300)


# Needs, plan, follow-ups, closure -----------------------------------------------------


class NeedForm(forms.Form):
    area = forms.ChoiceField(label=_("Area"), choices=ServiceType.choices)
    severity = forms.ChoiceField(label=_("Need"), choices=Severity.choices)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class PlanItemForm(forms.Form):
    area = forms.ChoiceField(label=_("Area"), choices=ServiceType.choices)
    goal = forms.CharField(label=_("Goal"), widget=forms.Textarea(attrs={"rows": 2}))
    service = forms.ModelChoiceField(
        label=_("Provider (from the directory)"),
        queryset=Service.objects.filter(is_active=True)
        .select_related("organisation")
        .order_by("organisation__name", "name"),
        required=False,
    )
    due_on = forms.DateField(
        label=_("Due on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class PlanItemUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=PlanItemStatus.choices)
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the goal was not met: say why."),
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == PlanItemStatus.NOT_DONE and not data.get("outcome", "").strip():
            self.add_error("outcome", _("Say why this goal was not met."))
        return data


class FollowUpForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=FollowUpKind.choices)
    due_on = forms.DateField(label=_("Due on"), widget=forms.DateInput(attrs={"type": "date"}))


class FollowUpDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=forms.DateInput(attrs={"type": "date"}))
    notes = forms.CharField(label=_("What you found"), widget=forms.Textarea(attrs={"rows": 3}))


class ClosureRequestForm(forms.Form):
    closure_reason = forms.ChoiceField(label=_("Reason for closing"), choices=ClosureReason.choices)
    closure_note = forms.CharField(
        label=_("Closing note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("closure_reason") == ClosureReason.OTHER and not data.get("closure_note"):
            self.add_error("closure_note", _("Explain the reason."))
        return data


# Referrals and transfers ---------------------------------------------------------------


class ReferralForm(forms.Form):
    service = forms.ModelChoiceField(label=_("Service"), queryset=Service.objects.none())
    plan_item = forms.ModelChoiceField(
        label=_("For this plan item"), queryset=PlanItem.objects.none(), required=False
    )
    consent = forms.ModelChoiceField(
        label=_("Consent it relies on"), queryset=Consent.objects.none(), required=False
    )
    override_reason = forms.CharField(
        label=_("Without consent: the supervisor's reason"),
        max_length=300,
        required=False,
        help_text=_("Only a supervisor may refer without consent; this is recorded."),
    )
    categories = forms.MultipleChoiceField(
        label=_("Without consent: what to share"),
        choices=[(c, c) for c in SHAREABLE],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(
        label=_("Message to the provider"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = (
            Service.objects.filter(is_active=True)
            .exclude(organisation=case.organisation)
            .select_related("organisation")
            .order_by("organisation__name", "name")
        )
        self.fields["plan_item"].queryset = case.plan_items.all()
        self.fields["consent"].queryset = case.consents.filter(
            purpose=ConsentPurpose.SERVICES, revoked_at__isnull=True
        )

    def clean(self):
        data = super().clean()
        if not data.get("consent") and not data.get("override_reason", "").strip():
            raise forms.ValidationError(
                _("Choose the consent this relies on, or (supervisors) give a reason.")
            )
        return data


class TransferForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("To"), queryset=Organisation.objects.none())
    reason = forms.CharField(label=_("Why"), max_length=300)
    consent = forms.ModelChoiceField(
        label=_("Consent it relies on"), queryset=Consent.objects.none(), required=False
    )
    override_reason = forms.CharField(
        label=_("Without consent: the supervisor's reason"), max_length=300, required=False
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        owners = Membership.objects.filter(role=Role.CASE_WORKER).values("organisation_id")
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(pk__in=owners)
            .exclude(pk=case.organisation_id)
            .order_by("name")
        )
        self.fields["consent"].queryset = case.consents.filter(
            purpose=ConsentPurpose.TRANSFER, revoked_at__isnull=True
        )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class DeliveryForm(forms.Form):
    note = forms.CharField(label=_("What was delivered"), widget=forms.Textarea(attrs={"rows": 3}))


class CaregiverForm(forms.ModelForm):
    class Meta:
        model = Caregiver
        fields = ["name", "relationship", "contact", "safe_to_contact"]
        widgets = {"name": forms.TextInput, "contact": forms.TextInput}
        help_texts = {
            "safe_to_contact": _(
                "Only if you are sure this person played no part in the exploitation."
            )
        }
