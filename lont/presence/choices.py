"""Enumerations of professional online presence (P3).

Guide: "Verplaats je als professional met een professioneel (niet privé) profiel naar de online
leefwereld van de doelgroep" and, for the 9 aspects, "Investeer in het vergroten van
bewustwording" point 7 (Literatuurreview H4).
"""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

StrOrPromise = str | Promise

# The guide's 9 aspects of online network technology that together shape online behaviour
# ("Investeer in het vergroten van bewustwording …", point 7), in the guide's order.
ASPECTS: tuple[tuple[str, StrOrPromise], ...] = (
    ("anonymity", _("Anonimiteit versus identificeerbaarheid")),
    ("moderation", _("Mate van moderatie")),
    ("interactivity", _("Mate van interactiviteit")),
    ("architecture", _("Structurele eigenschappen en architectuur van platform en inhoud")),
    ("visibility", _("Zichtbaarheid van online gedrag voor anderen")),
    ("personalisation", _("Ruimte voor personalisering van instellingen")),
    ("findability", _("Vindbaarheidstermijn van online interacties")),
    ("editability", _("Mate waarin informatie na plaatsen kan worden bijgewerkt")),
    ("reach", _("Bereikbaarheid en verspreidbaarheid buiten het platform")),
)
ASPECT_CODES = tuple(code for code, _label in ASPECTS)


class AspectLevel(models.IntegerChoices):
    LOW = 1, _("laag")
    MEDIUM = 2, _("midden")
    HIGH = 3, _("hoog")


class ContactKind(models.TextChoices):
    """Low-threshold contact the guide names (point 5): like, comment, DM, online poll."""

    LIKE = "like", _("like")
    COMMENT = "comment", _("positieve opmerking")
    DM = "dm", _("bericht (DM)")
    POLL = "poll", _("online stelling")


class ActivityKind(models.TextChoices):
    """Relaxing, positive activities (point 7): a studio session, a barbecue, …"""

    STUDIO = "studio", _("studiosessie")
    BARBECUE = "barbecue", _("barbecue")
    SPORT = "sport", _("sport of spel")
    MEETING = "meeting", _("bijeenkomst op een vertrouwde plek")
    OTHER = "other", _("anders")


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    OFFLINE = "offline", _("fysiek")


# Words that mark an emotionally loaded topic (point 6: "Bespreek emotioneel beladen thema's niet
# online"). A match, or the box "emotioneel beladen", on an online plan gives the warning.
LOADED_WORDS = (
    "slecht nieuws",
    "overlijden",
    "overleden",
    "rouw",
    "begrafenis",
    "ruzie",
    "conflict",
    "arrestatie",
    "aanhouding",
    "straf",
    "uitspraak",
    "ziekte",
    "schorsing",
    "verwijdering",
    "geweld",
)
