from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.translation import gettext_lazy as _

from lont.core.forms import StyledForm
from lont.networks.choices import Role
from lont.networks.models import Organisation


class LoginForm(StyledForm):
    email = forms.EmailField(
        label=_("E-mailadres"), widget=forms.EmailInput(attrs={"autocomplete": "username"})
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CodeForm(StyledForm):
    code = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}
        ),
    )


class RecoveryForm(StyledForm):
    recovery_code = forms.CharField(label=_("Herstelcode"), max_length=20)


class ReauthForm(StyledForm):
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class AcceptInvitationForm(StyledForm):
    password1 = forms.CharField(
        label=_("Kies een wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Herhaal het wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("De wachtwoorden zijn niet gelijk."))
        return data


class InvitationForm(StyledForm):
    full_name = forms.CharField(label=_("Naam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"))
    # The queryset is set per viewer in __init__ (own organisation only for coordinators).
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.none()
    )
    role = forms.ChoiceField(label=_("Rol"), choices=Role.choices)
    function_title = forms.CharField(label=_("Functie"), max_length=120, required=False)

    def __init__(self, *args: Any, organisations: Any, roles: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["role"].choices = [(r.value, r.label) for r in Role if r in roles]  # type: ignore[attr-defined]


class ApiTokenForm(StyledForm):
    name = forms.CharField(label=_("Naam van het token"), max_length=80)
    days = forms.IntegerField(label=_("Geldig (dagen)"), min_value=1, max_value=365, initial=90)
