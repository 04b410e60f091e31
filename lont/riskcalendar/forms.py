"""Forms of the risk calendar. They parse and check input; the rules live in ``services``."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from lont.core.combobox import ComboboxChoiceField
from lont.core.forms import StyledForm
from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.subjects.choosers import GroupsComboboxField

from .choices import MANUAL_KINDS, EventKind
from .selectors import visible_groups

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _situations(viewer: Viewer) -> Any:
    model = apps.get_model("assessment", "Situation")
    return visible(viewer, model.objects.all()).order_by("title", "pk")


class SituationComboboxField(ComboboxChoiceField):
    """A situation, typed to choose (a select of every situation grew with the network's
    history). The endpoint is the assessment app's; this app sits below it in the layers, so it
    names the endpoint and not the assessment app's field."""

    search_fields = ("title",)
    url_name = "assessment:situation_options"
    found: ClassVar[tuple[Any, Any]] = (_("situatie"), _("situaties"))


class _Links(StyledForm):
    """The groups and the situation a window or event is about, typed to choose."""

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = dict(self.fields)
        fields["groups"].queryset = visible_groups(viewer)
        fields["situation"].queryset = _situations(viewer)


class WindowForm(_Links):
    kind = forms.ChoiceField(label=_("Soort venster"), choices=MANUAL_KINDS)
    title = forms.CharField(label=_("Titel"), max_length=160)
    starts_on = forms.DateField(label=_("Opent op"), widget=DATE)
    ends_on = forms.DateField(label=_("Sluit op"), widget=DATE)
    area = forms.CharField(label=_("Gebied"), max_length=120, required=False)
    groups: Any = GroupsComboboxField(label=_("Groepen"), queryset=None, required=False)
    situation: Any = SituationComboboxField(label=_("Situatie"), queryset=None, required=False)
    flagged = forms.BooleanField(label=_("Verhoogd risico"), required=False)
    notes = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("Een venster sluit niet voor het opent."))
        return data


class GeneratedWindowForm(_Links):
    """A generated window: the owner corrects its dates, title and links, not its kind."""

    title = WindowForm.base_fields["title"]
    starts_on = WindowForm.base_fields["starts_on"]
    ends_on = WindowForm.base_fields["ends_on"]
    area = WindowForm.base_fields["area"]
    groups: Any = GroupsComboboxField(label=_("Groepen"), queryset=None, required=False)
    situation: Any = SituationComboboxField(label=_("Situatie"), queryset=None, required=False)
    flagged = WindowForm.base_fields["flagged"]
    notes = WindowForm.base_fields["notes"]


class EventForm(_Links):
    kind = forms.ChoiceField(label=_("Soort gebeurtenis"), choices=EventKind.choices)
    occurred_on = forms.DateField(
        label=_("Datum"),
        widget=DATE,
        help_text=_("De dag van het incident, de strafeis of uitspraak, of de vrijlating."),
    )
    title = forms.CharField(label=_("Omschrijving"), max_length=160)
    area = forms.CharField(label=_("Gebied"), max_length=120, required=False)
    groups: Any = GroupsComboboxField(label=_("Groepen"), queryset=None, required=False)
    situation: Any = SituationComboboxField(label=_("Situatie"), queryset=None, required=False)
    lower_than_expected = forms.BooleanField(
        label=_("Lager dan de groep verwachtte"),
        required=False,
        help_text=_("Alleen bij een strafeis of uitspraak: dan telt het venster als verhoogd."),
    )


class DeleteForm(StyledForm):
    pass
