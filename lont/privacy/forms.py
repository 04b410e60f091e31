from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import ExceptionGround, Level, Outcome, RequestKind


class RequestStartForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort verzoek"), choices=RequestKind.choices)
    received_on = forms.DateField(
        label=_("Ontvangen op"), widget=forms.DateInput(attrs={"type": "date"})
    )
    real_name = forms.CharField(label=_("Echte naam van de betrokkene"), required=False)
    date_of_birth = forms.CharField(
        label=_("Geboortedatum (JJJJ-MM-DD)"), required=False, max_length=10
    )
    note = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea)


class ApproveForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Besluit"),
        choices=[("1", _("Goedkeuren: de FG mag zoeken")), ("0", _("Afwijzen"))],
        coerce=lambda value: value == "1",
    )
    reason = forms.CharField(label=_("Reden (verplicht bij afwijzen)"), required=False)


class ChoosePersonForm(forms.Form):
    person_id = forms.IntegerField(widget=forms.HiddenInput)


class OutcomeForm(forms.Form):
    object_type = forms.CharField(widget=forms.HiddenInput)
    object_id = forms.CharField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label=_("Uitkomst"), choices=Outcome.choices)
    exception = forms.ChoiceField(
        label=_("Uitzondering"), choices=ExceptionGround.choices, required=False
    )
    reason = forms.CharField(label=_("Toelichting"), required=False)


class RiskForm(forms.Form):
    risk = forms.CharField(label=_("Risico"), widget=forms.Textarea(attrs={"rows": 2}))
    likelihood = forms.ChoiceField(label=_("Kans"), choices=Level.choices)
    impact = forms.ChoiceField(label=_("Impact"), choices=Level.choices)
    measure = forms.CharField(label=_("Maatregel"), widget=forms.Textarea(attrs={"rows": 2}))
