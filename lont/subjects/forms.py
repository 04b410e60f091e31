"""Forms for groups, people and relations. Views hand ``cleaned_data`` to the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lont.core.forms import StyledForm, StyledModelForm

from .choices import Bind, KnownPlatform, StepStatus
from .choosers import (
    GroupComboboxField,
    MemberCandidateField,
    PersonComboboxField,
    PersonsComboboxField,
)
from .models import (
    ConflictEvent,
    Group,
    GroupAssessment,
    GroupMembership,
    GroupRelation,
    Person,
    PersonRelation,
)
from .models.groups import STEP_NUMBERS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})


class LinesField(forms.CharField):
    """One value per line (or comma-separated) ⇄ a JSON list of strings."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        if isinstance(value, list):
            return [str(v).strip() for v in value if str(v).strip()]
        text = super().to_python(value) or ""
        parts = [p.strip() for line in text.splitlines() for p in line.split(",")]
        return [p[:120] for p in parts if p][:30]


class PairsField(forms.CharField):
    """Lines of ``platform: account`` ⇄ a dict (handles) or a list of pairs (channels)."""

    widget = forms.Textarea(attrs={"rows": 2})

    def __init__(self, *args: Any, as_dict: bool = True, **kwargs: Any) -> None:
        self.as_dict = as_dict
        super().__init__(*args, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dict):
            return "\n".join(f"{k}: {v}" for k, v in value.items())
        if isinstance(value, list):
            return "\n".join(f"{p.get('platform', '')}: {p.get('channel', '')}" for p in value)
        return value

    def to_python(self, value: Any) -> Any:
        if isinstance(value, dict | list):
            return value
        text = super().to_python(value) or ""
        pairs = []
        for line in text.splitlines():
            if not line.strip():
                continue
            if ":" not in line:
                raise forms.ValidationError(
                    _(
                        "Schrijf per regel 'platform: account', "
                        "bijvoorbeeld 'Instagram: @voorbeeld'."
                    )
                )
            platform, _sep, handle = line.partition(":")
            pairs.append((platform.strip()[:40], handle.strip()[:120]))
        if self.as_dict:
            return dict(pairs)
        return [{"platform": p, "channel": c} for p, c in pairs]


