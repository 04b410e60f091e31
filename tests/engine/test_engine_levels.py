"""The level engine: exact amounts per factor, thresholds, the acute rule, structure and drill."""

from __future__ import annotations

from datetime import timedelta

import pytest
from engine_factories import (
    DRILL_ATTACKS,
    FAIRLY,
    NOW,
    SOMEWHAT,
    STRONG,
    WEAK,
    ago,
    call,
    rising_drill,
    signal,
)

from lont.engine import (
    CalendarWindow,
    ContextNote,
    EngineParameters,
    Incident,
    Level,
    PersonRole,
    Signal,
    SourceType,
    Structure,
    compute_level,
    signal_contribution,
)

NONE = Structure()


@pytest.mark.parametrize(
    ("given", "amount"),
    [
        pytest.param(signal("1", STRONG), 4.0, id="strong fresh"),
        pytest.param(signal("1", FAIRLY), 2.0, id="fairly strong"),
        pytest.param(signal("1", SOMEWHAT), 1.0, id="somewhat"),
        pytest.param(signal("1", WEAK), 0.5, id="weak"),
        pytest.param(signal("1", STRONG, SOMEWHAT), 4.5, id="max plus half of the next"),
        pytest.param(signal("1", WEAK, FAIRLY, STRONG, SOMEWHAT), 5.3125, id="diminishing sum"),
        pytest.param(signal("1", STRONG, days=14), 2.0, id="one half-life old"),
        pytest.param(signal("1", STRONG, days=28), 1.0, id="two half-lives old"),
        pytest.param(signal("1", STRONG, source=SourceType.TIP_ANONYMOUS), 2.0, id="anonymous tip"),
        pytest.param(signal("1", STRONG, source=SourceType.TIP_NAMED), 3.2, id="named tip"),
        pytest.param(signal("1", STRONG, source=SourceType.MEDIA), 2.4, id="media"),
        pytest.param(signal("1", STRONG, source=SourceType.OTHER_PARTNER), 3.6, id="other partner"),
        pytest.param(signal("1", STRONG, notes=(-1,)), 3.0, id="note -1"),
        pytest.param(signal("1", STRONG, notes=(-2,)), 2.0, id="note -2"),
        pytest.param(signal("1", STRONG, notes=(2,)), 6.0, id="note +2"),
        pytest.param(signal("1", STRONG, notes=(-2, -2)), 0.0, id="two -2 notes defuse fully"),
        pytest.param(signal("1", STRONG, notes=(2, 2, 2)), 8.0, id="notes clamp at +4"),
        pytest.param(signal("1", STRONG, notes=(2, -1)), 5.0, id="notes add up"),
        pytest.param(
            signal("1", STRONG, roles=(PersonRole.POSSIBLE_PERPETRATOR,)), 4.8, id="perpetrator"
        ),
        pytest.param(signal("1", STRONG, roles=(PersonRole.INVOLVED,)), 4.0, id="involved"),
        pytest.param(
            signal("1", STRONG, roles=(PersonRole.VICTIM, PersonRole.WITNESS, PersonRole.TIPSTER)),
            4.0,
            id="victim witness tipster ignored",
        ),
        pytest.param(
            signal("1", STRONG, days=30, named_time=NOW + timedelta(days=10)),
            4.0,
            id="future time stays hot",
        ),
        pytest.param(
            signal("1", STRONG, days=20, named_time=ago(14)),
            2.0,
            id="decays from the named time once passed",
        ),
        pytest.param(signal("1"), 0.0, id="no indicators"),
    ],
)
def test_signal_amount(given: Signal, amount: float) -> None:
    # When the signal's contribution is computed at the frozen clock
    result = signal_contribution(given, now=NOW)
    # Then its amount is exactly the product of its factors
    assert result is not None
    assert result.amount == pytest.approx(amount)


def test_each_factor_is_explained_in_dutch() -> None:
    given = signal(
        "7",
        STRONG,
        SOMEWHAT,
        days=14,
        source=SourceType.TIP_NAMED,
        notes=(-1,),
        roles=(PersonRole.POSSIBLE_PERPETRATOR,),
    )
    reason = signal_contribution(given, now=NOW).reason_nl  # type: ignore[union-attr]
    assert reason.startswith("Signaal 7: indicatoren Concreet tijdstip")
    for part in (
        "(sterk, 4,0)",
        "(enigszins bruikbaar, 1,0 × 0,50)",
        "= 4,50",
        "brontype tip (melder bekend) × 0,80",
        "noemt een mogelijke dader × 1,20",
        "contextnotities 1 (som -1) × 0,75",
        "14 dagen oud (halfwaardetijd 14 dagen) × 0,50",
        "→ 1,62.",
    ):
        assert part in reason
    # No people or note content in the explanation: only counts and numbers.
    assert "p0" not in reason


def test_signals_observed_after_now_are_ignored() -> None:
    assert (
        signal_contribution(signal("1", STRONG, observed_at=NOW + timedelta(hours=1)), now=NOW)
        is None
    )
    assert (
        compute_level(
            [signal("1", STRONG, observed_at=NOW + timedelta(hours=1))], NONE, now=NOW
        ).score
        == 0
    )


