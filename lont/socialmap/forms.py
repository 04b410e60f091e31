"""Forms of the social map. They parse and check input; the rules live in ``services``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lont.core.forms import StyledForm
from lont.networks.models import Membership
from lont.subjects.choosers import GroupComboboxField, PersonComboboxField
from lont.subjects.models import Group, Person

from .choices import ContactKind, ReachStrength
from .models import Contact


def parse_pairs(text: str, *, numbers: bool = False) -> dict[str, Any]:
    """'instagram: @jw_noord' per line → {'instagram': '@jw_noord'}; ValueError names a bad line."""
    result: dict[str, Any] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or not value.strip():
            raise ValueError(line.strip())
        cleaned = value.strip()
        if numbers:
            digits = cleaned.replace(".", "").replace(" ", "")
            if not digits.isdigit():
                raise ValueError(line.strip())
            result[key.strip().lower()] = int(digits)
        else:
            result[key.strip().lower()] = cleaned
    return result


def format_pairs(values: dict[str, Any] | None) -> str:
    return "\n".join(f"{key}: {value}" for key, value in (values or {}).items())


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class ContactForm(StyledForm):
    kind = forms.ChoiceField(label=_("Soort contact"), choices=ContactKind.choices)
    name = forms.CharField(label=_("Naam"), max_length=160)
    employer = forms.CharField(label=_("Organisatie of werkgever"), max_length=160, required=False)
    role = forms.CharField(label=_("Rol of functie"), max_length=160, required=False)
    areas = forms.CharField(
        label=_("Gebieden"),
        required=False,
        help_text=_("Gescheiden door komma's, bijvoorbeeld: Noorderhaven, De Kreek"),
    )
    phone = forms.CharField(label=_("Telefoon"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    handles = forms.CharField(
        label=_("Professionele accounts"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Eén per regel: platform: account, bijvoorbeeld instagram: @jongerenwerk_noord"
        ),
    )
    followers = forms.CharField(
        label=_("Bereik (volgers per platform)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Voor influencers. Eén per regel: platform: aantal, bijvoorbeeld tiktok: 12500"
        ),
    )
    languages = forms.CharField(
        label=_("Talen"), required=False, help_text=_("Gescheiden door komma's")
    )
    availability = forms.CharField(
        label=_("Bereikbaarheid"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    out_of_hours = forms.BooleanField(label=_("Ook buiten kantoortijd bereikbaar"), required=False)
    member = forms.ModelChoiceField(
        label=_("Lid van het netwerk (bij een professional van een partner)"),
        queryset=Membership.objects.none(),
        required=False,
    )
    consent_date = forms.DateField(
        label=_("Toestemming gegeven op"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Verplicht voor iedereen die hier niet als professional staat."),
    )
    consent_scope = forms.CharField(
        label=_("Reikwijdte van de toestemming"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Waarvoor mogen we de gegevens gebruiken, bijvoorbeeld: bellen bij spanningen"),
    )

    def __init__(self, *args: Any, viewer: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        member_field = self.fields["member"]
        assert isinstance(member_field, forms.ModelChoiceField)
        member_field.queryset = (
            Membership.objects.for_viewer(viewer)
            .filter(is_active=True)
            .select_related("user", "organisation")
            .order_by("organisation__name", "user__full_name")
        )

    def clean_areas(self) -> list[str]:
        return split_list(self.cleaned_data["areas"])

    def clean_languages(self) -> list[str]:
        return split_list(self.cleaned_data["languages"])

    def clean_handles(self) -> dict[str, Any]:
        try:
            return parse_pairs(self.cleaned_data["handles"])
        except ValueError as error:
            raise forms.ValidationError(
                _("Regel '%(line)s' is niet 'platform: account'.") % {"line": error}
            ) from None

    def clean_followers(self) -> dict[str, Any]:
        try:
            return parse_pairs(self.cleaned_data["followers"], numbers=True)
        except ValueError as error:
            raise forms.ValidationError(
                _("Regel '%(line)s' is niet 'platform: aantal'.") % {"line": error}
            ) from None

    @staticmethod
    def initial_for(contact: Contact) -> dict[str, Any]:
        return {
            "kind": contact.kind,
            "name": contact.name,
            "employer": contact.employer,
            "role": contact.role,
            "areas": ", ".join(contact.areas or []),
            "phone": contact.phone,
            "email": contact.email,
            "handles": format_pairs(contact.handles),
            "followers": format_pairs(contact.followers),
            "languages": ", ".join(contact.languages or []),
            "availability": contact.availability,
            "out_of_hours": contact.out_of_hours,
            "member": contact.member_id,
            "consent_date": contact.consent_date,
            "consent_scope": contact.consent_scope,
        }


class ReachPickForm(StyledForm):
    """ "Wie kan groep X bereiken?": the group, typed to choose (a select of every group grew
    with the network)."""

    groep = GroupComboboxField(label=_("Groep"), queryset=Group.objects.none())

    def __init__(self, *args: Any, groups: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["groep"].queryset = groups  # type: ignore[attr-defined]


class ReachForm(StyledForm):
    group = GroupComboboxField(label=_("Groep"), queryset=Group.objects.none())
    strength = forms.ChoiceField(label=_("Hoe goed"), choices=ReachStrength.choices)
    how = forms.CharField(
        label=_("Hoe (via wie of wat)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    since = forms.DateField(
        label=_("Sinds"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, groups: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups  # type: ignore[attr-defined]


class PersonLinkForm(StyledForm):
    person = PersonComboboxField(label=_("Persoon (alias)"), queryset=Person.objects.none())
    relation = forms.CharField(label=_("Relatie"), max_length=160)

    def __init__(self, *args: Any, persons: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons  # type: ignore[attr-defined]


class DeleteForm(StyledForm):
    reason = forms.CharField(
        label=_("Reden"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
