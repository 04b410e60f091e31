"""One serializer mixin for registered models: readers without full access get the summary only.

What a summary shows is declared once, at registration (``summary_fields`` and ``summary``):
a reader below full access gets ``id``, ``access``, ``summary`` and those fields — the other
fields are never even computed. ``access`` has one representation everywhere:
``"full"`` or ``"summary"`` (``lont.core.related.access_name``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lont.core.choices import Access
from lont.core.related import access_name, summary_text
from lont.core.visibility import effective_access, registration_for

ALWAYS = ("id", "access", "summary")


class SummaryFieldsMixin(serializers.Serializer):
    """Mix into a ``ModelSerializer`` of a registered model; the context holds ``viewer``."""

    #: Serializer fields a summary reader also gets beyond the registered summary fields
    #: (computed ones whose values are already filtered per viewer, e.g. a signal's groups).
    extra_summary_fields: ClassVar[tuple[str, ...]] = ()

    access = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()

    def _viewer(self) -> Any:
        viewer = self.context.get("viewer")
        if viewer is None and self.context.get("view") is not None:
            viewer = self.context["view"].viewer
        return viewer

    def access_level(self, obj: Any) -> Access:
        cache: dict[Any, Access] = self.__dict__.setdefault("_lont_access", {})
        if obj.pk not in cache:
            cache[obj.pk] = effective_access(self._viewer(), obj)
        return cache[obj.pk]

    @extend_schema_field(serializers.ChoiceField(choices=["full", "summary"]))
    def get_access(self, obj: Any) -> str:
        return access_name(self.access_level(obj))

    @extend_schema_field(serializers.CharField(allow_blank=True))
    def get_summary(self, obj: Any) -> str:
        return summary_text(self._viewer(), obj)

    def summary_field_names(self, instance: Any) -> set[str]:
        reg = registration_for(type(instance))
        return {*ALWAYS, *reg.summary_fields, *self.extra_summary_fields}

    def to_representation(self, instance: Any) -> dict[str, Any]:
        if self.access_level(instance) == Access.FULL:
            return super().to_representation(instance)
        keep = self.summary_field_names(instance)
        data: dict[str, Any] = {}
        for name, field in self.fields.items():
            if name not in keep or field.write_only:
                continue
            attribute = field.get_attribute(instance)
            data[name] = field.to_representation(attribute) if attribute is not None else None
        return data
