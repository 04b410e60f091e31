from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from lont.core.forms import StyledForm

from .choices import Access, InformationCategory, PartnerType
from .models import Organisation


class CovenantForm(StyledForm):
    """The director's covenant editor: people, the sharing matrix, retention and working method."""

    reason = forms.CharField(
        label=_("Reden van deze wijziging"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        help_text=_("Wordt vastgelegd bij de nieuwe versie en in het wijzigingslog."),
    )
    # Querysets are set per network in __init__.
    director_organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Organisatie van de netwerkregisseur"), queryset=Organisation.objects.none()
    )
    director: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Netwerkregisseur"), queryset=get_user_model().objects.none(), required=False
    )
    privacy_officer: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Functionaris gegevensbescherming (FG)"),
        queryset=get_user_model().objects.none(),
        required=False,
    )
    online_affine_person_per_team = forms.BooleanField(
        label=_("Elk team heeft minstens één online-affiene persoon"), required=False
    )
    professional_accounts_only = forms.BooleanField(
        label=_(
            "Alleen professionele, herkenbare accounts (geen privé-, nep- of gedeelde accounts)"
        ),
        required=False,
    )
    out_of_hours_availability = forms.CharField(
        label=_("Online bereikbaarheid buiten kantoortijd"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=1000,
    )
    dpia_done = forms.BooleanField(label=_("DPIA uitgevoerd"), required=False)
    dpia_date = forms.DateField(
        label=_("Datum DPIA"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    fg_appointed = forms.BooleanField(label=_("FG aangesteld"), required=False)
    preserved_copies = forms.BooleanField(
        label=_("Partners mogen een kopie van een gemeld bericht bewaren (met SHA-256)"),
        help_text=_(
            "Alleen als het nodig is als bewijs; de kopie wordt met het incident verwijderd."
        ),
        required=False,
    )
    observation_count_30_days = forms.IntegerField(
        label=_("Stelselmatigheid: signalen over één persoon in 30 dagen"),
        min_value=1,
        max_value=100,
    )
    observation_span_weeks = forms.IntegerField(
        label=_("Stelselmatigheid: periode in weken"), min_value=1, max_value=104
    )
    observation_total = forms.IntegerField(
        label=_("Stelselmatigheid: totaal aantal signalen"), min_value=1, max_value=1000
    )

    def __init__(self, *args: Any, viewer: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["director_organisation"].queryset = Organisation.objects.for_viewer(viewer)  # type: ignore[attr-defined]
        self.fields["director"].queryset = members  # type: ignore[attr-defined]
        self.fields["privacy_officer"].queryset = members  # type: ignore[attr-defined]
        access_choices = [(a.value, a.label) for a in Access]
        for category in InformationCategory:
            for ptype in PartnerType:
                name = f"share__{category.value}__{ptype.value}"
                self.fields[name] = forms.TypedChoiceField(
                    label=f"{category.label} — {ptype.label}",
                    choices=access_choices,
                    coerce=int,
                )
            self.fields[f"retention__{category.value}"] = forms.IntegerField(
                label=_("Bewaartermijn (dagen): %(category)s") % {"category": category.label},
                min_value=1,
                max_value=3650,
            )

    def matrix_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "category": category,
                "cells": [self[f"share__{category.value}__{p.value}"] for p in PartnerType],
                "retention": self[f"retention__{category.value}"],
            }
            for category in InformationCategory
        ]

    def general_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if "__" not in name]

    def sharing(self) -> dict[str, dict[str, int]]:
        data = self.cleaned_data
        return {
            c.value: {p.value: data[f"share__{c.value}__{p.value}"] for p in PartnerType}
            for c in InformationCategory
        }

    def retention(self) -> dict[str, int]:
        return {c.value: self.cleaned_data[f"retention__{c.value}"] for c in InformationCategory}


def covenant_initial(version: Any) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "director_organisation": version.director_organisation_id,
        "director": version.director_id,
        "privacy_officer": version.privacy_officer_id,
        "observation_count_30_days": version.observation_thresholds.get("count_30_days", 3),
        "observation_span_weeks": version.observation_thresholds.get("span_weeks", 6),
        "observation_total": version.observation_thresholds.get("total", 10),
    }
    initial.update(version.working_method)
    for category, row in version.sharing.items():
        for ptype, level in row.items():
            initial[f"share__{category}__{ptype}"] = level
    for category, days in version.retention_days.items():
        initial[f"retention__{category}"] = days
    return initial
