"""Enumerations of the social map: kinds of contact, reach strength, platforms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactKind(models.TextChoices):
    PARTNER_PROFESSIONAL = "partner_professional", _("Professional van een netwerkpartner")
    EXTERNAL_PROFESSIONAL = "external_professional", _("Professional buiten het netwerk")
    KEY_FIGURE = "key_figure", _("Sleutelfiguur")
    CREDIBLE_MESSENGER = "credible_messenger", _("Credible messenger")
    INFLUENCER = "influencer", _("Influencer")
    PARENT = "parent", _("Ouder")
    TEACHER = "teacher", _("Docent")
    SHOP_OWNER = "shop_owner", _("Winkelier / ondernemer")
    SPORTS_COACH = "sports_coach", _("Sporttrainer")
    FAITH_LEADER = "faith_leader", _("Geestelijk leider")
    OTHER = "other", _("Anders")


# Kinds recorded in their professional capacity (work contact details under the covenant).
# Everyone else is a private person whose data we may keep only with their consent.
PROFESSIONAL_KINDS = frozenset(
    {ContactKind.PARTNER_PROFESSIONAL, ContactKind.EXTERNAL_PROFESSIONAL, ContactKind.TEACHER}
)


class ReachStrength(models.TextChoices):
    STRONG = "sterk", _("sterk")
    FAIR = "redelijk", _("redelijk")
    WEAK = "zwak", _("zwak")


class Platform(models.TextChoices):
    INSTAGRAM = "instagram", "Instagram"
    TIKTOK = "tiktok", "TikTok"
    SNAPCHAT = "snapchat", "Snapchat"
    YOUTUBE = "youtube", "YouTube"
    TELEGRAM = "telegram", "Telegram"
    WHATSAPP = "whatsapp", "WhatsApp"
    X = "x", "X"
    FACEBOOK = "facebook", "Facebook"
    OTHER = "other", _("Ander platform")
