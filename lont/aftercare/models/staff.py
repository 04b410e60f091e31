"""A2 — staff support (guide, Nazorg: "Bied interne ondersteuning aan personeel dat betrokken is
geweest bij een online escalatie"): confidential exposure reports with check-ins, where to get
support, and the anonymous stressor inventory."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager
from lont.networks.models import Network, Organisation

from ..choices import ExposureKind, ReportStatus, SupportKind


class ExposureReport(ChangeLoggedModel):
    """A staff member's exposure to online violence. Only the reporter and their own
    organisation's coordinator read it (``shared=False, readers=("reporter",)``)."""

    objects = ScopedManager()

    audit_redact = frozenset({"description", "impact", "support_wanted"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisatie")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("melder"),
    )
    kind = models.CharField(_("wat gebeurde er"), max_length=12, choices=ExposureKind.choices)
    occurred_on = models.DateField(_("datum"))
    description = models.TextField(_("omschrijving"))
    impact = models.TextField(_("wat doet het met u"), blank=True)
    support_wanted = models.TextField(_("welke steun wilt u"), blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        verbose_name = _("melding van blootstelling")
        verbose_name_plural = _("meldingen van blootstelling")

    def __str__(self) -> str:
        return str(self.get_kind_display())

    def audit_repr(self) -> str:
        return f"blootstellingsmelding #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("aftercare:report_detail", args=[self.pk])


class ExposureCheckIn(ChangeLoggedModel):
    """A follow-up conversation with the reporter ("een vinger aan de pols"), with a reminder."""

    objects = ScopedManager()

    audit_redact = frozenset({"note"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    report = models.ForeignKey(
        ExposureReport, on_delete=models.CASCADE, related_name="checkins", verbose_name=_("melding")
    )
    due_on = models.DateField(_("gepland op"))
    done_on = models.DateField(_("gehouden op"), null=True, blank=True)
    note = models.TextField(_("verslag"), blank=True)
    reminded_on = models.DateField(null=True, blank=True, verbose_name=_("herinnerd op"))

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("nagesprek")
        verbose_name_plural = _("nagesprekken")

    def audit_repr(self) -> str:
        return f"nagesprek #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("aftercare:report_detail", args=[self.report_id])


class SupportPointer(ChangeLoggedModel):
    """Where staff can get support: a psychologist, peer consultation, a confidential adviser."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("aangeboden door")
    )
    kind = models.CharField(_("soort steun"), max_length=14, choices=SupportKind.choices)
    title = models.CharField(_("naam"), max_length=160)
    how = models.TextField(_("hoe bereikt u het"), blank=True)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("steunpunt")
        verbose_name_plural = _("steunpunten")

    def __str__(self) -> str:
        return self.title


class StressorSurvey(ChangeLoggedModel):
    """A round of the stressor inventory (the guide's 4 work and 10 organisational stressors).
    Results are shown after the closing date and only per cell of at least five respondents."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("titel"), max_length=120)
    opens_on = models.DateField(_("open vanaf"))
    closes_on = models.DateField(_("sluit op"))

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("stressorenpeiling")
        verbose_name_plural = _("stressorenpeilingen")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("aftercare:survey_detail", args=[self.pk])


class StressorParticipation(models.Model):
    """That a user answered a survey (so nobody answers twice) — and nothing of what they
    answered. Deliberately not change-logged and without a time: nothing to line up with the
    tallies."""

    survey = models.ForeignKey(StressorSurvey, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user"], name="aftercare_participation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"deelname peiling #{self.survey_id}"


class StressorTally(models.Model):
    """The anonymous answers: how many respondents gave a stressor a score — counters only, no
    row per respondent, no user, no time, so no answer can be linked to a person. Not
    change-logged (a log row would name the actor)."""

    survey = models.ForeignKey(StressorSurvey, on_delete=models.CASCADE, related_name="+")
    stressor = models.CharField(_("stressor"), max_length=16)
    score = models.PositiveSmallIntegerField(_("score"))
    count = models.PositiveIntegerField(_("aantal"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "stressor", "score"], name="aftercare_tally_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.stressor}={self.score}: {self.count}"
