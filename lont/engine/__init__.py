"""The assessment engine: pure, deterministic domain logic of issue 4 (no Django).

    from lont.engine import compute_level, Signal, Structure, IndicatorTag, WeightClass
    result = compute_level(signals, Structure(conflict_history_months=18), params, now=now)
    result.level.code, result.score, [c.reason_nl for c in result.contributions]

Modules: :mod:`.inputs` (dataclasses), :mod:`.parameters` (per-network parameters), :mod:`.levels`
(the level engine), :mod:`.drill` (drill reading), :mod:`.trends` (trend breaks), :mod:`.requests`
(request patterns), :mod:`.observation` (systematic-observation guard), :mod:`.stats` (the
statistical tests). docs/ENGINE.md explains the model.
"""

from .drill import ChartPoint, DrillReading, TrendTest, drill_reading
from .inputs import (
    CalendarWindow,
    ContextNote,
    Contribution,
    DrillCounts,
    Incident,
    IndicatorTag,
    Level,
    PersonLink,
    PersonRole,
    Signal,
    SourceType,
    Structure,
    WeightClass,
)
from .levels import (
    PREPARED_FORMAT,
    LevelResult,
    PreparedSignal,
    acute_check,
    compute_level,
    compute_level_prepared,
    contribution_at,
    level_for_score,
    line_rank,
    prepare_signal,
    signal_contribution,
    signal_lines,
)
from .observation import (
    ObservationCheck,
    ProsecutorOrder,
    ThresholdHit,
    check_observation,
    online_times,
)
from .parameters import DEFAULT_PARAMETERS, EngineParameters, ParameterError
from .requests import (
    RequestOutcome,
    RequestPattern,
    RequestRecord,
    RequestSize,
    Technique,
    request_patterns,
)
from .trends import (
    Actor,
    GroupRelations,
    Interaction,
    InteractionKind,
    NetworkChange,
    RateBreak,
    StrengthShift,
    TrendBreak,
    TrendPoint,
    TrendReport,
    network_changes,
    rate_break,
    strength_shift,
    trend_point,
    trend_report,
    trend_window_start,
)

__all__ = [
    "DEFAULT_PARAMETERS",
    "PREPARED_FORMAT",
    "Actor",
    "CalendarWindow",
    "ChartPoint",
    "ContextNote",
    "Contribution",
    "DrillCounts",
    "DrillReading",
    "EngineParameters",
    "GroupRelations",
    "Incident",
    "IndicatorTag",
    "Interaction",
    "InteractionKind",
    "Level",
    "LevelResult",
    "NetworkChange",
    "ObservationCheck",
    "ParameterError",
    "PersonLink",
    "PersonRole",
    "PreparedSignal",
    "ProsecutorOrder",
    "RateBreak",
    "RequestOutcome",
    "RequestPattern",
    "RequestRecord",
    "RequestSize",
    "Signal",
    "SourceType",
    "StrengthShift",
    "Structure",
    "Technique",
    "ThresholdHit",
    "TrendBreak",
    "TrendPoint",
    "TrendReport",
    "TrendTest",
    "WeightClass",
    "acute_check",
    "check_observation",
    "compute_level",
    "compute_level_prepared",
    "contribution_at",
    "drill_reading",
    "level_for_score",
    "line_rank",
    "network_changes",
    "online_times",
    "prepare_signal",
    "rate_break",
    "request_patterns",
    "signal_contribution",
    "signal_lines",
    "strength_shift",
    "trend_point",
    "trend_report",
    "trend_window_start",
]
