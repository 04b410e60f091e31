"""Situations with their computed level, engine parameters, case meetings (BOB) and actions."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager
from lont.networks.models import Network, Organisation

from .choices import (
    ActionMode,
    ActionStatus,
    DecisionKind,
    LevelCode,
    MeetingStatus,
    SituationKind,
    Stage,
)


class EngineParameterSet(ChangeLoggedModel):
    """One version of a network's engine parameters. Rows are never changed: a new version is
    added, the newest is in force (like the covenant), so every level says what it was computed with."""

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField(_("versie"))
    data = models.JSONField(_("parameters"))
    reason = models.TextField(_("reden van de wijziging"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["network", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["network", "number"], name="assessment_params_unique")
        ]
        verbose_name = _("set engineparameters")

    def __str__(self) -> str:
        return f"parameters v{self.number}"


class Situation(ChangeLoggedModel):
    """A rivalry, planned confrontation or group's dynamics: signals, groups and a timeline, with
    a level computed (and explained) by the engine. The case meeting judges; this only suggests."""

    objects = ScopedManager()

    audit_redact = frozenset(
        {"title", "description", "explanation", "trend_breaks", "drill", "auto_links"}
    )

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("geopend door")
    )
    kind = models.CharField(_("soort situatie"), max_length=16, choices=SituationKind.choices)
    title = models.CharField(_("titel"), max_length=120)
    description = models.TextField(_("omschrijving"), blank=True)
    groups = models.ManyToManyField(
        "subjects.Group", blank=True, related_name="situations", verbose_name=_("groepen")
    )
    rivalry = models.ForeignKey(
        "subjects.GroupRelation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="situations",
        verbose_name=_("rivaliteit"),
    )
    signals = models.ManyToManyField(
        "signalregister.Signal", blank=True, related_name="situations", verbose_name=_("signalen")
    )
    followers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="followed_situations"
    )
    level = models.CharField(
        _("berekend niveau"), max_length=8, choices=LevelCode.choices, default=LevelCode.LOW
    )
    score = models.FloatField(_("score"), default=0.0)
    explanation = models.JSONField(_("uitleg"), default=dict, blank=True)
    trend_breaks = models.JSONField(_("trendbreuken"), default=list, blank=True)
    drill = models.JSONField(_("drillduiding"), default=dict, blank=True)
    requests = models.JSONField(_("verzoekpatronen"), default=list, blank=True)
    # Signals linked by themselves (``autolink``): signal id, why (group / person / rivalry and
    # its id — rendered per viewer), when, and whether the owner undid it. Ids only, no text.
    auto_links = models.JSONField(
        default=list, blank=True, verbose_name=_("automatische koppelingen")
    )
    # The last scores (date, score, level) for the dashboard's sparkline; bounded in the service.
    history = models.JSONField(default=list, blank=True, verbose_name=_("verloop"))
    computed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("berekend op"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-score", "pk"]
        verbose_name = _("situatie")
        verbose_name_plural = _("situaties")

    def __str__(self) -> str:
        return self.title

    def audit_repr(self) -> str:
        return f"situatie #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("assessment:situation_detail", args=[self.pk])


class LastVisit(models.Model):
    """When a user last opened the dashboard, for "signals new since your last visit"."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["network", "user"], name="assessment_lastvisit_unique")
        ]

    def __str__(self) -> str:
        return f"bezoek {self.at:%Y-%m-%d %H:%M}"


class PreparedContribution(models.Model):
    """One signal's prepared contribution to one situation (``lont.engine.PreparedSignal`` plus the
    facts the recompute reads of it), so a recompute after one change prepares only what changed
    and otherwise makes a cheap pass over these rows (``recompute.compute``).

    ``data`` holds the numbers and facts the combination reads (JSON text) (read for every row at every
    recompute); ``text`` the explanation's parts up to the recency (read only for the lines that
    are formatted: the strongest ones at the recompute, the others when a page asks for them,
    ``recompute.explained``). The stored explanation holds only the lines the situation page
    shows: the others are rebuilt from these rows. A row is written in the transaction that
    stores its situation's explanation, so the lines rebuilt later are the ones that explanation
    counted; a signal's unlinking marks its row (``key`` empty: ``recompute.mark_unlinked``) and
    the next recompute drops it.

    Derived data in system context, not registered with the visibility layer: it holds what the
    stored explanation holds (indicator labels, weights, factors, refs), is shown only as the
    lines of a situation's explanation (each at the viewer's access to its signal) and goes with
    its signal or situation (CASCADE), so it needs no retention rule of its own. ``key`` ties it
    to the parameters and indicator weights it was prepared with, ``generation`` to the signal's
    ``SignalGeneration`` when its rows were read: a row of another key or generation is prepared
    again.
    """

    situation = models.ForeignKey(Situation, on_delete=models.CASCADE, related_name="+")
    signal = models.ForeignKey("signalregister.Signal", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)
    generation = models.PositiveBigIntegerField(default=0)
    # JSON as text: read for every row at every recompute and parsed in one go (``records``).
    data = models.TextField()
    text = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["situation", "signal"], name="assessment_prepared_unique"
            )
        ]
        indexes = [
            # The few rows of unlinked signals, which a recompute drops (``recompute.records``).
            models.Index(
                fields=["situation"], condition=Q(key=""), name="assessment_prepared_unlinked"
            )
        ]

    def __str__(self) -> str:
        return f"voorbereide bijdrage {self.signal_id} in situatie {self.situation_id}"


