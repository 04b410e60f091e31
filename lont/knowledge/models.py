"""The guide inside Lont: recommendations and points (synced from data/guide.json) and the
indicator catalogue per network (seeded from data/indicators.json, editable by the director)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel


class Phase(models.TextChoices):
    PEACETIME = "peacetime", _("Vredestijd")
    CRISIS = "crisis", _("Crisis")
    AFTERCARE = "aftercare", _("Nazorg")


class WeightClass(models.TextChoices):
    STRONG = "strong", _("sterk")
    FAIRLY_STRONG = "fairly_strong", _("vrij sterk")
    SOMEWHAT = "somewhat", _("enigszins bruikbaar")
    WEAK = "weak", _("zwak")


class IndicatorCategory(models.TextChoices):
    ONLINE = "online", _("Online signalen")
    DRILL = "drill", _("Drillrap")
    REQUEST = "request", _("Verzoeken")
    CALENDAR = "calendar", _("Kalendervensters")
    NONVERBAL = "nonverbal", _("Non-verbaal gedrag in video")
    PROVOCATION = "provocation", _("Waarschuwingssignalen provocatie")


class Recommendation(models.Model):
    code = models.CharField(max_length=4, unique=True)
    phase = models.CharField(_("fase"), max_length=10, choices=Phase.choices)
    order = models.PositiveSmallIntegerField()
    slug = models.SlugField(max_length=80, unique=True)
    heading = models.TextField(_("aanbeveling"))
    explanation = models.TextField(_("toelichting"), blank=True)
    question = models.TextField(blank=True)
    references = models.JSONField(default=list)
    capabilities = models.JSONField(default=list)

    class Meta:
        ordering = ["order"]
        verbose_name = _("aanbeveling")
        verbose_name_plural = _("aanbevelingen")

    def __str__(self) -> str:
        return f"{self.code} {self.heading}"


class GuidePoint(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="points"
    )
    position = models.PositiveSmallIntegerField()
    number = models.PositiveSmallIntegerField()
    section = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    references = models.JSONField(default=list)

    class Meta:
        ordering = ["recommendation__order", "position"]
        verbose_name = _("punt uit de handreiking")
        verbose_name_plural = _("punten uit de handreiking")

    def __str__(self) -> str:
        return f"{self.recommendation.code}.{self.number}"


class Indicator(ChangeLoggedModel):
    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    code = models.CharField(_("code"), max_length=40)
    label_nl = models.CharField(_("omschrijving (NL)"), max_length=200)
    label_en = models.CharField(_("omschrijving (EN)"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    phase = models.CharField(_("fase"), max_length=10, choices=Phase.choices)
    category = models.CharField(_("categorie"), max_length=12, choices=IndicatorCategory.choices)
    weight_class = models.CharField(_("gewichtsklasse"), max_length=14, choices=WeightClass.choices)
    default_weight_class = models.CharField(
        max_length=14, choices=WeightClass.choices, verbose_name=_("standaardgewichtsklasse")
    )
    guide_recommendation = models.CharField(
        max_length=4, blank=True, verbose_name=_("aanbeveling uit de handreiking")
    )
    guide_point = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("punt uit de handreiking")
    )
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["category", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        constraints = [
            models.UniqueConstraint(fields=["network", "code"], name="indicator_unique_code")
        ]

    def __str__(self) -> str:
        # A user reads the indicator's name in her language; the code is for the API and logs.
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if get_language() == "en" and self.label_en else self.label_nl

    def audit_repr(self) -> str:
        return self.code
