from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from lont.core import context
from lont.retention.services import purge_expired


class Command(BaseCommand):
    help = "Verwijder of anonimiseer gegevens waarvan de bewaartermijn is verstreken (X3)."

    def handle(self, *args: Any, **options: Any) -> None:
        with context.acting(via="command"):
            runs = purge_expired()
        for run in runs:
            self.stdout.write(
                f"Netwerk #{run.network_id}: verwijderd {run.total('deleted')}, "
                f"geanonimiseerd {run.total('anonymised')}, bewaard (bewaarplicht) "
                f"{run.total('held')}, nog in gebruik {run.total('referenced')}, "
                f"mislukt {len(run.failures)}."
            )
