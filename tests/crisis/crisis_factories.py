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
