"""The guide's aftercare lists, encoded faithfully (Dutch, as in the guide; see /seed, "Nazorg").

Each list cites its heading. The plan's tasks, the stressor inventory, the coping strategies, the
evaluation protocol and the debunk rules are seeded from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# "Behoud contact met de doelgroep en herstel banden indien sprake is van een beschadigde
# relatie." — points 1–7.


@dataclass(frozen=True)
class Step:
    code: str
    title: Promise
    due_days: int
    # the partner type that usually owns it (youth work keeps the steady contact)
    owner_type: str = "jongerenwerk"


PLAN_STEPS: tuple[Step, ...] = (
    Step("perceptions", _("Verschillende percepties zo snel mogelijk bespreekbaar maken"), 3),
    Step("dm", _("DM of persoonlijk online bericht aan de betrokkenen sturen"), 1),
    Step("positive", _("Nazorg positief insteken: benadrukken wat goed ging"), 7),
    # point 4: the six elements of normalising relations
    Step("norm_youth_worker", _("Duurzaam contact met één of meer vaste jongerenwerkers"), 14),
    Step("norm_mentor", _("Jongerenwerker als mentorachtige welzijnsprofessional"), 14),
    Step("norm_individual", _("Naast groepsactiviteiten ook individuele begeleiding"), 14),
    Step("norm_role_models", _("Positieve rolmodellen en/of ervaringsdeskundigen inzetten"), 21),
    Step("norm_change", _("Een positief veranderingsproces in gang brengen"), 28),
    Step(
        "norm_motivation",
        _("Aansluiten bij intrinsieke motivatie: autonomie, competentie, verbondenheid"),
        28,
    ),
    # point 5: the whole community
    Step(
        "community_coaching", _("Coachgesprekken aanbieden aan de hele gemeenschap"), 7, "gemeente"
    ),
    Step("community_key_figures", _("Contactenlijst van sleutelfiguren opstellen"), 7, "gemeente"),
    Step(
        "community_plan",
        _("Communicatieplan om via (sociale) media in contact te blijven"),
        14,
        "gemeente",
    ),
    # point 6 is per young person (PersonPerspective), point 7 per tip (TipsterCare)
)

NORMALISING = tuple(s.code for s in PLAN_STEPS if s.code.startswith("norm_"))

# "Bied interne ondersteuning aan personeel …", point 5: "Breng de veroorzakers van stress in
# kaart" — 4 work stressors and 10 organisational stressors.
WORK_STRESSORS: tuple[tuple[str, Promise], ...] = (
    ("emotional", _("Emotionele belasting")),
    ("physical", _("Fysieke belasting")),
    ("threat", _("Bedreiging en intimidatie")),
    ("uncertainty", _("Onzekerheid en twijfel")),
)
ORGANISATIONAL_STRESSORS: tuple[tuple[str, Promise], ...] = (
    ("bureaucracy", _("Bureaucratie")),
    ("means", _("Ondermaatse (ICT-)middelen en faciliteiten")),
    ("internal", _("Slechte interne samenwerking")),
    ("network", _("Slechte samenwerking met netwerkpartners")),
    ("workload", _("Te hoge of te lage werkdruk")),
    ("management", _("Ondermaatse leidinggevenden en management")),
    ("hours", _("Onregelmatige werktijden")),
    ("reorganisation", _("Reorganisaties en werkprocesveranderingen")),
    ("colleagues", _("Ongeschiktheid van collega's")),
    ("balance", _("Slechte werk/privébalans")),
)
STRESSORS = WORK_STRESSORS + ORGANISATIONAL_STRESSORS
STRESSOR_CODES = frozenset(code for code, _label in STRESSORS)
# Answer scale: 0 not at all … 3 a lot. "Burdened" is 2 or 3.
STRESS_SCALE: tuple[tuple[int, Promise], ...] = (
    (0, _("Niet")),
    (1, _("Een beetje")),
    (2, _("Behoorlijk")),
    (3, _("Heel erg")),
)
BURDENED_FROM = 2
MIN_RESPONDENTS = 5

# Point 3: learn to handle sources of stress — the five coping strategies.
COPING: tuple[Promise, ...] = (
    _("Visualisatie vooraf"),
    _("Emotionele afstand bewerkstelligen"),
    _("Sociale steun aanbieden"),
    _("De mogelijkheid tot vermijding van belastende werksituaties"),
    _("Herinterpretatie en zingeving"),
)

# "Evalueer de interventie …": the three questions and the fixed network protocol (points 1–3).
QUESTIONS: tuple[tuple[str, Promise], ...] = (
    ("went_well", _("Wat is goed gegaan?")),
    ("went_badly", _("Wat ging niet goed?")),
    ("improve", _("Wat kan de volgende keer beter?")),
)
PROTOCOL: tuple[Promise, ...] = (
    _("De netwerkregisseur start de netwerkbrede evaluatie volgens dit vaste protocol."),
    _(
        "Elke organisatie evalueert afzonderlijk de invulling van de eigen taken, "
        "verantwoordelijkheden en bevoegdheden tijdens de interventie."
    ),
    _("Elke partner beantwoordt de drie vragen: wat ging goed, wat niet, wat kan beter?"),
    _("De regisseur voegt de antwoorden samen en legt de lessen vast."),
    _(
        "Elke les wordt werk: een actie, een voorstel voor convenant of werkwijze, een "
        "engineparameter of een indicator."
    ),
    _("De diverse en representatieve adviesraad wordt gehoord."),
)

# "Wees alert op de verspreiding van misinformatie …": the six recommendations.
DEBUNK_RULES: tuple[tuple[str, Promise], ...] = (
    (
        "simple_facts",
        _("Weerleg met feiten die minstens even aannemelijk en eenvoudig zijn als de mythe."),
    ),
    ("no_myth_first", _("Vermijd onnodige herhaling van de mythe; open er in elk geval niet mee.")),
    ("discrepancy", _("Benadruk de discrepantie tussen de misinformatie en de feiten.")),
    (
        "messenger",
        _("Laat een geloofwaardige boodschapper (sleutelfiguur, credible messenger) ontkrachten."),
    ),
    ("audience", _("Sluit aan bij het wereldbeeld en de eigenwaarde van de doelgroep.")),
    ("prebunk", _("Wakker scepticisme aan: voorkomen is beter dan genezen (prebunks).")),
)