class SignalGeneration(models.Model):
    """How often a signal or a part of it (indicator, note, person, group, request) changed, as
    the recompute counts it: ``triggers`` adds one in the transaction of every such change. A
    prepared contribution remembers the generation it was read at, so one prepared from rows read
    before a change is never reused after it — also when it was stored after the change (a
    recompute that read the old rows and finished late). No row: generation 0."""

    signal = models.OneToOneField(
        "signalregister.Signal",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="assessment_generation",
    )
    generation = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"signaal {self.signal_id}: generatie {self.generation}"


class CaseMeeting(ChangeLoggedModel):
    """A case meeting (BOB): date, chair, participating partners and an agenda of situations."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organiseert")
    )
    date = models.DateField(_("datum"))
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("voorzitter"),
    )
    participants = models.ManyToManyField(
        Organisation, related_name="+", verbose_name=_("deelnemende partners")
    )
    status = models.CharField(
        _("status"), max_length=8, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("casusoverleg")
        verbose_name_plural = _("casusoverleggen")

    def __str__(self) -> str:
        return f"casusoverleg {self.date:%d-%m-%Y}"

    def audit_repr(self) -> str:
        return f"casusoverleg #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("assessment:meeting_detail", args=[self.pk])


class AgendaItem(ChangeLoggedModel):
    """One situation on a meeting's agenda, taken through beeldvorming, oordeelsvorming and
    besluitvorming. The picture is compiled live from the situation (per viewer), not stored."""

    objects = ScopedManager()

    audit_redact = frozenset(
        {"unknowns", "rationale", "concerns", "decision_reason", "causality_answer"}
    )

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    meeting = models.ForeignKey(
        CaseMeeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("casusoverleg")
    )
    situation = models.ForeignKey(Situation, on_delete=models.PROTECT, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(default=0, verbose_name=_("volgorde"))
    stage = models.CharField(
        max_length=16, choices=Stage.choices, default=Stage.PICTURE, verbose_name=_("fase")
    )
    # Beeldvorming
    computed_level = models.CharField(
        max_length=8, choices=LevelCode.choices, blank=True, verbose_name=_("berekend niveau")
    )
    unknowns = models.TextField(_("wat weten we niet, en hoe komen we erachter?"), blank=True)
    causality_answer = models.TextField(
        _("causaliteit: leidt de drill tot geweld, of laat hij zien wat er al speelt?"), blank=True
    )
    # Oordeelsvorming
    judged_level = models.CharField(
        _("beoordeeld niveau"), max_length=8, choices=LevelCode.choices, blank=True
    )
    rationale = models.TextField(_("onderbouwing"), blank=True)
    concerns = models.TextField(_("zorgen"), blank=True)
    # Besluitvorming
    decision = models.CharField(
        _("besluit"), max_length=8, choices=DecisionKind.choices, blank=True
    )
    decision_reason = models.TextField(_("toelichting op het besluit"), blank=True)

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "situation"], name="assessment_item_unique_situation"
            )
        ]

    def audit_repr(self) -> str:
        return f"agendapunt #{self.pk}"


class Dissent(ChangeLoggedModel):
    """A partner's dissenting view on an item's judgement (oordeelsvorming): recorded, not outvoted."""

    objects = ScopedManager()

    audit_redact = frozenset({"text"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="dissents", verbose_name=_("agendapunt")
    )
    text = models.TextField(_("afwijkende mening"))

    class Meta:
        verbose_name = _("afwijkende mening")
        verbose_name_plural = _("afwijkende meningen")

    def audit_repr(self) -> str:
        return f"afwijkende mening #{self.pk}"


class Action(ChangeLoggedModel):
    """A decision's action: owner partner and person, due date, online or offline, status."""

    objects = ScopedManager()

    audit_redact = frozenset({"description", "result"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("eigenaar (partner)"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("eigenaar (persoon)"),
    )
    # Empty for an action that came from elsewhere (an evaluation's lesson, lont.aftercare).
    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("agendapunt"),
    )
    description = models.TextField(_("wat"))
    due_date = models.DateField(_("uiterlijk op"))
    mode = models.CharField(_("online of offline"), max_length=8, choices=ActionMode.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    result = models.TextField(_("resultaat"), blank=True)
    reminded_on = models.DateField(null=True, blank=True, verbose_name=_("herinnerd op"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def audit_repr(self) -> str:
        return f"actie #{self.pk}"

    def is_overdue(self, today: Any) -> bool:
        return self.status == ActionStatus.OPEN and self.due_date < today
