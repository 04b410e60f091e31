"""Daily job (cron or a scheduler): notices before risk-calendar windows open. Levels follow
the windows through ``assessment_daily``, which recomputes every situation."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from lont.core import context
from lont.core.scoping import system_context

from ... import services


class Command(BaseCommand):
    help = "Meldingen voor kalendervensters die binnenkort opengaan."

    def handle(self, *args: Any, **options: Any) -> None:
        with context.acting(via="command"), system_context("daily job"):
            count = services.windows_remind()
        self.stdout.write(f"{count} meldingen over kalendervensters.")
