"""Enumerations of the risk calendar (P6): recorded events and the kinds of window."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lont.core.choices import InformationCategory


class EventKind(models.TextChoices):
    """Facts the network records that generate windows (guide: "Maak als gemeente … een
    kalender met risico-inschattingen en tijdsgebonden indicatoren over tijd", items 1–3)."""

    INCIDENT = "incident", _("Incident")
    SENTENCE_DEMAND = "sentence_demand", _("Strafeis")
    VERDICT = "verdict", _("Uitspraak")
    RELEASE = "release", _("Vrijlating uit detentie")


class WindowKind(models.TextChoices):
    # Generated from a recorded event (rules.py).
    ANNIVERSARY_1 = "anniversary_1", _("1e jaardag van een incident")
    ANNIVERSARY_2 = "anniversary_2", _("2e jaardag van een incident")
    COURT = "court", _("Strafeis of uitspraak")
    RELEASE = "release", _("Eerste zes maanden na vrijlating")
    # Entered by hand.
    SCHOOL_HOLIDAY = "school_holiday", _("Schoolvakantie")
    EVENT = "event", _("Evenement")
    RELIGIOUS = "religious", _("Ramadan of Suikerfeest")
    NEW_YEAR = "new_year", _("Jaarwisseling")
    FUNERAL = "funeral", _("Uitvaart")
    OTHER = "other", _("Anders")


GENERATED_KINDS = frozenset(
    {WindowKind.ANNIVERSARY_1, WindowKind.ANNIVERSARY_2, WindowKind.COURT, WindowKind.RELEASE}
)
MANUAL_KINDS = tuple((k.value, k.label) for k in WindowKind if k not in GENERATED_KINDS)

# An incident is incident information; a court date or a release is criminal data (AVG art. 10):
# the covenant decides per category who sees it.
EVENT_CATEGORY = {
    EventKind.INCIDENT: InformationCategory.INCIDENT,
    EventKind.SENTENCE_DEMAND: InformationCategory.CRIMINAL,
    EventKind.VERDICT: InformationCategory.CRIMINAL,
    EventKind.RELEASE: InformationCategory.CRIMINAL,
}
