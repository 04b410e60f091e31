from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lont.core.backup import manifest


class Command(BaseCommand):
    help = "Schrijf het manifest bij een back-up: aantallen rijen per tabel en de sleutel-vingerafdruk."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", required=True, help="pad van het manifest (JSON)")

    def handle(self, *args: Any, **options: Any) -> None:
        with open(options["out"], "w", encoding="utf-8") as handle:
            json.dump(manifest(), handle, indent=1, sort_keys=True)
        self.stdout.write(f"Manifest geschreven: {options['out']}")
