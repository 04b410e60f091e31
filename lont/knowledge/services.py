"""Writes of the knowledge app: syncing the guide, seeding and editing a network's indicators."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from lont.audit.events import record_event

from . import catalogue
from .models import GuidePoint, Indicator, Recommendation


@transaction.atomic
def guide_sync() -> int:
    """Make the database match data/guide.json (idempotent). Returns the number of points."""
    guide = catalogue.load_guide()
    keep_codes = []
    total = 0
    for order, rec in enumerate(guide.recommendations, start=1):
        keep_codes.append(rec.code)
        obj, _ = Recommendation.objects.update_or_create(
            code=rec.code,
            defaults={
                "phase": rec.phase,
                "order": order,
                "slug": rec.slug,
                "heading": rec.heading,
                "explanation": rec.explanation,
                "question": rec.question or "",
                "references": list(rec.references),
                "capabilities": list(rec.capabilities),
            },
        )
        obj.points.all().delete()
        GuidePoint.objects.bulk_create(
            GuidePoint(
                recommendation=obj,
                position=position,
                number=point.number,
                section=point.section or "",
                text=point.text,
                references=list(point.references),
            )
            for position, point in enumerate(rec.points, start=1)
        )
        total += len(rec.points)
    Recommendation.objects.exclude(code__in=keep_codes).delete()
    from .search import rebuild_index

    rebuild_index()
    return total


@transaction.atomic
def indicators_seed(*, network: Any) -> int:
    """Add the catalogue's indicators a network doesn't have yet; never overwrites its edits."""
    existing = set(Indicator.objects.filter(network=network).values_list("code", flat=True))
    created = 0
    for item in catalogue.load_indicators():
        if item.code in existing:
            continue
        Indicator.objects.create(
            network=network,
            code=item.code,
            label_nl=item.label_nl,
            label_en=item.label_en,
            description=item.description_nl,
            phase=item.phase,
            category=item.category,
            weight_class=item.default_weight_class,
            default_weight_class=item.default_weight_class,
            guide_recommendation=item.guide_ref.recommendation,
            guide_point=item.guide_ref.point,
        )
        created += 1
    return created


@transaction.atomic
def indicator_update(
    *, viewer: Any, indicator: Indicator, weight_class: str, is_active: bool, reason: str
) -> Indicator:
    if not viewer.can("indicators.change") or indicator.network_id != viewer.network.pk:
        raise PermissionDenied
    indicator.weight_class = weight_class
    indicator.is_active = is_active
    indicator.full_clean()
    indicator.save()
    record_event(
        event="indicator.changed",
        obj=indicator,
        actor=viewer.user,
        network=viewer.network,
        reason=reason,
        details={"weight_class": weight_class, "is_active": is_active},
    )
    return indicator
