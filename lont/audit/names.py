"""Dutch names for what the logs record, resolved through Django's app registry.

The logs store ``object_type`` as ``app_label.modelname`` and field names in ``before``/``after``;
the privacy officer reads them as the models' and fields' ``verbose_name``. Nothing here imports a
domain app: a model that no longer exists keeps its technical name.
"""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

# Technical fields every app repeats; used only where the field itself has no ``verbose_name``.
COMMON_FIELDS = {
    "network": _("netwerk"),
    "organisation": _("organisatie"),
    "created_at": _("aangemaakt op"),
    "updated_at": _("bijgewerkt op"),
    "created_by": _("aangemaakt door"),
    "category": _("informatiecategorie"),
    "signal_organisation": _("organisatie van het signaal"),
    "signal_observed_at": _("waargenomen op (van het signaal)"),
    "status": _("status"),
}


def model_for(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def model_label(object_type: str) -> str:
    model = model_for(object_type)
    return str(model._meta.verbose_name) if model is not None else object_type


def field_label(object_type: str, name: str) -> str:
    model = model_for(object_type)
    if model is None:
        return name
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    verbose = str(getattr(field, "verbose_name", name))
    if verbose != name.replace("_", " "):
        return verbose  # the field's own name
    if name in COMMON_FIELDS:
        return str(COMMON_FIELDS[name])
    related = getattr(field, "related_model", None)
    if related is not None and related._meta.model_name == name.replace("_", ""):
        return str(related._meta.verbose_name)  # e.g. ``signal`` → "signaal"
    return verbose


def object_type_choices(object_types: list[str]) -> list[tuple[str, str]]:
    """Filter choices with Dutch labels, sorted by label."""
    return sorted(((t, model_label(t)) for t in object_types), key=lambda c: c[1].lower())


def choice_label(object_type: str, name: str, value: str) -> str:
    """The display label of a stored choice value (e.g. a member's role), or the value."""
    model = model_for(object_type)
    if model is None or not value:
        return value
    try:
        choices = dict(model._meta.get_field(name).flatchoices)  # type: ignore[union-attr]
    except FieldDoesNotExist:
        return value
    return str(choices.get(value, value))
