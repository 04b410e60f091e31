"""Recompute situations when a signal, a note or a relation changes (in a task, after commit)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from lont.core.scoping import system_context


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
    recompute_later(_situations_of_signal(signal_id))


def _before_signal_delete(sender: type, instance: Any, **kwargs: Any) -> None:
    # The links go with the signal, so the situations are looked up before it is deleted.
    from .services import recompute_later

    recompute_later(_situations_of_signal(instance.pk))


@system_context("a relation changed: find the situations to recompute")
def _on_relation_change(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    from .models import Situation
    from .services import recompute_later

    recompute_later(Situation.objects.filter(rivalry_id=instance.pk).values_list("pk", flat=True))


def _on_link_change(sender: type, instance: Any, action: str, **kwargs: Any) -> None:
    from .models import Situation
    from .services import recompute_later

    # Links made through the services are recomputed there; this covers other write paths.
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Situation):
        recompute_later([instance.pk])


def connect() -> None:
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
