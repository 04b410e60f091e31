"""Enumerations of the privacy officer's work: data-subject requests and the DPIA."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    ACCESS = "access", _("Inzage (art. 15 AVG)")
    CORRECTION = "correction", _("Correctie (art. 16 AVG)")
    ERASURE = "erasure", _("Verwijdering (art. 17 AVG)")


class RequestStatus(models.TextChoices):
    AWAITING_APPROVAL = "awaiting", _("Wacht op goedkeuring")
    APPROVED = "approved", _("Goedgekeurd")
    REJECTED = "rejected", _("Afgewezen")
    CLOSED = "closed", _("Afgehandeld")


class Outcome(models.TextChoices):
    DONE = "done", _("Uitgevoerd")
    REFUSED = "refused", _("Geweigerd")


class ExceptionGround(models.TextChoices):
    NONE = "", _("Geen uitzondering")
    CRIMINAL_INVESTIGATION = (
        "criminal_investigation",
        _("Lopend strafrechtelijk onderzoek (bevel officier van justitie)"),
    )
    WPG = "wpg", _("Politiegegevens (Wet politiegegevens)")
    OTHER_LAW = "other_law", _("Andere wettelijke plicht om te bewaren")


class DpiaStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    SIGNED = "signed", _("Vastgesteld door de FG")
    NEEDS_REVIEW = "needs_review", _("Moet opnieuw worden beoordeeld")


class Level(models.TextChoices):
    LOW = "laag", _("Laag")
    MEDIUM = "middel", _("Middel")
    HIGH = "hoog", _("Hoog")
