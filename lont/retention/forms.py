from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

# What a hold can name: one record, or a scope that also holds the signals linked to it.
HOLD_TARGETS = [
    ("signalregister.Signal", _("Signaal")),
    ("subjects.Person", _("Persoon (met de signalen over deze persoon)")),
    ("subjects.Group", _("Groep (met de signalen over deze groep)")),
    ("assessment.Situation", _("Situatie (met haar signalen en groepen)")),
    ("assessment.CaseMeeting", _("Casusoverleg")),
    ("socialmap.Contact", _("Contact in de sociale kaart")),
]


class LegalHoldForm(forms.Form):
    label = forms.ChoiceField(label=_("Wat wordt bewaard"), choices=HOLD_TARGETS)
    object_id = forms.IntegerField(
        label=_("Nummer"), min_value=1, help_text=_("Het nummer van het signaal, de groep enz.")
    )
    reason = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Bijvoorbeeld: lopend strafrechtelijk onderzoek, kenmerk van het verzoek."),
    )
    ends_on = forms.DateField(
        label=_("Geldig tot en met"), widget=forms.DateInput(attrs={"type": "date"})
    )


class EndHoldForm(forms.Form):
    reason = forms.CharField(label=_("Reden van beëindigen"), max_length=300, required=False)
