"""Enumerations of the signal register. Source types and person roles use the engine's codes so the
Django side hands its rows to the engine without a translation table."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lont.networks.choices import InformationCategory


class SourceType(models.TextChoices):
    OPEN_ONLINE = "open_online", _("Open online bron")
    SHARED_BY_YOUNG_PERSON = (
        "shared_by_young_person",
        _("Gedeeld door een jongere (bijv. screenshot)"),
    )
    OWN_OFFLINE = "own_offline", _("Eigen offline waarneming")
    TIP_NAMED = "tip_named", _("Tip (melder bekend)")
    TIP_ANONYMOUS = "tip_anonymous", _("Anonieme tip")
    OTHER_PARTNER = "other_partner", _("Via een andere partner")
    MEDIA = "media", _("Media")


ONLINE_SOURCES = frozenset({SourceType.OPEN_ONLINE, SourceType.SHARED_BY_YOUNG_PERSON})

# The covenant category a signal falls under, by how it was obtained. Material shared by a young
# person is online material the partner was handed: it is treated like an open online source.
CATEGORY_BY_SOURCE = {
    SourceType.OPEN_ONLINE: InformationCategory.ONLINE_OPEN_SOURCE,
    SourceType.SHARED_BY_YOUNG_PERSON: InformationCategory.ONLINE_OPEN_SOURCE,
    SourceType.OWN_OFFLINE: InformationCategory.OWN_OBSERVATION,
    SourceType.TIP_NAMED: InformationCategory.TIP,
    SourceType.TIP_ANONYMOUS: InformationCategory.TIP,
    SourceType.OTHER_PARTNER: InformationCategory.ONLINE_OPEN_SOURCE,
    SourceType.MEDIA: InformationCategory.ONLINE_OPEN_SOURCE,
}


class SpecialData(models.TextChoices):
    """Special data in a signal overrides the category derived from the source type."""

    NONE = "", _("Geen bijzondere gegevens")
    CRIMINAL = "criminal", _("Bevat strafrechtelijke gegevens")
    CARE = "care", _("Bevat zorg- of gezondheidsgegevens")


class Status(models.TextChoices):
    NEW = "new", _("Nieuw")
    DISCUSSED = "discussed", _("Besproken")
    HANDLED = "handled", _("Afgehandeld")
    ARCHIVED = "archived", _("Gearchiveerd")


class PersonRole(models.TextChoices):
    INVOLVED = "involved", _("Betrokken")
    POSSIBLE_PERPETRATOR = "possible_perpetrator", _("Mogelijke dader")
    VICTIM = "victim", _("Slachtoffer")
    WITNESS = "witness", _("Getuige")
    TIPSTER = "tipster", _("Tipgever")


PROTECTED_ROLES = frozenset({PersonRole.VICTIM, PersonRole.WITNESS, PersonRole.TIPSTER})


class RequestSize(models.TextChoices):
    SMALL = "small", _("Klein")
    LARGE = "large", _("Groot")
    EXTREME = "extreme", _("Extreem")


class RequestOutcome(models.TextChoices):
    """The engine's request outcomes (lont.engine.requests.RequestOutcome)."""

    ASKED = "asked", _("Nog open")
    AGREED = "agreed", _("Toegezegd, niet uitgevoerd")
    COMPLIED = "complied", _("Uitgevoerd")
    REFUSED = "refused", _("Geweigerd")


class AttachmentKind(models.TextChoices):
    SCREENSHOT = "screenshot", _("Screenshot")
    VIDEO_STILL = "video_still", _("Videostill")


class ProposalKind(models.TextChoices):
    """What the text analyser proposed in the signal form ("Analyseer en vul in")."""

    TIME = "time", _("Tijdstip")
    PLACE = "place", _("Plaats")
    CALL_TO_ACTION = "call_to_action", _("Oproep")
    THREAT = "threat", _("Dreiging")
    INDICATOR = "indicator", _("Indicator")


class ProposalOutcome(models.TextChoices):
    """What the professional did with a proposal when saving the signal."""

    ACCEPTED = "accepted", _("Overgenomen")
    CHANGED = "changed", _("Aangepast")
    REMOVED = "removed", _("Weggehaald")
    ADDED = "added", _("Gemist (zelf toegevoegd)")
