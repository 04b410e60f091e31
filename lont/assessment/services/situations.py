"""Writes about situations: parameters, create, edit, link signals, recompute, notifications."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections, router, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lont import engine as e
from lont.audit.events import record_event
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access

from .. import recompute
from ..choices import LEVEL_RANK
from ..models import (
    EngineParameterSet,
    LastVisit,
    Situation,
)
from ._common import _require_full, _require_write, _same_network, _save

# Engine parameters ----------------------------------------------------------------------------


def parameters_create(*, viewer: Viewer, data: dict[str, Any], reason: str) -> EngineParameterSet:
    """A new version of the network's parameters (the director only); older versions stay."""
    if not viewer.can("indicators.change"):
        raise PermissionDenied(_("Alleen de netwerkregisseur stelt de parameters vast."))
    if not reason.strip():
        raise ValidationError({"reason": _("Geef een reden voor de wijziging.")})
    try:
        params = e.EngineParameters.from_dict(data)
    except e.ParameterError as error:
        raise ValidationError({"data": error.messages}) from None
    with transaction.atomic():
        last = (
            EngineParameterSet.objects.select_for_update()
            .filter(network=viewer.network)
            .order_by("-number")
            .first()
        )
        number = (last.number if last else 1) + 1
        stored = params.to_dict()
        stored["version"] = number
        row = EngineParameterSet(
            network=viewer.network,
            number=number,
            data=stored,
            reason=reason,
            created_by=viewer.user,
        )
        _save(row)
        record_event(
            event="engine.parameters_changed",
            obj=row,
            actor=viewer.user,
            reason=reason,
            details={"number": number},
        )
        with system_context("new engine parameters: recompute every situation of the network"):
            ids = list(
                Situation.objects.filter(network=viewer.network).values_list("pk", flat=True)
            )
        transaction.on_commit(lambda: _enqueue_many(ids))
    return row


# Situations -----------------------------------------------------------------------------------


SITUATION_FIELDS = ("kind", "title", "description", "rivalry")


def situation_create(*, viewer: Viewer, data: dict[str, Any]) -> Situation:
    _require_write(viewer)
    _same_network(viewer, data.get("rivalry"), *data.get("groups", []))
    with transaction.atomic():
        situation = Situation(network=viewer.network, organisation=viewer.organisation)
        for name in SITUATION_FIELDS:
            if name in data:
                setattr(situation, name, data[name])
        _save(situation)
        with system_context("the service replaces the many-to-many links it writes"):
            situation.groups.set(data.get("groups", []))
        situation.followers.add(viewer.user)
        record_event(event="situation.created", obj=situation, actor=viewer.user)
        situation_recompute(situation)
    return situation


def situation_update(*, viewer: Viewer, situation: Situation, data: dict[str, Any]) -> Situation:
    _require_full(viewer, situation)
    _same_network(viewer, data.get("rivalry"), *data.get("groups", []))
    with transaction.atomic():
        for name in SITUATION_FIELDS:
            if name in data:
                setattr(situation, name, data[name])
        _save(situation)
        if "groups" in data:
            with system_context("the service replaces the many-to-many links it writes"):
                situation.groups.set(data["groups"])
        record_event(event="situation.updated", obj=situation, actor=viewer.user)
        situation_recompute(situation)
    return situation


def situation_link_signals(
    *, viewer: Viewer, situation: Situation, signals: Iterable[Any], unlink: Iterable[Any] = ()
) -> Situation:
    """Link signals the viewer may see (at least as summary) to a situation they may edit."""
    _require_full(viewer, situation)
    signals, unlink = list(signals), list(unlink)
    for signal in [*signals, *unlink]:
        if access_for(viewer, signal) < Access.SUMMARY:
            raise PermissionDenied
    with transaction.atomic():
        situation.signals.add(*signals)
        situation.signals.remove(*unlink)
        record_event(
            event="situation.signals_linked",
            obj=situation,
            actor=viewer.user,
            details={"added": [s.pk for s in signals], "removed": [s.pk for s in unlink]},
        )
        situation_recompute(situation)
    return situation


def situation_autolink_undo(*, viewer: Viewer, situation: Situation, signal_id: int) -> Situation:
    """The owning organisation undoes an automatic link; the signal is not linked again by
    itself (``autolink``)."""
    _require_full(viewer, situation)
    if situation.organisation_id != viewer.organisation.pk:
        raise PermissionDenied(
            _("Alleen de organisatie die de situatie opende, maakt dit ongedaan.")
        )
    if not any(link["signal"] == signal_id for link in situation.auto_links):
        raise ValidationError(_("Dit signaal is niet automatisch gekoppeld."))
    with transaction.atomic():
        situation.auto_links = [
            {**link, "undone": True} if link["signal"] == signal_id else link
            for link in situation.auto_links
        ]
        situation.save(update_fields=["auto_links", "updated_at"])
        with system_context("the owner undoes an automatic link: the link row by id"):
            situation.signals.remove(signal_id)
        record_event(
            event="situation.autolink_undone",
            obj=situation,
            actor=viewer.user,
            details={"signal": signal_id},
        )
        situation_recompute(situation)
    return situation


