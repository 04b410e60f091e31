"""The one visibility layer: for a viewer and an object, *full*, *summary* or *none*.

Every model that holds case content or personal data registers here (usually in its app's
``ready``) with its information category. Pages, API, exports and search read through
:func:`visible` and :func:`access_for`; nothing else decides what a partner may see.

Rules, in order:
1. other networks: none;
2. privacy officer and administrator: none for case content (they supervise, they don't read);
3. the owning organisation: full;
4. otherwise the active covenant's sharing agreement for the category and the viewer's partner
   type, capped by the law (``covenant_rules.legal_ceiling``);
5. the network director sees at least a summary of everything (the network-wide picture).

A model registered with ``shared=False`` is never shared by the covenant and has no director
floor: only its owning organisation reads it (care for a tipster, held by the partner that holds
the tip). ``readers=(...)`` narrows that further, inside the owning organisation, to the users the
given lookups name and the members whose role is in ``reader_roles`` (a staff member's exposure
report: the reporter and their own organisation's coordinator).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models

from .choices import Access, InformationCategory, Role
from .scoping import exempt_uniqueness_checks, has_scoped_manager, mark_scoped
from .viewer import Viewer, covenant_memo


@dataclass(frozen=True)
class Registration:
    model: type[models.Model]
    category: str | None
    category_field: str | None
    owner_field: str | None
    network_field: str
    personal_data: bool
    case_content: bool
    category_of: Callable[[Any], str] | None
    # Foreign keys from a row to other registered objects it *names* (a person on a signal, the
    # two ends of a relation): the row is shown only at the lowest access over itself and them.
    related: tuple[str, ...] = ()
    # What a summary-level reader may see of a row, declared once (serializers and templates).
    summary_fields: tuple[str, ...] = ()
    summary: Callable[[Any, Any], str] | None = None
    # A short name of a row at the viewer's access (where a line of text must name it, e.g. an
    # explanation line): names nothing the viewer may not see. Without it: the summary sentence.
    label: Callable[[Any, Any], str] | None = None
    # Not shared by the covenant, no director floor: the owning organisation only (rule above).
    shared: bool = True
    # Inside the owning organisation: only the users these lookups name ("reporter",
    # "report__reporter") and the members with one of ``reader_roles``. Empty: the whole
    # organisation.
    readers: tuple[str, ...] = ()
    reader_roles: frozenset[str] = frozenset()


_REGISTRY: dict[type[models.Model], Registration] = {}


def register(
    model: type[models.Model],
    *,
    category: str | None = None,
    category_field: str | None = None,
    owner_field: str | None = "organisation",
    network_field: str = "network",
    personal_data: bool = True,
    case_content: bool = True,
    related: tuple[str, ...] = (),
    summary_fields: tuple[str, ...] = (),
    summary: Callable[[Any, Any], str] | None = None,
    label: Callable[[Any, Any], str] | None = None,
    shared: bool = True,
    readers: tuple[str, ...] = (),
    reader_roles: frozenset[str] | tuple[str, ...] = (),
) -> None:
    """Register a model. ``category=None`` and no ``category_field`` means a network directory
    (every member of the network reads it in full, e.g. the member list).

    ``related`` names the foreign keys to other registered objects the row shows (see
    :func:`effective_access`); ``summary_fields`` and ``summary(viewer, obj)`` declare what a
    reader with summary access sees (``lont.core.related.summary_of``); ``label(viewer, obj)`` a
    short name of the row for a reader with at least summary access (``related.label_text``).

    ``shared=False``: the owning organisation only, whatever the covenant says and whatever the
    viewer's role; ``readers`` / ``reader_roles`` narrow it to named users and roles inside that
    organisation (see the module docstring)."""
    if (readers or reader_roles) and shared:
        raise ValueError(f"{model.__name__}: readers apply to models registered with shared=False")
    if not shared and not owner_field:
        raise ValueError(f"{model.__name__}: shared=False needs the owning organisation's field")
    if category is not None and category not in InformationCategory.values:
        raise ValueError(f"Unknown information category {category!r}")
    for name in related:
        field = model._meta.get_field(name) if hasattr(model, "_meta") else None
        if field is not None and not getattr(field, "many_to_one", False):
            raise ValueError(f"{model.__name__}.{name} is not a foreign key")
    if not has_scoped_manager(model):
        raise ImproperlyConfigured(
            f"{model.__name__} is registered with the visibility layer but its default manager is "
            "not lont.core.scoping.ScopedManager (declare objects = ScopedManager())."
        )
    if issubclass(model, models.Model):
        exempt_uniqueness_checks(model)
    _REGISTRY[model] = Registration(
        model=model,
        category=category,
        category_field=category_field,
        owner_field=owner_field,
        network_field=network_field,
        personal_data=personal_data,
        case_content=case_content,
        category_of=getattr(model, "visibility_category", None),
        related=tuple(related),
        summary_fields=tuple(summary_fields),
        summary=summary,
        label=label,
        shared=shared,
        readers=tuple(readers),
        reader_roles=frozenset(reader_roles),
    )


def unregister(model: type[models.Model]) -> None:
    """Remove a registration (tests that register a stand-in clean up after themselves, so the
    registry-generated tests elsewhere never meet it)."""
    _REGISTRY.pop(model, None)


def is_registered(model: type[models.Model]) -> bool:
    return model in _REGISTRY


def registration_for(model: type[models.Model]) -> Registration:
    try:
        return _REGISTRY[model]
    except KeyError:
        raise LookupError(
            f"{model.__name__} is not registered with the visibility layer "
            "(lont.core.visibility.register)."
        ) from None


def registered_models() -> list[type[models.Model]]:
    return list(_REGISTRY)


def _category(reg: Registration, obj: Any) -> str | None:
    if reg.category_field:
        return str(getattr(obj, reg.category_field))
    return reg.category


def _covenant_access(viewer: Viewer, category: str) -> Access:
    covenant = viewer.covenant
    if covenant is None:
        return Access.NONE
    organisation = viewer.organisation
    return covenant_memo(
        covenant,
        ("access", category, organisation.partner_type, organisation.powers),
        lambda: covenant.access_for(category=category, organisation=organisation),
    )


def _with_role_floor(viewer: Viewer, level: Access) -> Access:
    if viewer.role == Role.DIRECTOR:
        return Access(max(level, Access.SUMMARY))
    return level


def _named_user_id(obj: Any, lookup: str) -> Any:
    *path, last = lookup.split("__")
    for name in path:
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return getattr(obj, f"{last}_id", None)


def _owner_reads(reg: Registration, viewer: Viewer, obj: Any) -> bool:
    """Inside the owning organisation, may this member read a ``readers`` row?"""
    if not reg.readers and not reg.reader_roles:
        return True
    if viewer.role in reg.reader_roles:
        return True
    return any(_named_user_id(obj, lookup) == viewer.user.pk for lookup in reg.readers)


def access_for(viewer: Viewer, obj: models.Model) -> Access:
    return access_for_each(viewer, [obj])[0]


def access_for_each(viewer: Viewer, objects: Sequence[models.Model]) -> list[Access]:
    """``access_for`` of each object: the rules above, with the viewer's side of them (network,
    organisation, role, the covenant's answer per category) looked up once for all the objects
    (a page of rows) instead of once per object."""
    network = viewer.network.pk
    organisation = viewer.organisation.pk
    reads_case_content = viewer.reads_case_content
    by_category: dict[str, Access] = {}
    levels: list[Access] = []
    for obj in objects:
        reg = registration_for(type(obj))
        other_network = getattr(obj, f"{reg.network_field}_id", None) != network
        if other_network or (reg.case_content and not reads_case_content):
            levels.append(Access.NONE)
        elif not reg.shared:
            owned = getattr(obj, f"{reg.owner_field}_id", None) == organisation
            owner_reads = owned and _owner_reads(reg, viewer, obj)
            levels.append(Access.FULL if owner_reads else Access.NONE)
        elif reg.owner_field and getattr(obj, f"{reg.owner_field}_id", None) == organisation:
            levels.append(Access.FULL)
        else:
            category = _category(reg, obj)
            if category is None:
                levels.append(Access.FULL)
                continue
            level = by_category.get(category)
            if level is None:
                level = _with_role_floor(viewer, _covenant_access(viewer, category))
                by_category[category] = level
            levels.append(level)
    return levels


# A row kept to be shown (``related.filter_visible``, ``prefetch_visible``) carries the access the
# layer gave it there, and the viewer it was given to.
SHOWN_ACCESS = "lont_access"
_SHOWN_TO = "_lont_access_viewer"


def mark_shown(viewer: Viewer, row: models.Model, level: Access) -> None:
    """Mark ``row`` with the access at which ``viewer`` is shown it (``effective_access``)."""
    setattr(row, SHOWN_ACCESS, level)
    row.__dict__[_SHOWN_TO] = viewer


def read_access(viewer: Viewer, obj: models.Model) -> Access:
    """``access_for(viewer, obj)``, taken from the row where the layer already answered it: a row
    marked for this viewer (``mark_shown``) of a model that names no other object, whose shown
    access is its own (``effective_access`` lowers it only for what a row names). The access
    log of a list asks it for every row it logs."""
    state = obj.__dict__
    if state.get(_SHOWN_TO) is viewer and not registration_for(type(obj)).related:
        level: Access = state[SHOWN_ACCESS]
        return level
    return access_for(viewer, obj)


def named_objects(obj: models.Model) -> list[models.Model]:
    """The registered objects a row names through its declared ``related`` foreign keys."""
    named = []
    for name in registration_for(type(obj)).related:
        if getattr(obj, f"{name}_id", None) is None:
            continue
        target = getattr(obj, name)
        if type(target) in _REGISTRY:
            named.append(target)
    return named


def effective_access(viewer: Viewer, obj: models.Model) -> Access:
    """The access at which a row may be *shown*: the lowest of the row's own access and the
    access to every registered object it names (a tipster on a signal, a dissent's meeting item,
    both ends of a relation). A row never reveals more than its least visible end."""
    return effective_access_each(viewer, [obj])[0]


def effective_access_each(viewer: Viewer, objects: Sequence[models.Model]) -> list[Access]:
    """``effective_access`` of each object, their own access asked at once (``access_for_each``)."""
    own = access_for_each(viewer, objects)
    return [_lowest_with_named(viewer, obj, level) for obj, level in zip(objects, own, strict=True)]


def _lowest_with_named(viewer: Viewer, obj: models.Model, level: Access) -> Access:
    """``level`` (the row's own access) lowered to the access to each object the row names."""
    for name in registration_for(type(obj)).related:
        field: Any = obj._meta.get_field(name)
        target_id = getattr(obj, field.attname)
        if level == Access.NONE or target_id is None or field.related_model not in _REGISTRY:
            continue
        if field.is_cached(obj):
            target = getattr(obj, name)
        else:  # read what the row names through the layer too: invisible means none
            target = visible(viewer, field.related_model).filter(pk=target_id).first()
            if target is None:
                return Access.NONE
            field.set_cached_value(obj, target)
        level = Access(min(level, access_for(viewer, target)))
    return level


def categories_at_least(viewer: Viewer, minimum: Access) -> list[str]:
    organisation = viewer.organisation
    key = (
        "at_least",
        int(minimum),
        viewer.role == Role.DIRECTOR,  # the role floor
        organisation.partner_type,
        organisation.powers,
    )
    return list(
        covenant_memo(
            viewer.covenant,
            key,
            lambda: tuple(
                category
                for category in InformationCategory.values
                if _with_role_floor(viewer, _covenant_access(viewer, category)) >= minimum
            ),
        )
    )


def visible(
    viewer: Viewer,
    model_or_queryset: type[models.Model] | models.QuerySet,
    *,
    minimum: Access = Access.SUMMARY,
) -> models.QuerySet:
    """The objects of a model this viewer may see at ``minimum`` access or better, marked as
    scoped (``lont.core.scoping``): the same as ``Model.objects.for_viewer(viewer)``."""
    return mark_scoped(_visible_unmarked(viewer, model_or_queryset, minimum=minimum), viewer)


def viewer_key(viewer: Viewer) -> tuple[Any, ...] | None:
    """Everything of the viewer that :func:`visible` reads: two viewers with the same key get the
    same SQL from it, so a compiled read may be kept per key (``lont.core.prepared.ViewerQuery``).
    The covenant version's contents never change once made; its id stands for them (None: a
    version not saved has no id to stand for it, nothing is kept)."""
    organisation = viewer.organisation
    covenant = viewer.covenant
    if covenant is not None and covenant.pk is None:
        return None
    return (
        viewer.network.pk,
        organisation.pk,
        organisation.partner_type,
        organisation.powers,
        viewer.user.pk,
        viewer.role,
        None if covenant is None else covenant.pk,
    )


def hidden(viewer: Viewer, model: type[models.Model]) -> models.QuerySet:
    """The rows of a model in the viewer's network that the viewer may not see at all (the
    complement of ``visible`` at summary access), said positively where the rule allows: a
    viewer who sees every category costs no query, and no row is compared with the list of
    visible ones. Not marked as scoped: for questions about the hidden rows' holders (ids only),
    asked under ``system_context``."""
    reg = registration_for(model)
    queryset = model._default_manager.filter(**{reg.network_field: viewer.network.pk})
    if reg.case_content and not viewer.reads_case_content:
        return queryset
    if not reg.shared:
        seen = _visible_unmarked(viewer, model, minimum=Access.SUMMARY)
        return queryset.exclude(pk__in=seen.values("pk"))
    if reg.category is None and reg.category_field is None:
        return queryset.none()
    categories = categories_at_least(viewer, Access.SUMMARY)
    if reg.category_field:
        others = [c for c in InformationCategory.values if c not in categories]
        unseen = models.Q(**{f"{reg.category_field}__in": others})
        if model._meta.get_field(reg.category_field).null:
            unseen |= models.Q(**{f"{reg.category_field}__isnull": True})
        queryset = queryset.filter(unseen)
    elif reg.category in categories:
        return queryset.none()
    if reg.owner_field:
        queryset = queryset.exclude(**{reg.owner_field: viewer.organisation.pk})
    return queryset


def _visible_unmarked(
    viewer: Viewer,
    model_or_queryset: type[models.Model] | models.QuerySet,
    *,
    minimum: Access,
) -> models.QuerySet:
    queryset = (
        model_or_queryset
        if isinstance(model_or_queryset, models.QuerySet)
        else model_or_queryset._default_manager.all()
    )
    reg = registration_for(queryset.model)
    queryset = queryset.filter(**{reg.network_field: viewer.network.pk})
    if reg.case_content and not viewer.reads_case_content:
        return queryset.none()
    if not reg.shared:
        queryset = queryset.filter(**{str(reg.owner_field): viewer.organisation.pk})
        if (reg.readers or reg.reader_roles) and viewer.role not in reg.reader_roles:
            named = models.Q(pk__in=[])
            for lookup in reg.readers:
                named |= models.Q(**{lookup: viewer.user.pk})
            queryset = queryset.filter(named)
        return queryset
    if reg.category is None and reg.category_field is None:
        return queryset
    allowed = models.Q(pk__in=[])
    if reg.owner_field:
        allowed |= models.Q(**{reg.owner_field: viewer.organisation.pk})
    categories = categories_at_least(viewer, minimum)
    if reg.category_field:
        allowed |= models.Q(**{f"{reg.category_field}__in": categories})
    elif reg.category in categories:
        allowed = models.Q()
    return queryset.filter(allowed)
