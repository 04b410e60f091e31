"""Target groups (*doelgroepen*) and their assessment in the 7-step work process."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager
from lont.networks.models import Network, Organisation

from ..choices import Bind, CorePurpose, FormationStage, KnownPlatform, ShortlistType, StepStatus

STEP_NUMBERS = tuple(range(1, 8))


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


class Group(ChangeLoggedModel):
    """A group as the network knows it. Category: group analysis."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="subject_groups")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    # The guide: use the name everyone recognises, the group itself included — never "bende".
    name = models.CharField(_("naam waaronder de groep bekend is"), max_length=120)
    other_names = models.JSONField(_("andere namen"), default=list, blank=True)
    areas = models.JSONField(_("gebieden"), default=list, blank=True)
    binds = models.JSONField(_("wat bindt de groep"), default=list, blank=True)
    meeting_places = models.TextField(_("ontmoetingsplekken (offline)"), blank=True)
    online_channels = models.JSONField(_("online platforms en kanalen"), default=list, blank=True)
    # The standard intake question "which platforms?" (P3): where the platform register reads
    # where the target groups are.
    platforms = models.JSONField(_("op welke platforms is de groep"), default=list, blank=True)
    size_estimate = models.PositiveIntegerField(_("geschatte omvang"), null=True, blank=True)
    age_min = models.PositiveSmallIntegerField(_("leeftijd van"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("leeftijd tot"), null=True, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    strengths = models.TextField(_("sterke kanten"), blank=True)
    formation_stage = models.CharField(
        _("groepsvormingsfase"), max_length=12, choices=FormationStage.choices, blank=True
    )
    core_purpose = models.CharField(
        _("kerndoel"), max_length=10, choices=CorePurpose.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    audit_redact = frozenset({"description", "strengths", "meeting_places", "online_channels"})

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("groep")
        verbose_name_plural = _("groepen")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("subjects:group_detail", args=[self.pk])

    def audit_repr(self) -> str:
        return f"groep #{self.pk}"

    def clean(self) -> None:
        # JSON fields arrive from forms and the API alike: check their shape here, once.
        if not _strings(self.other_names) or not _strings(self.areas):
            raise ValidationError({"areas": _("Gebieden en andere namen: een lijst met tekst.")})
        if not _strings(self.binds) or not set(self.binds) <= set(Bind.values):
            raise ValidationError({"binds": _("Kies wat de groep bindt uit de lijst.")})
        if not isinstance(self.platforms, list) or not all(
            p in KnownPlatform.values for p in self.platforms
        ):
            raise ValidationError({"platforms": _("Kies platforms uit de lijst.")})
        if not isinstance(self.online_channels, list) or not all(
            isinstance(c, dict) and set(c) == {"platform", "channel"} for c in self.online_channels
        ):
            raise ValidationError(
                {"online_channels": _("Online kanalen: een lijst van platform en kanaal.")}
            )
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValidationError({"age_max": _("De maximale leeftijd ligt onder de minimale.")})
        if (
            self.organisation_id
            and self.network_id
            and self.organisation.network_id != self.network_id
        ):
            raise ValidationError({"organisation": _("Deze partner hoort niet bij dit netwerk.")})


class GroupAssessment(ChangeLoggedModel):
    """One run of the 7-step work process for a group (DOMAIN.md §1)."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="assessments")
    started_on = models.DateField(_("gestart op"))
    problem_definition = models.TextField(_("probleemdefinitie en prioriteit (stap 4)"), blank=True)
    plan = models.TextField(_("integraal plan van aanpak (stap 5)"), blank=True)
    monitoring_notes = models.TextField(_("uitvoering en monitoring (stap 6)"), blank=True)
    scale_down_decision = models.TextField(_("besluit afschalen (stap 7)"), blank=True)
    norms_values = models.TextField(_("normen en waarden van de groep"), blank=True)
    shortlist_type = models.CharField(
        _("beschrijvend type (oordeel van een partner)"),
        max_length=16,
        choices=ShortlistType.choices,
        blank=True,
    )
    shortlist_rationale = models.TextField(_("onderbouwing van dat oordeel"), blank=True)
    shortlist_by = models.ForeignKey(
        Organisation,
        verbose_name=_("oordeel van"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    prototypical_members = models.ManyToManyField(
        "subjects.Person", verbose_name=_("prototypische groepsleden"), blank=True, related_name="+"
    )
    credible_messengers = models.ManyToManyField(
        "subjects.Person",
        verbose_name=_("geloofwaardige boodschappers"),
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    audit_redact = frozenset(
        {
            "problem_definition",
            "plan",
            "monitoring_notes",
            "scale_down_decision",
            "norms_values",
            "shortlist_rationale",
        }
    )

    class Meta:
        ordering = ["-started_on", "-pk"]
        verbose_name = _("groepsanalyse")
        verbose_name_plural = _("groepsanalyses")

    def __str__(self) -> str:
        return f"groepsanalyse #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("subjects:assessment_detail", args=[self.pk])

    def audit_repr(self) -> str:
        return f"groepsanalyse #{self.pk}"

    def clean(self) -> None:
        # Never computed: a descriptive type only stands with a partner's rationale behind it.
        if self.shortlist_type and not (self.shortlist_rationale.strip() and self.shortlist_by_id):
            raise ValidationError(
                {
                    "shortlist_rationale": _(
                        "Een beschrijvend type vraagt een onderbouwing en de partner die oordeelt."
                    )
                }
            )


class AssessmentStep(ChangeLoggedModel):
    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    assessment = models.ForeignKey(
        GroupAssessment,
        on_delete=models.CASCADE,
        related_name="steps",
        verbose_name=_("groepsanalyse"),
    )
    number = models.PositiveSmallIntegerField(
        _("stap"), choices=[(n, str(n)) for n in STEP_NUMBERS]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=StepStatus.choices, default=StepStatus.NOT_STARTED
    )
    started_on = models.DateField(_("gestart op"), null=True, blank=True)
    completed_on = models.DateField(_("afgerond op"), null=True, blank=True)

    class Meta:
        ordering = ["assessment", "number"]
        verbose_name = _("stap groepsanalyse")
        verbose_name_plural = _("stappen groepsanalyse")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "number"], name="subjects_step_unique")
        ]

    def audit_repr(self) -> str:
        return f"stap {self.number} van groepsanalyse #{self.assessment_id}"

    def clean(self) -> None:
        if self.started_on and self.completed_on and self.completed_on < self.started_on:
            raise ValidationError({"completed_on": _("Afgerond ligt voor gestart.")})


class AssessmentContribution(ChangeLoggedModel):
    """What one partner brought to one step."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="+"
    )
    assessment = models.ForeignKey(
        GroupAssessment,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("groepsanalyse"),
    )
    step = models.PositiveSmallIntegerField(_("stap"), choices=[(n, str(n)) for n in STEP_NUMBERS])
    text = models.TextField(_("bijdrage"))
    date = models.DateField(_("datum"))
    created_at = models.DateTimeField(auto_now_add=True)

    audit_redact = frozenset({"text"})

    class Meta:
        ordering = ["step", "date", "pk"]
        verbose_name = _("bijdrage aan groepsanalyse")
        verbose_name_plural = _("bijdragen aan groepsanalyse")

    def audit_repr(self) -> str:
        return f"bijdrage #{self.pk} (stap {self.step})"
