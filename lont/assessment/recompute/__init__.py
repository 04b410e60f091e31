"""From models to engine inputs and back: the one place that knows both shapes.

- ``register``: what the recompute reads of the signal register (each signal's facts, the
  engine's signal made of them);
- ``prepared``: each linked signal prepared once and stored per situation (the storage format,
  when a stored record is current, reading a situation's records);
- ``structure`` and ``network``: the rivalry, the open calendar windows and the network trend
  breaks;
- ``computing``: everything the engine says about a situation, ready to store (``compute``);
- ``reading``: the stored explanation read back, its other lines rebuilt from the stored records.

Refs handed to the engine are primary keys only (principle: explanations never hold a real name).
"""

from .computing import (
    HISTORY_LENGTH,
    LEFT_OUT,
    compute,
    contribution_dict,
    cycle_collection_paused,
    drill_dict,
    trend_breaks,
)
from .network import group_relations, interactions, network_breaks
from .parameters import parameters_for
from .prepared import UNLINKED, Record, cache_key, mark_unlinked, record_of, records, signal_changed
from .reading import contributions, explained, shown
from .register import (
    COUNTING_ROLES,
    INTERACTION_INDICATORS,
    SignalFacts,
    engine_signal,
    signal_facts,
)
from .structure import calendar_windows, structure_for

__all__ = [
    "COUNTING_ROLES",
    "HISTORY_LENGTH",
    "INTERACTION_INDICATORS",
    "LEFT_OUT",
    "UNLINKED",
    "Record",
    "SignalFacts",
    "cache_key",
    "calendar_windows",
    "compute",
    "contribution_dict",
    "contributions",
    "cycle_collection_paused",
    "drill_dict",
    "engine_signal",
    "explained",
    "group_relations",
    "interactions",
    "mark_unlinked",
    "network_breaks",
    "parameters_for",
    "record_of",
    "records",
    "shown",
    "signal_changed",
    "signal_facts",
    "structure_for",
    "trend_breaks",
]
