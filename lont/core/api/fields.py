"""Related fields that read through the visibility layer (``lont.core.scoping``).

A many-to-many field of a serializer reads ``instance.<relation>.all()``: for a registered model
that is an unscoped read and refused while a request is served. These fields read
``instance.<relation>.for_viewer(viewer)`` instead (the viewer from the serializer context), and a
prefetched relation (filled by a scoped queryset) is used as it is.
"""

from __future__ import annotations

from typing import Any

from rest_framework import relations
from rest_framework.fields import get_attribute

from .permissions import viewer_of


def _viewer(field: relations.RelatedField | relations.ManyRelatedField) -> Any:
    viewer = field.context.get("viewer")
    request = field.context.get("request")
    return viewer if viewer is not None else (viewer_of(request) if request else None)


class ScopedManyRelatedField(relations.ManyRelatedField):
    def get_attribute(self, instance: Any) -> Any:
        if getattr(instance, "pk", None) is None:
            return []
        manager = get_attribute(instance, self.source_attrs)
        cache = getattr(instance, "_prefetched_objects_cache", {})
        viewer = _viewer(self)
        if (
            hasattr(manager, "for_viewer")
            and viewer is not None
            and getattr(manager, "prefetch_cache_name", None) not in cache
        ):
            return manager.for_viewer(viewer)
        return manager.all() if hasattr(manager, "all") else manager


class ScopedPrimaryKeyRelatedField(relations.PrimaryKeyRelatedField):
    """``PrimaryKeyRelatedField`` whose ``many=True`` form reads through the layer; use it as a
    ``ModelSerializer.serializer_related_field``."""

    @classmethod
    def many_init(cls, *args: Any, **kwargs: Any) -> ScopedManyRelatedField:
        list_kwargs: dict[str, Any] = {"child_relation": cls(*args, **kwargs)}
        for key in kwargs:
            if key in relations.MANY_RELATION_KWARGS:
                list_kwargs[key] = kwargs[key]
        return ScopedManyRelatedField(**list_kwargs)


class SafeSlugRelatedField(relations.SlugRelatedField):
    """A ``SlugRelatedField`` that refuses what no slug can be before asking the database:
    anything but a short string, or text with a NUL character (PostgreSQL cannot even compare
    it, and answered with a server error)."""

    max_slug_length = 200

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str) or "\x00" in data or len(data) > self.max_slug_length:
            self.fail("invalid")
        return super().to_internal_value(data)
