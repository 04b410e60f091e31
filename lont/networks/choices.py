"""Enumerations of the network domain: partner types, legal powers, roles, information categories."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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


class Role(models.TextChoices):
    DIRECTOR = "director", _("Netwerkregisseur")
    COORDINATOR = "coordinator", _("Organisatiecoördinator")
    PROFESSIONAL = "professional", _("Professional")
    PRIVACY_OFFICER = "privacy_officer", _("FG / privacyfunctionaris")
    ADMINISTRATOR = "administrator", _("Beheerder")
    OBSERVER = "observer", _("Meelezer (alleen lezen)")


class Access(models.IntegerChoices):
    """What a viewer gets of an item: nothing, a summary that it exists, or everything."""

    NONE = 0, _("geen")
    SUMMARY = 1, _("samenvatting")
    FULL = 2, _("volledig")


class InformationCategory(models.TextChoices):
    ONLINE_OPEN_SOURCE = "online_open_source", _("Online signalen uit openbare bronnen")
    OWN_OBSERVATION = "own_observation", _("Eigen waarnemingen")
    TIP = "tip", _("Tips")
    IDENTIFYING = "identifying", _("Identificerende persoonsgegevens")
    CRIMINAL = "criminal", _("Strafrechtelijke gegevens")
    CARE = "care", _("Zorg- en gezondheidsgegevens")
    GROUP_ANALYSIS = "group_analysis", _("Groepsanalyses")
    INCIDENT = "incident", _("Incidentinformatie")
    EVALUATION = "evaluation", _("Evaluaties")
    CONTACTS = "contacts", _("Sociale kaart (contacten)")


# Roles that manage the platform or supervise privacy: they never read case content.
ROLES_WITHOUT_CASE_CONTENT = frozenset({Role.PRIVACY_OFFICER, Role.ADMINISTRATOR})
READ_ONLY_ROLES = frozenset({Role.OBSERVER, Role.PRIVACY_OFFICER})
