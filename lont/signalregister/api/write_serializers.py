"""Input of the signal writes through the API: every field the registration form has, the
answers to the systematic-observation guard, and the 409 body that describes a crossing.

A reference to a person or group is resolved through the visibility layer at *full* access: what
the caller may not see at full access answers exactly as an id that does not exist (the same
Dutch message, no id echoed), so the API never confirms that a hidden row is there."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from lont.core.api.fields import SafeSlugRelatedField
from lont.core.visibility import visible
from lont.networks.choices import Access
from lont.presence.models import ProfessionalAccount
from lont.subjects.models import Group, Person

from .. import selectors
from ..choices import (
    PersonRole,
    RequestOutcome,
    RequestSize,
    SourceType,
    SpecialData,
)
from ..forms import SignalForm
from ..models import GuardEvent, platform_error, window_error

# The signal's own fields, as the form has them (the service sets the rest).
SIGNAL_FIELDS: tuple[str, ...] = tuple(SignalForm.Meta.fields)
MAX_ID = 2**31 - 1
MAX_SMALL = 32767
# Plausible moments (a typo such as year 268 would otherwise pass and confuse the guard's windows).
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)


class VisibleField(serializers.PrimaryKeyRelatedField):
    """A primary key of ``model`` the caller sees at full access; anything else is "unknown"."""

    default_error_messages = {
        "required": _("Dit veld is verplicht."),
        "does_not_exist": _("Onbekende keuze: deze bestaat niet of u heeft er geen toegang toe."),
        "incorrect_type": _("Geef het nummer (id) op."),
    }

    def __init__(self, model: type[Model], **kwargs: Any) -> None:
        self.model = model
        super().__init__(queryset=model._default_manager.all(), **kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        return visible(self.context["viewer"], self.model, minimum=Access.FULL)

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("incorrect_type", data_type=type(data).__name__)
        try:
            number = int(data)
        except ValueError:
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 0 < number <= MAX_ID:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(number)


class IndicatorCodeField(SafeSlugRelatedField):
    default_error_messages = {
        "does_not_exist": _("Onbekende indicatorcode: {value}."),
        "invalid": _("Geef een indicatorcode op."),
    }

    def __init__(self, **kwargs: Any) -> None:
        from lont.knowledge.models import Indicator

        super().__init__(slug_field="code", queryset=Indicator.objects.all(), **kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.indicator_choices(self.context["viewer"])


class PersonRoleInSerializer(serializers.Serializer):
    person = VisibleField(Person)
    role = serializers.ChoiceField(choices=PersonRole.choices)


class EngagementInSerializer(serializers.Serializer):
    at = serializers.DateTimeField(
        required=False, allow_null=True, help_text=_("Standaard: het moment van waarnemen.")
    )
    views = serializers.IntegerField(min_value=0, max_value=MAX_ID, default=0)
    likes = serializers.IntegerField(min_value=0, max_value=MAX_ID, default=0)
    reposts = serializers.IntegerField(min_value=0, max_value=MAX_ID, default=0)
    comments = serializers.IntegerField(min_value=0, max_value=MAX_ID, default=0)

    def validate_at(self, value: dt.datetime | None) -> dt.datetime | None:
        if value is not None and not EARLIEST <= value < LATEST:
            raise serializers.ValidationError(_("Het moment ligt buiten 2000–2100."))
        return value


class RequestInSerializer(serializers.Serializer):
    what = serializers.CharField(max_length=300)
    size = serializers.ChoiceField(choices=RequestSize.choices)
    outcome = serializers.ChoiceField(choices=RequestOutcome.choices, default=RequestOutcome.ASKED)
    requester_person = VisibleField(Person, required=False, allow_null=True, default=None)
    target_person = VisibleField(Person, required=False, allow_null=True, default=None)


class ProsecutorOrderInSerializer(serializers.Serializer):
    """Police only: the order of the public prosecutor (art. 126g Sv) that covers the crossing."""

    reference = serializers.CharField(max_length=80, help_text=_("Kenmerk van het bevel."))
    date = serializers.DateField(help_text=_("Datum van het bevel."))
    valid_until = serializers.DateField(required=False, allow_null=True, default=None)
    scope = serializers.CharField(max_length=1000, help_text=_("Reikwijdte van het bevel."))


def own_guard_events(viewer: Any, ids: list[int]) -> list[int]:
    """The caller's own guard warnings (as the page: its organisation and member), or a 400."""
    ids = list(dict.fromkeys(ids))
    found = set(
        GuardEvent.objects.for_viewer(viewer)
        .filter(pk__in=ids, organisation=viewer.organisation, member=viewer.membership)
        .values_list("pk", flat=True)
    )
    if len(found) != len(ids):
        raise serializers.ValidationError(_("Onbekende waarschuwing (guard_events)."))
    return ids


