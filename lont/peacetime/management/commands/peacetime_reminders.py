"""Daily job (cron): reminders for sources whose review date has come (P11) and platforms whose
review is due (P3). Each is reminded once per due date, so running it twice sends nothing new."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from lont.core import context
from lont.presence.services import send_review_reminders

from ...services import send_source_reminders


class Command(BaseCommand):
    help = "Herinneringen voor bronnen en platforms die aan herziening toe zijn."

    def handle(self, *args: Any, **options: Any) -> None:
        with context.acting(via="command"):
            sources = send_source_reminders()
            platforms = send_review_reminders()
        self.stdout.write(f"{sources} herinneringen voor bronnen, {platforms} voor platforms.")
