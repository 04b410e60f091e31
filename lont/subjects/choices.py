"""Enumerations of target groups, people and their relations (the guide's terms, in Dutch)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Bind(models.TextChoices):
    NEIGHBOURHOOD = "buurt", _("Buurt")
    FAMILY = "familie", _("Familie")
    SHARED_EXPERIENCE = "gedeelde_ervaring", _("Gedeelde ervaring")
    OPINIONS = "meningen", _("Meningen")
    MUSIC = "muziek", _("Muziek")
    OTHER = "anders", _("Anders")


class FormationStage(models.TextChoices):
    # Codes match the guide's list ``formation_stages`` so its advice can be looked up.
    FORMING = "forming", _("Forming (vorming)")
    STORMING = "storming", _("Storming (strijd)")
    NORMING = "norming", _("Norming (normen)")
    PERFORMING = "performing", _("Performing (presteren)")
    ADJOURNING = "adjourning", _("Adjourning (afscheid)")


class CorePurpose(models.TextChoices):
    # Codes match the guide's list ``group_core_purpose``.
    SOCIAL = "social", _("Sociaal platform")
    CRIMINAL = "criminal", _("Criminele kern")


class StepStatus(models.TextChoices):
    NOT_STARTED = "niet_gestart", _("Niet gestart")
    IN_PROGRESS = "bezig", _("Bezig")
    DONE = "afgerond", _("Afgerond")


class ShortlistType(models.TextChoices):
    """Descriptive only: a partner's judgement with a rationale, never computed (DOMAIN.md §2)."""

    NUISANCE = "hinderlijk", _("Hinderlijk")
    DISRUPTIVE = "overlastgevend", _("Overlastgevend")
    CRIMINAL = "crimineel", _("Crimineel")


class AgeBand(models.TextChoices):
    UNDER_12 = "lt12", _("jonger dan 12")
    AGE_12_15 = "12-15", _("12–15")
    AGE_16_17 = "16-17", _("16–17")
    AGE_18_22 = "18-22", _("18–22")
    AGE_23_UP = "23plus", _("23 of ouder")


MINOR_AGE_BANDS = frozenset({AgeBand.UNDER_12, AgeBand.AGE_12_15, AgeBand.AGE_16_17})


class Involvement(models.TextChoices):
    """Why a person is recorded. Victims and tipsters are kept apart from group membership."""

    GROUP_MEMBER = "groepslid", _("Groepslid of betrokkene")
    VICTIM = "slachtoffer", _("Slachtoffer")
    TIPSTER = "tipgever", _("Tipgever")
    OTHER = "anders", _("Anders")


KEPT_APART = frozenset({Involvement.VICTIM, Involvement.TIPSTER})


class MemberRole(models.TextChoices):
    # Codes match the guide's list ``person_role_types`` where it has them.
    LEADER = "leader", _("Leider / sleutelfiguur")
    ADMIRED = "admired", _("Bewonderd randlid")
    INDEPENDENT = "independent", _("Onafhankelijk randlid")
    REJECTED = "rejected", _("Afgewezen randlid")
    SOCIALISING = "socialising", _("Socialiserend randlid")
    FOLLOWER = "follower", _("Volger")
    # The guide's sixth type (Crisis, "Houd rekening met welke partijen gewelddadig zijn …", 6):
    # someone who was not among the initial instigators.
    PASSER_BY = "passer_by", _("Voorbijganger")


class MembershipBasis(models.TextChoices):
    """What a group link rests on. Family is deliberately absent (principle 9)."""

    OBSERVED = "waarneming", _("Eigen waarneming (samen gezien, samen actief)")
    ONLINE = "online", _("Openbare online bron (eigen presentatie, content)")
    PARTNER_REPORT = "partnermelding", _("Melding van een partner")
    SELF_REPORTED = "zelf", _("Door de persoon zelf aangegeven")
    OTHER = "anders", _("Anders (toelichting verplicht)")


class PersonRelationKind(models.TextChoices):
    FAMILY = "familie", _("Familie")
    FRIENDS = "vrienden", _("Vrienden")
    COLLABORATION = "samenwerking", _("Samenwerking (opnemen, collabs)")
    FEUD = "vete", _("Vete")


class GroupRelationKind(models.TextChoices):
    RIVALRY = "rivaliteit", _("Rivaliteit")
    ALLIANCE = "bondgenootschap", _("Bondgenootschap")
    NEUTRAL = "neutraal", _("Neutraal")


class Threat(models.TextChoices):
    REALISTIC = "realistic", _("Realistisch (middelen, macht, welzijn)")
    SYMBOLIC = "symbolic", _("Symbolisch (waarden, identiteit, manier van leven)")
    BOTH = "both", _("Beide")
