"""A3 — evaluation (guide, Nazorg: "Evalueer de interventie zowel in de eigen teams en organisatie
als binnen het netwerk"): the network-wide evaluation, each partner's answers, the lessons that
become work, and the advisory board register."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager
from lont.networks.models import Network, Organisation

from ..choices import EvaluationStatus, LessonKind, LessonStatus


class Evaluation(ChangeLoggedModel):
    """Started by the network director by a fixed protocol (``guide.PROTOCOL``)."""

    objects = ScopedManager()

    audit_redact = frozenset({"title", "spot_evaluation", "merged"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("gestart door")
    )
    situation = models.ForeignKey(
        "assessment.Situation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("situatie"),
    )
    incident = models.ForeignKey(
        "crisis.Incident",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("incident"),
    )
    title = models.CharField(_("titel"), max_length=120)
    spot_evaluation = models.TextField(_("evaluatie ter plaatse"), blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=EvaluationStatus.choices, default=EvaluationStatus.OPEN
    )
    merged = models.TextField(_("samengevoegde evaluatie"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("gestart door"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")

    def __str__(self) -> str:
        return self.title

    def audit_repr(self) -> str:
        return f"evaluatie #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("aftercare:evaluation_detail", args=[self.pk])


class EvaluationAnswer(ChangeLoggedModel):
    """One partner's own evaluation: its tasks and powers, and the three questions."""

    objects = ScopedManager()

    audit_redact = frozenset({"tasks_and_powers", "went_well", "went_badly", "improve"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner")
    )
    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="answers", verbose_name=_("evaluatie")
    )
    tasks_and_powers = models.TextField(
        _("invulling van eigen taken, verantwoordelijkheden en bevoegdheden"), blank=True
    )
    went_well = models.TextField(_("wat is goed gegaan?"))
    went_badly = models.TextField(_("wat ging niet goed?"))
    improve = models.TextField(_("wat kan de volgende keer beter?"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["evaluation", "pk"]
        verbose_name = _("evaluatie van een partner")
        verbose_name_plural = _("evaluaties van partners")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "organisation"], name="aftercare_answer_unique"
            )
        ]

    def audit_repr(self) -> str:
        return f"evaluatieantwoord #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("aftercare:evaluation_detail", args=[self.evaluation_id])


class Lesson(ChangeLoggedModel):
    """A lesson and the work it became, with the link kept both ways (a covenant version answers
    "which evaluation led to this?" through ``version.lessons``)."""

    objects = ScopedManager()

    audit_redact = frozenset({"text", "proposal"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="lessons", verbose_name=_("evaluatie")
    )
    text = models.TextField(_("les"))
    kind = models.CharField(_("wordt"), max_length=10, choices=LessonKind.choices)
    proposal = models.TextField(_("voorgestelde wijziging"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=LessonStatus.choices, default=LessonStatus.PROPOSED
    )
    action = models.ForeignKey(
        "assessment.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("actie"),
    )
    covenant_version = models.ForeignKey(
        "networks.CovenantVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("convenantversie"),
    )
    parameters = models.ForeignKey(
        "assessment.EngineParameterSet",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("engineparameters"),
    )
    indicator = models.ForeignKey(
        "knowledge.Indicator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("indicator"),
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)

    class Meta:
        ordering = ["evaluation", "pk"]
        verbose_name = _("les")
        verbose_name_plural = _("lessen")

    def audit_repr(self) -> str:
        return f"les #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("aftercare:evaluation_detail", args=[self.evaluation_id])


class AdvisoryMember(ChangeLoggedModel):
    """A member of the diverse and representative advisory board (guide point 3)."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("vastgelegd door")
    )
    name = models.CharField(_("naam"), max_length=120)
    represents = models.CharField(_("vertegenwoordigt"), max_length=200)
    since = models.DateField(_("lid sinds"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("lid van de adviesraad")
        verbose_name_plural = _("leden van de adviesraad")

    def __str__(self) -> str:
        return self.name

    def audit_repr(self) -> str:
        return f"adviesraadlid #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("aftercare:advisory")
