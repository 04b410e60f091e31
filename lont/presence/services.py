"""Writes of professional online presence (P3).

Rules kept here, so pages and API obey them alike (Guide: "Verplaats je als professional …"):
- the platform register and its reviews are kept by the director and coordinators; a review sets
  the platform's current assessment and the date of the next review;
- a roster account belongs to an organisation (point 3: never a private profile); only that
  organisation (or the director) maintains it;
- the contact log holds counts and dates, never content;
- an online plan on an emotionally loaded topic is refused until the planner confirms it, with
  the advice to meet physically (point 6).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.events import record_event
from lont.core import guards
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.networks.models import Membership
from lont.notifications.reminders import remind_once
from lont.subjects.models import Group

from . import selectors
from .choices import Channel
from .models import ContactLog, Platform, PlatformReview, PositiveActivity, ProfessionalAccount

MANAGE = "analyser.manage"  # director and coordinators keep the network's reference lists


def _require_manage(viewer: Viewer) -> None:
    if not viewer.can(MANAGE):
        raise PermissionDenied(_("Alleen de regisseur en coördinatoren houden het register bij."))


def _require_maintainer(viewer: Viewer, obj: Any) -> None:
    guards.require_write(viewer)
    if not selectors.may_maintain(viewer, obj):
        raise PermissionDenied(guards.refused_owner())


def _member_of_network(viewer: Viewer, member: Membership | None, field: str) -> None:
    if member is not None and member.network_id != viewer.network.pk:
        raise ValidationError({field: _("Dit lid hoort niet bij dit netwerk.")})


@transaction.atomic
def platform_save(*, viewer: Viewer, platform: Platform | None = None, **fields: Any) -> Platform:
    _require_manage(viewer)
    if platform is None:
        platform = Platform(network=viewer.network)
    elif platform.network_id != viewer.network.pk:
        raise PermissionDenied(guards.refused_network())
    _member_of_network(viewer, fields.get("review_owner"), "review_owner")
    for name, value in fields.items():
        setattr(platform, name, value.strip() if isinstance(value, str) else value)
    platform.full_clean()
    platform.save()
    return platform


@transaction.atomic
def platform_review(
    *,
    viewer: Viewer,
    platform: Platform,
    aspects: dict[str, int],
    note: str = "",
    reviewed_on: dt.date | None = None,
) -> PlatformReview:
    """Record a periodic scan on the 9 aspects; it becomes the platform's current assessment."""
    _require_manage(viewer)
    if platform.network_id != viewer.network.pk:
        raise PermissionDenied(guards.refused_network())
    today = timezone.localdate()
    reviewed_on = reviewed_on or today
    if reviewed_on > today:
        raise ValidationError(
            {"reviewed_on": _("De datum van de beoordeling ligt in de toekomst.")}
        )
    review = PlatformReview(
        network=viewer.network,
        platform=platform,
        reviewed_on=reviewed_on,
        aspects=aspects,
        note=note.strip(),
        reviewed_by=viewer.membership,
    )
    review.full_clean()
    review.save()
    platform.aspects = dict(aspects)
    platform.last_reviewed = max(platform.last_reviewed or reviewed_on, reviewed_on)
    platform.reminded_on = None
    platform.full_clean()
    platform.save()
    record_event(event="presence.platform_reviewed", obj=platform, actor=viewer.user)
    return review


@transaction.atomic
def account_create(
    *,
    viewer: Viewer,
    platform: str,
    handle: str,
    member: Membership | None = None,
    house_style: bool = False,
    note: str = "",
) -> ProfessionalAccount:
    guards.require_write(viewer)
    _member_of_network(viewer, member, "member")
    if member is not None and member.organisation_id != viewer.organisation.pk:
        raise ValidationError({"member": _("Kies iemand van uw eigen organisatie.")})
    account = ProfessionalAccount(
        network=viewer.network,
        organisation=viewer.organisation,
        member=member,
        platform=platform.strip(),
        handle=handle.strip(),
        house_style=house_style,
        note=note.strip(),
    )
    account.full_clean()
    account.save()
    record_event(event="presence.account_registered", obj=account, actor=viewer.user)
    return account