class GroupForm(StyledModelForm):
    other_names = LinesField(label=_("Andere namen"), required=False)
    areas = LinesField(label=_("Gebieden (buurten, postcodes)"), required=False)
    binds = forms.MultipleChoiceField(
        label=_("Wat bindt de groep"),
        choices=Bind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    platforms = forms.MultipleChoiceField(
        label=_("Op welke platforms is de groep te vinden?"),
        choices=KnownPlatform.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Standaardvraag bij de kennismaking: vraag het de groep zelf."),
    )
    online_channels = PairsField(
        label=_("Online platforms en kanalen"),
        required=False,
        as_dict=False,
        help_text=_("Per regel 'platform: kanaal'."),
    )

    class Meta:
        model = Group
        fields = [
            "name",
            "other_names",
            "areas",
            "binds",
            "meeting_places",
            "platforms",
            "online_channels",
            "size_estimate",
            "age_min",
            "age_max",
            "description",
            "strengths",
            "formation_stage",
            "core_purpose",
        ]
        widgets = {"meeting_places": TEXT, "description": TEXT, "strengths": TEXT}
        help_texts = {
            "name": _(
                "De naam die iedereen herkent, ook de groep zelf. Gebruik niet standaard 'bende'."
            ),
            "strengths": _(
                "Een sterk groepsgevoel is ook een kracht: wat kan de groep, wat bindt positief?"
            ),
        }


class PersonForm(StyledModelForm):
    handles = PairsField(
        label=_("Accounts per platform"),
        required=False,
        help_text=_("Per regel 'platform: account'."),
    )
    date_of_birth = forms.DateField(label=_("Geboortedatum"), required=False, widget=DATE)

    class Meta:
        model = Person
        fields = [
            "alias",
            "handles",
            "real_name",
            "address",
            "date_of_birth",
            "involvement",
            "age_band",
            "area",
            "school_or_work",
            "protective_factors",
            "future_perspective",
            "contact_professionals",
        ]
        widgets = {
            "real_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "address": forms.TextInput(attrs={"autocomplete": "off"}),
            "protective_factors": TEXT,
            "future_perspective": TEXT,
        }
        help_texts = {
            "alias": _(
                "De naam waaronder de persoon in het netwerk bekend is; nooit de echte naam."
            ),
            "real_name": _(
                "Versleuteld opgeslagen; alleen zichtbaar voor partners met toegang "
                "tot identificerende gegevens."
            ),
        }

    def __init__(self, *args: Any, members: Any, identifying: bool, **kwargs: Any) -> None:
        instance = kwargs.get("instance")
        if instance is not None and instance.pk and instance.date_of_birth_value:
            kwargs.setdefault("initial", {})["date_of_birth"] = instance.date_of_birth_value
        super().__init__(*args, **kwargs)
        self.fields["contact_professionals"].queryset = members  # type: ignore[attr-defined]
        self.fields["contact_professionals"].label_from_instance = (  # type: ignore[attr-defined]
            lambda m: f"{m.user.full_name} ({m.organisation.name})"
        )
        if not identifying:
            # Not shown, not changeable: the form never carries what this viewer may not see.
            for name in ("real_name", "address", "date_of_birth"):
                del self.fields[name]

    def clean_date_of_birth(self) -> str:
        value: dt.date | None = self.cleaned_data.get("date_of_birth")
        return value.isoformat() if value else ""


class MembershipForm(StyledModelForm):
    class Meta:
        model = GroupMembership
        fields = ["group", "person", "role", "basis", "basis_note", "since", "until"]
        # Type to choose: a select of every group and person grows with the network.
        field_classes = {"group": GroupComboboxField, "person": MemberCandidateField}
        widgets = {"since": DATE, "until": DATE, "basis_note": TEXT}
        help_texts = {
            "basis": _(
                "Familiebanden alleen zijn nooit een grond om iemand aan een groep te koppelen."
            ),
        }

    def __init__(self, *args: Any, groups: Any, persons: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups  # type: ignore[attr-defined]
        self.fields["person"].queryset = persons  # type: ignore[attr-defined]


class PersonRelationForm(StyledModelForm):
    class Meta:
        model = PersonRelation
        fields = ["person_a", "person_b", "kind", "date", "note"]
        field_classes = {"person_a": PersonComboboxField, "person_b": PersonComboboxField}
        widgets = {"date": DATE, "note": TEXT}

    def __init__(self, *args: Any, persons: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person_a"].queryset = persons  # type: ignore[attr-defined]
        self.fields["person_b"].queryset = persons  # type: ignore[attr-defined]


class GroupRelationForm(StyledModelForm):
    class Meta:
        model = GroupRelation
        fields = ["group_a", "group_b", "kind", "since", "description", "threat_a", "threat_b"]
        field_classes = {"group_a": GroupComboboxField, "group_b": GroupComboboxField}
        widgets = {"since": DATE, "description": TEXT}

    def __init__(self, *args: Any, groups: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group_a"].queryset = groups  # type: ignore[attr-defined]
        self.fields["group_b"].queryset = groups  # type: ignore[attr-defined]


class ConflictEventForm(StyledModelForm):
    class Meta:
        model = ConflictEvent
        fields = ["date", "description"]
        widgets = {"date": DATE, "description": TEXT}


class AssessmentForm(StyledModelForm):
    class Meta:
        model = GroupAssessment
        fields = [
            "started_on",
            "norms_values",
            "problem_definition",
            "plan",
            "monitoring_notes",
            "scale_down_decision",
            "shortlist_type",
            "shortlist_rationale",
            "shortlist_by",
            "prototypical_members",
            "credible_messengers",
        ]
        field_classes = {
            "prototypical_members": PersonsComboboxField,
            "credible_messengers": PersonsComboboxField,
        }
        widgets = {
            "started_on": DATE,
            **dict.fromkeys(
                (
                    "norms_values",
                    "problem_definition",
                    "plan",
                    "monitoring_notes",
                    "scale_down_decision",
                    "shortlist_rationale",
                ),
                TEXT,
            ),
        }
        help_texts = {
            "shortlist_type": _(
                "Alleen beschrijvend: het oordeel van een partner, met onderbouwing. "
                "Lont berekent dit nooit."
            ),
        }

    def __init__(self, *args: Any, persons: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["prototypical_members"].queryset = persons  # type: ignore[attr-defined]
        self.fields["credible_messengers"].queryset = persons  # type: ignore[attr-defined]
        self.fields["shortlist_by"].queryset = organisations  # type: ignore[attr-defined]


class StepForm(StyledForm):
    number = forms.TypedChoiceField(
        label=_("Stap"), choices=[(n, str(n)) for n in STEP_NUMBERS], coerce=int
    )
    status = forms.ChoiceField(label=_("Status"), choices=StepStatus.choices)
    started_on = forms.DateField(label=_("Gestart op"), required=False, widget=DATE)
    completed_on = forms.DateField(label=_("Afgerond op"), required=False, widget=DATE)


class ContributionForm(StyledForm):
    step = forms.TypedChoiceField(
        label=_("Stap"), choices=[(n, str(n)) for n in STEP_NUMBERS], coerce=int
    )
    text = forms.CharField(label=_("Bijdrage van uw organisatie"), widget=TEXT, max_length=4000)
    date = forms.DateField(label=_("Datum"), required=False, widget=DATE)


class JustifyForm(StyledForm):
    reason = forms.CharField(
        label=_("Waarom blijft deze persoon in beeld?"), widget=TEXT, max_length=2000
    )
    new_review_date = forms.DateField(label=_("Nieuwe herbeoordelingsdatum"), widget=DATE)


class GraphFilterForm(StyledForm):
    area = forms.CharField(label=_("Gebied"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Soort relatie"),
        required=False,
        choices=[
            ("", _("Alle")),
            ("rivaliteit", _("Rivaliteiten")),
            ("bondgenootschap", _("Bondgenootschappen")),
            ("neutraal", _("Neutraal")),
            ("lidmaatschap", _("Groepslidmaatschappen")),
            ("persoonsrelatie", _("Relaties tussen personen")),
        ],
    )
    since = forms.DateField(label=_("Vanaf"), required=False, widget=DATE)
    until = forms.DateField(label=_("Tot en met"), required=False, widget=DATE)
    # A focused graph, opened from a group or person page ("Op de netwerkkaart").
    group = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    person = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    depth = forms.TypedChoiceField(
        label=_("Diepte rond de groep of persoon"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[(1, "1"), (2, "2"), (3, "3")],
    )
