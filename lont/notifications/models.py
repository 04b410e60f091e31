"""In-app notifications: a short text and a link, for one user (in one network or none)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel


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

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} → {self.user_id}"
