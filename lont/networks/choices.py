"""Enumerations of the network domain: partner types, legal powers, roles, information categories."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Defined in core (the bottom layer); re-exported so every app keeps importing them from here.
from lont.core.choices import (
    READ_ONLY_ROLES,
    ROLES_WITHOUT_CASE_CONTENT,
    Access,
    InformationCategory,
    Role,
)

__all__ = [
    "READ_ONLY_ROLES",
    "ROLES_WITHOUT_CASE_CONTENT",
    "Access",
    "InformationCategory",
    "LegalPower",
    "PartnerType",
    "Role",
]


class PartnerType(models.TextChoices):
    MUNICIPALITY = "gemeente", _("Gemeente")
    POLICE = "politie", _("Politie")
    YOUTH_WORK = "jongerenwerk", _("Jongerenwerk")
    EDUCATION = "onderwijs", _("Onderwijs")
    CARE = "zorg", _("GGZ / zorg")
    CHILD_PROTECTION = "jeugdbescherming", _("Jeugdbescherming")
    PROBATION = "reclassering", _("Reclassering")
    PROSECUTION = "om", _("Openbaar Ministerie")
    ENFORCEMENT = "handhaving", _("Handhaving / BOA")
    HOUSING = "woningcorporatie", _("Woningcorporatie")
    SPORT = "sport", _("Sport / vereniging")
    BUSINESS = "ondernemers", _("Ondernemers")
    OTHER = "anders", _("Anders")


class LegalPower(models.TextChoices):
    OPEN_SOURCES_ONLY = "open_sources_only", _("Alleen openbare bronnen")
    PROFESSIONAL_SECRECY = "professional_secrecy", _("Beroepsgeheim")
    CRIMINAL_DATA = "criminal_data", _("Mag strafrechtelijke gegevens verwerken")
    HEALTH_DATA = "health_data", _("Mag gezondheidsgegevens verwerken")
    ENFORCEMENT = "enforcement", _("Handhavende bevoegdheid")
