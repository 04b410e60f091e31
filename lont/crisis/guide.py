"""The guide's crisis lists, encoded faithfully (Dutch source: /work/shared/seed, chapter Crisis).

Each constant cites the recommendation's heading. Texts are shown beside the fields they inform.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

# "Maak doelbewuste keuzes om het risico op verdere escalatie door interventie te minimaliseren",
# point 4: "Maak een actieplan waarin de veiligheid van professionals en burgers altijd voorop
# staat in keuzes tussen: a … f".
SAFETY_FIRST = _(
    "De veiligheid van professionals en burgers staat altijd voorop in elke keuze van het actieplan."
)

DIMENSION_GUIDE = {
    "act": _(
        "a. Daadwerkelijk ingrijpen of niet. Niet reageren is ook een optie, zeker wanneer er "
        "aanwijzingen zijn dat een interventie leidt tot escalatie."
    ),
    "repression": _(
        "b. Repressie of tolerantie van burgerlijke ongehoorzaamheid. Bespreek beide met de "
        "netwerkpartners: allebei kunnen ze op hun eigen manier tot verdere escalatie leiden."
    ),
    "target": _(
        "c. Selectief en gericht of algemeen en generiek optreden. Generiek optreden lijkt soms "
        "efficiënt, maar verontwaardiging over ongericht optreden kan mensen verenigen."
    ),
    "force": _(
        "d. 'Zacht' of hard optreden. Hard optreden is soms noodzakelijk, maar vormt een risico "
        "vergelijkbaar met generiek optreden."
    ),
    "timing": _(
        "e. Preventieve of reactieve timing. Preventie heeft waar mogelijk de voorkeur: bied "
        "bijvoorbeeld proactief aan te bemiddelen bij ruzies tussen jongeren."
    ),
    "revenge": _("f. Houd er bij de keuze rekening mee dat geweld kan leiden tot wraak."),
}

# "Betrek verschillende netwerkpartners, doelgroepen, het informele netwerk en credible
# messengers bij interventies", point 4: messages avoid repeating the time and place.
MESSAGE_ADVICE = _(
    "Roep de doelgroep op het gedrag te staken, wijs op de gevolgen en strafbaarheid, bied een "
    "luisterend oor en meld dat uw organisatie aanwezig zal zijn. Herhaal de afgesproken tijd en "
    "plaats van de confrontatie niet: zo vergroot u onbedoeld het bereik van de oproep."
)

# Point 6: positions that fit each partner's role.
POSITION_ADVICE = _(
    "Jongerenwerkers, credible messengers en ouders nemen een positie rondom de locatie in en geven "
    "jongeren een laatste waarschuwing (strafbaarheid, politie handhaaft verderop); politie en "
    "handhaving staan op de afgesproken plek om te handhaven."
)


# --- Lists read from the knowledge catalogue (lont/knowledge/data), so the guide's text lives
# in one place. Dutch only: the guide is Dutch.

STRENGTH_LABELS = {
    "strong": _("Sterke indicatoren"),
    "fairly_strong": _("Vrij sterke indicatoren"),
    "somewhat": _("Enigszins bruikbare indicatoren"),
    "weak": _("Zwakke indicatoren"),
}
# "Let tijdens een crisissituatie op signalen van (verdere) escalatie", point 4.
PROVOCATION_ADVICE = _(
    "Leid de geprovoceerde netwerkpartner weg van de provocerende persoon of situatie."
)
# Point 2: a reading, never a score on a person.
SPONTANEITY_NOTE = _(
    "Baseer de duiding van spontaan, niet geënsceneerd of geregisseerd gedrag in een video op "
    "non-verbale, lichamelijke indicatoren. Lont telt niets op: u schrijft een beredeneerde duiding, "
    "geen score over een persoon."
)
# "Zet in op de-escalatie …": which section of the tactics applies to which partner type.
TACTIC_SECTIONS = {
    "police_enforcement": frozenset({"politie", "handhaving"}),
    "youth_work": frozenset({"jongerenwerk"}),
}


def _lists() -> Any:
    from lont.knowledge.catalogue import load_lists

    return load_lists()


def role_advice() -> dict[str, str]:
    """C3: the guide's advice per role type (``person_role_types``)."""
    return {
        item.code: item.advice_nl or item.text_nl for item in _lists()["person_role_types"].items
    }


def partners_as_targets_note() -> str:
    return str(_lists()["person_role_types"].note_nl or "")


def conflict_stages() -> list[tuple[str, str]]:
    return [(item.code, item.label_nl) for item in _lists()["conflict_stages"].items]


def indicators(category: str) -> list[Any]:
    from lont.knowledge.catalogue import load_indicators

    return [i for i in load_indicators() if i.category == category]


def nonverbal_by_strength() -> list[tuple[str, list[Any]]]:
    """C4, point 2: the 23 non-verbal indicators in their four strength classes."""
    rows = indicators("nonverbal")
    return [
        (str(label), [i for i in rows if i.default_weight_class == strength])
        for strength, label in STRENGTH_LABELS.items()
    ]


def tactics_for(partner_type: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """C5: the tactics that apply to a partner type, as (code, text, sub-steps). Police and
    enforcement get the conversation steps and the three-step response to resistance with
    tactic 2."""
    lists = _lists()
    result = []
    for item in lists["deescalation_tactics"].items:
        section = item.extra.get("partner_type", "all")
        if section != "all" and partner_type not in TACTIC_SECTIONS.get(section, frozenset()):
            continue
        steps: list[tuple[str, str]] = []
        if item.code == "2":
            steps = [
                (f"gesprek.{s.code}", s.label_nl)
                for s in lists["deescalation_conversation_steps"].items
            ] + [(f"verzet.{s.code}", s.label_nl) for s in lists["resistance_steps"].items]
        result.append((f"tactiek.{item.code}", item.label_nl, steps))
    return result


def tactic_codes() -> set[str]:
    codes: set[str] = set()
    for partner_type in ("politie", "jongerenwerk"):
        for code, _label, steps in tactics_for(partner_type):
            codes.add(code)
            codes.update(c for c, _l in steps)
    return codes


def tactic_label(code: str) -> str:
    for partner_type in ("politie", "jongerenwerk"):
        for found, text, steps in tactics_for(partner_type):
            if found == code:
                return text
            for step, label in steps:
                if step == code:
                    return label
    return code
