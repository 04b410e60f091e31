"""Factories for the incident room's tests (fictional data)."""

from __future__ import annotations

from typing import Any

from lont.core.viewer import Viewer
from lont.crisis import services
from lont.crisis.models import Incident
from lont.networks.models import Membership


def incident_factory(member: Membership, **data: Any) -> Incident:
    data.setdefault("title", "Geplande confrontatie bij de voetbalkooi")
    data.setdefault("reason", "Oproep tot een vechtpartij gezien")
    data.setdefault("call_text", "Zaterdag om 20:00 bij de voetbalkooi, kom allemaal")
    data.setdefault("location", "voetbalkooi")
    return services.incident_open(viewer=Viewer(member), data=data)


def new_covenant(network: Any, *, working_method: Any = None, sharing: Any = None) -> None:
    """A new covenant version: the current one with ``working_method`` keys and ``sharing``
    cells ({category: {partner type: level}}) changed."""
    import copy

    from lont.core.scoping import system_context
    from lont.networks.services import covenant_version_create

    with system_context("test: a covenant version"):
        current = network.active_covenant()
        shared = copy.deepcopy(current.sharing)
        for category, row in (sharing or {}).items():
            for ptype, level in row.items():
                shared[str(category)][str(ptype)] = int(level)
        content = {
            "sharing": shared,
            "retention_days": dict(current.retention_days),
            "tasks": copy.deepcopy(current.tasks),
            "escalation_levels": copy.deepcopy(current.escalation_levels),
            "working_method": {**current.working_method, **(working_method or {})},
            "observation_thresholds": dict(current.observation_thresholds),
        }
        covenant_version_create(
            network=network,
            actor=None,
            reason="Testversie",
            director_organisation=current.director_organisation,
            director=current.director,
            privacy_officer=current.privacy_officer,
            content=content,
        )


def allow_preserved_copies(network: Any, allowed: bool = True) -> None:
    new_covenant(network, working_method={"preserved_copies": allowed})
