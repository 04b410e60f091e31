"""The signal register: what partners see, shared by covenant (issue 4, "Signals").

A signal's ``category`` (derived from its source type, overridden by criminal-law or care data)
decides per partner full / summary / none through the visibility layer. Child rows (people, groups,
indicators, engagement, requests, attachments, notes, versions) follow their signal's category.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from lont.audit.changelog import ChangeLoggedModel
from lont.core.scoping import ScopedManager
from lont.networks.choices import InformationCategory
from lont.networks.models import Membership, Network, Organisation

from .choices import (
    CATEGORY_BY_SOURCE,
    ONLINE_SOURCES,
    AttachmentKind,
    PersonRole,
    ProposalKind,
    ProposalOutcome,
    RequestOutcome,
    RequestSize,
    SourceType,
    SpecialData,
    Status,
)


def derive_category(source_type: str, special_data: str) -> str:
    """Criminal-law or care data wins over the category the source type gives."""
    if special_data == SpecialData.CRIMINAL:
        return InformationCategory.CRIMINAL.value
    if special_data == SpecialData.CARE:
        return InformationCategory.CARE.value
    return CATEGORY_BY_SOURCE[SourceType(source_type)].value


def window_error(start: dt.datetime | None, until: dt.datetime | None) -> str:
    """What is wrong with a mentioned window ("" when nothing): an end needs a start, and lies
    after it. One rule for the form, the API's serializer and the API's corrected state."""
    if until is None:
        return ""
    if start is None:
        return str(_("Vul ook het begin in (het genoemde tijdstip)."))
    if until < start:
        return str(_("Het einde ligt voor het begin."))
    return ""


def platform_error(source_type: str | None, platform: str | None) -> str:
    """What is wrong with a signal's platform ("" when nothing): an online source names it. One
    rule for the form, the API's serializer and the API's corrected state."""
    if source_type in ONLINE_SOURCES and not platform:
        return str(_("Vul het platform in voor een online bron."))
    return ""


def window_text(start: dt.datetime, end: dt.datetime) -> str:
    """A window of wall-clock times in Dutch: whole days as "7–13 december 2026" or "12 december
    2026", otherwise both ends with their clock times."""
    whole_days = (start.hour, start.minute) == (0, 0) and (end.hour, end.minute) == (23, 59)
    if not whole_days:
        if start.date() == end.date():
            return f"{date_format(start, 'j F Y H:i')}–{date_format(end, 'H:i')}"
        return f"{date_format(start, 'j F Y H:i')} – {date_format(end, 'j F Y H:i')}"
    if start.date() == end.date():
        return date_format(start, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_format(end, 'j F Y')}"
    if start.year == end.year:
        return f"{date_format(start, 'j F')} – {date_format(end, 'j F Y')}"
    return f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"


