"""The incident room (PRODUCT.md C1–C5): the incident with its checklist and deliberate choices,
an append-only log, tasks and positions per partner, messages checked by the analyser, and the
joint reporting of inflammatory posts.

Guide, Crisis: "Maak doelbewuste keuzes om het risico op verdere escalatie door interventie te
minimaliseren", "Betrek verschillende netwerkpartners …", "Zet in op de-escalatie …".
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager, ScopedQuerySet
from lont.networks.models import Network, Organisation

from .choices import (
    ActChoice,
    Answer,
    ConflictStage,
    ForceChoice,
    IncidentLevel,
    IncidentOrigin,
    IncidentState,
    JointLine,
    LogKind,
    MessageStatus,
    OutreachChannel,
    OutreachOutcome,
    Platform,
    PostOutcome,
    RepressionChoice,
    RevengeChoice,
    Spontaneity,
    TargetChoice,
    TaskKind,
    TimingChoice,
    ViolenceRole,
)

# The guide's information checklist (Crisis, "Maak doelbewuste keuzes …", point 1), in order.
CHECKLIST = ("weapons", "cause", "people", "substances", "earlier_calls")
# The action plan's dimensions a–f (point 4), in the guide's order.
DIMENSIONS = ("act", "repression", "target", "force", "timing", "revenge")


def label(name: str) -> str:
    """The Dutch label of an incident field (for the log, the page and the PDF)."""
    return str(getattr(Incident._meta.get_field(name), "verbose_name", name))


def _answer(label: Any) -> models.CharField:
    return models.CharField(label, max_length=8, choices=Answer.choices, default=Answer.UNKNOWN)


class Incident(ChangeLoggedModel):
    """One crisis: *gemeld → actief → afgeschaald → nazorg → gesloten*. The picture the network
    shares while it lasts; every transition is a log entry with who, when and why."""

    objects = ScopedManager()

    audit_redact = frozenset(
        {
            "description",
            "call_text",
            "legal_check",
            "immediate_note",
            "spot_evaluation",
            *(f"{name}_note" for name in CHECKLIST),
            *(f"{name}_reason" for name in DIMENSIONS),
            "line_reason",
            "partners_as_targets",
        }
    )

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("geopend door")
    )
    title = models.CharField(_("titel"), max_length=120)
    description = models.TextField(_("omschrijving"), blank=True)
    state = models.CharField(
        _("status"), max_length=12, choices=IncidentState.choices, default=IncidentState.REPORTED
    )
    level = models.CharField(
        _("niveau"), max_length=8, choices=IncidentLevel.choices, default=IncidentLevel.HIGH
    )
    origin = models.CharField(
        _("geopend"), max_length=10, choices=IncidentOrigin.choices, default=IncidentOrigin.MANUAL
    )
    situation = models.ForeignKey(
        "assessment.Situation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("situatie"),
    )
    signal = models.ForeignKey(
        "signalregister.Signal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signaal"),
    )
    groups = models.ManyToManyField(
        "subjects.Group", blank=True, related_name="incidents", verbose_name=_("groepen")
    )
    occurred_at = models.DateTimeField(_("(geplande) confrontatie"), null=True, blank=True)
    location = models.CharField(_("locatie"), max_length=120, blank=True)
    call_text = models.TextField(
        _("de oproep (tekst)"),
        blank=True,
        help_text=_("De tekst van de oproep; berichten worden erop gecontroleerd."),
    )
    # 1. Information checklist: "onbekend" is an honest answer.
    weapons = _answer(_("wapens aanwezig?"))
    weapons_note = models.TextField(_("toelichting wapens"), blank=True)
    cause = _answer(_("oorzaak bekend?"))
    cause_note = models.TextField(_("toelichting oorzaak"), blank=True)
    people = _answer(_("aanwezige betrokkenen bekend?"))
    people_note = models.TextField(_("toelichting betrokkenen"), blank=True)
    substances = _answer(_("middelenmisbruik of psychische problematiek?"))
    substances_note = models.TextField(
        _("toelichting middelen of psychische gezondheid"), blank=True
    )
    earlier_calls = _answer(_("eerdere oproepen?"))
    earlier_calls_note = models.TextField(_("toelichting eerdere oproepen"), blank=True)
    # 2. Immediate action and extra people; 3. the legal bounds.
    immediate = _answer(_("onmiddellijke actie en extra inzet nodig?"))
    immediate_note = models.TextField(_("toelichting inzet"), blank=True)
    legal_check = models.TextField(_("grenzen van regels, wetten en beleid"), blank=True)
    # 4. The action plan, safety first, a choice and a reason per dimension.
    safety_first = models.BooleanField(
        _("de veiligheid van professionals en burgers staat voorop"), default=False
    )
    act = models.CharField(
        _("a. ingrijpen of niet"), max_length=10, choices=ActChoice.choices, blank=True
    )
    act_reason = models.TextField(_("reden bij a"), blank=True)
    repression = models.CharField(
        _("b. repressie of tolerantie"), max_length=10, choices=RepressionChoice.choices, blank=True
    )
    repression_reason = models.TextField(_("reden bij b"), blank=True)
    target = models.CharField(
        _("c. gericht of generiek"), max_length=10, choices=TargetChoice.choices, blank=True
    )
    target_reason = models.TextField(_("reden bij c"), blank=True)
    force = models.CharField(
        _("d. zacht of hard"), max_length=10, choices=ForceChoice.choices, blank=True
    )
    force_reason = models.TextField(_("reden bij d"), blank=True)
    timing = models.CharField(
        _("e. preventief of reactief"), max_length=10, choices=TimingChoice.choices, blank=True
    )
    timing_reason = models.TextField(_("reden bij e"), blank=True)
    mediation_offered = models.BooleanField(_("bemiddeling aangeboden"), default=False)
    revenge = models.CharField(
        _("f. risico op wraak"), max_length=10, choices=RevengeChoice.choices, blank=True
    )
    revenge_reason = models.TextField(_("reden bij f"), blank=True)
    # C2: one line for the whole network.
    line = models.CharField(
        _("lijn van het netwerk"), max_length=8, choices=JointLine.choices, blank=True
    )
    line_reason = models.TextField(_("reden van de lijn"), blank=True)
    # C3, point 7: network partners themselves may be seen as targets during an intervention.
    partners_as_targets = models.TextField(_("netwerkpartners als mogelijk doelwit"), blank=True)
    # 5. Evaluate briefly on the spot; it seeds the aftercare evaluation.
    spot_evaluation = models.TextField(_("korte evaluatie ter plaatse"), blank=True)
    opened_at = models.DateTimeField(_("geopend op"), default=timezone.now, editable=False)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidenten")
        indexes = [models.Index(fields=["network", "state"], name="crisis_incident_state")]

    def __str__(self) -> str:
        return self.title

    def audit_repr(self) -> str:
        return f"incident #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("crisis:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.state != IncidentState.CLOSED


class AppendOnlyScopedQuerySet(ScopedQuerySet):
    """Log entries are never changed or deleted through the ORM (corrections are new entries);
    the database refuses it too (migration 0002). They go only with their closed incident."""

    def update(self, **kwargs: Any) -> int:
        raise IncidentLogError("Logregels van een incident worden niet gewijzigd.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise IncidentLogError("Logregels van een incident worden niet verwijderd.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise IncidentLogError("Logregels van een incident worden niet gewijzigd.")


class IncidentLogError(Exception):
    pass


class IncidentLogManager(ScopedManager):
    def get_queryset(self) -> AppendOnlyScopedQuerySet:
        return AppendOnlyScopedQuerySet(self.model, using=self._db, hints=self._hints)  # type: ignore[attr-defined]


class IncidentLogEntry(ChangeLoggedModel):
    """One line of the incident log: who, when, what. Append-only down to the database."""

    objects = IncidentLogManager()

    audit_redact = frozenset({"text"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="log", verbose_name=_("incident")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    at = models.DateTimeField(_("tijdstip"), default=timezone.now, editable=False, db_index=True)
    kind = models.CharField(_("soort"), max_length=12, choices=LogKind.choices)
    text = models.TextField(_("wat"))
    from_state = models.CharField(
        _("van"), max_length=12, choices=IncidentState.choices, blank=True
    )
    to_state = models.CharField(_("naar"), max_length=12, choices=IncidentState.choices, blank=True)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("corrigeert"),
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("logregel")
        verbose_name_plural = _("logregels")

    def audit_repr(self) -> str:
        return f"logregel #{self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise IncidentLogError("Logregels van een incident worden niet gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise IncidentLogError("Logregels van een incident worden niet verwijderd.")


class IncidentTask(ChangeLoggedModel):
    """A partner's task or position (C2, guide point 6), with who of that partner confirmed it."""

    objects = ScopedManager()

    audit_redact = frozenset({"description", "result"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("incident")
    )
    kind = models.CharField(_("soort"), max_length=8, choices=TaskKind.choices)
    description = models.TextField(_("wat"))
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bevestigd door"),
    )
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    done_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    result = models.TextField(_("resultaat"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("taak of positie")
        verbose_name_plural = _("taken en posities")

    def audit_repr(self) -> str:
        return f"taak #{self.pk}"


class IncidentMessage(ChangeLoggedModel):
    """A message for a partner's own channels (C2, guide points 3–4), checked by the analyser: one
    that repeats the confrontation's time or place is ready only with a logged override."""

    objects = ScopedManager()

    audit_redact = frozenset({"text", "override_reason"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="messages", verbose_name=_("incident")
    )
    channel = models.CharField(_("kanaal"), max_length=80)
    text = models.TextField(_("bericht"))
    status = models.CharField(
        _("status"), max_length=8, choices=MessageStatus.choices, default=MessageStatus.DRAFT
    )
    warnings = models.JSONField(_("waarschuwingen van de check"), default=list, blank=True)
    override_reason = models.TextField(_("reden om toch te plaatsen"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")

    def audit_repr(self) -> str:
        return f"bericht #{self.pk}"


class ReportedPost(ChangeLoggedModel):
    """An inflammatory post the network reports jointly (C5, guide point 8), with the platform's
    outcome and the time to removal; a preserved copy with its SHA-256 where the covenant allows."""

    objects = ScopedManager()

    audit_redact = frozenset({"url", "preserved_copy", "platform_reference"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("gedeeld door")
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="posts", verbose_name=_("incident")
    )
    url = models.CharField(_("link naar het bericht"), max_length=500)
    platform = models.CharField(_("platform"), max_length=10, choices=Platform.choices)
    platform_reference = models.CharField(_("kenmerk van het platform"), max_length=120, blank=True)
    outcome = models.CharField(
        _("uitkomst"), max_length=10, choices=PostOutcome.choices, default=PostOutcome.PENDING
    )
    first_reported_at = models.DateTimeField(_("eerst gemeld op"))
    removed_at = models.DateTimeField(_("verwijderd op"), null=True, blank=True)
    preserved_copy = models.TextField(_("bewaarde kopie"), blank=True)
    copy_sha256 = models.CharField(_("SHA-256 van de kopie"), max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["first_reported_at", "pk"]
        verbose_name = _("gemeld bericht")
        verbose_name_plural = _("gemelde berichten")

    def audit_repr(self) -> str:
        return f"gemeld bericht #{self.pk}"

    @property
    def time_to_removal(self) -> Any:
        if self.removed_at is None:
            return None
        return self.removed_at - self.first_reported_at


class PostReport(ChangeLoggedModel):
    """One partner's report of a post to the platform: who, when."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    post = models.ForeignKey(
        ReportedPost, on_delete=models.CASCADE, related_name="reports", verbose_name=_("bericht")
    )
    reported_at = models.DateTimeField(_("gemeld op"))

    class Meta:
        ordering = ["reported_at", "pk"]
        verbose_name = _("melding bij platform")
        verbose_name_plural = _("meldingen bij platforms")

    def audit_repr(self) -> str:
        return f"melding #{self.pk}"


class IncidentPerson(ChangeLoggedModel):
    """A person involved, with the role type from which they may use violence (C3) and what is
    known of their motive; the guide's advice for the type is shown beside it."""

    objects = ScopedManager()

    audit_redact = frozenset({"motive"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    incident = models.ForeignKey(
        Incident,
        on_delete=models.CASCADE,
        related_name="people_involved",
        verbose_name=_("incident"),
    )
    person = models.ForeignKey(
        "subjects.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("persoon")
    )
    role_type = models.CharField(_("rol"), max_length=12, choices=ViolenceRole.choices)
    motive = models.TextField(_("motief en achtergrond"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("betrokken persoon")
        verbose_name_plural = _("betrokken personen")
        constraints = [
            models.UniqueConstraint(fields=["incident", "person"], name="crisis_person_once")
        ]

    def audit_repr(self) -> str:
        return f"betrokkene #{self.pk}"


class EscalationReading(ChangeLoggedModel):
    """One reading of the escalation watch (C4): the conflict stage at a moment, a reasoned reading
    of a video on the 23 non-verbal indicators (spontaneous or staged; never a score on a person),
    and the provocation signs seen with a partner."""

    objects = ScopedManager()

    audit_redact = frozenset({"reading"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="readings", verbose_name=_("incident")
    )
    at = models.DateTimeField(_("tijdstip"), default=timezone.now)
    stage = models.PositiveSmallIntegerField(
        _("stadium van het conflict"), choices=ConflictStage.choices, null=True, blank=True
    )
    spontaneity = models.CharField(
        _("gedrag in de video"), max_length=12, choices=Spontaneity.choices, blank=True
    )
    nonverbal = models.JSONField(_("non-verbale indicatoren"), default=list, blank=True)
    provocation = models.JSONField(_("signalen van provocatie"), default=list, blank=True)
    reading = models.TextField(_("duiding"))

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("duiding escalatie")
        verbose_name_plural = _("duidingen escalatie")

    def audit_repr(self) -> str:
        return f"duiding #{self.pk}"


class TacticCheck(ChangeLoggedModel):
    """A de-escalation tactic of the guide a partner applied (C5), with a short note."""

    objects = ScopedManager()

    audit_redact = frozenset({"note"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="tactics", verbose_name=_("incident")
    )
    tactic = models.CharField(_("tactiek"), max_length=24)
    note = models.TextField(_("toelichting"), blank=True)
    at = models.DateTimeField(_("tijdstip"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("toegepaste tactiek")
        verbose_name_plural = _("toegepaste tactieken")

    def audit_repr(self) -> str:
        return f"tactiek #{self.pk}"


class Outreach(ChangeLoggedModel):
    """A partner reaching out to an influencer or credible messenger from the social map (C2,
    "wie kan groep X bereiken"): which contact, by whom, when, how, the ask, and what came of it.
    Shown no further than the least visible of the incident and the contact."""

    objects = ScopedManager()

    audit_redact = frozenset({"ask", "outcome_note"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="outreach", verbose_name=_("incident")
    )
    contact = models.ForeignKey(
        "socialmap.Contact",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("contact"),
    )
    group = models.ForeignKey(
        "subjects.Group",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("om groep te bereiken"),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    at = models.DateTimeField(_("benaderd op"), default=timezone.now)
    channel = models.CharField(_("hoe benaderd"), max_length=12, choices=OutreachChannel.choices)
    ask = models.TextField(_("de vraag"))
    outcome = models.CharField(
        _("uitkomst"),
        max_length=12,
        choices=OutreachOutcome.choices,
        default=OutreachOutcome.PENDING,
    )
    outcome_note = models.TextField(_("toelichting uitkomst"), blank=True)
    outcome_at = models.DateTimeField(_("uitkomst vastgelegd op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("benadering")
        verbose_name_plural = _("benaderingen")

    def audit_repr(self) -> str:
        return f"benadering #{self.pk}"
