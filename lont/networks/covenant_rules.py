"""The covenant's rules as plain Python: defaults from the guide and the law, validation, effective access.

No Django models here: the covenant version stores these structures as JSON, and the visibility layer
asks :func:`effective_access` for every decision, so the rules are testable without a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .choices import Access, InformationCategory, LegalPower, PartnerType

C = InformationCategory
P = PartnerType
F, S, N = Access.FULL, Access.SUMMARY, Access.NONE

CARE_PARTNER_TYPES = frozenset({P.CARE, P.CHILD_PROTECTION})

DEFAULT_POWERS: dict[str, frozenset[str]] = {
    P.POLICE: frozenset(
        {LegalPower.OPEN_SOURCES_ONLY, LegalPower.CRIMINAL_DATA, LegalPower.ENFORCEMENT}
    ),
    P.PROSECUTION: frozenset({LegalPower.CRIMINAL_DATA}),
    P.PROBATION: frozenset({LegalPower.CRIMINAL_DATA, LegalPower.PROFESSIONAL_SECRECY}),
    P.CARE: frozenset({LegalPower.PROFESSIONAL_SECRECY, LegalPower.HEALTH_DATA}),
    P.CHILD_PROTECTION: frozenset({LegalPower.PROFESSIONAL_SECRECY, LegalPower.HEALTH_DATA}),
    P.ENFORCEMENT: frozenset({LegalPower.ENFORCEMENT, LegalPower.OPEN_SOURCES_ONLY}),
}


def _row(default: Access, **overrides: Access) -> dict[str, int]:
    row = {ptype.value: int(default) for ptype in P}
    row.update({key: int(value) for key, value in overrides.items()})
    return row


# Need to know: core partners of the approach see the picture; schools, housing and businesses get
# summaries at most (the Gangs Matrix lesson: no blanket sharing with schools and housing).
DEFAULT_SHARING: dict[str, dict[str, int]] = {
    C.ONLINE_OPEN_SOURCE: _row(
        S,
        gemeente=F,
        politie=F,
        jongerenwerk=F,
        handhaving=F,
        om=F,
        reclassering=F,
        woningcorporatie=N,
        ondernemers=N,
        sport=N,
        anders=N,
    ),
    C.OWN_OBSERVATION: _row(
        S,
        gemeente=F,
        politie=F,
        jongerenwerk=F,
        woningcorporatie=N,
        ondernemers=N,
        sport=N,
        anders=N,
    ),
    C.TIP: _row(N, gemeente=F, politie=F, jongerenwerk=S),
    C.IDENTIFYING: _row(
        N,
        gemeente=F,
        politie=F,
        jongerenwerk=F,
        zorg=F,
        jeugdbescherming=F,
        reclassering=F,
        om=F,
        onderwijs=S,
        handhaving=S,
    ),
    C.CRIMINAL: _row(N, politie=F, om=F, reclassering=F, gemeente=S),
    C.CARE: _row(N, zorg=F, jeugdbescherming=F),
    C.GROUP_ANALYSIS: _row(
        S,
        gemeente=F,
        politie=F,
        jongerenwerk=F,
        om=F,
        handhaving=F,
        woningcorporatie=N,
        ondernemers=N,
        sport=N,
        anders=N,
    ),
    C.INCIDENT: _row(
        S,
        gemeente=F,
        politie=F,
        jongerenwerk=F,
        handhaving=F,
        om=F,
        onderwijs=S,
        woningcorporatie=N,
        ondernemers=N,
        anders=N,
    ),
    C.EVALUATION: _row(F, woningcorporatie=S, ondernemers=S, sport=S, anders=S),
    C.CONTACTS: _row(F, woningcorporatie=S, ondernemers=S, sport=S, anders=S),
}

# Days. Police daily-task data: 1 year normally accessible (Wet politiegegevens art. 8);
# tips and identifying data shorter; evaluations longer because they feed the next cycle.
DEFAULT_RETENTION_DAYS: dict[str, int] = {
    C.ONLINE_OPEN_SOURCE: 365,
    C.OWN_OBSERVATION: 365,
    C.TIP: 180,
    C.IDENTIFYING: 365,
    C.CRIMINAL: 365,
    C.CARE: 365,
    C.GROUP_ANALYSIS: 730,
    C.INCIDENT: 730,
    C.EVALUATION: 1825,
    C.CONTACTS: 730,
}

DEFAULT_TASKS: dict[str, list[str]] = {
    P.MUNICIPALITY: [
        "Regie op de netwerkaanpak en het convenant",
        "Risicokalender bijhouden",
        "Casusoverleggen voorzitten en evaluaties starten",
    ],
    P.POLICE: [
        "Signalen uit openbare bronnen (binnen de politietaak)",
        "Handhaving en strafrechtelijke opvolging",
        "Aanwezigheid op de locatie bij een crisis",
    ],
    P.YOUTH_WORK: [
        "Contact met de doelgroep, online en offline",
        "Bemiddeling en de-escalatie",
        "Inzet van credible messengers",
    ],
    P.EDUCATION: ["Signalen uit de school delen", "Bewustwording en mediawijsheid in lessen"],
    P.CARE: ["Zorg en ondersteuning van betrokken jongeren en hun omgeving"],
    P.CHILD_PROTECTION: ["Bescherming en begeleiding van minderjarigen in het netwerk"],
    P.PROBATION: ["Toezicht en begeleiding van jongeren met een reclasseringstraject"],
    P.PROSECUTION: ["Strafrechtelijke afweging en persoonsgerichte informatie waar toegestaan"],
    P.ENFORCEMENT: ["Toezicht in de openbare ruimte rond hotspots"],
}

DEFAULT_ESCALATION_LEVELS: list[dict[str, object]] = [
    {
        "code": "laag",
        "label": "Laag",
        "criteria": "Losse signalen zonder concrete aanleiding; gewone contacten volstaan.",
        "informed": [P.YOUTH_WORK.value],
    },
    {
        "code": "verhoogd",
        "label": "Verhoogd",
        "criteria": "Meerdere signalen of een trendbreuk; duiden in een casusoverleg.",
        "informed": [P.MUNICIPALITY.value, P.POLICE.value, P.YOUTH_WORK.value],
    },
    {
        "code": "hoog",
        "label": "Hoog",
        "criteria": "Oplopende rivaliteit, zwaarwegende indicatoren; gezamenlijk plan van aanpak.",
        "informed": [P.MUNICIPALITY.value, P.POLICE.value, P.YOUTH_WORK.value, P.EDUCATION.value],
    },
    {
        "code": "acuut",
        "label": "Acuut",
        "criteria": "Concreet tijdstip en plaats met een oproep of dreiging: crisisaanpak.",
        "informed": [
            P.MUNICIPALITY.value,
            P.POLICE.value,
            P.YOUTH_WORK.value,
            P.ENFORCEMENT.value,
            P.PROSECUTION.value,
        ],
    },
]

DEFAULT_WORKING_METHOD: dict[str, object] = {
    "online_affine_person_per_team": True,
    "out_of_hours_availability": "Eén bereikbare professional per avond en weekend via de regisseur.",
    "professional_accounts_only": True,
    "dpia_done": False,
    "dpia_date": None,
    "fg_appointed": False,
    # C5: may a partner keep a copy of a reported post (with its SHA-256)? Off unless the covenant
    # says so: the guide asks to share the link and report (Crisis, "Zet in op de-escalatie …",
    # point 8), not to keep posts; a copy is extra personal data (data minimisation).
    "preserved_copies": False,
}

# The working method's yes/no settings, for the version history's diff (the page names them,
# translated: ``networks.views.FLAG_LABELS``).
WORKING_METHOD_FLAGS: tuple[str, ...] = (
    "online_affine_person_per_team",
    "professional_accounts_only",
    "dpia_done",
    "fg_appointed",
    "preserved_copies",
)


def allows_preserved_copies(working_method: Mapping[str, object] | None) -> bool:
    """Does the covenant allow a preserved copy of a reported post? No when it does not say."""
    return bool((working_method or {}).get("preserved_copies", False))


def diff_working_method(
    old: Mapping[str, object], new: Mapping[str, object]
) -> list[tuple[str, bool, bool]]:
    """The yes/no settings of the online working method that changed between two versions."""
    return [
        (key, bool(old.get(key, False)), bool(new.get(key, False)))
        for key in WORKING_METHOD_FLAGS
        if bool(old.get(key, False)) != bool(new.get(key, False))
    ]


def legal_ceiling(category: str, partner_type: str, powers: Iterable[str]) -> Access:
    """The most any covenant may grant: the law sets it, not the network."""
    power_set = set(powers)
    if category == C.CRIMINAL and LegalPower.CRIMINAL_DATA not in power_set:
        return Access.SUMMARY
    if (
        category == C.CARE
        and partner_type not in CARE_PARTNER_TYPES
        and LegalPower.HEALTH_DATA not in power_set
    ):
        return Access.NONE
    return Access.FULL


def effective_access(
    sharing: Mapping[str, Mapping[str, int]],
    *,
    category: str,
    partner_type: str,
    powers: Iterable[str],
) -> Access:
    granted = Access(sharing.get(category, {}).get(partner_type, Access.NONE))
    return Access(min(granted, legal_ceiling(category, partner_type, powers)))


@dataclass(frozen=True)
class CovenantProblem:
    field: str
    message: str


def validate_sharing(sharing: Mapping[str, Mapping[str, int]]) -> list[CovenantProblem]:
    """Problems that make a sharing matrix unlawful by default or incomplete."""
    problems: list[CovenantProblem] = []
    for category in C:
        row = sharing.get(category.value)
        if row is None:
            problems.append(
                CovenantProblem(category.value, f"Categorie '{category.label}' ontbreekt.")
            )
            continue
        for ptype in P:
            value = row.get(ptype.value)
            if value not in {a.value for a in Access}:
                problems.append(
                    CovenantProblem(
                        f"{category.value}.{ptype.value}",
                        f"Ongeldige toegang voor {ptype.label} bij '{category.label}'.",
                    )
                )
                continue
            default_powers = DEFAULT_POWERS.get(ptype.value, frozenset())
            if Access(value) > legal_ceiling(category.value, ptype.value, default_powers):
                problems.append(
                    CovenantProblem(
                        f"{category.value}.{ptype.value}",
                        _ceiling_message(category, ptype),
                    )
                )
    return problems


def _ceiling_message(category: InformationCategory, ptype: PartnerType) -> str:
    if category == C.CARE:
        return (
            f"Zorggegevens blijven bij zorgpartners: {ptype.label} kan geen volledige toegang "
            "krijgen (alleen per geval, met toestemming)."
        )
    return (
        f"{ptype.label} heeft geen bevoegdheid om strafrechtelijke gegevens te verwerken; "
        "volledige toegang is niet toegestaan."
    )


def retention_problems(retention: Mapping[str, int]) -> list[CovenantProblem]:
    problems = []
    for category in C:
        days = retention.get(category.value)
        if not isinstance(days, int) or days < 1 or days > 3650:
            problems.append(
                CovenantProblem(
                    f"retention.{category.value}",
                    f"Bewaartermijn voor '{category.label}' moet tussen 1 en 3650 dagen liggen.",
                )
            )
    return problems


def diff_matrix(
    old: Mapping[str, Mapping[str, int]], new: Mapping[str, Mapping[str, int]]
) -> list[tuple[str, str, int | None, int | None]]:
    """Cells that changed between two versions, for the version history page."""
    changes = []
    for category in sorted(set(old) | set(new)):
        old_row, new_row = old.get(category, {}), new.get(category, {})
        for ptype in sorted(set(old_row) | set(new_row)):
            if old_row.get(ptype) != new_row.get(ptype):
                changes.append((category, ptype, old_row.get(ptype), new_row.get(ptype)))
    return changes
