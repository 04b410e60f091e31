"""Writes of the risk calendar: events (and the windows they generate), manual windows, the
calendar feed, and the reminders before a window opens.

Rules kept here, so pages, API and other apps obey them alike:
- writing roles record; the recording partner (or the network director) changes and deletes;
- groups, people and the situation linked must be visible to the viewer, in the same network;
- an event's windows follow from ``rules.windows_for`` and are regenerated when it changes;
- every write tells ``windows_changed`` which situations may need a recompute (assessment
  listens: a window feeds the level engine).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.events import record_event
from lont.core import guards
from lont.core.choices import InformationCategory
from lont.core.crypto import token_hash
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.notifications.reminders import remind_once
from lont.subjects.models import Group, Person

from . import rules
from .choices import EVENT_CATEGORY, GENERATED_KINDS, EventKind, WindowKind
from .models import CalendarEvent, CalendarFeed, RiskWindow

# Sent (inside the transaction) with the windows' network, situation ids, group ids and person
# ids before and after a change; ``lont.assessment.triggers`` recomputes the situations touched.
windows_changed = Signal()

REMIND_DAYS = 7
WINDOW_FIELDS = frozenset(
    {"kind", "title", "starts_on", "ends_on", "flagged", "area", "notes", "owner"}
)


def _links(viewer: Viewer, groups: Iterable[Any], people: Iterable[Any], situation: Any) -> None:
    """Only what the viewer sees, in the viewer's network (a hidden id reads as missing)."""
    group_ids = {getattr(g, "pk", g) for g in groups}
    person_ids = {getattr(p, "pk", p) for p in people}
    if group_ids and visible(viewer, Group.objects.filter(pk__in=group_ids)).count() != len(
        group_ids
    ):
        raise ValidationError({"groups": guards.refused_network()})
    if person_ids and visible(viewer, Person.objects.filter(pk__in=person_ids)).count() != len(
        person_ids
    ):
        raise ValidationError({"people": guards.refused_network()})
    if situation is not None:
        situation_model = apps.get_model("assessment", "Situation")
        if not visible(viewer, situation_model.objects.filter(pk=situation.pk)).exists():
            raise ValidationError({"situation": guards.refused_network()})


def _owner(viewer: Viewer, owner: Any) -> Any:
    if owner is None:
        return viewer.user
    from lont.networks.models import Membership

    if not Membership.objects.filter(network=viewer.network, user=owner, is_active=True).exists():
        raise ValidationError({"owner": _("De eigenaar moet een actief lid van dit netwerk zijn.")})
    return owner


def _touches(windows: Iterable[RiskWindow]) -> dict[str, Any]:
    situations: set[int] = set()
    groups: set[int] = set()
    people: set[int] = set()
    network_id = None
    with system_context("the windows' own links, ids only, for the recompute"):
        for window in windows:
            network_id = window.network_id
            if window.situation_id:
                situations.add(window.situation_id)
            groups.update(window.groups.values_list("pk", flat=True))
            people.update(window.people.values_list("pk", flat=True))
    return {"network_id": network_id, "situations": situations, "groups": groups, "people": people}


def _changed(before: dict[str, Any], after: dict[str, Any]) -> None:
    network_id = after["network_id"] or before["network_id"]
    if network_id is None:
        return
    windows_changed.send(
        sender=RiskWindow,
        network_id=network_id,
        situation_ids=before["situations"] | after["situations"],
        group_ids=before["groups"] | after["groups"],
        person_ids=before["people"] | after["people"],
    )


def _validate_dates(starts_on: dt.date, ends_on: dt.date) -> None:
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("Een venster sluit niet voor het opent.")})
    if (ends_on - starts_on).days > 366:
        raise ValidationError({"ends_on": _("Een venster duurt hoogstens een jaar.")})


# --- events -----------------------------------------------------------------------------------


@system_context("a service sets its own row's links (checked by _links first)")
def _set_links(obj: Any, groups: list[Any], people: list[Any]) -> None:
    obj.groups.set(groups)
    obj.people.set(people)


@system_context("an event replaces its own generated windows")
def _generate(event: CalendarEvent, groups: list[Any], people: list[Any]) -> list[RiskWindow]:
    """(Re)create the event's windows from the rules; a window's owner and links follow the
    event. Hand edits to generated windows are overwritten when the event changes."""
    event.windows.all().delete()
    out = []
    specs = rules.windows_for(
        event.kind,
        timezone.localtime(event.occurred_at).date(),
        lower_than_expected=event.lower_than_expected,
    )
    for spec in specs:
        window = RiskWindow(
            network=event.network,
            organisation=event.organisation,
            owner=event.owner,
            kind=spec.kind,
            category=event.category,
            title=event.title,
            starts_on=spec.starts_on,
            ends_on=spec.ends_on,
            peak_on=spec.peak_on,
            flagged=spec.flagged,
            area=event.area,
            event=event,
            situation=event.situation,
        )
        window.full_clean()
        window.save()
        _set_links(window, groups, people)
        out.append(window)
    return out