@transaction.atomic
def account_update(
    *, viewer: Viewer, account: ProfessionalAccount, **fields: Any
) -> ProfessionalAccount:
    _require_maintainer(viewer, account)
    member = fields.get("member")
    _member_of_network(viewer, member, "member")
    if member is not None and member.organisation_id != account.organisation_id:
        raise ValidationError({"member": _("Kies iemand van de organisatie van het account.")})
    for name, value in fields.items():
        setattr(account, name, value.strip() if isinstance(value, str) else value)
    account.full_clean()
    account.save()
    return account


@transaction.atomic
def contact_log(
    *,
    viewer: Viewer,
    account: ProfessionalAccount,
    kind: str,
    on: dt.date,
    count: int = 1,
    group: Group | None = None,
) -> ContactLog:
    """Log initiated contacts: how many, what kind, when, per account and group — no content."""
    _require_maintainer(viewer, account)
    if on > timezone.localdate():
        raise ValidationError({"on": _("De datum ligt in de toekomst.")})
    if group is not None:
        guards.require_same_network(viewer, group)
    entry = ContactLog(
        network=viewer.network,
        organisation=account.organisation,
        account=account,
        group=group,
        kind=kind,
        count=count,
        on=on,
    )
    entry.full_clean()
    entry.save()
    return entry


def activity_warning(*, channel: str, topic: str, emotionally_loaded: bool) -> str:
    """The guide's point 6 as a sentence, or "" when the plan is fine."""
    if channel != Channel.ONLINE:
        return ""
    words = selectors.loaded_words(topic)
    if not (emotionally_loaded or words):
        return ""
    return _(
        "Bespreek emotioneel beladen thema's niet online: slecht nieuws en negatieve "
        "boodschappen vragen om emotionele steun en non-verbale communicatie. Nodig de "
        "betrokkenen liever uit voor een fysieke bijeenkomst op een vertrouwde plek."
    )


@transaction.atomic
def activity_save(
    *,
    viewer: Viewer,
    activity: PositiveActivity | None = None,
    confirm_online: bool = False,
    **fields: Any,
) -> PositiveActivity:
    if activity is None:
        guards.require_write(viewer)
        activity = PositiveActivity(network=viewer.network, organisation=viewer.organisation)
    else:
        _require_maintainer(viewer, activity)
    group = fields.get("group")
    if group is not None:
        guards.require_same_network(viewer, group)
    warning = activity_warning(
        channel=fields.get("channel", activity.channel),
        topic=fields.get("topic", activity.topic) or "",
        emotionally_loaded=fields.get("emotionally_loaded", activity.emotionally_loaded),
    )
    if warning and not confirm_online:
        raise ValidationError({"channel": warning})
    for name, value in fields.items():
        setattr(activity, name, value.strip() if isinstance(value, str) else value)
    activity.full_clean()
    activity.save()
    return activity


def send_review_reminders(*, today: dt.date | None = None) -> int:
    """Remind the owner (or the network's directors) of every platform whose review is due;
    once per due date. Run daily (``manage.py peacetime_reminders``). Idempotent."""
    today = today or timezone.localdate()
    with system_context("daily reminders of platform reviews that are due"):
        due = [
            platform
            for platform in Platform.objects.filter(reminded_on__isnull=True).select_related(
                "network", "review_owner__user"
            )
            if platform.review_due(today)
        ]
        return remind_once(
            due,
            today=today,
            recipients=lambda p: _recipients(p.network_id, p.review_owner),
            text=lambda p: (
                _("Platformbeoordeling is aan herziening toe: %(name)s") % {"name": p.name}
            ),
            url=lambda p: reverse("presence:platform", args=[p.pk]),
        ).notices


def _recipients(network_id: int, owner: Membership | None) -> list[Any]:
    if owner is not None and owner.is_active:
        return [owner.user]
    return [
        m.user
        for m in Membership.objects.filter(
            network_id=network_id, role="director", is_active=True
        ).select_related("user")
    ]
