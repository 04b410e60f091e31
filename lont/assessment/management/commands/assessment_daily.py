"""Daily job (cron or a scheduler): reminders for due actions, and a recompute of every situation,
because signals decay with time, so levels change even when nothing is registered."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from lont.core import context
from lont.core.scoping import system_context

from ... import services
from ...models import Situation


class Command(BaseCommand):
    help = "Herinneringen voor acties die verlopen en herberekening van alle situaties."

    def handle(self, *args: Any, **options: Any) -> None:
        with context.acting(via="command"), system_context("daily job"):
            reminded = services.actions_remind()
            count = 0
            for situation in Situation.objects.select_related("rivalry").iterator(chunk_size=200):
                services.situation_recompute(situation)
                count += 1
        self.stdout.write(f"{reminded} herinneringen, {count} situaties herberekend.")
