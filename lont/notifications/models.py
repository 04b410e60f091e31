"""In-app notifications: a short text and a link, for one user (in one network or none)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel

from .choices import Delivery, EmailState


class Notification(ChangeLoggedModel):
    """A minimal in-app notification, for any app. Its text never holds case content or real
    names: it says *that* something needs attention and links to it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lont_notifications"
    )
    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    text = models.CharField(_("tekst"), max_length=300)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)
    # The event type (``events.register``); empty for the notices of before the registry.
    event = models.CharField(_("soort gebeurtenis"), max_length=40, blank=True, default="")
    email_state = models.CharField(
        _("e-mail"), max_length=8, choices=EmailState.choices, blank=True, default=""
    )
    emailed_at = models.DateTimeField(_("gemaild op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_user_unread"),
            models.Index(fields=["email_state", "user"], name="notification_digest"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} → {self.user_id}"


class NotificationPreference(ChangeLoggedModel):
    """A member's choice for one event type: immediately, in the daily digest, or off. Without a
    row the event is delivered immediately."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    event = models.CharField(_("soort gebeurtenis"), max_length=40)
    delivery = models.CharField(
        _("ontvangen"), max_length=10, choices=Delivery.choices, default=Delivery.IMMEDIATE
    )

    class Meta:
        verbose_name = _("meldingsvoorkeur")
        verbose_name_plural = _("meldingsvoorkeuren")
        constraints = [
            models.UniqueConstraint(fields=["user", "event"], name="notification_pref_unique")
        ]

    def __str__(self) -> str:
        return f"{self.event}: {self.delivery}"
