"""What retention does with each registered model: one declared rule per model (X3).

Every model registered with the visibility layer holds personal or case data (or is declared to
hold none), so every one of them gets a rule here; ``tests/retention`` fails for a model without
one. Rule kinds:

- ``DELETE``: an expired row is deleted with everything that cascades from it (its attachments'
  files too). A row another live record still protects (``on_delete=PROTECT``) stays until that
  record goes, and is counted as *referenced*, not as a failure;
- ``ANONYMISE``: the row stays for the counts it feeds, its personal fields are emptied;
- ``WITH_PARENT``: the row has no date of its own and goes with its parent (a cascading foreign
  key), e.g. a signal's people, attachments and versions go with the signal;
- ``ELSEWHERE``: another mechanism expires the row (a person's review date, ``subjects.expiry``);
  with ``until`` the dry run counts what that job removes tonight;
- ``EXEMPT``: no case content about people (reference lists, the member directory), with a reason.

A row expires when its stored retention date (``until``) has passed, or, without one, when its
``since`` date is older than the active covenant's retention for the row's category.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models

DELETE = "delete"
ANONYMISE = "anonymise"
WITH_PARENT = "with_parent"
ELSEWHERE = "elsewhere"
EXEMPT = "exempt"
PURGING = (DELETE, ANONYMISE)


@dataclass(frozen=True)
class Rule:
    label: str  # "app.Model"
    kind: str
    since: str | None = None
    until: str | None = None
    parent: str | None = None
    clear: dict[str, Any] = field(default_factory=dict)
    reason: str = ""

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.label)


_RULES: dict[str, Rule] = {}
# label → context manager taking the primary keys about to be deleted (e.g. the assessment app's
# triggers look up the situations of many signals at once instead of once per row)
BulkContext = Callable[[list[int]], AbstractContextManager[Any]]
_BULK: dict[str, BulkContext] = {}


def register_bulk_context(label: str, context: BulkContext) -> None:
    _BULK[label] = context


def bulk_context(label: str, pks: list[int]) -> AbstractContextManager[Any]:
    context = _BULK.get(label)
    return context(pks) if context else nullcontext()


def register(
    label: str,
    kind: str,
    *,
    since: str | None = None,
    until: str | None = None,
    parent: str | None = None,
    clear: dict[str, Any] | None = None,
    reason: str = "",
) -> None:
    """Declare the retention rule of ``label`` ("app.Model")."""
    if kind in PURGING and not since:
        raise ValueError(f"{label}: a {kind} rule needs the date retention counts from")
    if kind == ANONYMISE and not clear:
        raise ValueError(f"{label}: an anonymise rule names the fields it empties")
    if kind == WITH_PARENT and not parent:
        raise ValueError(f"{label}: a with-parent rule names the parent foreign key")
    if kind in (ELSEWHERE, EXEMPT) and not reason:
        raise ValueError(f"{label}: say why retention does not delete it")
    if kind not in (*PURGING, WITH_PARENT, ELSEWHERE, EXEMPT):
        raise ValueError(kind)
    _RULES[label] = Rule(label, kind, since, until, parent, dict(clear or {}), reason)


def rule_for(model: type[models.Model]) -> Rule | None:
    return _RULES.get(model._meta.label)


def purging_rules() -> list[Rule]:
    return sorted((r for r in _RULES.values() if r.kind in PURGING), key=lambda r: r.label)


def all_rules() -> list[Rule]:
    return sorted(_RULES.values(), key=lambda r: r.label)


def undeclared() -> list[str]:
    from lont.core import visibility

    return [m._meta.label for m in visibility.registered_models() if rule_for(m) is None]
