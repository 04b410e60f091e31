"""Enumerations of aftercare: plan steps, staff exposure, evaluations, rumours."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    OPEN = "open", _("Lopend")
    CLOSED = "closed", _("Afgerond")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Gedaan")
    CANCELLED = "cancelled", _("Vervallen")


class PerspectiveKind(models.TextChoices):
    """Guide, Nazorg, "Behoud contact met de doelgroep …", point 6: job, internship, school."""

    JOB = "job", _("Baantje")
    INTERNSHIP = "internship", _("Stage")
    SCHOOL = "school", _("Scholing")


class ExposureKind(models.TextChoices):
    THREAT = "threat", _("Bedreiging")
    DOXXING = "doxxing", _("Doxing (persoonsgegevens online gezet)")
    FILMED = "filmed", _("Gefilmd of gefotografeerd")
    FOOTAGE = "footage", _("Beelden van geweld of mishandeling gezien")
    HARASSMENT = "harassment", _("Online intimidatie of scheldpartij")
    OTHER = "other", _("Anders")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("In behandeling")
    CLOSED = "closed", _("Afgesloten")


class SupportKind(models.TextChoices):
    PSYCHOLOGIST = "psychologist", _("Psycholoog of bedrijfsarts")
    PEER = "peer", _("Intervisie of praatgroep")
    CONFIDANT = "confidant", _("Vertrouwenspersoon")
    PROCEDURE = "procedure", _("Procedure of meldpunt")


class EvaluationStatus(models.TextChoices):
    OPEN = "open", _("Partners evalueren")
    MERGED = "merged", _("Samengevoegd")


class LessonKind(models.TextChoices):
    """What a lesson becomes (the cycle back to peacetime)."""

    ACTION = "action", _("Actie op het actiebord")
    COVENANT = "covenant", _("Wijziging van convenant of werkwijze")
    ENGINE = "engine", _("Wijziging van de engineparameters")
    INDICATOR = "indicator", _("Wijziging van de indicatorencatalogus")


class LessonStatus(models.TextChoices):
    PROPOSED = "proposed", _("Voorgesteld")
    ADOPTED = "adopted", _("Overgenomen")
    DECLINED = "declined", _("Niet overgenomen")


class RumourStatus(models.TextChoices):
    SPREADING = "spreading", _("Verspreidt zich")
    DEBUNKED = "debunked", _("Ontkracht")
    FADED = "faded", _("Uitgedoofd")


class DebunkStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    READY = "ready", _("Klaar om te verspreiden")
    PUBLISHED = "published", _("Verspreid")
