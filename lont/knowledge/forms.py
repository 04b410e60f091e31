from django import forms
from django.utils.translation import gettext_lazy as _

from lont.core.forms import StyledForm

from .models import Phase, WeightClass


class SearchForm(StyledForm):
    q = forms.CharField(label=_("Zoek in de handreiking"), required=False, max_length=200)
    phase = forms.ChoiceField(
        label=_("Fase"), required=False, choices=[("", _("Alle fasen")), *Phase.choices]
    )


class IndicatorForm(StyledForm):
    weight_class = forms.ChoiceField(label=_("Gewichtsklasse"), choices=WeightClass.choices)
    is_active = forms.BooleanField(label=_("In gebruik"), required=False)
    reason = forms.CharField(
        label=_("Reden van de wijziging"), widget=forms.Textarea(attrs={"rows": 2}), max_length=500
    )
