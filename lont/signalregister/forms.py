"""Forms of the signal register: they parse and check input; the rules live in ``services``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from lont.core.forms import StyledForm, StyledModelForm
from lont.core.viewer import Viewer
from lont.knowledge.models import Indicator
from lont.networks.models import Organisation
from lont.presence.models import ProfessionalAccount
from lont.presence.selectors import account_choices
from lont.subjects.choosers import GroupComboboxField, GroupsComboboxField, PersonComboboxField
from lont.subjects.models import Group, Person
from lont.subjects.models.people import IDENTIFYING_FIELDS

from . import proposals, selectors, shielding
from .attachments import CleanImage, clean_image
from .choices import PersonRole, RequestOutcome, RequestSize
from .models import Signal, platform_error, window_error

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class PersonChoiceField(PersonComboboxField):
    """The person picker (a text field with suggestions of aliases): people who are victim or
    tipster elsewhere carry a marker (principle 9); the service refuses them as possible
    perpetrator without the owner's override. The marker is looked up for the people shown."""

    url_name = "signalregister:person_options"
    network_id: int = 0

    def rows(self, ids: Any) -> list[Any]:
        return self._marked(super().rows(ids))

    def search(self, text: str) -> list[Any]:
        return self._marked(super().search(text))

    def _marked(self, people: list[Any]) -> list[Any]:
        if people:
            shielded = shielding.shielded_ids(self.network_id, [p.pk for p in people])
            self._shielded = getattr(self, "_shielded", set()) | shielded
        return people

    def label_from_instance(self, obj: Any) -> str:
        return shielding.label(obj, getattr(self, "_shielded", set()))


def _datetime_widget() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)


