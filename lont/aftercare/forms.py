"""Forms of aftercare (NL Design System markup via StyledForm)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lont.assessment.choosers import SituationComboboxField
from lont.assessment.models import Situation
from lont.core.forms import StyledForm
from lont.crisis.models import Incident
from lont.networks.choosers import MemberComboboxField
from lont.networks.models import Membership, Organisation
from lont.signalregister.models import Signal
from lont.socialmap.models import Contact
from lont.subjects.models import Person

from .choices import (
    DebunkStatus,
    ExposureKind,
    LessonKind,
    PerspectiveKind,
    SupportKind,
    TaskStatus,
)
from .choosers import (
    IncidentComboboxField,
    MessengerComboboxField,
    PerspectivePersonField,
    PlanSituationField,
    TipComboboxField,
)
from .guide import QUESTIONS, STRESS_SCALE, STRESSORS

DATE = forms.DateInput(attrs={"type": "date"})


class _Querysets(StyledForm):
    """A form whose choice fields get scoped querysets from the view (``querysets=``). A row
    that grows with the network (a situation, a person, a tip, an incident, a messenger) is
    typed to choose (``choosers``): the queryset decides what may be chosen and offered."""

    def __init__(self, *args: Any, querysets: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (querysets or {}).items():
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]


class PlanOpenForm(_Querysets):
    situation = PlanSituationField(label=_("Situatie"), queryset=Situation.objects.none())
    title = forms.CharField(label=_("Titel (geen echte namen)"), max_length=120, required=False)


class TaskUpdateForm(StyledForm):
    status = forms.ChoiceField(label=_("Status"), choices=TaskStatus.choices)
    result = forms.CharField(label=_("Resultaat"), widget=forms.Textarea, required=False)


class TaskAssignForm(_Querysets):
    """The task's owner: an active member of the task's partner (``partner``), as the service
    requires; the members come from the view (``querysets``)."""

    owner = MemberComboboxField(label=_("Eigenaar (persoon)"), queryset=Membership.objects.none())
    due_date = forms.DateField(label=_("Uiterlijk op"), widget=DATE)

    def __init__(self, *args: Any, partner: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].for_partner(partner)  # type: ignore[attr-defined]


class PerspectiveForm(_Querysets):
    person = PerspectivePersonField(label=_("Jongere"), queryset=Person.objects.none())
    kind = forms.ChoiceField(label=_("Richting"), choices=PerspectiveKind.choices)
    perspective = forms.CharField(
        label=_("Toekomstperspectief (wordt bij de persoon bijgewerkt)"),
        widget=forms.Textarea,
        required=False,
    )
    step_note = forms.CharField(label=_("Volgende stap"), widget=forms.Textarea, required=False)
    due_date = forms.DateField(label=_("Uiterlijk op"), widget=DATE)


class TipsterCareForm(_Querysets):
    signal = TipComboboxField(
        label=_("Tip"),
        queryset=Signal.objects.none(),
        help_text=_("Typ een woord uit de beschrijving of de datum (dd-mm-jjjj)."),
    )
    feedback_given = forms.BooleanField(label=_("Terugkoppeling gegeven"), required=False)
    feedback_note = forms.CharField(
        label=_("Terugkoppeling"), widget=forms.Textarea, required=False
    )
    thanks_via = forms.CharField(
        label=_("Bedankt via (tussenpersoon of algemeen bericht)"),
        widget=forms.Textarea,
        required=False,
    )
    wellbeing_note = forms.CharField(
        label=_("Vinger aan de pols (klachten, PTSS-signalen)"),
        widget=forms.Textarea,
        required=False,
    )
    next_check = forms.DateField(label=_("Volgend contact"), widget=DATE, required=False)


class ReportForm(StyledForm):
    kind = forms.ChoiceField(label=_("Wat gebeurde er"), choices=ExposureKind.choices)
    occurred_on = forms.DateField(label=_("Datum"), widget=DATE)
    description = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea)
    impact = forms.CharField(label=_("Wat doet het met u"), widget=forms.Textarea, required=False)
    support_wanted = forms.CharField(
        label=_("Welke steun wilt u"), widget=forms.Textarea, required=False
    )


class CheckInForm(StyledForm):
    note = forms.CharField(label=_("Verslag van het nagesprek"), widget=forms.Textarea)


class SupportForm(StyledForm):
    kind = forms.ChoiceField(label=_("Soort steun"), choices=SupportKind.choices)
    title = forms.CharField(label=_("Naam"), max_length=160)
    how = forms.CharField(label=_("Hoe bereikt u het"), widget=forms.Textarea, required=False)


class SurveyForm(StyledForm):
    title = forms.CharField(label=_("Titel"), max_length=120)
    opens_on = forms.DateField(label=_("Open vanaf"), widget=DATE)
    closes_on = forms.DateField(label=_("Sluit op"), widget=DATE)


class SurveyAnswerForm(StyledForm):
    """One question per stressor of the guide, answered on a four-point scale."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(value), label) for value, label in STRESS_SCALE]
        for code, label in STRESSORS:
            self.fields[code] = forms.TypedChoiceField(
                label=str(label), choices=choices, coerce=int, widget=forms.Select
            )
            self.fields[code].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"


