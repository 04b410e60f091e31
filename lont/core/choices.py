"""Enumerations the viewer and the visibility layer are built on.

They live in ``core`` so the bottom layer imports no app above it; ``lont.networks.choices``
re-exports them, and apps keep importing them from there.
"""

from typing import Any

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

_LABELS: dict[tuple[models.Field, str | None], dict[Any, Any]] = {}


def choice_labels(field: models.Field) -> dict[Any, Any]:
    """Every label of a field's choices in the current language, by (hashable) value: what
    ``get_FOO_display`` answers, without Django rebuilding the field's choices on every call (it
    builds a dict of every choice per call, hashing and so translating each lazy label). The
    labels are the same for everyone: kept per field and language, translated once. A page of
    rows takes them once (the language is a context-local variable) and looks each row up."""
    key = (field, get_language())
    labels = _LABELS.get(key)
    if labels is None:
        labels = {
            make_hashable(choice): force_str(label, strings_only=True)
            for choice, label in field.flatchoices
        }
        if isinstance(field.choices, list | tuple):  # callable choices may change: not kept
            _LABELS[key] = labels
    return labels


def choice_label(field: models.Field, value: Any) -> Any:
    """What ``get_FOO_display`` answers for ``value`` (see ``choice_labels``)."""
    return force_str(choice_labels(field).get(make_hashable(value), value), strings_only=True)


class Role(models.TextChoices):
    DIRECTOR = "director", _("Netwerkregisseur")
    COORDINATOR = "coordinator", _("Organisatiecoördinator")
    PROFESSIONAL = "professional", _("Professional")
    PRIVACY_OFFICER = "privacy_officer", _("FG / privacyfunctionaris")
    ADMINISTRATOR = "administrator", _("Beheerder")
    OBSERVER = "observer", _("Meelezer (alleen lezen)")


class Access(models.IntegerChoices):
    """What a viewer gets of an item: nothing, a summary that it exists, or everything."""

    NONE = 0, _("geen")
    SUMMARY = 1, _("samenvatting")
    FULL = 2, _("volledig")


class InformationCategory(models.TextChoices):
    ONLINE_OPEN_SOURCE = "online_open_source", _("Online signalen uit openbare bronnen")
    OWN_OBSERVATION = "own_observation", _("Eigen waarnemingen")
    TIP = "tip", _("Tips")
    IDENTIFYING = "identifying", _("Identificerende persoonsgegevens")
    CRIMINAL = "criminal", _("Strafrechtelijke gegevens")
    CARE = "care", _("Zorg- en gezondheidsgegevens")
    GROUP_ANALYSIS = "group_analysis", _("Groepsanalyses")
    INCIDENT = "incident", _("Incidentinformatie")
    EVALUATION = "evaluation", _("Evaluaties")
    CONTACTS = "contacts", _("Sociale kaart (contacten)")


class AccessVia(models.TextChoices):
    """How a read reached the viewer (the access log's ``via``)."""

    PAGE = "page", _("pagina")
    LIST = "list", _("lijst")
    API = "api", _("API")
    EXPORT = "export", _("export")
    PDF = "pdf", _("pdf")
    SEARCH = "search", _("zoeken")


# Roles that manage the platform or supervise privacy: they never read case content.
ROLES_WITHOUT_CASE_CONTENT = frozenset({Role.PRIVACY_OFFICER, Role.ADMINISTRATOR})
READ_ONLY_ROLES = frozenset({Role.OBSERVER, Role.PRIVACY_OFFICER})
