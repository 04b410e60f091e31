"""The guide's crisis lists, encoded faithfully (Dutch source: /work/shared/seed, chapter Crisis).

Each constant cites the recommendation's heading. Texts are shown beside the fields they inform.
"""

from __future__ import annotations

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
