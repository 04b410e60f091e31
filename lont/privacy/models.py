"""Data-subject requests (AVG art. 15–17) with four-eyes approval, their per-record outcomes, and
the DPIA annex the privacy officer signs."""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.networks.models import CovenantVersion, Network
from lont.subjects.fields import EncryptedTextField

from .choices import DpiaStatus, ExceptionGround, Level, Outcome, RequestKind, RequestStatus


def add_month(day: dt.date) -> dt.date:
    """The same day next month, or that month's last day (31 January → 28/29 February)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class SubjectRequest(ChangeLoggedModel):
    """A person's request to see, correct or erase what the network holds about them.

    The identifying details are encrypted at rest like the person's own (``real_name``,
    ``date_of_birth``); nothing is searched before a second person approved (four eyes)."""

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("soort verzoek"), max_length=12, choices=RequestKind.choices)
    received_on = models.DateField(_("ontvangen op"))
    real_name = EncryptedTextField(_("echte naam"), blank=True)
    date_of_birth = EncryptedTextField(_("geboortedatum"), blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RequestStatus.choices,
        default=RequestStatus.AWAITING_APPROVAL,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ingediend door"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("goedgekeurd door"),
    )
    approved_at = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)
    # The person the approved search found (an id, no foreign key: the request must not keep the
    # person alive or be erased with them — it is the record of how the request was handled).
    person_id = models.PositiveIntegerField(_("gevonden persoon"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    audit_redact = frozenset({"real_name", "date_of_birth", "note"})

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("verzoek van een betrokkene")
        verbose_name_plural = _("verzoeken van betrokkenen")

    def __str__(self) -> str:
        return str(self.name)

    @property
    def name(self) -> str:
        """The kind and the day it came in, never a number (the name stays encrypted)."""
        return _("%(kind)s van %(date)s") % {
            "kind": self.get_kind_display(),
            "date": date_format(self.received_on, "j F Y"),
        }

    def audit_repr(self) -> str:
        return f"verzoek #{self.pk} ({self.kind})"

    def get_absolute_url(self) -> str:
        return reverse("privacy:request_detail", args=[self.pk])

    @property
    def deadline(self) -> dt.date:
        """One month after receipt (AVG art. 12 lid 3; extendable by two months with reasons)."""
        return add_month(self.received_on)


class RecordOutcome(ChangeLoggedModel):
    """What was done with one record for a correction or erasure request, and why not."""

    request = models.ForeignKey(
        SubjectRequest, on_delete=models.PROTECT, related_name="outcomes", verbose_name=_("verzoek")
    )
    object_type = models.CharField(_("soort gegeven"), max_length=100)
    object_id = models.CharField(_("nummer van het gegeven"), max_length=64)
    outcome = models.CharField(_("uitkomst"), max_length=8, choices=Outcome.choices)
    exception = models.CharField(
        _("uitzondering"), max_length=24, choices=ExceptionGround.choices, blank=True
    )
    reason = models.TextField(_("toelichting"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("besloten door"),
    )
    decided_at = models.DateTimeField(_("besloten op"), auto_now_add=True)

    class Meta:
        ordering = ["request", "object_type", "object_id", "-decided_at"]
        verbose_name = _("uitkomst per gegeven")
        verbose_name_plural = _("uitkomsten per gegeven")

    def audit_repr(self) -> str:
        return f"uitkomst #{self.pk} bij verzoek #{self.request_id}"

    def audit_network_id(self) -> int | None:
        return self.request.network_id


class Dpia(ChangeLoggedModel):
    """The DPIA annex of one network: the generated register plus the FG's risk table and
    sign-off. ``covenant_version`` is the version it was last signed against."""

    network = models.OneToOneField(Network, on_delete=models.PROTECT, related_name="+")
    covenant_version = models.ForeignKey(
        CovenantVersion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("convenantversie"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=DpiaStatus.choices, default=DpiaStatus.DRAFT
    )
    review_reason = models.TextField(_("reden voor herbeoordeling"), blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("vastgesteld door"),
    )
    signed_at = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("DPIA")
        verbose_name_plural = _("DPIA's")

    def audit_repr(self) -> str:
        return f"DPIA netwerk #{self.network_id}"


class DpiaRisk(ChangeLoggedModel):
    dpia = models.ForeignKey(
        Dpia, on_delete=models.CASCADE, related_name="risks", verbose_name=_("DPIA")
    )
    risk = models.TextField(_("risico"))
    likelihood = models.CharField(_("kans"), max_length=8, choices=Level.choices)
    impact = models.CharField(_("gevolgen (impact)"), max_length=8, choices=Level.choices)
    measure = models.TextField(_("maatregel"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("toegevoegd door"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("DPIA-risico")
        verbose_name_plural = _("DPIA-risico's")

    def audit_repr(self) -> str:
        return f"DPIA-risico #{self.pk}"

    def audit_network_id(self) -> int | None:
        return self.dpia.network_id
