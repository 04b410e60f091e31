"""Recompute situations when a signal, a note or a relation changes (in a task, after commit).

A change to a signal (or its indicators, people, groups, notes or requests) also raises the
signal's generation (``recompute.signal_changed``) at once, in the same transaction: the next
recompute prepares it again and reuses every other signal's record. A generation rather than
dropping the records: a recompute that read the signal before the change and stores its record
after it stores it with the old generation, so that record is never reused."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from lont.core.scoping import system_context

# Signals being deleted in bulk (retention's purge): their situations were looked up once.
_BULK: ContextVar[frozenset[int]] = ContextVar("assessment_bulk_signals", default=frozenset())


@contextmanager
def signals_in_bulk(signal_ids: Iterable[int]) -> Iterator[None]:
    """Delete many signals at once: their situations are looked up (and recomputed after the
    commit) once for all of them, instead of two queries per signal and child row."""
    from .models import Situation
    from .services import recompute_later

    ids = frozenset(signal_ids)
    recompute_later(
        Situation.signals.through.objects.filter(signal_id__in=ids).values_list(
            "situation_id", flat=True
        )
    )
    token = _BULK.set(ids)
    try:
        yield
    finally:
        _BULK.reset(token)


def _situations_of_signal(signal_id: int | None) -> list[int]:
    from .models import Situation

    if signal_id is None:
        return []
    return list(
        Situation.signals.through.objects.filter(signal_id=signal_id).values_list(
            "situation_id", flat=True
        )
    )


def _on_signal_change(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    from .services import recompute_later

    signal_id = instance.pk if sender.__name__ == "Signal" else getattr(instance, "signal_id", None)
    if signal_id in _BULK.get():
        return
    if signal_id is not None and _counts_as_change(sender, kwargs):
        from .recompute import signal_changed

        signal_changed(signal_id)
    recompute_later(_situations_of_signal(signal_id))


def _counts_as_change(sender: type, kwargs: dict[str, Any]) -> bool:
    """Whether the signal's generation goes up: not for a new signal (no recompute can have read
    it before it existed), nor for the deletion of a signal or of a part deleted with it (its
    generation row goes with it; counting would write one back for a signal that is gone)."""
    if "origin" not in kwargs:  # a save
        return not (sender.__name__ == "Signal" and kwargs.get("created"))
    if sender.__name__ == "Signal":
        return False
    origin = kwargs["origin"]
    return getattr(origin, "model", type(origin)).__name__ != "Signal"


def _before_signal_delete(sender: type, instance: Any, **kwargs: Any) -> None:
    # The links go with the signal, so the situations are looked up before it is deleted.
    from .services import recompute_later

    if instance.pk in _BULK.get():
        return
    recompute_later(_situations_of_signal(instance.pk))


@system_context("a relation changed: find the situations to recompute")
def _on_relation_change(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    from .models import Situation
    from .services import recompute_later

    recompute_later(Situation.objects.filter(rivalry_id=instance.pk).values_list("pk", flat=True))


def _on_link_change(
    sender: type, instance: Any, action: str, pk_set: set[int] | None = None, **kwargs: Any
) -> None:
    from .models import PreparedContribution, Situation
    from .recompute import UNLINKED, mark_unlinked
    from .services import recompute_later

    # An unlinked signal's record is marked: the stored explanation still counts it (its line is
    # rebuilt from it) until the recompute that follows drops it.
    if action == "post_remove" and pk_set:
        if isinstance(instance, Situation):
            mark_unlinked(signal_ids=pk_set, situation_id=instance.pk)
        else:
            PreparedContribution.objects.filter(
                signal_id=instance.pk, situation_id__in=pk_set
            ).update(key=UNLINKED)
    elif action == "pre_clear":
        if isinstance(instance, Situation):
            PreparedContribution.objects.filter(situation_id=instance.pk).update(key=UNLINKED)
        else:
            mark_unlinked(signal_ids=[instance.pk])

    # Links made through the services are recomputed there; this covers other write paths.
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Situation):
        recompute_later([instance.pk])


@system_context("a risk-calendar window changed: find the situations it touches (ids only)")
def _on_windows_changed(
    sender: type,
    network_id: int,
    situation_ids: set[int],
    group_ids: set[int],
    person_ids: set[int],
    **kwargs: Any,
) -> None:
    from lont.signalregister.models import SignalPerson

    from .models import Situation
    from .services import recompute_later

    ids = set(situation_ids)
    if group_ids:
        ids.update(
            Situation.objects.filter(network_id=network_id)
            .filter(
                Q(groups__in=group_ids)
                | Q(rivalry__group_a_id__in=group_ids)
                | Q(rivalry__group_b_id__in=group_ids)
            )
            .values_list("pk", flat=True)
        )
    if person_ids:
        signals = SignalPerson.objects.filter(person_id__in=person_ids).values("signal_id")
        ids.update(
            Situation.signals.through.objects.filter(signal_id__in=signals).values_list(
                "situation_id", flat=True
            )
        )
    recompute_later(ids)


def connect() -> None:
    from lont.riskcalendar.services import windows_changed
    from lont.signalregister import models as sr
    from lont.subjects.models import GroupRelation

    from .models import Situation

    for model in (
        sr.Signal,
        sr.SignalIndicator,
        sr.SignalPerson,
        sr.SignalGroup,
        sr.ContextNote,
        sr.SignalRequest,
    ):
        post_save.connect(_on_signal_change, sender=model, dispatch_uid=f"assess-{model.__name__}")
        post_delete.connect(
            _on_signal_change, sender=model, dispatch_uid=f"assess-del-{model.__name__}"
        )
    pre_delete.connect(_before_signal_delete, sender=sr.Signal, dispatch_uid="assess-del-signal")
    post_save.connect(_on_relation_change, sender=GroupRelation, dispatch_uid="assess-relation")
    m2m_changed.connect(
        _on_link_change, sender=Situation.signals.through, dispatch_uid="assess-links"
    )
    windows_changed.connect(_on_windows_changed, dispatch_uid="assess-calendar-windows")
