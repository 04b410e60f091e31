"""Forms of the assessment app (NL Design System markup via StyledForm)."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lont.core.forms import StyledForm
from lont.networks.choosers import MemberComboboxField
from lont.networks.models import Membership, Organisation
from lont.signalregister.models import Signal
from lont.subjects.choosers import GroupRelationComboboxField, GroupsComboboxField
from lont.subjects.models import Group, GroupRelation

from .choices import ActionMode, ActionStatus, DecisionKind, LevelCode, SituationKind
from .choosers import SituationsComboboxField
from .models import Situation


class SituationForm(StyledForm):
    kind = forms.ChoiceField(label=_("Soort situatie"), choices=SituationKind.choices)
    title = forms.CharField(label=_("Titel (geen echte namen)"), max_length=120)
    description = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea, required=False)
    # Type to choose: a select of every group or situation grows with the network.
    groups = GroupsComboboxField(label=_("Groepen"), queryset=Group.objects.none(), required=False)
    rivalry = GroupRelationComboboxField(
        label=_("Rivaliteit"), queryset=GroupRelation.objects.none(), required=False
    )

    def __init__(self, *args: Any, groups: Any, relations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["groups"].queryset = groups  # type: ignore[attr-defined]
        self.fields["rivalry"].queryset = relations  # type: ignore[attr-defined]


class _DescribedSignals(forms.ModelMultipleChoiceField):
    """Signals described as the viewer may read them (date, summary, groups, indicators), never
    as a bare number."""

    labels: dict[int, str]

    def label_from_instance(self, obj: Any) -> str:
        return self.labels.get(obj.pk, "")


class LinkSignalsForm(StyledForm):
    signals = _DescribedSignals(
        label=_("Signalen koppelen"),
        queryset=Signal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, signals: Any, labels: dict[int, str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["signals"]
        field.queryset = signals  # type: ignore[attr-defined]
        field.labels = labels or {}  # type: ignore[attr-defined]


class ParametersForm(StyledForm):
    parameters = forms.CharField(
        label=_("Parameters (JSON)"), widget=forms.Textarea(attrs={"rows": 24})
    )
    reason = forms.CharField(label=_("Reden van de wijziging"), widget=forms.Textarea)

    def clean_parameters(self) -> Any:
        try:
            return json.loads(self.cleaned_data["parameters"])
        except ValueError:
            raise forms.ValidationError(_("Dit is geen geldige JSON.")) from None


class MeetingForm(StyledForm):
    date = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Deelnemende partners"), queryset=Organisation.objects.none()
    )
    situations = SituationsComboboxField(
        label=_("Agenda: situaties"), queryset=Situation.objects.none(), required=False
    )

    def __init__(self, *args: Any, organisations: Any, situations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["situations"].queryset = situations  # type: ignore[attr-defined]


class PictureForm(StyledForm):
    unknowns = forms.CharField(
        label=_("Wat weten we niet, en hoe komen we erachter?"),
        widget=forms.Textarea,
        required=False,
    )
    causality_answer = forms.CharField(
        label=_("Causaliteit: jaagt de drill geweld aan, of laat hij zien wat er al speelt?"),
        widget=forms.Textarea,
        required=False,
    )


class JudgeForm(StyledForm):
    judged_level = forms.ChoiceField(label=_("Beoordeeld niveau"), choices=LevelCode.choices)
    rationale = forms.CharField(label=_("Onderbouwing"), widget=forms.Textarea, required=False)
    concerns = forms.CharField(label=_("Zorgen"), widget=forms.Textarea, required=False)


class DissentForm(StyledForm):
    text = forms.CharField(label=_("Afwijkende mening van uw organisatie"), widget=forms.Textarea)


class DecideForm(StyledForm):
    decision = forms.ChoiceField(label=_("Besluit"), choices=DecisionKind.choices)
    decision_reason = forms.CharField(
        label=_("Toelichting (verplicht bij bewust niets doen)"),
        widget=forms.Textarea,
        required=False,
    )


class ActionForm(StyledForm):
    """An action of a decision. Its owner is an active member of the partner chosen above it
    (``services.action_create`` accepts no other): typed to choose among that partner's members
    (``members``: the network's active ones, ``networks.selectors.active_members``)."""

    description = forms.CharField(label=_("Wat"), widget=forms.Textarea)
    organisation = forms.ModelChoiceField(
        label=_("Eigenaar (partner)"), queryset=Organisation.objects.none()
    )
    owner = MemberComboboxField(label=_("Eigenaar (persoon)"), queryset=Membership.objects.none())
    due_date = forms.DateField(
        label=_("Uiterlijk op"), widget=forms.DateInput(attrs={"type": "date"})
    )
    mode = forms.ChoiceField(label=_("Online of offline"), choices=ActionMode.choices)

    def __init__(self, *args: Any, organisations: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        owner = self.fields["owner"]
        owner.queryset = members  # type: ignore[attr-defined]
        owner.follow(self, "organisation")  # type: ignore[attr-defined]


class ActionUpdateForm(StyledForm):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    result = forms.CharField(label=_("Resultaat"), widget=forms.Textarea, required=False)