@transaction.atomic
def event_record(
    *,
    viewer: Viewer,
    network: Any,
    kind: str,
    occurred_at: dt.datetime,
    title: str,
    groups: Iterable[Any] = (),
    people: Iterable[Any] = (),
    situation: Any = None,
    source_key: str | None = None,
    area: str = "",
    lower_than_expected: bool = False,
    owner: Any = None,
) -> CalendarEvent:
    """Record an event and generate its windows. Idempotent by ``source_key``: another app
    recording the same fact again (a crisis merged twice) gets the event recorded the first
    time, unchanged."""
    guards.require_write(viewer)
    if network.pk != viewer.network.pk:
        raise PermissionDenied(guards.refused_network())
    if source_key:
        with system_context("idempotency: the event recorded earlier under this key"):
            existing = CalendarEvent.objects.filter(
                network=network, source_key=source_key[:120]
            ).first()
        if existing is not None:
            return existing
    if kind not in EventKind.values:
        raise ValidationError({"kind": _("Kies een soort gebeurtenis.")})
    if occurred_at > timezone.now() + dt.timedelta(days=366 * 2):
        raise ValidationError({"occurred_at": _("Deze datum ligt te ver in de toekomst.")})
    if occurred_at.year < 1950:
        raise ValidationError({"occurred_at": _("Deze datum ligt te ver in het verleden.")})
    groups, people = list(groups), list(people)
    _links(viewer, groups, people, situation)
    event = CalendarEvent(
        network=network,
        organisation=viewer.organisation,
        owner=_owner(viewer, owner),
        kind=kind,
        occurred_at=occurred_at,
        title=title.strip(),
        area=area.strip(),
        lower_than_expected=lower_than_expected and kind != EventKind.INCIDENT,
        situation=situation,
        source_key=(source_key or "")[:120],
        category=str(EVENT_CATEGORY[EventKind(kind)]),
    )
    event.full_clean()
    event.save()
    _set_links(event, groups, people)
    windows = _generate(event, groups, people)
    record_event(
        event="riskcalendar.event_recorded",
        obj=event,
        actor=viewer.user,
        network=viewer.network,
        details={"windows": len(windows)},
    )
    _changed(_touches([]), _touches(windows))
    return event


@transaction.atomic
def event_delete(*, viewer: Viewer, event: CalendarEvent) -> None:
    guards.require_owner(viewer, event)
    with system_context("the event's own windows, for the recompute"):
        before = _touches(list(event.windows.all()))
    record_event(
        event="riskcalendar.event_deleted", obj=event, actor=viewer.user, network=viewer.network
    )
    event.delete()
    _changed(before, _touches([]))


# --- windows ----------------------------------------------------------------------------------


@transaction.atomic
def window_create(
    *,
    viewer: Viewer,
    kind: str,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date,
    groups: Iterable[Any] = (),
    people: Iterable[Any] = (),
    situation: Any = None,
    area: str = "",
    notes: str = "",
    flagged: bool = False,
    owner: Any = None,
) -> RiskWindow:
    """A window entered by hand (school holidays, an event, Ramadan, New Year's Eve, a
    funeral …). Generated kinds come from an event (``event_record``)."""
    guards.require_write(viewer)
    if kind in GENERATED_KINDS or kind not in WindowKind.values:
        raise ValidationError(
            {"kind": _("Leg een jaardag, strafzaak of vrijlating vast als gebeurtenis.")}
        )
    _validate_dates(starts_on, ends_on)
    groups, people = list(groups), list(people)
    _links(viewer, groups, people, situation)
    window = RiskWindow(
        network=viewer.network,
        organisation=viewer.organisation,
        owner=_owner(viewer, owner),
        kind=kind,
        category=InformationCategory.INCIDENT.value,
        title=title.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        area=area.strip(),
        notes=notes.strip(),
        flagged=flagged,
        situation=situation,
    )
    window.full_clean()
    window.save()
    _set_links(window, groups, people)
    _changed(_touches([]), _touches([window]))
    return window


