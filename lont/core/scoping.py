"""Scoped by default: a registered model cannot be read unscoped while a request is served.

Every model registered with :func:`lont.core.visibility.register` declares
``objects = ScopedManager()``. The way to read it is ``Model.objects.for_viewer(viewer,
minimum=…)`` (or :func:`~lont.core.visibility.visible`, which returns the same, marked queryset);
chained querysets keep the mark. Evaluating a queryset *without* the mark while a page or API call
is served (the acting context's ``via`` is ``page`` or ``api``) is refused:
:class:`UnscopedQueryError` in tests and development, an error in the log in production
(``settings.LONT_UNSCOPED_QUERIES`` = ``"raise"`` | ``"log"``).

System work opts out visibly: ``with system_context("reason"):``. Tasks, commands and demo loaders
run under their own acting context (``via`` = task/command/demo) and are not "serving a request".

Why a manager declared on each model rather than one swapped in at registration: Django fixes a
model's default manager when the class is created, reverse and many-to-many related managers
subclass ``_default_manager.__class__`` (so ``signal.people.all()`` is a :class:`ScopedQuerySet`
too and is guarded), mypy/django-stubs see ``for_viewer``, and a default manager named
``objects`` never appears in migrations. ``register`` refuses a model without it.

What is guarded, deliberately: reverse and many-to-many related managers (``signal.people.all()``)
are unscoped reads of a registered model — exactly how rows beside the subject leak — unless they
were prefetched through a scoped queryset (``Prefetch("people",
queryset=SignalPerson.objects.for_viewer(viewer))``): a filled result cache evaluates nothing.
Forward foreign keys (``signal_person.person``) go through Django's plain base manager and are not
guarded, nor are ``save()`` and the delete collector (they use the base manager too).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import traceback
from collections.abc import Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.db import models

from . import context

if TYPE_CHECKING:
    from .choices import Access
    from .viewer import Viewer

logger = logging.getLogger("lont.scoping")

_M = TypeVar("_M", bound=models.Model)

SERVING_VIAS = frozenset({"page", "api"})

_system_reasons: ContextVar[tuple[str, ...]] = ContextVar("lont_system_context", default=())


class UnscopedQueryError(RuntimeError):
    """An unscoped read of a registered model while a request was being served."""


@contextlib.contextmanager
def system_context(reason: str) -> Iterator[None]:
    """Run system work that reads registered models without a viewer. Nestable; the reason is
    required so every opt-out says why (and shows up in review)."""
    if not reason or not reason.strip():
        raise ValueError("system_context needs a reason.")
    token = _system_reasons.set((*_system_reasons.get(), reason))
    try:
        yield
    finally:
        _system_reasons.reset(token)


def system_reasons() -> tuple[str, ...]:
    return _system_reasons.get()


def serving_request() -> bool:
    ctx = context.current()
    return ctx is not None and ctx.via in SERVING_VIAS


def _caller() -> str:
    """The innermost project frame that evaluated the queryset (views, templates' callers)."""
    for frame in reversed(traceback.extract_stack()):
        if "/lont/" in frame.filename and not frame.filename.endswith("scoping.py"):
            return f"{frame.filename.split('/lont/', 1)[1]}:{frame.lineno}"
    return "?"


def _mode() -> str:
    return str(getattr(settings, "LONT_UNSCOPED_QUERIES", "raise"))


class ScopedQuerySet(models.QuerySet[_M]):
    """A queryset that knows whether it went through the visibility layer."""

    _lont_scoped: bool = False
    _lont_viewer: Viewer | None = None

    def _clone(self) -> Any:
        clone = super()._clone()  # type: ignore[misc]
        clone._lont_scoped = self._lont_scoped
        clone._lont_viewer = self._lont_viewer
        return clone

    def _prefetch_related_objects(self) -> None:
        # A scoped queryset's prefetches of registered rows go through the layer too, for the
        # same viewer: ``for_viewer(v).prefetch_related("people")`` reads only visible people.
        if self._lont_viewer is not None:
            self._prefetch_related_lookups = tuple(
                scoped_lookups(
                    self._lont_viewer,
                    self.model,
                    self._prefetch_related_lookups,  # type: ignore[has-type]
                )
            )
        super()._prefetch_related_objects()  # type: ignore[misc]

    def for_viewer(self, viewer: Viewer, *, minimum: Access | None = None) -> ScopedQuerySet[_M]:
        """What this viewer may see at ``minimum`` (default: summary), marked as scoped."""
        from .choices import Access
        from .visibility import visible

        result: ScopedQuerySet[_M] = visible(
            viewer, self, minimum=Access.SUMMARY if minimum is None else minimum
        )  # type: ignore[assignment]
        return result

    @property
    def is_scoped(self) -> bool:
        return self._lont_scoped

    def _check_scoped(self, operation: str) -> None:
        if self._lont_scoped or not serving_request() or _system_reasons.get():
            return
        from .visibility import is_registered

        if not is_registered(self.model):
            return
        message = (
            f"Unscoped {operation} of {self.model.__name__} at {_caller()} while a request is "
            f"served: read it "
            f"through {self.model.__name__}.objects.for_viewer(viewer) or visible(), or run "
            'system work under system_context("reason").'
        )
        if _mode() == "log":
            logger.error(message, stack_info=True)
            return
        raise UnscopedQueryError(message)

    # Every way a queryset reaches the database. A filled result cache (e.g. from a prefetch)
    # evaluates nothing and is not checked.
    def _fetch_all(self) -> None:
        if self._result_cache is None:
            self._check_scoped("read")
        super()._fetch_all()

    def count(self) -> int:
        if self._result_cache is None:
            self._check_scoped("count")
        return super().count()

    def exists(self) -> bool:
        if self._result_cache is None:
            self._check_scoped("exists")
        return super().exists()

    def aggregate(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        self._check_scoped("aggregate")
        return super().aggregate(*args, **kwargs)

    def iterator(self, chunk_size: int | None = None) -> Iterator[_M]:
        self._check_scoped("iterator")
        return super().iterator(chunk_size=chunk_size)

    def update(self, **kwargs: Any) -> int:
        self._check_scoped("update")
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        self._check_scoped("delete")
        return super().delete()


def mark_scoped(queryset: models.QuerySet[_M], viewer: Viewer | None = None) -> models.QuerySet[_M]:
    """Mark a queryset the visibility layer produced (a fresh clone, so marking it is safe)."""
    if isinstance(queryset, ScopedQuerySet):
        queryset._lont_scoped = True
        queryset._lont_viewer = viewer
    return queryset


def _scoped(viewer: Viewer, queryset: models.QuerySet[Any]) -> models.QuerySet[Any]:
    from .visibility import visible

    return visible(viewer, queryset)


def _needs_scope(queryset: Any) -> bool:
    from .visibility import is_registered

    return (
        isinstance(queryset, ScopedQuerySet)
        and not queryset.is_scoped
        and is_registered(queryset.model)
    )


def scoped_lookups(viewer: Viewer, model: type[models.Model], lookups: Any) -> list[Any]:
    """``prefetch_related`` lookups with every reverse or many-to-many hop to a registered model
    read through the layer: a string hop becomes ``Prefetch(hop, queryset=visible(…))``, an
    unscoped ``Prefetch`` queryset is scoped. Forward foreign keys are left alone (Django reads
    them through the plain base manager)."""
    from django.core.exceptions import FieldDoesNotExist
    from django.db.models import Prefetch
    from django.db.models.constants import LOOKUP_SEP

    from .visibility import is_registered

    explicit = {
        lookup.prefetch_through
        for lookup in lookups
        if isinstance(lookup, Prefetch) and lookup.queryset is not None
    }
    added: set[str] = set()
    result: list[Any] = []
    for lookup in lookups:
        through = lookup.prefetch_through if isinstance(lookup, Prefetch) else str(lookup)
        parts = through.split(LOOKUP_SEP)
        current: Any = model
        for depth, part in enumerate(parts, start=1):
            try:
                field = current._meta.get_field(part)
            except FieldDoesNotExist:
                break
            if not field.is_relation or field.related_model is None:
                break
            current = field.related_model
            prefix = LOOKUP_SEP.join(parts[:depth])
            if (
                (field.one_to_many or field.many_to_many)
                and is_registered(current)
                and prefix not in explicit
                and prefix not in added
            ):
                result.append(
                    Prefetch(prefix, queryset=_scoped(viewer, current._default_manager.all()))
                )
                added.add(prefix)
        if isinstance(lookup, Prefetch):
            if _needs_scope(lookup.queryset):
                lookup = Prefetch(
                    lookup.prefetch_through,
                    queryset=_scoped(viewer, lookup.queryset),  # type: ignore[arg-type]
                    to_attr=lookup.to_attr,
                )
            result.append(lookup)
        elif through not in added:
            result.append(lookup)
    return result


class ScopedManager(models.Manager[_M]):
    """The default manager of every registered model (``objects = ScopedManager()``)."""

    def get_queryset(self) -> ScopedQuerySet[_M]:
        return ScopedQuerySet(self.model, using=self._db, hints=self._hints)  # type: ignore[attr-defined]

    def for_viewer(self, viewer: Viewer, *, minimum: Access | None = None) -> ScopedQuerySet[_M]:
        return self.get_queryset().for_viewer(viewer, minimum=minimum)


def exempt_uniqueness_checks(model: type[models.Model]) -> None:
    """A model's own uniqueness checks (``full_clean``) ask whether a clashing row exists, and must
    find one the writer may not see (or the duplicate slips in): they run as system work. Applied
    by ``visibility.register``, so every registered model gets it."""
    for name in ("_perform_unique_checks", "_perform_date_checks", "validate_constraints"):
        original = getattr(model, name)
        if getattr(original, "lont_system_work", False):
            continue

        def checked(self: Any, *args: Any, __original: Any = original, **kwargs: Any) -> Any:
            with system_context("uniqueness check of the model's own table"):
                return __original(self, *args, **kwargs)

        checked.lont_system_work = True  # type: ignore[attr-defined]
        setattr(model, name, functools.wraps(original)(checked))


def has_scoped_manager(model: type[models.Model]) -> bool:
    """True for a model whose default manager is scoped (and for plain classes that are not
    Django models, which unit tests of the visibility rules register)."""
    if not issubclass(model, models.Model):
        return True
    return isinstance(model._default_manager, ScopedManager)
