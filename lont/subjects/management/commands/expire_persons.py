from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from lont.core import context
from lont.core.scoping import system_context
from lont.subjects.services import persons_expire


class Command(BaseCommand):
    help = "Verwijder personen van wie de herbeoordelingsdatum is verstreken (principe 9)."

    def handle(self, *args: Any, **options: Any) -> None:
        with context.acting(via="command"), system_context("daily job"):
            counts = persons_expire()
        links = ", ".join(
            f"{kind}: {n}"
            for kind, n in sorted(counts.items())
            if kind not in ("persons", "failed")
        )
        self.stdout.write(
            f"Verlopen: {counts['persons']} personen, mislukt: {counts['failed']}."
            + (f" Koppelingen: {links}." if links else "")
        )
