from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from lont.core.forms import StyledForm


class LogFilterForm(StyledForm):
    log = forms.ChoiceField(
        label=_("Logboek"),
        choices=[("access", _("Inzagelog (wie las wat)")), ("change", _("Wijzigingslog"))],
        required=False,
    )
    actor: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Gebruiker"), queryset=get_user_model().objects.none(), required=False
    )
    object_type = forms.ChoiceField(label=_("Soort object"), required=False)
    object_id = forms.CharField(label=_("Object-id"), required=False, max_length=64)
    since = forms.DateField(
        label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    text = forms.CharField(label=_("Zoektekst"), required=False, max_length=100)

    def __init__(self, *args: Any, users: Any, object_types: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = users  # type: ignore[attr-defined]
        self.fields["object_type"].choices = [("", _("Alle"))] + [(t, t) for t in object_types]  # type: ignore[attr-defined]

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = dict(self.cleaned_data)
        data.pop("log", None)
        return {key: value for key, value in data.items() if value not in (None, "")}
