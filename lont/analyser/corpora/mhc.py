"""Multilingual HateCheck, Dutch (``mhc-dutch/hatecheck_cases_final_dutch.csv``), threat kind.

Explicit threats (``threat_dir_h``, ``threat_norm_h``) get one gold ``threat`` span over the whole
text: the corpus has no offsets, and a hit only needs overlap. Hard negatives get no span: quoted
and reported hate (``counter_quote_nh``, ``counter_ref_nh``), negation (``negate_*``), profanity,
neutral and positive mentions of groups, abuse aimed at objects, and derogation (hateful, but
not a threat). Abuse aimed at individuals or non-protected groups (``target_indiv_nh``,
``target_group_nh``) is left out: it is not hate speech, but many of its cases are threats
("Ik ga je neerschieten"), so it is neither gold nor a hard negative for this kind. Functionalities whose cases may or may not hold a threat
(``ref_subs_*``, ``phrase_*``, spelling variants, slurs) are left out rather than guessed.
Only the threat kind is scored on these posts. Cite: Röttger et al., WOAH 2022 (CC-BY-4.0).
"""

from __future__ import annotations

import csv
from pathlib import Path

from lont.analyser.corpora import Converted

PATH = "mhc-dutch/hatecheck_cases_final_dutch.csv"
THREATS = {"threat_dir_h", "threat_norm_h"}
NEGATIVES = {
    "counter_quote_nh",
    "counter_ref_nh",
    "negate_neg_nh",
    "negate_pos_h",
    "profanity_nh",
    "profanity_h",
    "ident_neutral_nh",
    "ident_pos_nh",
    "target_obj_nh",
    "derog_neg_emote_h",
    "derog_neg_attrib_h",
    "derog_dehum_h",
    "derog_impl_h",
}


def convert(root: Path) -> Converted:
    converted = Converted("mhc")
    with (root / PATH).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text, functionality = row["test_case"], row["functionality"]
            if functionality in THREATS:
                converted.add(text, [(0, len(text), "threat", text.lower())], kinds=["threat"])
            elif functionality in NEGATIVES:
                converted.add(text, [], kinds=["threat"])
            else:
                converted.skipped += 1
    return converted
