from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from lont.core.choices import Access
from lont.core.forms import StyledForm

from .names import object_type_choices


class LogFilterForm(StyledForm):
    log = forms.ChoiceField(
        label=_("Logboek"),
        choices=[("access", _("Inzagelog (wie las wat)")), ("change", _("Wijzigingslog"))],
        required=False,
    )
    actor: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Lezer of gebruiker"), queryset=get_user_model().objects.none(), required=False
    )
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Partner van de lezer"), queryset=get_user_model().objects.none(), required=False
    )
    person = forms.CharField(
        label=_("Persoon (nummer of alias)"),
        required=False,
        max_length=100,
        help_text=_("Alleen inzagen van het dossier van deze persoon."),
    )
    access = forms.TypedChoiceField(label=_("Niveau"), coerce=int, required=False)
    purpose = forms.CharField(label=_("Doel"), required=False, max_length=100)
    object_type = forms.ChoiceField(label=_("Soort gegeven"), required=False)
    object_id = forms.CharField(label=_("Nummer"), required=False, max_length=64)
    since = forms.DateField(
        label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    text = forms.CharField(label=_("Zoektekst"), required=False, max_length=100)

    def __init__(
        self,
        *args: Any,
        users: Any,
        organisations: Any,
        object_types: list[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = users  # type: ignore[attr-defined]
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["access"].choices = [  # type: ignore[attr-defined]
            ("", _("Alle")),
            (int(Access.FULL), Access.FULL.label),
            (int(Access.SUMMARY), Access.SUMMARY.label),
        ]
        types = object_type_choices(object_types)
        self.fields["object_type"].choices = [("", _("Alle")), *types]  # type: ignore[attr-defined]

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = dict(self.cleaned_data)
        data.pop("log", None)
        return {key: value for key, value in data.items() if value not in (None, "")}
