from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lont.core.forms import StyledForm

from .choices import LexiconKind, PlaceKind, Platform
from .models import NAME_MAX, PHRASE_MAX

TEXT_MAX = 5000


def split_aliases(value: str) -> list[str]:
    """Aliases typed one per line or separated by ``|`` (as in the CSV)."""
    return [part.strip() for line in value.splitlines() for part in line.split("|") if part.strip()]


class PlaceForm(StyledForm):
    name = forms.CharField(label=_("Naam"), max_length=NAME_MAX)
    aliases = forms.CharField(
        label=_("Alternatieve namen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén per regel, zoals jongeren de plaats noemen (bijv. 'de kooi', 'N-haven')."),
    )
    kind = forms.ChoiceField(label=_("Soort plaats"), choices=PlaceKind.choices)
    area = forms.CharField(label=_("Gebied"), max_length=NAME_MAX, required=False)

    def clean_aliases(self) -> list[str]:
        aliases = split_aliases(self.cleaned_data["aliases"])
        too_long = [a for a in aliases if len(a) > NAME_MAX]
        if too_long:
            raise forms.ValidationError(
                _("Alternatieve naam '%(alias)s' is langer dan %(max)s tekens."),
                params={"alias": too_long[0][:30], "max": NAME_MAX},
            )
        return aliases


class LexiconEntryForm(StyledForm):
    kind = forms.ChoiceField(label=_("Soort"), choices=LexiconKind.choices)
    phrase = forms.CharField(
        label=_("Woord of uitdrukking"),
        max_length=PHRASE_MAX,
        help_text=_("Een * aan het eind van een woord staat voor elke uitgang (bijv. 'steek*')."),
    )
    note = forms.CharField(label=_("Toelichting"), max_length=300, required=False)


class CsvImportForm(StyledForm):
    file = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_("UTF-8, hoogstens 1 MB. Eén foute rij: er wordt niets geïmporteerd."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class ListFilterForm(StyledForm):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Soort"), required=False)

    def __init__(self, *args: Any, kinds: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Alle soorten")), *kinds]  # type: ignore[attr-defined]


class AnalyseForm(StyledForm):
    text = forms.CharField(
        label=_("Tekst van het bericht"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Plak een openbaar bericht, een reactie of songtekst (hoogstens 5.000 tekens). "
            "De tekst wordt niet opgeslagen en niet gelogd."
        ),
    )
    posted_at = forms.DateTimeField(
        label=_("Geplaatst op"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_(
            "Tijden als 'morgen om 9' worden vanaf dit moment berekend (Nederlandse tijd)."
        ),
    )
    platform = forms.ChoiceField(
        label=_("Platform"), choices=Platform.choices, initial=Platform.OTHER
    )
    views = forms.IntegerField(label=_("Weergaven"), min_value=0, required=False)
    likes = forms.IntegerField(label=_("Likes"), min_value=0, required=False)
    reposts = forms.IntegerField(label=_("Reposts / shares"), min_value=0, required=False)
    comments = forms.IntegerField(label=_("Reacties"), min_value=0, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            now = timezone.localtime().replace(second=0, microsecond=0)
            self.initial.setdefault("posted_at", now)

    def main_fields(self) -> list[Any]:
        return [self[name] for name in ("text", "posted_at", "platform")]

    def engagement_fields(self) -> list[Any]:
        return [self[name] for name in ("views", "likes", "reposts", "comments")]


class MessageCheckForm(StyledForm):
    draft = forms.CharField(
        label=_("Concept van uw bericht"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    context = forms.CharField(
        label=_("Context: de oproep of het gerucht waarop u reageert"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Bijvoorbeeld het bericht met de geplande confrontatie, of het gerucht dat u "
            "ontkracht. Wordt niet opgeslagen."
        ),
    )
