"""The engine's parameters: per network, versioned, JSON-serialisable, validated in Dutch.

A network director edits these; the Django side stores ``to_dict()`` as JSON together with
``version`` (the network's revision number) so that every computed level can say which parameters it
used. ``from_dict`` fills keys that are missing with the defaults (parameters added in a later
release keep old stored sets loadable) and rejects unknown keys and bad values with Dutch messages.

The defaults and their rationale are documented in docs/ENGINE.md; the short version is in the field
comments below.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .inputs import Level, SourceType, WeightClass

SCHEMA = 1


class ParameterError(ValueError):
    """Invalid parameters; ``messages`` holds one Dutch sentence per problem."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def _default_weights() -> dict[str, float]:
    # A strong indicator alone (4) lifts a fresh signal over the *verhoogd* threshold (3); a weak
    # one (0.5) needs company. Each class doubles the one below it.
    return {"strong": 4.0, "fairly_strong": 2.0, "somewhat": 1.0, "weak": 0.5}


def _default_sources() -> dict[str, float]:
    # Direct observation counts in full; second-hand or unverifiable sources count less.
    return {
        "open_online": 1.0,
        "shared_by_young_person": 1.0,
        "own_offline": 1.0,
        "tip_named": 0.8,
        "tip_anonymous": 0.5,
        "other_partner": 0.9,
        "media": 0.6,
    }


def _default_thresholds() -> dict[str, float]:
    return {"verhoogd": 3.0, "hoog": 8.0, "acuut": 20.0}


@dataclass(frozen=True)
class StructureWeights:
    """Points that a situation's structural factors add to its score."""

    long_conflict_months: float = field(
        default=12.0, metadata={"nl": "lange conflictgeschiedenis vanaf (maanden)"}
    )
    long_conflict_points: float = field(
        default=1.5, metadata={"nl": "punten voor een lange conflictgeschiedenis"}
    )
    symbolic_threat_points: float = field(
        default=1.0, metadata={"nl": "punten voor een symbolische dreiging"}
    )
    window_points: float = field(default=1.5, metadata={"nl": "punten per open kalendervenster"})
    window_max: int = field(
        default=2, metadata={"nl": "maximaal aantal meetellende kalendervensters"}
    )
    incident_points: float = field(default=2.0, metadata={"nl": "punten per recent incident"})
    incident_days: float = field(
        default=90.0, metadata={"nl": "incident telt als recent tot (dagen)"}
    )
    incident_max: int = field(default=3, metadata={"nl": "maximaal aantal meetellende incidenten"})
    drill_red_flag_points: float = field(
        default=2.0, metadata={"nl": "punten voor de rode vlag uit de drilllezing"}
    )


@dataclass(frozen=True)
class DrillParameters:
    long_history_months: float = field(
        default=12.0, metadata={"nl": "lange conflictgeschiedenis drill vanaf (maanden)"}
    )
    window_months: int = field(default=12, metadata={"nl": "aantal maanden in de drillreeks"})
    min_months: int = field(
        default=6, metadata={"nl": "minimaal aantal maanden voor een trendtoets"}
    )
    alpha: float = field(default=0.05, metadata={"nl": "significantieniveau drilltrend"})
    # Two videos after months of silence can already test "significant"; that is a start, not a trend.
    min_videos: int = field(default=3, metadata={"nl": "minimaal aantal drillsignalen"})


@dataclass(frozen=True)
class TrendParameters:
    recent_days: int = field(default=14, metadata={"nl": "recente periode (dagen)"})
    baseline_days: int = field(default=90, metadata={"nl": "vergelijkingsperiode (dagen)"})
    alpha: float = field(default=0.01, metadata={"nl": "significantieniveau trendbreuk"})
    min_recent: int = field(default=3, metadata={"nl": "minimaal aantal recente signalen"})


@dataclass(frozen=True)
class RequestParameters:
    max_gap_days: float = field(
        default=60.0, metadata={"nl": "maximale tijd tussen twee verzoeken (dagen)"}
    )
    low_ball_gap_days: float = field(
        default=21.0, metadata={"nl": "maximale tijd bij low-ball (dagen)"}
    )


