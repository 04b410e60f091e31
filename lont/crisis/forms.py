"""Forms of the incident room (labels in Dutch, from the models where possible)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lont.subjects.choosers import GroupsComboboxField
from lont.subjects.models import Group

from .choices import (
    ConflictStage,
    IncidentLevel,
    IncidentState,
    OutreachOutcome,
    PostOutcome,
    Spontaneity,
)
from .choosers import ContactField, FullPersonField, OpeningSituationField
from .models import (
    CHECKLIST,
    DIMENSIONS,
    Incident,
    IncidentMessage,
    IncidentPerson,
    IncidentTask,
    Outreach,
    ReportedPost,
)

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class IncidentOpenForm(forms.ModelForm):
    """The groups and the situation are typed to choose: a select of every group and situation
    grew with the network."""

    situation: Any = OpeningSituationField(
        label=_("Vanuit situatie (hoog of acuut)"), queryset=None, required=False
    )
    reason = forms.CharField(
        label=_("Waarom wordt het incident geopend?"), widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = Incident
        fields = ["title", "level", "occurred_at", "location", "call_text", "description", "groups"]
        field_classes = {"groups": GroupsComboboxField}
        widgets = {
            "occurred_at": DATETIME,
            "call_text": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(
        self, *args: Any, groups: Any = None, situations: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["groups"]
        field.queryset = groups if groups is not None else Group.objects.none()
        picker: Any = self.fields["situation"]
        picker.queryset = situations
        self.fields["groups"].required = False


class IncidentPictureForm(forms.ModelForm):
    """The information checklist (point 1), immediate action (2), legal bounds (3)."""

    class Meta:
        model = Incident
        fields = [
            "title",
            "occurred_at",
            "location",
            "call_text",
            "description",
            *[name for pair in ((n, f"{n}_note") for n in CHECKLIST) for name in pair],
            "immediate",
            "immediate_note",
            "legal_check",
            "partners_as_targets",
        ]
        widgets = {
            "occurred_at": DATETIME,
            **{
                name: forms.Textarea(attrs={"rows": 2})
                for name in (
                    "call_text",
                    "description",
                    "immediate_note",
                    "legal_check",
                    "partners_as_targets",
                    *(f"{n}_note" for n in CHECKLIST),
                )
            },
        }


class IncidentPlanForm(forms.ModelForm):
    """The action plan (point 4): safety first, a choice with its reason on a–f, the line (C2)."""

    class Meta:
        model = Incident
        fields = [
            "safety_first",
            *[name for pair in ((n, f"{n}_reason") for n in DIMENSIONS) for name in pair],
            "mediation_offered",
            "line",
            "line_reason",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 2})
            for name in (*(f"{n}_reason" for n in DIMENSIONS), "line_reason")
        }


class TransitionForm(forms.Form):
    to_state = forms.ChoiceField(label=_("Nieuwe status"), choices=IncidentState.choices)
    reason = forms.CharField(label=_("Waarom?"), widget=forms.Textarea(attrs={"rows": 2}))
    spot_evaluation = forms.CharField(
        label=_("Korte evaluatie ter plaatse (bij afschalen)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, states: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if states is not None:
            self.fields["to_state"].choices = [  # type: ignore[attr-defined]
                (value, label) for value, label in IncidentState.choices if value in states
            ]


class LevelForm(forms.Form):
    level = forms.ChoiceField(label=_("Niveau"), choices=IncidentLevel.choices)
    reason = forms.CharField(label=_("Waarom?"), widget=forms.Textarea(attrs={"rows": 2}))


class LogForm(forms.Form):
    text = forms.CharField(label=_("Wat gebeurde er?"), widget=forms.Textarea(attrs={"rows": 2}))


class TaskForm(forms.ModelForm):
    class Meta:
        model = IncidentTask
        fields = ["organisation", "kind", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class MessageForm(forms.ModelForm):
    class Meta:
        model = IncidentMessage
        fields = ["channel", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class ReadyForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Reden om het bericht toch zo te plaatsen (alleen bij een waarschuwing)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PostForm(forms.ModelForm):
    """A post to report jointly. The preserved copy is offered (and accepted) only where the
    covenant allows it (``allow_copy``)."""

    class Meta:
        model = ReportedPost
        fields = ["url", "platform", "platform_reference", "preserved_copy"]
        widgets = {"preserved_copy": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, allow_copy: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.allow_copy = allow_copy
        if not allow_copy:
            del self.fields["preserved_copy"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.allow_copy and str(self.data.get("preserved_copy", "")).strip():
            from .services.rows import copy_refused

            raise forms.ValidationError(copy_refused())
        return cleaned


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Uitkomst"), choices=PostOutcome.choices)
    platform_reference = forms.CharField(
        label=_("Kenmerk van het platform"), required=False, max_length=120
    )
    removed_at = forms.DateTimeField(label=_("Verwijderd op"), required=False, widget=DATETIME)


class PersonForm(forms.ModelForm):
    """C3: a person involved (typed to choose) and the role type from which they may use
    violence."""

    class Meta:
        model = IncidentPerson
        fields = ["person", "role_type", "motive"]
        field_classes = {"person": FullPersonField}
        widgets = {"motive": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["person"]
        field.queryset = people


class ReadingForm(forms.Form):
    """C4: conflict stage, a reasoned reading of a video on the 23 non-verbal indicators in their
    strength classes, provocation signs."""

    stage = forms.TypedChoiceField(
        label=_("Stadium van het conflict"),
        choices=[("", _("Niet vastgesteld")), *ConflictStage.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    spontaneity = forms.ChoiceField(
        label=_("Gedrag in de video"),
        choices=[("", _("Geen video beoordeeld")), *Spontaneity.choices],
        required=False,
    )
    nonverbal = forms.MultipleChoiceField(
        label=_("Non-verbale indicatoren in de video"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    provocation = forms.MultipleChoiceField(
        label=_("Signalen dat een netwerkpartner wordt geprovoceerd"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reading = forms.CharField(
        label=_("Uw duiding (beredeneerd, geen score)"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from . import guide

        super().__init__(*args, **kwargs)
        nonverbal: Any = self.fields["nonverbal"]
        nonverbal.choices = [
            (str(label), [(i.code, i.label_nl) for i in rows])
            for label, rows in guide.nonverbal_by_strength()
        ]
        provocation: Any = self.fields["provocation"]
        provocation.choices = [(i.code, i.label_nl) for i in guide.indicators("provocation")]


class TacticForm(forms.Form):
    tactic = forms.ChoiceField(label=_("Toegepaste tactiek"))
    note = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, partner_type: str = "", **kwargs: Any) -> None:
        from . import guide

        super().__init__(*args, **kwargs)
        choices: list[tuple[str, str]] = []
        for code, text, steps in guide.tactics_for(partner_type):
            choices.append((code, text))
            choices.extend((step, f"— {label}") for step, label in steps)
        field: Any = self.fields["tactic"]
        field.choices = choices


class TaskDoneForm(forms.Form):
    result = forms.CharField(
        label=_("Resultaat"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class OutreachForm(forms.ModelForm):
    """C2: a contact from the social map the viewer's partner reached out to (typed to choose:
    the social map grows with the network), for one of the incident's groups."""

    class Meta:
        model = Outreach
        fields = ["contact", "group", "at", "channel", "ask", "outcome", "outcome_note"]
        field_classes = {"contact": ContactField}
        widgets = {
            "at": DATETIME,
            "ask": forms.Textarea(attrs={"rows": 2}),
            "outcome_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, contacts: Any = None, groups: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        contact: Any = self.fields["contact"]
        contact.queryset = contacts if contacts is not None else contact.queryset.none()
        group: Any = self.fields["group"]
        group.queryset = groups if groups is not None else Group.objects.none()
        self.fields["at"].required = False
        self.fields["outcome"].required = False


class OutreachOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Uitkomst"), choices=OutreachOutcome.choices)
    outcome_note = forms.CharField(
        label=_("Toelichting uitkomst"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
