"""A4 — misinformation (guide, Nazorg: "Wees alert op de verspreiding van misinformatie rondom een
online incident of aangejaagd geweld"): the rumour register, debunks and the prebunk library."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager
from lont.networks.models import Network, Organisation

from ..choices import DebunkStatus, RumourStatus


class Rumour(ChangeLoggedModel):
    objects = ScopedManager()

    audit_redact = frozenset({"claim", "where"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("vastgelegd door")
    )
    situation = models.ForeignKey(
        "assessment.Situation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("situatie"),
    )
    claim = models.TextField(_("bewering (het gerucht)"))
    where = models.CharField(_("waar het zich verspreidt"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=RumourStatus.choices, default=RumourStatus.SPREADING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("gerucht")
        verbose_name_plural = _("geruchten")

    def __str__(self) -> str:
        return f"gerucht #{self.pk}"

    def audit_repr(self) -> str:
        return f"gerucht #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("aftercare:rumour_detail", args=[self.pk])


class RumourReach(ChangeLoggedModel):
    """The reach of a rumour at a moment (views, shares): its course over time."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    rumour = models.ForeignKey(Rumour, on_delete=models.CASCADE, related_name="reach")
    observed_on = models.DateField(_("datum"))
    reach = models.PositiveIntegerField(_("bereik (weergaven of deelacties)"))

    class Meta:
        ordering = ["observed_on", "pk"]
        verbose_name = _("bereik van een gerucht")
        verbose_name_plural = _("bereik van geruchten")

    def audit_repr(self) -> str:
        return f"bereik #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("aftercare:rumour_detail", args=[self.rumour_id])


class Debunk(ChangeLoggedModel):
    """A debunk built by the guide's six rules: the facts, the text (checked by the analyser),
    the audience, the credible messenger from the social map who delivers it."""

    objects = ScopedManager()

    audit_redact = frozenset({"facts", "text", "audience"})

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    rumour = models.ForeignKey(
        Rumour, on_delete=models.CASCADE, related_name="debunks", verbose_name=_("gerucht")
    )
    facts = models.TextField(_("de feiten, kort"))
    text = models.TextField(_("tekst van de ontkrachting"))
    audience = models.CharField(_("doelgroep"), max_length=200, blank=True)
    messenger = models.ForeignKey(
        "socialmap.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geloofwaardige boodschapper"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DebunkStatus.choices, default=DebunkStatus.DRAFT
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("ontkrachting")
        verbose_name_plural = _("ontkrachtingen")

    def audit_repr(self) -> str:
        return f"ontkrachting #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("aftercare:debunk_edit", args=[self.pk])


class Prebunk(ChangeLoggedModel):
    """A reusable message that builds scepticism beforehand (rule 6), for the next peacetime."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("gemaakt door")
    )
    title = models.CharField(_("titel"), max_length=160)
    technique = models.CharField(_("welke misleiding het herkenbaar maakt"), max_length=200)
    text = models.TextField(_("tekst"))
    audience = models.CharField(_("doelgroep"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("prebunk")
        verbose_name_plural = _("prebunks")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("aftercare:prebunks")
