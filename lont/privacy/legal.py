"""The legal frame per partner type and category, as plain text for the register and the access
report (orientation from DOMAIN.md §5; the covenant is where a network fixes its own grounds)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lont.networks.choices import InformationCategory, PartnerType

P = PartnerType
C = InformationCategory

LEGAL_BASIS: dict[str, Promise] = {
    P.MUNICIPALITY: _(
        "AVG art. 6 lid 1 sub e (publieke taak; art. 172 Gemeentewet, openbare orde)"
    ),
    P.POLICE: _(
        "Wet politiegegevens art. 8 (dagelijkse politietaak) en art. 9 (gericht onderzoek)"
    ),
    P.YOUTH_WORK: _("AVG art. 6 lid 1 sub e (taak in opdracht van de gemeente, via het convenant)"),
    P.EDUCATION: _("AVG art. 6 lid 1 sub e (publieke taak: veiligheid op school)"),
    P.CARE: _("AVG art. 6 lid 1 sub e en art. 9 lid 2 sub h (zorg; beroepsgeheim)"),
    P.CHILD_PROTECTION: _("AVG art. 6 lid 1 sub e en art. 9 lid 2 sub h (Jeugdwet)"),
    P.PROBATION: _("Wet justitiële en strafvorderlijke gegevens; UAVG art. 31–33"),
    P.PROSECUTION: _("Wet justitiële en strafvorderlijke gegevens; Wetboek van Strafvordering"),
    P.ENFORCEMENT: _(
        "Wet politiegegevens (buitengewoon opsporingsambtenaar) en AVG art. 6 lid 1 sub e"
    ),
    P.HOUSING: _("AVG art. 6 lid 1 sub f (gerechtvaardigd belang), beperkt tot het convenant"),
    P.SPORT: _("AVG art. 6 lid 1 sub f (gerechtvaardigd belang), beperkt tot het convenant"),
    P.BUSINESS: _("AVG art. 6 lid 1 sub f (gerechtvaardigd belang), beperkt tot het convenant"),
    P.OTHER: _("AVG art. 6 lid 1 sub e of f, zoals vastgelegd in het convenant"),
}

CATEGORY_BASIS: dict[str, Promise] = {
    C.CRIMINAL: _("strafrechtelijke gegevens: AVG art. 10 en UAVG art. 31–33"),
    C.CARE: _("gezondheidsgegevens: AVG art. 9 (bijzondere persoonsgegevens)"),
}

# Partner types whose records fall under the Wet politiegegevens rather than the AVG.
WPG_PARTNER_TYPES = frozenset({P.POLICE, P.ENFORCEMENT})

SECURITY_MEASURES = (
    _(
        "Tweestapsverificatie (TOTP) verplicht voor iedere gebruiker; blokkering na mislukte pogingen"
    ),
    _(
        "Identificerende gegevens (echte naam, adres, geboortedatum) versleuteld opgeslagen (Fernet)"
    ),
    _("Need-to-know: wat een partner ziet volgt de deelafspraken van het convenant en de wet"),
    _("Iedere inzage van persoonsgegevens wordt gelogd (wie, wanneer, welk gegeven, welk doel)"),
    _("Iedere wijziging wordt gelogd; beide logboeken zijn alleen-aanvullen (ook in de database)"),
    _("Opnieuw inloggen voor exports en convenantwijzigingen; exports worden zelf gelogd"),
    _(
        "Bewaartermijnen per categorie; personen verlopen tenzij hun dossier opnieuw wordt gerechtvaardigd"
    ),
    _("Geen risicoscores per persoon; niveaus gelden voor situaties en worden samen geduid"),
)

PURPOSES = (
    _("Voorkomen en de-escaleren van online aangejaagd geweld tussen jongeren (vredestijd)"),
    _("Samen duiden van signalen en besluiten in casusoverleggen (beeld, oordeel, besluit)"),
    _("Crisisaanpak bij een concrete dreiging en nazorg daarna"),
    _("Evaluatie en verbetering van de netwerkaanpak"),
)

DATA_SUBJECTS = (
    _(
        "Jongeren in of rond een groep, vaak minderjarig (leeftijdsgroepen, geen exacte leeftijd nodig)"
    ),
    _("Slachtoffers, getuigen en tipgevers (nooit in dezelfde rol als mogelijke daders)"),
    _(
        "Contacten in de sociale kaart: ouders, sleutelfiguren, credible messengers (met toestemming)"
    ),
    _("Professionals van de partners (gebruikers)"),
)


def legal_basis(partner_type: str, category: str | None) -> str:
    """The ground a partner of this type holds a record of this category on."""
    text = str(LEGAL_BASIS.get(partner_type, LEGAL_BASIS[P.OTHER]))
    extra = CATEGORY_BASIS.get(category) if category else None
    return f"{text}; {extra}" if extra else text