@dataclass(frozen=True)
class ObservationThresholds:
    """The covenant's thresholds for the systematic-observation guard (defaults from issue 4)."""

    window_count: int = field(default=3, metadata={"nl": "aantal signalen binnen de periode"})
    window_days: int = field(default=30, metadata={"nl": "periode voor frequentie (dagen)"})
    span_days: int = field(default=42, metadata={"nl": "maximale looptijd (dagen)"})
    total: int = field(default=10, metadata={"nl": "maximaal totaal aantal signalen"})


@dataclass(frozen=True)
class EngineParameters:
    version: int = field(default=1, metadata={"nl": "versie"})
    weights: dict[str, float] = field(
        default_factory=_default_weights, metadata={"nl": "gewichten per gewichtsklasse"}
    )
    # The strongest indicator counts in full, the k-th next rest_factor**k (max + diminishing sum).
    combine_rest_factor: float = field(
        default=0.5, metadata={"nl": "aandeel van elke volgende indicator"}
    )
    half_life_days: float = field(default=14.0, metadata={"nl": "halfwaardetijd (dagen)"})
    future_time_stays_hot: bool = field(
        default=True, metadata={"nl": "toekomstig tijdstip blijft actueel"}
    )
    context_step: float = field(
        default=0.25, metadata={"nl": "effect per stap van een contextnotitie"}
    )
    context_net_limit: int = field(
        default=4, metadata={"nl": "maximale optelsom van contextnotities"}
    )
    source_factors: dict[str, float] = field(
        default_factory=_default_sources, metadata={"nl": "factoren per brontype"}
    )
    possible_perpetrator_factor: float = field(
        default=1.2, metadata={"nl": "factor bij een mogelijke dader"}
    )
    structure: StructureWeights = field(
        default_factory=StructureWeights, metadata={"nl": "structurele factoren"}
    )
    thresholds: dict[str, float] = field(
        default_factory=_default_thresholds, metadata={"nl": "drempels per niveau"}
    )
    acute_window_hours: float = field(default=72.0, metadata={"nl": "venster acuutregel (uren)"})
    # A net context adjustment at or below this switches the acute rule off (None: never).
    acute_defused_at: int | None = field(
        default=-2, metadata={"nl": "acuutregel vervalt bij contextsom"}
    )
    timezone: str = field(default="Europe/Amsterdam", metadata={"nl": "tijdzone"})
    drill: DrillParameters = field(default_factory=DrillParameters, metadata={"nl": "drilllezing"})
    trend: TrendParameters = field(default_factory=TrendParameters, metadata={"nl": "trendbreuken"})
    requests: RequestParameters = field(
        default_factory=RequestParameters, metadata={"nl": "verzoekpatronen"}
    )
    observation: ObservationThresholds = field(
        default_factory=ObservationThresholds, metadata={"nl": "drempels stelselmatige observatie"}
    )

    def __post_init__(self) -> None:
        errors = validate(self)
        if errors:
            raise ParameterError(errors)

    def weight(self, weight_class: WeightClass) -> float:
        return self.weights[weight_class.value]

    def source_factor(self, source_type: SourceType) -> float:
        return self.source_factors[source_type.value]

    def threshold(self, level: Level) -> float:
        return self.thresholds[level.code]

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["schema"] = SCHEMA
        return data

    @classmethod
    def from_dict(cls, data: Any) -> EngineParameters:
        if not isinstance(data, dict):
            raise ParameterError(["De parameters moeten een object (woordenboek) zijn."])
        data = dict(data)
        schema = data.pop("schema", SCHEMA)
        if schema != SCHEMA:
            raise ParameterError([f"Onbekende parameterversie {schema!r} (verwacht {SCHEMA})."])
        errors: list[str] = []
        kwargs = _read_fields(cls, data, errors)
        try:
            # Build from the well-typed keys even when others were bad, to report every problem.
            params = cls(**kwargs)
        except ParameterError as exc:
            errors.extend(exc.messages)
        if errors:
            raise ParameterError(errors)
        return params


