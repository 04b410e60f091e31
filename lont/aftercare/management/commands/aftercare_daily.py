"""Daily job (cron): reminders for aftercare tasks that are due (A1) and for staff check-ins
(A2). Each is reminded once a day, so running it twice sends nothing new."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from lont.core import context

from ...services import checkins_remind, tasks_remind


class Command(BaseCommand):
    help = "Herinneringen voor nazorgtaken en check-ins met medewerkers."

    def handle(self, *args: Any, **options: Any) -> None:
        with context.acting(via="command"):
            tasks = tasks_remind()
            checkins = checkins_remind()
        self.stdout.write(f"{tasks} herinneringen voor nazorgtaken, {checkins} voor check-ins.")