@transaction.atomic
def window_update(
    *,
    viewer: Viewer,
    window: RiskWindow,
    groups: Iterable[Any] | None = None,
    people: Iterable[Any] | None = None,
    situation: Any = ...,
    **fields: Any,
) -> RiskWindow:
    """Keep a window current (dates, title, links): the partner that recorded it (usually the
    municipality) or the network director. The kind of a generated window stays."""
    guards.require_full(viewer, window)
    guards.require_owner(viewer, window)
    unknown = set(fields) - WINDOW_FIELDS
    if unknown:
        raise ValidationError(
            _("Onbekende velden: %(names)s") % {"names": ", ".join(sorted(unknown))}
        )
    before = _touches([window])
    if (
        "kind" in fields
        and fields["kind"] != window.kind
        and (window.event_id or fields["kind"] in GENERATED_KINDS)
    ):
        raise ValidationError({"kind": _("De soort van een berekend venster ligt vast.")})
    if "owner" in fields:
        fields["owner"] = _owner(viewer, fields["owner"])
    for name, value in fields.items():
        setattr(window, name, value.strip() if isinstance(value, str) else value)
    _validate_dates(window.starts_on, window.ends_on)
    new_groups = list(groups) if groups is not None else None
    new_people = list(people) if people is not None else None
    if situation is not ...:
        window.situation = situation
    _links(viewer, new_groups or [], new_people or [], None if situation is ... else situation)
    if window.starts_on > timezone.localdate():
        window.reminded_on = None  # moved to later: remind again before it opens
    window.full_clean()
    window.save()
    with system_context("a service sets its own row's links (checked by _links first)"):
        if new_groups is not None:
            window.groups.set(new_groups)
        if new_people is not None:
            window.people.set(new_people)
    _changed(before, _touches([window]))
    return window


@transaction.atomic
def window_delete(*, viewer: Viewer, window: RiskWindow) -> None:
    guards.require_owner(viewer, window)
    before = _touches([window])
    record_event(
        event="riskcalendar.window_deleted", obj=window, actor=viewer.user, network=viewer.network
    )
    window.delete()
    _changed(before, _touches([]))


# --- the calendar feed ------------------------------------------------------------------------


@transaction.atomic
def feed_create(*, viewer: Viewer) -> tuple[CalendarFeed, str]:
    """A new secret address for the viewer's calendar; an earlier one stops working."""
    now = timezone.now()
    for old in CalendarFeed.objects.filter(membership=viewer.membership, revoked_at__isnull=True):
        old.revoked_at = now
        old.save(update_fields=["revoked_at"])
    raw = secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(
        membership=viewer.membership, prefix=raw[:8], token_hash=token_hash(raw)
    )
    record_event(
        event="riskcalendar.feed_created", obj=feed, actor=viewer.user, network=viewer.network
    )
    return feed, raw


@transaction.atomic
def feed_revoke(*, viewer: Viewer, feed: CalendarFeed) -> None:
    if feed.membership_id != viewer.membership.pk:
        raise PermissionDenied(guards.refused_network())
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
        record_event(
            event="riskcalendar.feed_revoked", obj=feed, actor=viewer.user, network=viewer.network
        )


def feed_by_token(raw: str) -> CalendarFeed | None:
    """The feed of a secret address, if it is live and its membership active; else ``None``."""
    if not raw or len(raw) > 100:
        return None
    feed = (
        CalendarFeed.objects.select_related(
            "membership__user", "membership__network", "membership__organisation"
        )
        .filter(token_hash=token_hash(raw), revoked_at__isnull=True)
        .first()
    )
    if feed is None or not feed.membership.is_active or not feed.membership.user.is_active:
        return None
    now = timezone.now()
    if feed.last_used_at is None or now - feed.last_used_at > dt.timedelta(minutes=10):
        # lint: audited-bulk last_used_at is excluded from the change log
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
    return feed


# --- reminders --------------------------------------------------------------------------------


def _recipients(window: RiskWindow) -> set[int]:
    """The window's owner and the followers of its situation."""
    users = {window.owner_id}
    if window.situation_id:
        situation_model = apps.get_model("assessment", "Situation")
        users.update(
            situation_model.followers.through.objects.filter(
                situation_id=window.situation_id
            ).values_list("user_id", flat=True)
        )
    return users


def windows_remind(*, today: dt.date | None = None) -> int:
    """Daily: a notice a week before a window opens (or on the day, for one entered late), to
    its owner and its situation's followers, once. The text names the kind and the date only."""
    today = today or timezone.localdate()
    user_model = apps.get_model("accounts", "User")
    with system_context("daily reminders of windows that open"), transaction.atomic():
        due = (
            RiskWindow.objects.filter(
                reminded_on__isnull=True,
                starts_on__lte=today + dt.timedelta(days=REMIND_DAYS),
                ends_on__gte=today,
            )
            .select_related("network")
            .select_for_update(of=("self",))
        )
        return remind_once(
            due,
            today=today,
            recipients=lambda w: user_model.objects.filter(pk__in=_recipients(w), is_active=True),
            text=lambda w: (
                _("Een kalendervenster (%(kind)s) opent op %(date)s.")
                % {"kind": w.get_kind_display(), "date": w.starts_on.strftime("%d-%m-%Y")}
            ),
            url=lambda w: reverse("riskcalendar:window_detail", args=[w.pk]),
        ).notices