class GuardEventsField(serializers.ListField):
    child = serializers.IntegerField(min_value=1, max_value=MAX_ID)

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault(
            "help_text",
            _("De nummers van de waarschuwing uit het 409-antwoord (guard_events)."),
        )
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> list[int]:
        return own_guard_events(self.context["viewer"], super().to_internal_value(data))


class SignalWriteSerializer(serializers.Serializer):
    """A new signal, as the registration form: the signal, people with roles, groups, indicator
    codes, reach, a request, and the answers to an earlier guard warning."""

    observed_at = serializers.DateTimeField()
    source_type = serializers.ChoiceField(choices=SourceType.choices)
    professional_account = VisibleField(
        ProfessionalAccount,
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Een account van het rooster van uw organisatie (id)."),
    )
    platform = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    link = serializers.URLField(max_length=500, required=False, allow_blank=True, default="")
    description = serializers.CharField()
    mentioned_time = serializers.DateTimeField(required=False, allow_null=True, default=None)
    mentioned_until = serializers.DateTimeField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_('Alleen bij een periode ("deze week"): het einde; het tijdstip is het begin.'),
    )
    mentioned_place = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    call_to_action = serializers.BooleanField(required=False, default=False)
    threat = serializers.BooleanField(required=False, default=False)
    special_data = serializers.ChoiceField(
        choices=SpecialData.choices, required=False, allow_blank=True, default=""
    )
    is_drill = serializers.BooleanField(required=False, default=False)
    drill_weapons_shown = serializers.IntegerField(min_value=0, max_value=MAX_SMALL, default=0)
    drill_members_shown = serializers.IntegerField(min_value=0, max_value=MAX_SMALL, default=0)
    drill_personal_attacks = serializers.IntegerField(min_value=0, max_value=MAX_SMALL, default=0)
    drill_target_group = VisibleField(Group, required=False, allow_null=True, default=None)
    drill_target_person = VisibleField(Person, required=False, allow_null=True, default=None)
    # (``max_length`` is the ListSerializer's; the stubs do not know it.)
    people = PersonRoleInSerializer(many=True, required=False, max_length=20)  # type: ignore[call-arg]
    groups = serializers.ListField(child=VisibleField(Group), required=False, max_length=50)
    indicators = serializers.ListField(
        child=IndicatorCodeField(), required=False, max_length=50, help_text=_("Indicatorcodes.")
    )
    engagement = EngagementInSerializer(many=True, required=False, max_length=10)  # type: ignore[call-arg]
    requests = RequestInSerializer(many=True, required=False, max_length=10)  # type: ignore[call-arg]
    perpetrator_override = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        default="",
        help_text=_(
            "Reden om een slachtoffer of tipgever toch als mogelijke dader te koppelen; alleen "
            "voor de organisatie die de persoon vastlegde. De reden wordt gelogd."
        ),
    )
    guard_events = GuardEventsField(required=False)
    prosecutor_order = ProsecutorOrderInSerializer(
        required=False,
        allow_null=True,
        help_text=_(
            "Alleen politie: het bevel van de officier van justitie dat de overschrijding dekt; "
            "stuur het verzoek opnieuw met dit veld en guard_events."
        ),
    )

    def validate_observed_at(self, value: dt.datetime) -> dt.datetime:
        if value < EARLIEST or value > timezone.now() + dt.timedelta(days=1):
            raise serializers.ValidationError(
                _("Het moment van waarnemen moet na 2000 liggen en niet in de toekomst.")
            )
        return value

    def validate_mentioned_time(self, value: dt.datetime | None) -> dt.datetime | None:
        if value is not None and not EARLIEST <= value < LATEST:
            raise serializers.ValidationError(_("Het genoemde tijdstip ligt buiten 2000–2100."))
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start = attrs.get("mentioned_time")
        # A PATCH without a start is checked on the corrected state (``writes._check_window``).
        window = window_error(start, attrs.get("mentioned_until"))
        if window and (start is not None or not self.partial):
            raise serializers.ValidationError({"mentioned_until": window})
        if not self.partial:
            attrs.setdefault("people", [])
            attrs.setdefault("groups", [])
            attrs.setdefault("indicators", [])
            platform = platform_error(attrs.get("source_type"), attrs.get("platform"))
            if platform:
                raise serializers.ValidationError({"platform": platform})
        return attrs


