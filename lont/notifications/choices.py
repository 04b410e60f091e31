from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    """How a member wants to hear of one event type."""

    IMMEDIATE = "immediate", _("Direct (in Lont en per e-mail)")
    DIGEST = "digest", _("Dagelijks overzicht per e-mail (in Lont direct)")
    OFF = "off", _("Uit")


class EmailState(models.TextChoices):
    NONE = "", _("geen e-mail")
    PENDING_DIGEST = "digest", _("wacht op het dagelijkse overzicht")
    SENT = "sent", _("verstuurd")
