"""Reads of the knowledge base. The guide is public within the installation: no visibility filter."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from .models import GuidePoint, Indicator, Recommendation


def recommendations(*, phase: str | None = None) -> QuerySet[Recommendation]:
    qs = Recommendation.objects.prefetch_related(
        Prefetch("points", queryset=GuidePoint.objects.order_by("position"))
    )
    return qs.filter(phase=phase) if phase else qs


def recommendations_for_capability(capability: str) -> list[Recommendation]:
    # JSON containment differs per database; the guide has 21 rows, so filter in Python.
    return [rec for rec in recommendations() if capability in rec.capabilities]


def network_indicators(viewer: object, *, category: str | None = None) -> QuerySet[Indicator]:
    qs = Indicator.objects.filter(network=viewer.network)  # type: ignore[attr-defined]
    return qs.filter(category=category) if category else qs