def situation_follow(*, viewer: Viewer, situation: Situation, follow: bool) -> None:
    if access_for(viewer, situation) < Access.SUMMARY:
        raise PermissionDenied
    if follow:
        situation.followers.add(viewer.user)
    else:
        situation.followers.remove(viewer.user)


# What a recompute writes (the title, description and automatic links are left as they are).
RECOMPUTED_FIELDS = (
    "level",
    "score",
    "explanation",
    "drill",
    "requests",
    "trend_breaks",
    "history",
    "computed_at",
    "updated_at",
)


@system_context("the level engine recomputes a situation from all its rows")
def situation_recompute(situation: Situation, *, now: dt.datetime | None = None) -> Situation:
    """Recompute and store the level, explanation, drill reading, request patterns and trend
    breaks; a rise in level notifies the covenant's escalation list, the followers and the
    director (``notify``), new trend breaks the followers — without content.

    Recomputes of one situation take turns (a lock on its row), and the prepared records are
    stored in the transaction that stores the explanation (its shown lines only): the lines
    rebuilt and formatted later from those records (``recompute.contributions``,
    ``recompute.explained``) are the ones the stored explanation counted."""
    now = now or timezone.now()
    before = situation.level
    first = situation.computed_at is None
    known_breaks = {_break_key(b) for b in situation.trend_breaks}
    with recompute.cycle_collection_paused(), transaction.atomic():
        Situation.objects.select_for_update().filter(pk=situation.pk).values_list("pk").first()
        result = recompute.compute(situation, now)
        situation.level = result["level"]
        situation.score = result["score"]
        situation.explanation = result["explanation"]
        situation.drill = result["drill"]
        situation.requests = result["requests"]
        situation.trend_breaks = _keep_first_seen(situation.trend_breaks, result["trend_breaks"])
        situation.history = [
            *situation.history,
            {"at": now.isoformat(), "score": result["score"], "level": result["level"]},
        ][-recompute.HISTORY_LENGTH :]
        situation.computed_at = now
        situation.save(update_fields=RECOMPUTED_FIELDS)
        if not first and LEVEL_RANK[situation.level] > LEVEL_RANK.get(before, 0):
            _notify_rise(situation, before)
        fresh = [b for b in situation.trend_breaks if _break_key(b) not in known_breaks]
        if not first and fresh:
            from ..notify import notify_trend_breaks

            notify_trend_breaks(situation, len(fresh))
    return situation


def _keep_first_seen(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A break keeps the moment it was first flagged, so "new trend breaks" means new."""

    seen = {_break_key(b): b.get("at") for b in old}
    for b in new:
        b["at"] = seen.get(_break_key(b)) or b["at"]
    return new


def _notify_rise(situation: Situation, before: str) -> None:
    from ..notify import notify_level_rise

    notify_level_rise(situation, before)
    record_event(
        event="situation.level_rose", obj=situation, details={"from": before, "to": situation.level}
    )


def _break_key(b: dict[str, Any]) -> tuple[str, str, str, str]:
    # A network change is one pair of groups or people: each pair is its own break.
    return (b["subject"], b["subject_ref"], b["kind"], b.get("pair", ""))


def _enqueue_many(ids: Iterable[int]) -> None:
    from ..tasks import recompute_situation

    for pk in ids:
        recompute_situation.enqueue(pk)


def recompute_later(situation_ids: Iterable[int]) -> None:
    """Recompute these situations in a task once the current transaction commits."""
    ids = sorted(set(situation_ids))
    if ids:
        transaction.on_commit(lambda: _enqueue_many(ids))


def dashboard_visit(viewer: Viewer) -> dt.datetime | None:
    """Store this visit; return the previous one (for "new since your last visit")."""
    now = timezone.now()
    previous = _move_visit(viewer, now)
    if previous is not None:
        return previous
    # The first visit (and on databases without the one-statement move).
    visit, created = LastVisit.objects.get_or_create(
        network=viewer.network, user=viewer.user, defaults={"at": now}
    )
    if created:
        return None
    previous = visit.at
    LastVisit.objects.filter(pk=visit.pk).update(at=now)
    return previous


def _move_visit(viewer: Viewer, now: dt.datetime) -> dt.datetime | None:
    """On PostgreSQL: move the stored visit to ``now`` and return where it was, in one statement
    (the row updated, joined to itself as it was before the update) instead of a read and an
    update on every dashboard request. None when there is no stored visit yet, and on other
    databases (SQLite's UPDATE returns no column of a joined row)."""
    connection = connections[router.db_for_write(LastVisit)]
    if connection.vendor != "postgresql":
        return None
    table = connection.ops.quote_name(LastVisit._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} AS visit SET at = %s FROM {table} AS previous "  # noqa: S608 - own table
            "WHERE previous.id = visit.id AND visit.network_id = %s AND visit.user_id = %s "
            "RETURNING previous.at",
            [now, viewer.network.pk, viewer.user.pk],
        )
        row = cursor.fetchone()
    return row[0] if row else None
