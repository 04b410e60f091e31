"""The three phases of the guide's cycle and the capabilities each will hold.

``built`` says plainly which capabilities exist in this installation; the phase pages show the rest
as not yet available rather than with invented content.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Capability:
    code: str
    title: Promise
    built: bool = False
    url_name: str | None = None


@dataclass(frozen=True)
class Phase:
    code: str
    title: Promise
    core: Promise
    description: Promise
    capabilities: tuple[Capability, ...]
    # Pages of the phase as a whole (the crisis phase: the incident list and the dashboard).
    links: tuple[tuple[Promise, str], ...] = ()


PHASES: dict[str, Phase] = {
    "peacetime": Phase(
        code="peacetime",
        title=_("Vredestijd"),
        core=_("Relaties: vertrouwen opbouwen, signalen in context"),
        description=_(
            "Bouw vertrouwen op, lees signalen in hun context, deel ze volgens het convenant en "
            "schat het risico samen in."
        ),
        capabilities=(
            Capability("P1", _("Visie op online werken"), True, "peacetime:vision_index"),
            Capability("P2", _("Convenant en online werkwijze"), True, "networks:covenant"),
            Capability("P3", _("Professionele online aanwezigheid"), True, "presence:index"),
            Capability("P4", _("Sociale kaart en context"), True, "socialmap:list"),
            Capability("P5", _("Signalen en gezamenlijke duiding"), True, "signalregister:list"),
            Capability("P6", _("Risicokalender"), True, "riskcalendar:month"),
            Capability("P7", _("Kleine verzoeken")),
            Capability("P8", _("Groepsdynamiek"), True, "subjects:groups"),
            Capability("P9", _("Drillrap in context"), True, "assessment:dashboard"),
            Capability("P10", _("Soort dreiging"), True, "subjects:relations"),
            Capability("P11", _("Informatiebronnen"), True, "peacetime:sources"),
            Capability("P12", _("Bewustwording"), True, "peacetime:awareness"),
        ),
    ),
    "crisis": Phase(
        code="crisis",
        title=_("Crisis"),
        core=_("Ingrijpen: veiligheid waarborgen, geweld de-escaleren"),
        description=_("Houd mensen veilig, de-escaleer en treed op als één netwerk met één lijn."),
        capabilities=(
            Capability("C1", _("Incident en doelbewuste keuzes"), True, "crisis:list"),
            Capability("C2", _("Eén netwerk, één lijn"), True, "crisis:list"),
            Capability("C3", _("Wie is gewelddadig, en waarom"), True, "crisis:list"),
            Capability("C4", _("Escalatiewacht"), True, "crisis:list"),
            Capability("C5", _("De-escalatie en gezamenlijk melden"), True, "crisis:list"),
        ),
        links=(
            (_("Incidenten"), "crisis:list"),
            (_("Dashboard"), "assessment:dashboard"),
        ),
    ),
    "aftercare": Phase(
        code="aftercare",
        title=_("Nazorg"),
        core=_("Herstel: betrokken individuen, onderlinge relaties"),
        description=_(
            "Herstel relaties, ondersteun medewerkers, evalueer en bestrijd misinformatie."
        ),
        capabilities=(
            Capability("A1", _("Contact herstellen"), True, "aftercare:plans"),
            Capability("A2", _("Ondersteuning van medewerkers"), True, "aftercare:staff"),
            Capability("A3", _("Evaluatie"), True, "aftercare:evaluations"),
            Capability("A4", _("Misinformatie"), True, "aftercare:rumours"),
        ),
    ),
}
