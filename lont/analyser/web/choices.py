"""Enumerations of the analyser app: kinds of places and lexicon entries, platforms, span kinds."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlaceKind(models.TextChoices):
    SQUARE = "plein", _("Plein")
    PARK = "park", _("Park")
    STATION = "station", _("Station")
    METRO = "metro", _("Metrostation")
    BUS_STATION = "busstation", _("Busstation")
    SCHOOL = "school", _("School")
    NEIGHBOURHOOD = "wijk", _("Wijk")
    SNACK_BAR = "snackbar", _("Snackbar")
    SHOPPING_CENTRE = "winkelcentrum", _("Winkelcentrum")
    SPORTS_FIELD = "sportveld", _("Sportveld")
    YOUTH_CENTRE = "jongerencentrum", _("Jongerencentrum")
    COMMUNITY_CENTRE = "buurthuis", _("Buurthuis")
    LIBRARY = "bibliotheek", _("Bibliotheek")
    SWIMMING_POOL = "zwembad", _("Zwembad")
    QUAY = "kade", _("Kade")
    TUNNEL = "tunnel", _("Tunnel")
    STREET = "straat", _("Straat")
    OTHER = "anders", _("Anders")


# Spellings found in gazetteers made elsewhere, read as our kinds on import.
PLACE_KIND_SYNONYMS = {"metrostation": PlaceKind.METRO, "treinstation": PlaceKind.STATION}


class LexiconKind(models.TextChoices):
    DRILL_SLANG = "drill_slang", _("Drill- of straattaal")
    WEAPON = "weapon", _("Wapen")
    CALL_TO_ACTION = "call_to_action", _("Oproep")
    THREAT = "threat", _("Dreiging")
    REPUTATION = "reputation", _("Aanval op reputatie of familie")
    DECEASED = "deceased", _("Overledene")


class Platform(models.TextChoices):
    INSTAGRAM = "instagram", _("Instagram")
    TIKTOK = "tiktok", _("TikTok")
    SNAPCHAT = "snapchat", _("Snapchat")
    YOUTUBE = "youtube", _("YouTube")
    X = "x", _("X (Twitter)")
    TELEGRAM = "telegram", _("Telegram")
    WHATSAPP = "whatsapp", _("WhatsApp")
    FACEBOOK = "facebook", _("Facebook")
    OTHER = "anders", _("Anders / onbekend")


# How each span kind is shown: a visible label and a short abbreviation, so a marked span never
# depends on colour alone.
SPAN_KIND_LABELS: dict[str, tuple[Any, Any]] = {
    "time": (_("Tijd"), _("TIJD")),
    "duration": (_("Tijdsduur"), _("DUUR")),
    "place": (_("Plaats"), _("PLAATS")),
    "call_to_action": (_("Oproep"), _("OPROEP")),
    "threat": (_("Dreiging"), _("DREIGING")),
    "weapon": (_("Wapen"), _("WAPEN")),
    "drill_slang": (_("Drilltaal (context)"), _("DRILL")),
    "deceased": (_("Overledene"), _("RIP")),
    "reputation": (_("Reputatie of familie"), _("REPUTATIE")),
    "mention": (_("Vermelding"), _("@")),
    "hashtag": (_("Hashtag"), _("#")),
    "engagement": (_("Bereik"), _("BEREIK")),
}

WARNING_LABELS: dict[str, Any] = {
    "repeats_time": _("Herhaalt het tijdstip"),
    "repeats_place": _("Herhaalt de plaats"),
    "opens_with_myth": _("Begint met de mythe"),
}