@pytest.mark.parametrize(
    ("count", "level"),
    [(0, Level.LOW), (1, Level.RAISED), (2, Level.HIGH), (4, Level.HIGH), (5, Level.ACUTE)],
)
def test_thresholds(count: int, level: Level) -> None:
    # Given `count` fresh strong signals (4 points each; thresholds 3, 8, 20)
    signals = [signal(str(i), STRONG) for i in range(count)]
    # Then the level follows the thresholds
    result = compute_level(signals, NONE, now=NOW)
    assert result.score == pytest.approx(4.0 * count)
    assert result.level is level


@pytest.mark.parametrize(
    ("given", "acute"),
    [
        pytest.param(call(hours_ahead=30), True, id="call within 72h"),
        pytest.param(call(hours_ahead=72), True, id="exactly 72h"),
        pytest.param(call(hours_ahead=73), False, id="beyond the window"),
        pytest.param(call(hours_ahead=-1), False, id="time has passed"),
        pytest.param(call(named_place=False), False, id="no concrete place"),
        pytest.param(call(call_to_action=False, threat=True), True, id="threat instead of call"),
        pytest.param(call(call_to_action=False), False, id="neither call nor threat"),
        pytest.param(call(notes=(-1,)), True, id="mild note keeps it"),
        pytest.param(call(notes=(-2,)), False, id="note -2 defuses"),
        pytest.param(call(notes=(-1, -1)), False, id="notes summing to -2 defuse"),
        pytest.param(
            Signal(
                "drill",
                ago(1),
                (DRILL_ATTACKS,),
                named_time=NOW + timedelta(hours=5),
                named_place=True,
                threat=True,
            ),
            False,
            id="drill-only never",
        ),
    ],
)
def test_acute_rule(given: Signal, acute: bool) -> None:
    result = compute_level([given], NONE, now=NOW)
    assert result.acute is acute
    assert (result.level is Level.ACUTE) is acute


def test_acute_rule_is_explained_and_defusing_too() -> None:
    acute = compute_level([call("c1", hours_ahead=30)], NONE, now=NOW)
    first = acute.contributions[0]
    assert (first.kind, first.ref, first.amount) == ("acute_rule", "c1", 0.0)
    assert first.reason_nl == (
        "Acuutregel: Signaal c1 noemt een concreet tijdstip over 30 uur (binnen 72 uur) en een "
        "concrete plaats, met een oproep tot actie."
    )
    assert "Acuut door de acuutregel" in acute.explanation_nl
    defused = compute_level([call("c1", notes=(-2,))], NONE, now=NOW)
    assert defused.contributions[0].kind == "acute_rule_defused"
    assert "de acuutregel is niet toegepast" in defused.contributions[0].reason_nl
    # The signal itself still counts, at half weight.
    assert defused.score == pytest.approx(2.0)
    assert defused.level is Level.LOW


def test_acute_rule_can_be_made_undefusable() -> None:
    params = EngineParameters(acute_defused_at=None)
    assert compute_level([call(notes=(-2, -2))], NONE, params, now=NOW).level is Level.ACUTE


@pytest.mark.parametrize(
    ("structure", "amount", "refs"),
    [
        (Structure(conflict_history_months=12), 1.5, ["conflict_history"]),
        (Structure(conflict_history_months=11.9), 0.0, []),
        (Structure(symbolic_threat=True), 1.0, ["symbolic_threat"]),
        (
            Structure(open_windows=tuple(CalendarWindow(f"w{i}", "jubileum") for i in range(3))),
            3.0,
            ["window w0", "window w1"],
        ),
        (
            Structure(incidents=(Incident("i1", ago(10)), Incident("i2", ago(100)))),
            2.0,
            ["incident i1"],
        ),
        (
            Structure(incidents=tuple(Incident(f"i{i}", ago(i + 1)) for i in range(4))),
            6.0,
            ["incident i0", "incident i1", "incident i2"],
        ),
        (Structure(incidents=(Incident("later", NOW + timedelta(days=1)),)), 0.0, []),
    ],
)
def test_structural_factors(structure: Structure, amount: float, refs: list[str]) -> None:
    result = compute_level([], structure, now=NOW)
    assert result.score == pytest.approx(amount)
    assert sorted(c.ref for c in result.contributions) == refs


def test_drill_alone_never_raises_the_level() -> None:
    # Given a rivalry with a long conflict history and a clearly rising drill series, nothing else
    drill = rising_drill()
    result = compute_level(drill, Structure(conflict_history_months=18), now=NOW)
    # Then the red flag is read but adds nothing: only the conflict history counts
    assert result.drill is not None and result.drill.red_flag
    assert result.score == pytest.approx(1.5)
    assert result.level is Level.LOW
    drill_line = next(c for c in result.contributions if c.kind == "drill")
    assert drill_line.amount == 0
    assert drill_line.reason_nl.startswith(
        "Rode vlag uit de drilllezing, maar er is geen ander bewijs"
    )
    assert all(c.amount == 0 for c in result.contributions if c.kind == "drill_signal")


