"""The risk calendar (P6): recorded events, the windows they open and manual windows, and each
member's secret calendar feed.

Guide: "Maak als gemeente (of stadsdeel) een kalender met risico-inschattingen en tijdsgebonden
indicatoren over tijd" — the municipality keeps the overview current (every window has an owner)
and partners are alerted to a temporary rise of the risk level (the window feeds the level engine
of every situation it touches, see ``lont.assessment.recompute``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager

from .choices import EVENT_CATEGORY, EventKind, WindowKind


class Linked(ChangeLoggedModel):
    """Who recorded an event or a window, who keeps it current (the municipality, per the
    guide), and what it is about: groups, people and a situation (any of them)."""

    network = models.ForeignKey("networks.Network", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "networks.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("eigenaar"),
        help_text=_("Wie dit actueel houdt (meestal de gemeente)."),
    )
    groups = models.ManyToManyField(
        "subjects.Group", blank=True, related_name="+", verbose_name=_("groepen")
    )
    people = models.ManyToManyField(
        "subjects.Person", blank=True, related_name="+", verbose_name=_("personen")
    )
    situation = models.ForeignKey(
        "assessment.Situation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("situatie"),
    )

    class Meta:
        abstract = True


class CalendarEvent(Linked):
    """A fact with a date that makes later days riskier: an incident, a court date (sentence
    demand or verdict) or a release from detention. It generates its windows (``rules.py``)."""

    objects = ScopedManager()

    audit_redact = frozenset({"title", "area"})

    kind = models.CharField(_("soort gebeurtenis"), max_length=16, choices=EventKind.choices)
    category = models.CharField(max_length=32, editable=False)
    occurred_at = models.DateTimeField(_("datum"))
    title = models.CharField(_("omschrijving"), max_length=160)
    area = models.CharField(_("gebied"), max_length=120, blank=True)
    lower_than_expected = models.BooleanField(
        _("lager dan de groep verwachtte"),
        default=False,
        help_text=_("Alleen bij een strafeis of uitspraak."),
    )
    # Set by another app recording the same fact (e.g. a crisis merged), so it is recorded once.
    source_key = models.CharField(_("bronsleutel"), max_length=120, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-occurred_at", "pk"]
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "source_key"],
                condition=~models.Q(source_key=""),
                name="riskcalendar_event_source_key",
            )
        ]

    def __str__(self) -> str:
        return self.audit_repr()

    def audit_repr(self) -> str:
        return f"gebeurtenis #{self.pk} ({self.kind})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.category = str(EVENT_CATEGORY[EventKind(self.kind)])
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("riskcalendar:event_detail", args=[self.pk])


class RiskWindow(Linked):
    """A period of raised risk: generated from an event or entered by hand (school holidays,
    an event, Ramadan and Eid, New Year's Eve, a funeral). While open it adds the engine's
    window points to every situation it touches: its situation, or one sharing a group or a
    person."""

    objects = ScopedManager()

    audit_redact = frozenset({"title", "notes", "area"})

    kind = models.CharField(_("soort venster"), max_length=16, choices=WindowKind.choices)
    category = models.CharField(max_length=32, editable=False)
    title = models.CharField(_("titel"), max_length=160)
    starts_on = models.DateField(_("opent op"))
    ends_on = models.DateField(_("sluit op"))
    peak_on = models.DateField(_("kerndatum"), null=True, blank=True)
    flagged = models.BooleanField(
        _("verhoogd risico"),
        default=False,
        help_text=_("Bijvoorbeeld een strafeis of uitspraak die lager uitviel dan verwacht."),
    )
    area = models.CharField(_("gebied"), max_length=120, blank=True)
    notes = models.TextField(_("toelichting"), blank=True)
    event = models.ForeignKey(
        CalendarEvent,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="windows",
        verbose_name=_("gebeurtenis"),
    )
    reminded_on = models.DateField(_("herinnerd op"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("kalendervenster")
        verbose_name_plural = _("kalendervensters")
        indexes = [
            models.Index(fields=["network", "starts_on", "ends_on"], name="riskcal_window_dates")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="riskcalendar_window_order",
            )
        ]

    def __str__(self) -> str:
        return self.audit_repr()

    def audit_repr(self) -> str:
        return f"kalendervenster #{self.pk} ({self.kind})"

    def get_absolute_url(self) -> str:
        return reverse("riskcalendar:window_detail", args=[self.pk])

    def is_open(self, today: Any = None) -> bool:
        today = today or timezone.localdate()
        return bool(self.starts_on <= today <= self.ends_on)


class CalendarFeed(ChangeLoggedModel):
    """A member's secret iCalendar address; only the token's hash is stored. Revoked or replaced,
    the old address answers 404."""

    membership = models.ForeignKey(
        "networks.Membership", on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    prefix = models.CharField(max_length=8, verbose_name=_("begin van de sleutel"))
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    audit_exclude = frozenset({"token_hash", "last_used_at"})

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("agenda-abonnement")
        verbose_name_plural = _("agenda-abonnementen")

    def audit_repr(self) -> str:
        return f"agenda-abonnement {self.prefix}…"

    def audit_network_id(self) -> int | None:
        return self.membership.network_id
