from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lont.core.backup import check_restore


class Command(BaseCommand):
    help = (
        "Controleer een teruggezette database tegen het manifest van de back-up: dezelfde "
        "aantallen rijen, en elke versleutelde waarde leesbaar met de ingestelde sleutel."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--manifest", required=True, help="het manifest van de back-up")
        parser.add_argument("--media", help="de teruggezette mediamap (bijlagen)")

    def handle(self, *args: Any, **options: Any) -> None:
        with open(options["manifest"], encoding="utf-8") as handle:
            expected = json.load(handle)
        media = Path(options["media"]) if options.get("media") else None
        report = check_restore(expected, media_root=media)
        for label, (expected, found) in sorted(report.count_mismatches.items()):
            self.stdout.write(f"Aantal wijkt af: {label}: verwacht {expected}, gevonden {found}")
        for column, count in sorted(report.unreadable.items()):
            self.stdout.write(f"Niet te ontsleutelen: {column}: {count} waarden")
        for name in report.missing_files:
            self.stdout.write(f"Bestand ontbreekt in de mediamap: {name}")
        if report.key_differs:
            self.stdout.write("De ingestelde sleutel is niet de sleutel van deze back-up.")
        self.stdout.write(f"Ontsleuteld: {report.decrypted} waarden.")
        if not report.ok:
            raise CommandError("Terugzetten NIET in orde.")
        self.stdout.write("Terugzetten in orde.")
