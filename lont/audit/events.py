"""Explicit audit events, one helper per event type (as Saleor does), in the caller's transaction."""

from __future__ import annotations

from typing import Any

from lont.core import context

from .models import ChangeAction, ChangeLogEntry


def record_event(
    *,
    event: str,
    obj: Any,
    actor: Any = None,
    network: Any = None,
    reason: str = "",
    details: dict[str, Any] | None = None,
) -> ChangeLogEntry:
    ctx = context.current()
    return ChangeLogEntry.objects.create(
        actor_id=getattr(actor, "pk", None) or (ctx.user_id if ctx else None),
        network_id=getattr(network, "pk", None)
        or getattr(obj, "network_id", None)
        or (ctx.network_id if ctx else None),
        request_id=ctx.request_id if ctx else "",
        via=ctx.via if ctx else "",
        action=ChangeAction.EVENT,
        event=event,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=(obj.audit_repr() if hasattr(obj, "audit_repr") else str(obj))[:200],
        after=details,
        reason=reason,
    )


def covenant_version_activated_event(*, version: Any, actor: Any) -> ChangeLogEntry:
    return record_event(
        event="covenant.version_activated",
        obj=version,
        actor=actor,
        network=version.network,
        reason=version.reason,
        details={"number": version.number},
    )


def member_invited_event(*, invitation: Any, actor: Any) -> ChangeLogEntry:
    return record_event(
        event="membership.invited",
        obj=invitation,
        actor=actor,
        network=invitation.network,
        details={"role": invitation.role, "organisation": invitation.organisation_id},
    )


def member_deactivated_event(*, membership: Any, actor: Any, reason: str) -> ChangeLogEntry:
    return record_event(event="membership.deactivated", obj=membership, actor=actor, reason=reason)


def login_event(*, user: Any, event: str, details: dict[str, Any] | None = None) -> ChangeLogEntry:
    return record_event(event=event, obj=user, actor=user, details=details)


def export_event(*, obj: Any, actor: Any, network: Any, what: str, count: int) -> ChangeLogEntry:
    return record_event(
        event="export", obj=obj, actor=actor, network=network, details={"what": what, "rows": count}
    )