class SignalCorrectionSerializer(SignalWriteSerializer):
    """A correction (PUT: the whole signal; PATCH: only what is given; people, groups and
    indicators given replace the stored selection). The previous state is kept as a version."""

    reason = serializers.CharField(max_length=300, help_text=_("Reden van de correctie."))

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not str(attrs.get("reason", "")).strip():
            raise serializers.ValidationError({"reason": _("Geef de reden van de correctie.")})
        return super().validate(attrs)


class GuardStopSerializer(serializers.Serializer):
    guard_events = GuardEventsField(min_length=1)


class GuardHandoverSerializer(serializers.Serializer):
    guard_events = GuardEventsField(min_length=1)
    to = serializers.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        help_text=_("Een organisatie uit ways_forward.handover.organisations."),
    )
    note = serializers.CharField(max_length=2000, help_text=_("Wat geeft u door."))

    def validate_to(self, value: int) -> Any:
        allowed = {org.pk: org for org in selectors.handover_recipients(self.context["viewer"])}
        if value not in allowed:
            raise serializers.ValidationError(
                _(
                    "Kies een partner in dit netwerk met de wettelijke bevoegdheid voor deze gegevens."
                )
            )
        return allowed[value]


class GuardOutcomeSerializer(serializers.Serializer):
    detail = serializers.CharField()
    outcome = serializers.ChoiceField(choices=GuardEvent.Outcome.choices)
    guard_events = serializers.ListField(child=serializers.IntegerField())


# The 409 body (documentation only; ``guard_flow.conflict_body`` builds it).
class CrossingSerializer(serializers.Serializer):
    person = serializers.IntegerField()
    alias = serializers.CharField(allow_null=True)
    thresholds = serializers.ListField(child=serializers.CharField())
    count = serializers.IntegerField()
    message = serializers.CharField()
    guard_event = serializers.IntegerField(allow_null=True)


class OrganisationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class WayOrderSerializer(serializers.Serializer):
    available = serializers.BooleanField()
    how = serializers.CharField()


class WayHandoverSerializer(serializers.Serializer):
    available = serializers.BooleanField()
    endpoint = serializers.CharField()
    organisations = OrganisationRefSerializer(many=True)


class WayStopSerializer(serializers.Serializer):
    available = serializers.BooleanField()
    endpoint = serializers.CharField()


class WaysForwardSerializer(serializers.Serializer):
    prosecutor_order = WayOrderSerializer()
    handover = WayHandoverSerializer()
    stop = WayStopSerializer()


class GuardConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()
    advice = serializers.CharField()
    crossings = CrossingSerializer(many=True)
    guard_events = serializers.ListField(child=serializers.IntegerField())
    ways_forward = WaysForwardSerializer()
