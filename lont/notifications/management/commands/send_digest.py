"""Daily job (cron or a scheduler): the e-mail digest of notifications (``make worker`` runs the
task ``lont.notifications.tasks.send_daily_digest`` too)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from lont.core import context

from ... import mail


class Command(BaseCommand):
    help = "Verstuur het dagelijkse e-mailoverzicht van meldingen."

    def handle(self, *args: Any, **options: Any) -> None:
        with context.acting(via="command"):
            sent = mail.send_digest()
        self.stdout.write(f"{sent} overzichten verstuurd.")
