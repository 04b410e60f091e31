"""A1 — restore contact: the aftercare plan of a situation, its tasks, a future perspective per
young person and the care for a tipster (guide, Nazorg: "Behoud contact met de doelgroep en
herstel banden indien sprake is van een beschadigde relatie")."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager
from lont.networks.models import Network, Organisation

from ..choices import PerspectiveKind, PlanStatus, TaskStatus


class AftercarePlan(ChangeLoggedModel):
    """The plan that follows a situation into aftercare, seeded with the guide's steps."""

    objects = ScopedManager()

    audit_redact = frozenset({"title", "notes"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("geopend door")
    )
    situation = models.ForeignKey(
        "assessment.Situation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aftercare_plans",
        verbose_name=_("situatie"),
    )
    # Set when the plan was opened because an incident entered *nazorg* (lont.crisis).
    incident = models.ForeignKey(
        "crisis.Incident",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aftercare_plans",
        verbose_name=_("incident"),
    )
    title = models.CharField(_("titel (geen echte namen)"), max_length=120)
    notes = models.TextField(_("toelichting"), blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=PlanStatus.choices, default=PlanStatus.OPEN
    )
    # The situation's level when the plan opened: the re-escalation watch compares against it.
    level_at_start = models.CharField(_("niveau bij de start"), max_length=8, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("nazorgplan")
        verbose_name_plural = _("nazorgplannen")

    def __str__(self) -> str:
        return self.title

    def audit_repr(self) -> str:
        return f"nazorgplan #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("aftercare:plan_detail", args=[self.pk])


class PlanTask(ChangeLoggedModel):
    """One of the guide's steps (or an own task) with an owner partner and person, due date."""

    objects = ScopedManager()

    audit_redact = frozenset({"result"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("eigenaar (partner)"),
    )
    plan = models.ForeignKey(
        AftercarePlan, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("nazorgplan")
    )
    step = models.CharField(_("stap uit de handreiking"), max_length=32, blank=True)
    title = models.CharField(_("taak"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eigenaar (persoon)"),
    )
    due_date = models.DateField(_("uiterlijk op"))
    status = models.CharField(
        _("status"), max_length=10, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    result = models.TextField(_("resultaat"), blank=True)
    reminded_on = models.DateField(null=True, blank=True, verbose_name=_("herinnerd op"))

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("nazorgtaak")
        verbose_name_plural = _("nazorgtaken")

    def __str__(self) -> str:
        return self.title

    def audit_repr(self) -> str:
        return f"nazorgtaak #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("aftercare:plan_detail", args=[self.plan_id])


class PersonPerspective(ChangeLoggedModel):
    """A young person's future perspective (job, internship, school; guide point 6). The text
    itself lives in the person's own field ``future_perspective``: this row is the plan's work on
    it, so there is one place where a person's perspective is written."""

    objects = ScopedManager()

    audit_redact = frozenset({"step_note"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("begeleidende partner"),
    )
    plan = models.ForeignKey(
        AftercarePlan,
        on_delete=models.CASCADE,
        related_name="perspectives",
        verbose_name=_("nazorgplan"),
    )
    person = models.ForeignKey(
        "subjects.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("jongere")
    )
    kind = models.CharField(_("richting"), max_length=12, choices=PerspectiveKind.choices)
    step_note = models.TextField(_("volgende stap"), blank=True)
    due_date = models.DateField(_("uiterlijk op"))
    status = models.CharField(
        _("status"), max_length=10, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("toekomstperspectief")
        verbose_name_plural = _("toekomstperspectieven")

    def audit_repr(self) -> str:
        return f"toekomstperspectief #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("aftercare:plan_detail", args=[self.plan_id])


class TipsterCare(ChangeLoggedModel):
    """Care for the person who gave a tip (guide point 7): feedback, thanks through an
    intermediary, a finger on the pulse for trauma complaints. Only the partner that holds the
    tip reads it (registered with ``shared=False``): not the director, not other partners."""

    objects = ScopedManager()

    audit_redact = frozenset({"feedback_note", "thanks_via", "wellbeing_note"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("houder van de tip"),
    )
    plan = models.ForeignKey(
        AftercarePlan,
        on_delete=models.CASCADE,
        related_name="tipster_care",
        verbose_name=_("nazorgplan"),
    )
    signal = models.ForeignKey(
        "signalregister.Signal", on_delete=models.CASCADE, related_name="+", verbose_name=_("tip")
    )
    feedback_given = models.BooleanField(_("terugkoppeling gegeven"), default=False)
    feedback_note = models.TextField(_("terugkoppeling"), blank=True)
    thanks_via = models.TextField(_("bedankt via (tussenpersoon of algemeen bericht)"), blank=True)
    wellbeing_note = models.TextField(_("vinger aan de pols (klachten, PTSS-signalen)"), blank=True)
    next_check = models.DateField(_("volgend contact"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("zorg voor de tipgever")
        verbose_name_plural = _("zorg voor tipgevers")

    def audit_repr(self) -> str:
        return f"zorg tipgever #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("aftercare:plan_detail", args=[self.plan_id])