_NESTED: dict[str, type] = {
    "structure": StructureWeights,
    "drill": DrillParameters,
    "trend": TrendParameters,
    "requests": RequestParameters,
    "observation": ObservationThresholds,
}
_MAPPINGS = {"weights", "source_factors", "thresholds"}


def _label(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata.get("nl", f.name))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _read_fields(cls: type, data: dict[str, Any], errors: list[str]) -> dict[str, Any]:
    """Type-check the keys of ``data`` against the dataclass ``cls``; nested groups recurse."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for unknown in sorted(set(data) - set(fields)):
        errors.append(f"Onbekende parameter ‘{unknown}’.")
    out: dict[str, Any] = {}
    for name, f in fields.items():
        if name not in data:
            continue
        value, label = data[name], _label(f)
        if name in _NESTED:
            if not isinstance(value, dict):
                errors.append(f"‘{label}’ moet een object zijn.")
                continue
            sub_errors: list[str] = []
            sub = _read_fields(_NESTED[name], value, sub_errors)
            if sub_errors:
                errors.extend(sub_errors)
            else:
                try:
                    out[name] = _NESTED[name](**sub)
                except TypeError:  # pragma: no cover - all fields have defaults
                    errors.append(f"‘{label}’ is onvolledig.")
        elif name in _MAPPINGS:
            if not isinstance(value, dict) or not all(_is_number(v) for v in value.values()):
                errors.append(f"‘{label}’ moet per sleutel een getal bevatten.")
            else:
                out[name] = {str(k): float(v) for k, v in value.items()}
        elif f.type in ("int", "int | None"):
            if (value is None and f.type == "int | None") or (
                isinstance(value, int) and not isinstance(value, bool)
            ):
                out[name] = value
            else:
                errors.append(f"‘{label}’ moet een geheel getal zijn.")
        elif f.type == "float":
            if _is_number(value):
                out[name] = float(value)
            else:
                errors.append(f"‘{label}’ moet een getal zijn.")
        elif f.type == "bool":
            if isinstance(value, bool):
                out[name] = value
            else:
                errors.append(f"‘{label}’ moet waar of onwaar zijn.")
        elif f.type == "str":
            if isinstance(value, str):
                out[name] = value
            else:
                errors.append(f"‘{label}’ moet tekst zijn.")
    return out


def _check_range(
    errors: list[str], obj: Any, name: str, low: float, high: float, *, low_open: bool = False
) -> None:
    value = getattr(obj, name)
    label = _label(next(f for f in dataclasses.fields(obj) if f.name == name))
    if not _is_number(value):
        errors.append(f"‘{label}’ moet een getal zijn.")
    elif (value <= low if low_open else value < low) or value > high:
        lower = f"groter dan {_fmt(low)}" if low_open else f"minstens {_fmt(low)}"
        errors.append(f"‘{label}’ moet {lower} en hoogstens {_fmt(high)} zijn (nu {_fmt(value)}).")


def _fmt(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _check_mapping(
    errors: list[str], label: str, mapping: Any, keys: list[str], low: float, high: float
) -> bool:
    if not isinstance(mapping, dict):
        errors.append(f"‘{label}’ moet per sleutel een getal bevatten.")
        return False
    missing = [k for k in keys if k not in mapping]
    unknown = sorted(set(mapping) - set(keys))
    if missing:
        errors.append(f"‘{label}’ mist: {', '.join(missing)}.")
    if unknown:
        errors.append(f"‘{label}’ kent niet: {', '.join(unknown)}.")
    bad = [k for k in keys if k in mapping and not (low <= mapping[k] <= high)]
    if bad:
        errors.append(
            f"‘{label}’: waarden voor {', '.join(bad)} moeten tussen {_fmt(low)} en "
            f"{_fmt(high)} liggen."
        )
    return not (missing or unknown or bad)


def validate(p: EngineParameters) -> list[str]:
    """All problems with ``p`` as Dutch sentences (empty when valid)."""
    errors: list[str] = []
    if not isinstance(p.version, int) or isinstance(p.version, bool) or p.version < 1:
        errors.append("‘versie’ moet een geheel getal van minstens 1 zijn.")
    classes = [w.value for w in WeightClass]
    if _check_mapping(errors, "gewichten per gewichtsklasse", p.weights, classes, 0.0, 100.0):
        ordered = [p.weights[c] for c in classes]
        if ordered != sorted(ordered, reverse=True):
            errors.append(
                "De gewichten moeten aflopen: sterk ≥ vrij sterk ≥ enigszins bruikbaar ≥ zwak."
            )
    sources = [s.value for s in SourceType]
    _check_mapping(errors, "factoren per brontype", p.source_factors, sources, 0.0, 2.0)
    levels = [lv.code for lv in Level if lv is not Level.LOW]
    if _check_mapping(errors, "drempels per niveau", p.thresholds, levels, 0.0, 1000.0):
        values = [p.thresholds[c] for c in levels]
        if not (0 < values[0] < values[1] < values[2]):
            errors.append("De drempels moeten oplopen: 0 < verhoogd < hoog < acuut.")
    _check_range(errors, p, "combine_rest_factor", 0.0, 1.0)
    _check_range(errors, p, "half_life_days", 0.0, 3650.0, low_open=True)
    _check_range(errors, p, "context_step", 0.0, 0.5, low_open=True)
    _check_range(errors, p, "context_net_limit", 1, 10)
    _check_range(errors, p, "possible_perpetrator_factor", 1.0, 3.0)
    _check_range(errors, p, "acute_window_hours", 0.0, 24.0 * 14, low_open=True)
    if p.acute_defused_at is not None and (
        not isinstance(p.acute_defused_at, int) or not -10 <= p.acute_defused_at <= -1
    ):
        errors.append(
            "‘acuutregel vervalt bij contextsom’ moet leeg zijn of tussen -10 en -1 liggen."
        )
    try:
        ZoneInfo(p.timezone)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        errors.append(f"Onbekende tijdzone ‘{p.timezone}’.")
    s = p.structure
    for name in ("long_conflict_points", "symbolic_threat_points", "window_points"):
        _check_range(errors, s, name, 0.0, 100.0)
    for name in ("incident_points", "drill_red_flag_points"):
        _check_range(errors, s, name, 0.0, 100.0)
    _check_range(errors, s, "long_conflict_months", 0.0, 600.0)
    _check_range(errors, s, "incident_days", 1.0, 3650.0)
    _check_range(errors, s, "window_max", 0, 50)
    _check_range(errors, s, "incident_max", 0, 50)
    d = p.drill
    _check_range(errors, d, "long_history_months", 0.0, 600.0)
    _check_range(errors, d, "min_months", 4, 120)
    _check_range(errors, d, "window_months", max(4, d.min_months), 120)
    _check_range(errors, d, "alpha", 0.0, 0.5, low_open=True)
    _check_range(errors, d, "min_videos", 1, 1000)
    t = p.trend
    _check_range(errors, t, "recent_days", 1, 365)
    _check_range(errors, t, "baseline_days", 1, 3650)
    _check_range(errors, t, "alpha", 0.0, 0.5, low_open=True)
    _check_range(errors, t, "min_recent", 1, 1000)
    r = p.requests
    _check_range(errors, r, "max_gap_days", 0.0, 3650.0, low_open=True)
    _check_range(errors, r, "low_ball_gap_days", 0.0, 3650.0, low_open=True)
    o = p.observation
    _check_range(errors, o, "window_count", 2, 1000)
    _check_range(errors, o, "window_days", 1, 3650)
    _check_range(errors, o, "span_days", 1, 3650)
    _check_range(errors, o, "total", 2, 10000)
    return errors


DEFAULT_PARAMETERS = EngineParameters()