class SignalForm(StyledModelForm):
    """The signal itself plus groups, indicators, drill, one engagement measurement, one request
    and one attachment; people come in :data:`PersonFormSet`."""

    # Text fields with suggestions, not selects of every group and person (they grew with the
    # network: a thousand groups, twenty thousand people in every form).
    groups = GroupsComboboxField(
        label=_("Groepen"),
        queryset=Group.objects.none(),
        required=False,
    )
    indicators = forms.ModelMultipleChoiceField(
        label=_("Indicatoren"),
        queryset=Indicator.objects.none(),
        required=False,
    )
    link = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")
    attachment = forms.FileField(
        label=_("Screenshot of videostill (PNG, JPEG of WebP)"), required=False
    )
    engagement_at = forms.DateTimeField(
        label=_("Bereik gemeten op"), required=False, widget=_datetime_widget()
    )
    views = forms.IntegerField(label=_("Weergaven"), min_value=0, required=False)
    likes = forms.IntegerField(label=_("Likes"), min_value=0, required=False)
    reposts = forms.IntegerField(label=_("Reposts"), min_value=0, required=False)
    comments = forms.IntegerField(label=_("Reacties"), min_value=0, required=False)
    request_what = forms.CharField(
        label=_("Verzoek: wat wordt er gevraagd"), max_length=300, required=False
    )
    request_requester = PersonChoiceField(
        label=_("Verzoek: wie vraagt"),
        queryset=Person.objects.none(),
        required=False,
    )
    request_target = PersonChoiceField(
        label=_("Verzoek: aan wie"),
        queryset=Person.objects.none(),
        required=False,
    )
    drill_target_group = GroupComboboxField(
        label=capfirst(_("aanvallen gericht op groep")),
        queryset=Group.objects.none(),
        required=False,
    )
    drill_target_person = PersonChoiceField(
        label=capfirst(_("aanvallen gericht op persoon")),
        queryset=Person.objects.none(),
        required=False,
    )
    request_size = forms.ChoiceField(
        label=_("Verzoek: omvang"), choices=[("", "—"), *RequestSize.choices], required=False
    )
    request_outcome = forms.ChoiceField(
        label=_("Verzoek: uitkomst"), choices=RequestOutcome.choices, required=False
    )
    # The text analyser's proposals, signed by the server (see :mod:`.proposals`); only the
    # create view records what became of them.
    analyser_proposals = forms.CharField(required=False, widget=forms.HiddenInput)
    perpetrator_override = forms.CharField(
        label=_("Reden om een slachtoffer of tipgever toch als mogelijke dader te koppelen"),
        help_text=_(
            "Alleen voor de organisatie die de persoon vastlegde; de reden wordt gelogd. "
            "Laat leeg in alle andere gevallen."
        ),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    max_lengths = {"description": 2000}  # "korte feitelijke beschrijving"
    conditionally_required = {
        "platform": _("verplicht bij een online bron"),
        "request_size": _("verplicht als u een verzoek invult"),
    }

    class Meta:
        model = Signal
        fields = [
            "observed_at",
            "source_type",
            "professional_account",
            "platform",
            "link",
            "description",
            "mentioned_time",
            "mentioned_until",
            "mentioned_place",
            "call_to_action",
            "threat",
            "special_data",
            "is_drill",
            "drill_weapons_shown",
            "drill_members_shown",
            "drill_personal_attacks",
            "drill_target_group",
            "drill_target_person",
        ]
        widgets = {
            "observed_at": _datetime_widget(),
            "mentioned_time": _datetime_widget(),
            "mentioned_until": _datetime_widget(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.viewer = viewer
        groups = selectors.group_choices(viewer)
        people = selectors.person_choices(viewer).defer(*IDENTIFYING_FIELDS)
        self.fields["groups"].queryset = groups  # type: ignore[attr-defined]
        self.fields["indicators"].queryset = selectors.indicator_choices(viewer)  # type: ignore[attr-defined]
        self.fields["drill_target_group"].queryset = groups  # type: ignore[attr-defined]
        accounts = account_choices(viewer)
        if self.instance.pk and self.instance.professional_account_id:
            accounts = accounts | ProfessionalAccount.objects.for_viewer(viewer).filter(
                pk=self.instance.professional_account_id
            )
        self.fields["professional_account"].queryset = accounts  # type: ignore[attr-defined]
        self.fields["professional_account"].help_text = _(
            "Een account van het rooster van uw organisatie (Online aanwezigheid)."
        )
        for name in ("drill_target_person", "request_requester", "request_target"):
            self.fields[name].queryset = people  # type: ignore[attr-defined]
            self.fields[name].network_id = viewer.network.pk  # type: ignore[attr-defined]
        self.fields["observed_at"].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]  # type: ignore[attr-defined]
        self.fields["mentioned_time"].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]  # type: ignore[attr-defined]
        self.fields["mentioned_until"].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]  # type: ignore[attr-defined]
        if not self.instance.pk:
            # Usually a signal is registered when it is seen: now is the sensible default.
            self.fields["observed_at"].initial = timezone.localtime().replace(
                second=0, microsecond=0
            )
        if self.instance.pk:
            self.initial.setdefault(
                "groups", [g.group_id for g in self.instance.groups.for_viewer(viewer)]
            )
            self.initial.setdefault(
                "indicators", [i.indicator_id for i in self.instance.indicators.for_viewer(viewer)]
            )
        self.clean_upload: CleanImage | None = None

    def clean_attachment(self) -> Any:
        upload = self.cleaned_data.get("attachment")
        if upload:
            self.clean_upload = clean_image(upload)
        return upload

    def clean_analyser_proposals(self) -> proposals.Proposals | None:
        # Checked server-side; a stale or altered value is dropped, never an error for the user.
        value = self.cleaned_data.get("analyser_proposals") or ""
        return proposals.unsign(value, selectors.indicator_choices(self.viewer))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        platform = platform_error(data.get("source_type"), data.get("platform"))
        if platform:
            self.add_error("platform", platform)
        counts = [data.get(n) for n in ("views", "likes", "reposts", "comments")]
        if any(c is not None for c in counts) and not data.get("engagement_at"):
            data["engagement_at"] = data.get("observed_at") or timezone.now()
        window = window_error(data.get("mentioned_time"), data.get("mentioned_until"))
        if window:
            self.add_error("mentioned_until", window)
        if data.get("request_what") and not data.get("request_size"):
            self.add_error("request_size", _("Kies de omvang van het verzoek."))
        return data

    def signal_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def engagement(self) -> list[dict[str, Any]]:
        data = self.cleaned_data
        counts = {n: data.get(n) for n in ("views", "likes", "reposts", "comments")}
        if all(v is None for v in counts.values()):
            return []
        return [{"at": data["engagement_at"], **{k: v or 0 for k, v in counts.items()}}]

    def requests(self) -> list[dict[str, Any]]:
        data = self.cleaned_data
        if not data.get("request_what"):
            return []
        return [
            {
                "what": data["request_what"],
                "size": data["request_size"],
                "outcome": data.get("request_outcome") or RequestOutcome.ASKED,
                "requester_person": data.get("request_requester"),
                "target_person": data.get("request_target"),
            }
        ]