class Signal(ChangeLoggedModel):
    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("gemeld door"), on_delete=models.PROTECT, related_name="+"
    )
    reported_by = models.ForeignKey(
        Membership, verbose_name=_("melder"), on_delete=models.PROTECT, related_name="+"
    )
    observed_at = models.DateTimeField(_("waargenomen op"))
    registered_at = models.DateTimeField(_("geregistreerd op"), default=timezone.now)
    source_type = models.CharField(_("soort bron"), max_length=30, choices=SourceType.choices)
    # From the team roster (P3): the organisation's professional account, never a private one.
    professional_account = models.ForeignKey(
        "presence.ProfessionalAccount",
        verbose_name=_("professioneel account waarmee gezien"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    platform = models.CharField(_("platform"), max_length=60, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    description = models.TextField(_("korte feitelijke beschrijving"))
    mentioned_time = models.DateTimeField(_("genoemd tijdstip"), null=True, blank=True)
    # A window ("deze week", "in de herfstvakantie") is no moment: ``mentioned_time`` is its
    # start, this its end. The engine keeps the acute rule on while the window runs.
    mentioned_until = models.DateTimeField(
        _("genoemd tot"),
        null=True,
        blank=True,
        help_text=_('Alleen bij een periode ("deze week"): het einde; het tijdstip is het begin.'),
    )
    mentioned_place = models.CharField(_("genoemde plaats"), max_length=200, blank=True)
    call_to_action = models.BooleanField(_("oproep tot actie"), default=False)
    threat = models.BooleanField(_("bedreiging"), default=False)
    special_data = models.CharField(
        _("bijzondere gegevens"),
        max_length=10,
        choices=SpecialData.choices,
        default=SpecialData.NONE,
        blank=True,
    )
    category = models.CharField(
        _("informatiecategorie"),
        max_length=30,
        choices=InformationCategory.choices,
        editable=False,
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    retain_until = models.DateField(_("bewaren tot"), null=True, blank=True, editable=False)
    # Drill video (P9): what it shows and at whom the personal attacks are aimed.
    is_drill = models.BooleanField(_("drillvideo"), default=False)
    drill_weapons_shown = models.PositiveSmallIntegerField(_("wapens getoond"), default=0)
    drill_members_shown = models.PositiveSmallIntegerField(_("groepsleden getoond"), default=0)
    drill_personal_attacks = models.PositiveSmallIntegerField(
        _("persoonlijke aanvallen op straatreputatie"), default=0
    )
    drill_target_group = models.ForeignKey(
        "subjects.Group",
        verbose_name=_("aanvallen gericht op groep"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    drill_target_person = models.ForeignKey(
        "subjects.Person",
        verbose_name=_("aanvallen gericht op persoon"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    demo_key = models.CharField(
        max_length=40, blank=True, editable=False, db_index=True, verbose_name=_("demosleutel")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    audit_redact = frozenset(
        {
            "description",
            "link",
            "professional_account",
            "mentioned_place",
            "mentioned_time",
            "mentioned_until",
        }
    )

    class Meta:
        ordering = ["-observed_at", "-pk"]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        indexes = [
            models.Index(fields=["network", "-observed_at"], name="signal_network_observed"),
            models.Index(fields=["organisation", "source_type"], name="signal_org_source"),
            # The dashboard's "new since your last visit". On PostgreSQL it also holds the two
            # columns of the visibility filter (INCLUDE, migration 0013): its capped count is read
            # from the index alone.
            models.Index(fields=["network", "-registered_at"], name="signal_network_registered"),
            # The signal list in its order with what its filters and the visibility layer test
            # (PostgreSQL: INCLUDE), so a filter by status or source walks the index alone and
            # stops at the page it needs (migration 0012).
            models.Index(
                fields=["network", "-observed_at", "-id"],
                include=["organisation", "category", "status", "source_type"],
                name="signal_list_order",
            ),
        ]

    def __str__(self) -> str:
        return str(self.name)

    @property
    def name(self) -> str:
        """What a user calls a signal: its kind and when it was seen, never its number."""
        when = date_format(timezone.localtime(self.observed_at), "j F Y, H:i")
        return _("%(source)s van %(when)s") % {
            "source": self.get_source_type_display(),
            "when": when,
        }

    @property
    def mentioned_when(self) -> str:
        """The mentioned time for pages: a moment, or a window shown as one ("7–13 december
        2026"; with clock times when it does not run from 00:00 to 23:59)."""
        if self.mentioned_time is None:
            return ""
        start = timezone.localtime(self.mentioned_time)
        if self.mentioned_until is None:
            return date_format(start, "j F Y H:i")
        return window_text(start, timezone.localtime(self.mentioned_until))

    def audit_repr(self) -> str:
        return f"signaal #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("signalregister:detail", args=[self.pk])

    @property
    def is_online(self) -> bool:
        return self.source_type in ONLINE_SOURCES

    def clean(self) -> None:
        if self.source_type in SourceType.values:
            self.category = derive_category(self.source_type, self.special_data)
        if (
            self.organisation_id
            and self.network_id
            and self.organisation.network_id != self.network_id
        ):
            raise ValidationError({"organisation": _("Organisatie hoort niet bij dit netwerk.")})
        if self.observed_at and self.observed_at > timezone.now() + dt.timedelta(minutes=5):
            raise ValidationError(
                {"observed_at": _("Het moment van waarnemen ligt in de toekomst.")}
            )

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The category is never chosen by hand: it always follows source type and special data.
        if self.source_type:
            self.category = derive_category(self.source_type, self.special_data)
        super().save(*args, **kwargs)


class SignalChild(ChangeLoggedModel):
    """Rows that belong to one signal: same network, same visibility as the signal.

    Network, category and owning organisation are copied from the signal on save (and re-synced
    by the services when a correction changes the signal's category), so the visibility layer
    filters these rows in SQL like any other registered model. ``SignalGroup`` and
    ``SignalIndicator`` copy the signal's ``observed_at`` the same way (the list's sort key, so
    the list filtered by a group or an indicator is read through the links in the list's order).
    """

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=30, choices=InformationCategory.choices, editable=False)
    signal_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, editable=False, related_name="+"
    )

    signal: models.ForeignKey[Signal, Signal]

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.follow_signal()
        super().save(*args, **kwargs)

    def follow_signal(self) -> None:
        """Copy what the visibility layer (and the list's sort) reads from the signal."""
        signal = self.signal
        self.network_id = signal.network_id
        self.category = signal.category
        self.signal_organisation_id = signal.organisation_id

    def audit_repr(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk} (signaal #{getattr(self, 'signal_id', '')})"


class SignalPerson(SignalChild):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="people")
    # Empty once the person expired (principle 9): the role stays, so the signal keeps its meaning
    # ("an expired person, possible perpetrator") without anything about who it was.
    person = models.ForeignKey(
        "subjects.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    role = models.CharField(_("rol in dit signaal"), max_length=24, choices=PersonRole.choices)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("persoon in signaal")
        verbose_name_plural = _("personen in signaal")
        constraints = [
            models.UniqueConstraint(
                fields=["signal", "person", "role"], name="signalperson_unique_role"
            )
        ]
        # A person's signals (person page, network trend breaks): index-only.
        indexes = [models.Index(fields=["person", "signal"], name="signalperson_person_signal")]


class SignalGroup(SignalChild):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="groups")
    group = models.ForeignKey("subjects.Group", on_delete=models.PROTECT, related_name="+")
    # The signal's observed_at, as on ``SignalIndicator``: the list filtered by a group reads
    # the group's links newest first (migration 0011).
    signal_observed_at = models.DateTimeField(editable=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("groep in signaal")
        verbose_name_plural = _("groepen in signaal")
        constraints = [
            models.UniqueConstraint(fields=["signal", "group"], name="signalgroup_unique")
        ]
        # A group's signals (group page, network trend breaks): index-only; and in the list's
        # order for the list's group filter, migration 0012. The links a reader may see of the
        # groups a search names, index-only on PostgreSQL (the visibility layer's columns
        # INCLUDEd), migration 0014.
        indexes = [
            models.Index(fields=["group", "signal"], name="signalgroup_group_signal"),
            models.Index(
                fields=["group", "-signal_observed_at", "-signal"],
                name="signalgroup_group_observed",
            ),
            models.Index(
                fields=["group"],
                include=["network", "signal_organisation", "category", "signal"],
                name="signalgroup_group_visible",
            ),
        ]

    def follow_signal(self) -> None:
        super().follow_signal()
        self.signal_observed_at = self.signal.observed_at


class SignalIndicator(SignalChild):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="indicators")
    indicator = models.ForeignKey("knowledge.Indicator", on_delete=models.PROTECT, related_name="+")
    # The signal's observed_at (copied on save, re-synced by the services when a correction
    # moves it): the signal list filtered by an indicator reads the indicator's links newest
    # first through ``signalind_indicator_observed`` and stops at the page it needs, instead of
    # reading every link of the indicator and sorting their signals (migration 0011).
    signal_observed_at = models.DateTimeField(editable=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator in signaal")
        verbose_name_plural = _("indicatoren in signaal")
        constraints = [
            models.UniqueConstraint(fields=["signal", "indicator"], name="signalindicator_unique")
        ]
        # An indicator's signals (the list's indicator filter): index-only, as for a group; and
        # in the list's order (newest first, then the highest key), migration 0012.
        indexes = [
            models.Index(fields=["indicator", "signal"], name="signalind_indicator_signal"),
            models.Index(
                fields=["indicator", "-signal_observed_at", "-signal"],
                name="signalind_indicator_observed",
            ),
        ]

    def follow_signal(self) -> None:
        super().follow_signal()
        self.signal_observed_at = self.signal.observed_at


class EngagementObservation(SignalChild):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="engagement")
    at = models.DateTimeField(_("moment"))
    views = models.PositiveIntegerField(_("weergaven"), default=0)
    likes = models.PositiveIntegerField(_("likes"), default=0)
    reposts = models.PositiveIntegerField(_("reposts"), default=0)
    comments = models.PositiveIntegerField(_("reacties"), default=0)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("bereikmeting")
        verbose_name_plural = _("bereikmetingen")


class SignalRequest(SignalChild):
    """A request (P7): who asks whom for what, its size and outcome."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="requests")
    requester_person = models.ForeignKey(
        "subjects.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verzoekende persoon"),
    )
    requester_group = models.ForeignKey(
        "subjects.Group",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verzoekende groep"),
    )
    target_person = models.ForeignKey(
        "subjects.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("doelwit"),
    )
    what = models.CharField(_("wat wordt er gevraagd"), max_length=300)
    size = models.CharField(_("omvang"), max_length=10, choices=RequestSize.choices)
    outcome = models.CharField(
        _("uitkomst"), max_length=10, choices=RequestOutcome.choices, default=RequestOutcome.ASKED
    )
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("vervangt eerder verzoek"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    audit_redact = frozenset({"what"})

    class Meta:
        ordering = ["pk"]
        verbose_name = _("verzoek")
        verbose_name_plural = _("verzoeken")


def attachment_path(instance: SignalAttachment, filename: str) -> str:
    # The stored name never derives from the upload's name (which may hold personal data).
    import secrets

    return f"signals/{secrets.token_hex(16)}.{filename.rsplit('.', 1)[-1]}"


class SignalAttachment(SignalChild):
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(
        _("soort"), max_length=12, choices=AttachmentKind.choices, default=AttachmentKind.SCREENSHOT
    )
    file = models.FileField(upload_to=attachment_path, max_length=200)
    content_type = models.CharField(max_length=20, verbose_name=_("bestandstype"))
    size = models.PositiveIntegerField(verbose_name=_("grootte"))
    width = models.PositiveIntegerField(default=0, verbose_name=_("breedte"))
    height = models.PositiveIntegerField(default=0, verbose_name=_("hoogte"))
    uploaded_by = models.ForeignKey(
        Membership, on_delete=models.PROTECT, related_name="+", verbose_name=_("geüpload door")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    audit_exclude = frozenset({"file"})

    class Meta:
        ordering = ["pk"]
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")


class ContextNote(SignalChild):
    """Another partner's context on a signal: a weight adjustment with its reason."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="notes")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        Membership, on_delete=models.PROTECT, related_name="+", verbose_name=_("auteur")
    )
    adjustment = models.SmallIntegerField(
        _("weging"), validators=[MinValueValidator(-2), MaxValueValidator(2)]
    )
    reason = models.TextField(_("reden"))
    created_at = models.DateTimeField(default=timezone.now)

    audit_redact = frozenset({"reason"})

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("contextnotitie")
        verbose_name_plural = _("contextnotities")


class SignalVersion(SignalChild):
    """The state of a signal before a correction: corrections never erase what was there."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(verbose_name=_("versienummer"))
    snapshot = models.JSONField(verbose_name=_("momentopname"))
    changed_by = models.ForeignKey(
        Membership, on_delete=models.PROTECT, related_name="+", verbose_name=_("gewijzigd door")
    )
    reason = models.CharField(_("reden van correctie"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # A correction's reason may quote the content it corrects.
    audit_redact = frozenset({"snapshot", "reason"})

    class Meta:
        ordering = ["-number"]
        verbose_name = _("eerdere versie")
        verbose_name_plural = _("eerdere versies")
        constraints = [
            models.UniqueConstraint(fields=["signal", "number"], name="signalversion_unique")
        ]


class SignalProposal(SignalChild):
    """What became of one text-analyser proposal when the signal was saved (issue 15, item 4).

    Only the kind, the outcome and (for indicators) which indicator: never the proposed or the
    saved text, which stays in the signal itself. Goes with the signal (its retention).
    """

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="proposals")
    kind = models.CharField(_("soort voorstel"), max_length=20, choices=ProposalKind.choices)
    indicator = models.ForeignKey(
        "knowledge.Indicator",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("indicator"),
    )
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=ProposalOutcome.choices)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("voorstel van de tekstanalyse")
        verbose_name_plural = _("voorstellen van de tekstanalyse")


class ProsecutorOrder(ChangeLoggedModel):
    """An order of the public prosecutor (art. 126g Sv) that covers systematic observation."""

    objects = ScopedManager()

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey("subjects.Person", on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(_("kenmerk"), max_length=80)
    issued_on = models.DateField(_("datum bevel"))
    valid_until = models.DateField(_("geldig tot"), null=True, blank=True)
    scope = models.TextField(_("reikwijdte"))
    recorded_by = models.ForeignKey(
        Membership, on_delete=models.PROTECT, related_name="+", verbose_name=_("vastgelegd door")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    # The order's reference is criminal-law data too: the change log marks it only as changed.
    audit_redact = frozenset({"scope", "reference"})

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("bevel officier van justitie")
        verbose_name_plural = _("bevelen officier van justitie")

    def audit_repr(self) -> str:
        return f"bevel #{self.pk} (persoon #{self.person_id})"


class GuardEvent(ChangeLoggedModel):
    """A crossing of the systematic-observation guard and what the member did: the FG's report
    counts these (per organisation and person alias, never content)."""

    objects = ScopedManager()

    class Outcome(models.TextChoices):
        ORDER = "order", _("Bevel vastgelegd")
        STOPPED = "stopped", _("Gestopt")
        HANDOVER = "handover", _("Doorgegeven aan partner")
        WARNED = "warned", _("Gewaarschuwd")

    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    # Empty once the person expired: the FG's counts stay, the person and the handover note go.
    person = models.ForeignKey(
        "subjects.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("persoon"),
    )
    member = models.ForeignKey(
        Membership, on_delete=models.PROTECT, related_name="+", verbose_name=_("lid")
    )
    thresholds = models.JSONField(default=list, verbose_name=_("drempels"))
    outcome = models.CharField(
        max_length=10, choices=Outcome.choices, default=Outcome.WARNED, verbose_name=_("uitkomst")
    )
    handover_to = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("doorgegeven aan"),
    )
    handover_note = models.TextField(_("overdrachtsnotitie"), blank=True)
    order = models.ForeignKey(
        ProsecutorOrder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bevel"),
    )
    created_at = models.DateTimeField(default=timezone.now)

    audit_redact = frozenset({"handover_note"})

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("stelselmatigheidswaarschuwing")
        verbose_name_plural = _("stelselmatigheidswaarschuwingen")
