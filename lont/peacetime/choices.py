"""Enumerations of the peacetime groundwork: vision (P1), sources (P11), awareness (P12)."""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class GoalFocus(models.TextChoices):
    """Question 3 of "Ontwerp een visie …": preventive and care-oriented, repressive and
    enforcement-oriented, or a combination (with a priority the network agrees on)."""

    PREVENTION = "prevention", _("preventief en zorggericht")
    ENFORCEMENT = "enforcement", _("repressief en handhavingsgericht")
    COMBINATION = "combination", _("combinatie")


class VisionStatus(models.TextChoices):
    DRAFT = "draft", _("concept")
    APPROVED = "approved", _("vastgesteld")


class Audience(models.TextChoices):
    """Who "Investeer in het vergroten van bewustwording …" wants to reach."""

    YOUNG_PEOPLE = "young_people", _("jongeren (doelgroep)")
    PARENTS = "parents", _("ouders")
    PROFESSIONALS = "professionals", _("professionals")
    PARTNERS = "partners", _("netwerkpartners")


class AwarenessKind(models.TextChoices):
    """The guide's points 1–5 of "Investeer in het vergroten van bewustwording …"."""

    SCHOOL_LESSON = "school_lesson", _("les mediawijsheid en online normen op school")
    PARENT_EVENING = "parent_evening", _("voorlichting voor ouders")
    YOUTH_INFO = "youth_info", _("voorlichting voor jongeren")
    PROFESSIONAL_TRAINING = "professional_training", _("training voor professionals")
    OTHER = "other", _("anders")


# Digital skills in job profiles and vacancies, as a checklist (point 6: "Verwerk digitale
# vaardigheid en belangstelling voor digitale ontwikkelingen als voorwaarde in vacatures").
JOB_PROFILE_CHECKS: tuple[tuple[str, str | Promise], ...] = (
    ("skills_in_vacancies", _("Digitale vaardigheid is een voorwaarde in vacatures")),
    ("interest_in_vacancies", _("Belangstelling voor digitale ontwikkelingen staat in vacatures")),
    ("skills_in_profiles", _("Online werken staat in de functieprofielen van wie online werkt")),
    ("training_budget", _("Er is tijd en budget voor training in online werken")),
    ("hours_for_online", _("Online werk heeft eigen uren (niet 'ernaast')")),
)
JOB_PROFILE_CODES = tuple(code for code, _label in JOB_PROFILE_CHECKS)

# The guide's stigmatising examples (question 2: "risicogroep, probleemgroep, bende, etc."); the
# network edits the list.
DEFAULT_LABELS: tuple[tuple[str, str], ...] = (
    ("bende", "de naam die de groep zelf gebruikt"),
    ("risicogroep", "jongeren uit (buurt)"),
    ("probleemgroep", "groep jongeren rond (plek)"),
)