class CorrectionForm(SignalForm):
    reason = forms.CharField(label=_("Reden van de correctie"), max_length=300)


class PersonRoleForm(StyledForm):
    conditionally_required = {"role": _("verplicht als u een persoon kiest")}
    person = PersonChoiceField(
        label=_("Persoon"),
        queryset=Person.objects.none(),
        required=False,
    )
    role = forms.ChoiceField(
        label=_("Rol in dit signaal"), choices=PersonRole.choices, required=False
    )

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = selectors.person_choices(viewer).defer(  # type: ignore[attr-defined]
            *IDENTIFYING_FIELDS
        )
        self.fields["person"].network_id = viewer.network.pk  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("person") and not data.get("role"):
            self.add_error("role", _("Kies de rol van deze persoon."))
        return data


PersonFormSet = forms.formset_factory(PersonRoleForm, extra=3, max_num=20)


def people_from(formset: Any) -> list[tuple[Any, str]]:
    return [
        (form.cleaned_data["person"], form.cleaned_data["role"])
        for form in formset.forms
        if form.cleaned_data.get("person")
    ]


class ContextNoteForm(StyledForm):
    adjustment = forms.TypedChoiceField(
        label=_("Weging"),
        coerce=int,
        choices=[(-2, "−2"), (-1, "−1"), (0, "0"), (1, "+1"), (2, "+2")],
        initial=0,
    )
    reason = forms.CharField(
        label=_("Reden"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )


class ProsecutorOrderForm(StyledForm):
    order_reference = forms.CharField(label=_("Kenmerk van het bevel"), max_length=80)
    order_issued_on = forms.DateField(
        label=_("Datum van het bevel"), widget=forms.DateInput(attrs={"type": "date"})
    )
    order_valid_until = forms.DateField(
        label=_("Geldig tot (optioneel)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    order_scope = forms.CharField(
        label=_("Reikwijdte"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )


class HandoverForm(StyledForm):
    to = forms.ModelChoiceField(label=_("Doorgeven aan"), queryset=Organisation.objects.none())
    note = forms.CharField(
        label=_("Wat geeft u door"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only partners whose legal powers allow the data are offered (finding 4).
        allowed = [org.pk for org in selectors.handover_recipients(viewer)]
        self.fields["to"].queryset = Organisation.objects.for_viewer(viewer).filter(pk__in=allowed)  # type: ignore[attr-defined]
        if not allowed:
            self.fields["to"].help_text = _(
                "Geen partner in dit netwerk heeft de wettelijke bevoegdheid voor deze gegevens."
            )


__all__ = [
    "ContextNoteForm",
    "CorrectionForm",
    "HandoverForm",
    "PersonFormSet",
    "ProsecutorOrderForm",
    "SignalForm",
    "people_from",
]
