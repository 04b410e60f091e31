"""Enumerations of situations, levels and case meetings (BOB)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SituationKind(models.TextChoices):
    RIVALRY = "rivalry", _("Rivaliteit")
    CONFRONTATION = "confrontation", _("Geplande confrontatie")
    GROUP_DYNAMICS = "group_dynamics", _("Groepsdynamiek")


class LevelCode(models.TextChoices):
    """The engine's level codes (``engine.Level.code``), ordered from low to acute."""

    LOW = "laag", _("laag")
    RAISED = "verhoogd", _("verhoogd")
    HIGH = "hoog", _("hoog")
    ACUTE = "acuut", _("acuut")


LEVEL_RANK = {code: rank for rank, code in enumerate(LevelCode.values)}


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    HELD = "held", _("Gehouden")
    CLOSED = "closed", _("Verslag vastgesteld")


class Stage(models.TextChoices):
    """The three BOB stages of an agenda item (DOMAIN.md §3)."""

    PICTURE = "beeldvorming", _("Beeldvorming")
    JUDGEMENT = "oordeelsvorming", _("Oordeelsvorming")
    DECISION = "besluitvorming", _("Besluitvorming")
    DONE = "afgerond", _("Afgerond")


class DecisionKind(models.TextChoices):
    ACT = "act", _("Acties afgesproken")
    NOTHING = "nothing", _("Bewust niets doen")


class ActionMode(models.TextChoices):
    ONLINE = "online", _("Online")
    OFFLINE = "offline", _("Offline")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Gedaan")
    CANCELLED = "cancelled", _("Vervallen")
