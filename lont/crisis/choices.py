"""Enumerations of the incident room (guide, Crisis: "Maak doelbewuste keuzes …",
"Betrek verschillende netwerkpartners …", "Zet in op de-escalatie …")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IncidentState(models.TextChoices):
    REPORTED = "gemeld", _("Gemeld")
    ACTIVE = "actief", _("Actief")
    SCALED_DOWN = "afgeschaald", _("Afgeschaald")
    AFTERCARE = "nazorg", _("Nazorg")
    CLOSED = "gesloten", _("Gesloten")


# The allowed moves: forward along the chain, and back up from afgeschaald to actief (re-escalation).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    IncidentState.REPORTED: (IncidentState.ACTIVE, IncidentState.CLOSED),
    IncidentState.ACTIVE: (IncidentState.SCALED_DOWN,),
    IncidentState.SCALED_DOWN: (IncidentState.ACTIVE, IncidentState.AFTERCARE),
    IncidentState.AFTERCARE: (IncidentState.CLOSED,),
    IncidentState.CLOSED: (),
}


class IncidentLevel(models.TextChoices):
    HIGH = "hoog", _("hoog")
    ACUTE = "acuut", _("acuut")


# The situation levels an incident may be opened from (the incident's own levels).
OPENING_LEVELS = frozenset(IncidentLevel.values)


class IncidentOrigin(models.TextChoices):
    SITUATION = "situation", _("Vanuit een situatie")
    SIGNAL = "signal", _("Vanuit een signaal")
    MANUAL = "manual", _("Met de hand")


class Answer(models.TextChoices):
    """An answer on the information checklist: "onbekend" is an honest answer."""

    UNKNOWN = "onbekend", _("Onbekend")
    YES = "ja", _("Ja")
    NO = "nee", _("Nee")


class ActChoice(models.TextChoices):  # a.
    UNDECIDED = "", _("Nog niet gekozen")
    ACT = "ingrijpen", _("Daadwerkelijk ingrijpen")
    NOTHING = "niets", _("Bewust niet ingrijpen")


class RepressionChoice(models.TextChoices):  # b.
    UNDECIDED = "", _("Nog niet gekozen")
    REPRESSION = "repressie", _("Repressie")
    TOLERANCE = "tolerantie", _("Tolerantie")
    NOT_APPLICABLE = "nvt", _("Niet van toepassing")


class TargetChoice(models.TextChoices):  # c.
    UNDECIDED = "", _("Nog niet gekozen")
    TARGETED = "gericht", _("Selectief en gericht")
    GENERIC = "generiek", _("Algemeen en generiek")
    NOT_APPLICABLE = "nvt", _("Niet van toepassing")


class ForceChoice(models.TextChoices):  # d.
    UNDECIDED = "", _("Nog niet gekozen")
    SOFT = "zacht", _("Zacht optreden")
    HARD = "hard", _("Hard optreden")
    NOT_APPLICABLE = "nvt", _("Niet van toepassing")


class TimingChoice(models.TextChoices):  # e.
    UNDECIDED = "", _("Nog niet gekozen")
    PREVENTIVE = "preventief", _("Preventief")
    REACTIVE = "reactief", _("Reactief")
    NOT_APPLICABLE = "nvt", _("Niet van toepassing")


class RevengeChoice(models.TextChoices):  # f.
    UNDECIDED = "", _("Nog niet gekozen")
    RAISED = "verhoogd", _("Risico op wraak: verhoogd")
    LOW = "laag", _("Risico op wraak: laag")
    UNKNOWN = "onbekend", _("Risico op wraak: onbekend")


class JointLine(models.TextChoices):
    """C2, guide point 1: online, offline or deliberately nothing, as one line."""

    UNDECIDED = "", _("Nog niet gekozen")
    ONLINE = "online", _("Online")
    OFFLINE = "offline", _("Offline")
    BOTH = "beide", _("Online en offline")
    NOTHING = "niets", _("Bewust niets")


class LogKind(models.TextChoices):
    NOTE = "note", _("Notitie")
    STATE = "state", _("Statuswijziging")
    DECISION = "decision", _("Besluit")
    TASK = "task", _("Taak of positie")
    MESSAGE = "message", _("Bericht")
    OVERRIDE = "override", _("Bewuste afwijking van de berichtcheck")
    REPORT = "report", _("Melding bij platform")
    OUTREACH = "outreach", _("Benadering via de sociale kaart")
    CORRECTION = "correction", _("Correctie")


class TaskKind(models.TextChoices):
    TASK = "task", _("Taak")
    AROUND = "rondom", _("Positie rondom de locatie")
    AT = "op", _("Positie op de locatie")
    ONLINE = "online", _("Online")


class MessageStatus(models.TextChoices):
    DRAFT = "concept", _("Concept")
    READY = "klaar", _("Klaar om te plaatsen")


class Platform(models.TextChoices):
    TIKTOK = "tiktok", "TikTok"
    INSTAGRAM = "instagram", "Instagram"
    SNAPCHAT = "snapchat", "Snapchat"
    YOUTUBE = "youtube", "YouTube"
    X = "x", "X"
    TELEGRAM = "telegram", "Telegram"
    OTHER = "anders", _("Anders")


class PostOutcome(models.TextChoices):
    PENDING = "open", _("Nog geen uitkomst")
    REMOVED = "verwijderd", _("Verwijderd")
    REFUSED = "geweigerd", _("Niet verwijderd")


class ViolenceRole(models.TextChoices):
    """The guide's six role types (C3: "Houd rekening met welke partijen gewelddadig zijn vanuit
    welke motieven", points 1–6); codes match ``subjects.MemberRole`` and the knowledge list
    ``person_role_types``."""

    SOCIALISING = "socialising", _("Socialiserend randlid")
    REJECTED = "rejected", _("Afgewezen randlid")
    INDEPENDENT = "independent", _("Onafhankelijk randlid")
    ADMIRED = "admired", _("Bewonderd randlid")
    LEADER = "leader", _("Leider / sleutelfiguur")
    PASSER_BY = "passer_by", _("Voorbijganger")


class ConflictStage(models.IntegerChoices):
    """C4, point 1: the three chronological stages of conflict."""

    TENSE = 1, _("1. Gespannen, emotionele interacties")
    APPRECIATION = 2, _("2. Zoeken naar wederzijdse waardering en compatibiliteit")
    RECONCILIATION = 3, _("3. Overgang naar verzoening en samenwerking")


class Spontaneity(models.TextChoices):
    """C4, point 2: is the behaviour in the video spontaneous, or staged?"""

    SPONTANEOUS = "spontaan", _("Lijkt spontaan")
    STAGED = "geensceneerd", _("Lijkt geënsceneerd of geregisseerd")
    UNKNOWN = "onbekend", _("Niet te zeggen")


class OutreachChannel(models.TextChoices):
    """How a partner reached out to a contact from the social map (C2)."""

    PHONE = "telefoon", _("Telefoon")
    IN_PERSON = "persoonlijk", _("Persoonlijk")
    MESSAGE = "bericht", _("Bericht (app of sms)")
    EMAIL = "email", _("E-mail")
    SOCIAL = "sociaal", _("Via sociale media")
    OTHER = "anders", _("Anders")


class OutreachOutcome(models.TextChoices):
    """What came of it, recorded when known."""

    PENDING = "open", _("Nog geen uitkomst")
    REACHED = "bereikt", _("Bereikt")
    NOT_REACHED = "niet_bereikt", _("Niet bereikt")
    AGREED = "helpt", _("Zegt hulp toe")
    DECLINED = "weigert", _("Wil niet helpen")
