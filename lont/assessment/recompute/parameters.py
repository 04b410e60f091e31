"""The engine parameters in force for a network (or of an earlier version)."""

from __future__ import annotations

from lont import engine as e

from ..models import EngineParameterSet


def parameters_for(network_id: int, version: int | None = None) -> e.EngineParameters:
    """The network's parameters in force (newest version), or of ``version``; the engine's
    defaults when the network has none (of that version)."""
    rows = EngineParameterSet.objects.filter(network_id=network_id)
    if version is not None:
        rows = rows.filter(number=version)
    row = rows.order_by("-number").first()
    if row is None:
        return e.DEFAULT_PARAMETERS
    data = dict(row.data)
    data["version"] = row.number
    return e.EngineParameters.from_dict(data)
