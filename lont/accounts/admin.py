"""Technical configuration: sign-in through a partner organisation's identity provider."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import OIDCProvider


class OIDCProviderForm(forms.ModelForm):
    """The secret is typed in plain and stored encrypted; left empty, the stored one stays."""

    issuer = forms.URLField(label=_("uitgever (issuer)"), assume_scheme="https")
    new_client_secret = forms.CharField(
        label=_("client-secret"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Wordt versleuteld opgeslagen. Laat leeg om het huidige secret te houden."),
    )

    class Meta:
        model = OIDCProvider
        fields = [
            "organisation",
            "issuer",
            "client_id",
            "scopes",
            "mfa_replaces_totp",
            "accepted_amr",
            "accepted_acr",
            "is_active",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("new_client_secret") and not self.instance.client_secret:
            self.add_error("new_client_secret", _("Vul het client-secret in."))
        return data

    def save(self, commit: bool = True) -> OIDCProvider:
        provider: OIDCProvider = super().save(commit=False)
        if self.cleaned_data.get("new_client_secret"):
            provider.set_client_secret(self.cleaned_data["new_client_secret"])
        if commit:
            provider.save()
        return provider


@admin.register(OIDCProvider)
class OIDCProviderAdmin(admin.ModelAdmin):
    form = OIDCProviderForm
    list_display = ["organisation", "issuer", "client_id", "mfa_replaces_totp", "is_active"]
    list_filter = ["is_active", "mfa_replaces_totp"]
