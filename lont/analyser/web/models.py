"""A network's own gazetteer (places with aliases) and lexicon additions, read by the analyser."""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager

from .choices import LexiconKind, PlaceKind

NAME_MAX = 120
PHRASE_MAX = 200


def validate_aliases(value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(_("Alternatieve namen moeten een lijst van teksten zijn."))
    for alias in value:
        if not alias.strip():
            raise ValidationError(_("Een alternatieve naam mag niet leeg zijn."))
        if len(alias) > NAME_MAX:
            raise ValidationError(
                _("Alternatieve naam '%(alias)s' is langer dan %(max)s tekens."),
                params={"alias": alias[:30], "max": NAME_MAX},
            )


class GazetteerPlace(ChangeLoggedModel):
    """A place young people in this network name: a square, a school, a snack bar, a wijk."""

    objects = ScopedManager()

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("naam"), max_length=NAME_MAX)
    aliases = models.JSONField(
        _("alternatieve namen"), default=list, blank=True, validators=[validate_aliases]
    )
    kind = models.CharField(
        _("soort plaats"), max_length=20, choices=PlaceKind.choices, default=PlaceKind.OTHER
    )
    area = models.CharField(_("gebied"), max_length=NAME_MAX, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("plaats")
        verbose_name_plural = _("plaatsen")
        constraints = [
            models.UniqueConstraint(
                "network",
                Lower("name"),
                name="analyser_place_unique_name",
                violation_error_message=_("Er staat al een plaats met deze naam in de lijst."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def audit_repr(self) -> str:
        # Ids only: a place name can hold a person's name ("snackbar van Ali").
        return f"plaats #{self.pk} ({self.kind})"


class LexiconEntry(ChangeLoggedModel):
    """A phrase the network adds to the analyser's built-in word lists."""

    objects = ScopedManager()

    audit_redact: ClassVar[frozenset[str]] = frozenset({"note"})

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=20, choices=LexiconKind.choices)
    phrase = models.CharField(
        _("woord of uitdrukking"),
        max_length=PHRASE_MAX,
        help_text=_("Een * aan het eind van een woord staat voor elke uitgang (bijv. 'steek*')."),
    )
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "phrase"]
        verbose_name = _("woordenlijstregel")
        verbose_name_plural = _("woordenlijst")
        constraints = [
            models.UniqueConstraint(
                "network",
                "kind",
                Lower("phrase"),
                name="analyser_lexicon_unique_phrase",
                violation_error_message=_(
                    "Deze uitdrukking staat al met deze soort in de woordenlijst."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.phrase

    def audit_repr(self) -> str:
        return f"woordenlijstregel #{self.pk} ({self.kind})"