class EvaluationForm(_Querysets):
    title = forms.CharField(label=_("Titel"), max_length=120)
    incident = IncidentComboboxField(
        label=_("Incident (de evaluatie ter plaatse wordt overgenomen)"),
        queryset=Incident.objects.none(),
        required=False,
    )
    situation = SituationComboboxField(
        label=_("Situatie"), queryset=Situation.objects.none(), required=False
    )
    spot_evaluation = forms.CharField(
        label=_("Evaluatie ter plaatse"), widget=forms.Textarea, required=False
    )


class AnswerForm(StyledForm):
    tasks_and_powers = forms.CharField(
        label=_("Invulling van eigen taken, verantwoordelijkheden en bevoegdheden"),
        widget=forms.Textarea,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in QUESTIONS:
            self.fields[key] = forms.CharField(label=str(label), widget=forms.Textarea)
            self.fields[key].widget.attrs["class"] = (
                "utrecht-textarea utrecht-textarea--html-textarea"
            )


class LessonForm(StyledForm):
    text = forms.CharField(label=_("Les"), widget=forms.Textarea)
    kind = forms.ChoiceField(label=_("Wordt"), choices=LessonKind.choices)
    proposal = forms.CharField(
        label=_("Voorgestelde wijziging (convenant, werkwijze, parameters of indicator)"),
        widget=forms.Textarea,
        required=False,
    )


class AdoptActionForm(_Querysets):
    """The action's owner: an active member of the partner chosen above it (the service
    accepts no other)."""

    organisation = forms.ModelChoiceField(
        label=_("Eigenaar (partner)"), queryset=Organisation.objects.none()
    )
    owner = MemberComboboxField(label=_("Eigenaar (persoon)"), queryset=Membership.objects.none())
    due_date = forms.DateField(label=_("Uiterlijk op"), widget=DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].follow(self, "organisation")  # type: ignore[attr-defined]


class ConfirmForm(StyledForm):
    """No fields: a confirmation (adopting a covenant change)."""


class AdvisoryForm(StyledForm):
    name = forms.CharField(label=_("Naam"), max_length=120)
    represents = forms.CharField(label=_("Vertegenwoordigt"), max_length=200)
    since = forms.DateField(label=_("Lid sinds"), widget=DATE, required=False)


class RumourForm(_Querysets):
    claim = forms.CharField(label=_("Bewering (het gerucht)"), widget=forms.Textarea)
    where = forms.CharField(label=_("Waar het zich verspreidt"), max_length=200)
    situation = SituationComboboxField(
        label=_("Situatie"), queryset=Situation.objects.none(), required=False
    )


class ReachForm(StyledForm):
    observed_on = forms.DateField(label=_("Datum"), widget=DATE)
    reach = forms.IntegerField(label=_("Bereik (weergaven of deelacties)"), min_value=0)


class DebunkForm(_Querysets):
    facts = forms.CharField(label=_("De feiten, kort en eenvoudig"), widget=forms.Textarea)
    text = forms.CharField(label=_("Tekst van de ontkrachting"), widget=forms.Textarea)
    audience = forms.CharField(label=_("Doelgroep"), max_length=200, required=False)
    messenger = MessengerComboboxField(
        label=_("Geloofwaardige boodschapper (sociale kaart)"),
        queryset=Contact.objects.none(),
        required=False,
    )
    status = forms.ChoiceField(label=_("Status"), choices=DebunkStatus.choices)


class PrebunkForm(StyledForm):
    title = forms.CharField(label=_("Titel"), max_length=160)
    technique = forms.CharField(label=_("Welke misleiding het herkenbaar maakt"), max_length=200)
    text = forms.CharField(label=_("Tekst"), widget=forms.Textarea)
    audience = forms.CharField(label=_("Doelgroep"), max_length=200, required=False)