def test_drill_red_flag_counts_beside_other_evidence() -> None:
    evidence = [signal("s", STRONG, SOMEWHAT)]
    structure = Structure(conflict_history_months=18)
    without = compute_level(evidence, structure, now=NOW)
    with_drill = compute_level(evidence + rising_drill(), structure, now=NOW)
    assert without.score == pytest.approx(6.0)
    assert without.level is Level.RAISED
    assert with_drill.score == pytest.approx(8.0)
    assert with_drill.level is Level.HIGH


def test_drill_without_long_history_gives_no_red_flag() -> None:
    result = compute_level(
        [signal("s", STRONG), *rising_drill()], Structure(conflict_history_months=6), now=NOW
    )
    assert result.drill is not None and not result.drill.red_flag
    assert result.score == pytest.approx(4.0)


def test_a_fully_defused_signal_is_no_evidence_for_the_drill_reading() -> None:
    given = [signal("s", STRONG, notes=(-2, -2)), *rising_drill()]
    result = compute_level(given, Structure(conflict_history_months=18), now=NOW)
    assert result.score == pytest.approx(1.5)


def test_summary_names_level_score_and_threshold() -> None:
    result = compute_level([signal("1", STRONG), signal("2", STRONG)], NONE, now=NOW)
    assert result.explanation_nl == (
        "Berekend niveau hoog (score 8,00, drempel hoog 8,0; 2 signalen en 0 structurele factoren "
        "tellen mee). Dit is een suggestie: het casusoverleg beoordeelt en besluit."
    )
    assert result.parameters_version == 1
    assert result.computed_at == NOW


def test_parameters_change_the_outcome() -> None:
    params = EngineParameters(
        version=3, half_life_days=7, thresholds={"verhoogd": 1, "hoog": 2, "acuut": 3}
    )
    result = compute_level([signal("1", STRONG, days=7)], NONE, params, now=NOW)
    assert result.score == pytest.approx(2.0)
    assert result.level is Level.HIGH
    assert result.parameters_version == 3


def test_level_codes_round_trip() -> None:
    assert [lv.code for lv in Level] == ["laag", "verhoogd", "hoog", "acuut"]
    assert Level.from_code("hoog") is Level.HIGH
    assert Level.LOW < Level.RAISED < Level.HIGH < Level.ACUTE
    with pytest.raises(ValueError, match="unknown level"):
        Level.from_code("rood")


@pytest.mark.parametrize("adjustment", [-3, 3])
def test_context_notes_stay_within_minus_two_and_plus_two(adjustment: int) -> None:
    with pytest.raises(ValueError, match=r"-2\.\.\+2"):
        ContextNote("n", adjustment)


def test_summary_lines_leave_out_source_people_and_notes() -> None:
    # Given a signal naming a possible perpetrator, from a named tip, with a partner's note
    given = signal(
        "9",
        STRONG,
        days=14,
        source=SourceType.TIP_NAMED,
        notes=(-1,),
        roles=(PersonRole.POSSIBLE_PERPETRATOR,),
    )
    line = signal_contribution(given, now=NOW)
    assert line is not None
    # Then a viewer with summary access reads indicators, age and weight only
    assert line.summary_nl == (
        "Signaal 9 (samenvatting): indicatoren Concreet tijdstip en/of locatie voor een "
        "confrontatie (sterk); 14 dagen oud → 1,44."
    )
    for hidden in ("brontype", "dader", "context"):
        assert hidden not in line.summary_nl
    acute = compute_level([call("c1"), call("c2", notes=(-2,))], NONE, now=NOW).contributions
    assert acute[0].summary_nl == (
        "Acuutregel: signaal c1 noemt een concreet tijdstip binnen 72 uur en een concrete plaats, "
        "met een oproep tot actie of een dreiging."
    )
    assert acute[1].summary_nl.startswith("De acuutregel is niet toegepast op signaal c2")
    structural = compute_level([], Structure(symbolic_threat=True), now=NOW).contributions[0]
    assert structural.summary_nl == structural.reason_nl


def test_provocation_signs_never_raise_the_level():
    # Given a signal whose only indicators are the guide's provocation signs (catalogued "strong")
    from engine_factories import PROVOKED, PROVOKED_BY_CODE

    provoked = signal("p", PROVOKED, PROVOKED_BY_CODE)
    # Then they are no evidence, nor a drill-only signal, and add nothing
    assert provoked.evidence_indicators == ()
    assert not provoked.is_drill_only
    line = signal_contribution(provoked, now=NOW)
    assert line is not None and line.amount == 0.0
    assert compute_level([provoked], NONE, now=NOW).level is Level.LOW
    # And next to real evidence they change nothing either
    plain = signal_contribution(signal("s", STRONG), now=NOW)
    mixed = signal_contribution(signal("s", STRONG, PROVOKED), now=NOW)
    assert plain is not None and mixed is not None and mixed.amount == plain.amount == 4.0
    assert "provocation" not in " ".join(mixed.details["indicators"])  # type: ignore[arg-type]
