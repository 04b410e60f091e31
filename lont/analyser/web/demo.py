"""Demo data: the fictional Voorbeeldstad gazetteer and a few lexicon additions for both demo
networks. Idempotent: the import updates by name and leaves unchanged rows alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import csv_io, services

GAZETTEER_CSV = Path(__file__).parent / "data" / "voorbeeldstad_gazetteer.csv"

# Invented phrases, as a network might add them after a case meeting.
LEXICON_ADDITIONS = """kind,phrase,note
call_to_action,kom naar de kooi,Fictief (demo): oproep om naar het trapveldje te komen
drill_slang,blok zeven,Fictief (demo): groepsnaam in drillteksten; alleen context
reputation,noorderhaven is nep,Fictief (demo): aanval op de straatreputatie van een wijk
"""


def load_demo_gazetteers(networks: dict[str, Any]) -> None:
    places = csv_io.parse_gazetteer(GAZETTEER_CSV.read_text(encoding="utf-8-sig"))
    lexicon = csv_io.parse_lexicon(LEXICON_ADDITIONS)
    if places.errors or lexicon.errors:
        raise ValueError("\n".join(places.errors + lexicon.errors))
    for slug in ("voorbeeldstad-noord", "voorbeeldstad-zuid"):
        network = networks.get(slug)
        if network is None:
            continue
        services.gazetteer_rows_apply(network=network, rows=places.rows)
        services.lexicon_rows_apply(network=network, rows=lexicon.rows)
