"""All writes of the assessment app: parameters, situations, recompute, case meetings, actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.audit.events import record_event
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access, Role
from lont.networks.models import Membership
from lont.signalregister.models import Notification

from . import engine as e
from . import recompute
from .choices import LEVEL_RANK, ActionStatus, DecisionKind, MeetingStatus, Stage
from .models import (
    Action,
    AgendaItem,
    CaseMeeting,
    Dissent,
    EngineParameterSet,
    LastVisit,
    Situation,
)


def _require_write(viewer: Viewer) -> None:
    if not viewer.can("case.write"):
        raise PermissionDenied(_("Uw rol mag hier niets vastleggen."))


def _require_full(viewer: Viewer, obj: models.Model) -> None:
    _require_write(viewer)
    if access_for(viewer, obj) < Access.FULL:
        raise PermissionDenied(_("U heeft geen volledige toegang tot dit gegeven."))


def _same_network(viewer: Viewer, *objects: Any) -> None:
    for obj in objects:
        if obj is not None and obj.network_id != viewer.network.pk:
            raise PermissionDenied


def _save(obj: models.Model) -> None:
    obj.full_clean()
    obj.save()


# Engine parameters ----------------------------------------------------------------------------


def parameters_create(*, viewer: Viewer, data: dict[str, Any], reason: str) -> EngineParameterSet:
    """A new version of the network's parameters (the director only); older versions stay."""
    if not viewer.can("indicators.change"):
        raise PermissionDenied(_("Alleen de netwerkregisseur stelt de parameters vast."))
    if not reason.strip():
        raise ValidationError({"reason": _("Geef een reden voor de wijziging.")})
    try:
        params = e.EngineParameters.from_dict(data)
    except e.ParameterError as error:
        raise ValidationError({"data": error.messages}) from None
    with transaction.atomic():
        last = (
            EngineParameterSet.objects.select_for_update()
            .filter(network=viewer.network)
            .order_by("-number")
            .first()
        )
        number = (last.number if last else 1) + 1
        stored = params.to_dict()
        stored["version"] = number
        row = EngineParameterSet(
            network=viewer.network,
            number=number,
            data=stored,
            reason=reason,
            created_by=viewer.user,
        )
        _save(row)
        record_event(
            event="engine.parameters_changed",
            obj=row,
            actor=viewer.user,
            reason=reason,
            details={"number": number},
        )
        ids = list(Situation.objects.filter(network=viewer.network).values_list("pk", flat=True))
        transaction.on_commit(lambda: _enqueue_many(ids))
    return row


# Situations -----------------------------------------------------------------------------------


SITUATION_FIELDS = ("kind", "title", "description", "rivalry")


def situation_create(*, viewer: Viewer, data: dict[str, Any]) -> Situation:
    _require_write(viewer)
    _same_network(viewer, data.get("rivalry"), *data.get("groups", []))
    with transaction.atomic():
        situation = Situation(network=viewer.network, organisation=viewer.organisation)
        for name in SITUATION_FIELDS:
            if name in data:
                setattr(situation, name, data[name])
        _save(situation)
        situation.groups.set(data.get("groups", []))
        situation.followers.add(viewer.user)
        record_event(event="situation.created", obj=situation, actor=viewer.user)
        situation_recompute(situation)
    return situation


def situation_update(*, viewer: Viewer, situation: Situation, data: dict[str, Any]) -> Situation:
    _require_full(viewer, situation)
    _same_network(viewer, data.get("rivalry"), *data.get("groups", []))
    with transaction.atomic():
        for name in SITUATION_FIELDS:
            if name in data:
                setattr(situation, name, data[name])
        _save(situation)
        if "groups" in data:
            situation.groups.set(data["groups"])
        record_event(event="situation.updated", obj=situation, actor=viewer.user)
        situation_recompute(situation)
    return situation


def situation_link_signals(
    *, viewer: Viewer, situation: Situation, signals: Iterable[Any], unlink: Iterable[Any] = ()
) -> Situation:
    """Link signals the viewer may see (at least as summary) to a situation they may edit."""
    _require_full(viewer, situation)
    signals, unlink = list(signals), list(unlink)
    for signal in [*signals, *unlink]:
        if access_for(viewer, signal) < Access.SUMMARY:
            raise PermissionDenied
    with transaction.atomic():
        situation.signals.add(*signals)
        situation.signals.remove(*unlink)
        record_event(
            event="situation.signals_linked",
            obj=situation,
            actor=viewer.user,
            details={"added": [s.pk for s in signals], "removed": [s.pk for s in unlink]},
        )
        situation_recompute(situation)
    return situation


def situation_follow(*, viewer: Viewer, situation: Situation, follow: bool) -> None:
    if access_for(viewer, situation) < Access.SUMMARY:
        raise PermissionDenied
    if follow:
        situation.followers.add(viewer.user)
    else:
        situation.followers.remove(viewer.user)


def situation_recompute(situation: Situation, *, now: dt.datetime | None = None) -> Situation:
    """Recompute and store the level, explanation, drill reading, request patterns and trend
    breaks; a rise in level notifies the followers (in-app, without content)."""
    now = now or timezone.now()
    result = recompute.compute(situation, now)
    before = situation.level
    first = situation.computed_at is None
    with transaction.atomic():
        situation.level = result["level"]
        situation.score = result["score"]
        situation.explanation = result["explanation"]
        situation.drill = result["drill"]
        situation.requests = result["requests"]
        situation.trend_breaks = _keep_first_seen(situation.trend_breaks, result["trend_breaks"])
        situation.history = [
            *situation.history,
            {"at": now.isoformat(), "score": result["score"], "level": result["level"]},
        ][-recompute.HISTORY_LENGTH :]
        situation.computed_at = now
        situation.save()
        if not first and LEVEL_RANK[situation.level] > LEVEL_RANK.get(before, 0):
            _notify_rise(situation, before)
    return situation


def _keep_first_seen(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A break keeps the moment it was first flagged, so "new trend breaks" means new."""
    seen = {(b["subject"], b["subject_ref"], b["kind"]): b.get("at") for b in old}
    for b in new:
        b["at"] = seen.get((b["subject"], b["subject_ref"], b["kind"])) or b["at"]
    return new


def _notify_rise(situation: Situation, before: str) -> None:
    text = _("Het berekende niveau van situatie #%(pk)s steeg van %(old)s naar %(new)s.") % {
        "pk": situation.pk,
        "old": before,
        "new": situation.level,
    }
    url = reverse("assessment:situation_detail", args=[situation.pk])
    # Only followers who may still see the situation hear of it (access can change with the
    # covenant or a new role).
    memberships = Membership.objects.filter(
        network_id=situation.network_id, is_active=True, user__in=situation.followers.all()
    ).select_related("organisation", "network", "user")
    users = {m.user_id for m in memberships if access_for(Viewer(m), situation) >= Access.SUMMARY}
    Notification.objects.bulk_create(
        Notification(user_id=user_id, network_id=situation.network_id, text=text, url=url)
        for user_id in sorted(users)
    )
    record_event(
        event="situation.level_rose", obj=situation, details={"from": before, "to": situation.level}
    )


def _enqueue_many(ids: Iterable[int]) -> None:
    from .tasks import recompute_situation

    for pk in ids:
        recompute_situation.enqueue(pk)


def recompute_later(situation_ids: Iterable[int]) -> None:
    """Recompute these situations in a task once the current transaction commits."""
    ids = sorted(set(situation_ids))
    if ids:
        transaction.on_commit(lambda: _enqueue_many(ids))


def dashboard_visit(viewer: Viewer) -> dt.datetime | None:
    """Store this visit; return the previous one (for "new since your last visit")."""
    now = timezone.now()
    visit, created = LastVisit.objects.get_or_create(
        network=viewer.network, user=viewer.user, defaults={"at": now}
    )
    if created:
        return None
    previous = visit.at
    LastVisit.objects.filter(pk=visit.pk).update(at=now)
    return previous


# Case meetings --------------------------------------------------------------------------------


def _require_meeting_member(viewer: Viewer, meeting: CaseMeeting) -> None:
    _require_write(viewer)
    _same_network(viewer, meeting)
    if viewer.role == Role.DIRECTOR or meeting.chair_id == viewer.user.pk:
        return
    if not meeting.participants.filter(pk=viewer.organisation.pk).exists():
        raise PermissionDenied(_("Uw organisatie neemt niet deel aan dit casusoverleg."))


def meeting_create(*, viewer: Viewer, data: dict[str, Any]) -> CaseMeeting:
    _require_write(viewer)
    participants = list(data.get("participants", []))
    _same_network(viewer, *participants)
    with transaction.atomic():
        meeting = CaseMeeting(
            network=viewer.network,
            organisation=viewer.organisation,
            date=data["date"],
            chair=data.get("chair") or viewer.user,
        )
        _save(meeting)
        meeting.participants.set({*participants, viewer.organisation})
        for order, situation in enumerate(data.get("situations", [])):
            _add_item(viewer, meeting, situation, order)
        record_event(event="meeting.created", obj=meeting, actor=viewer.user)
    return meeting


def _add_item(viewer: Viewer, meeting: CaseMeeting, situation: Situation, order: int) -> AgendaItem:
    _same_network(viewer, situation)
    if access_for(viewer, situation) < Access.SUMMARY:
        raise PermissionDenied
    item = AgendaItem(
        network=viewer.network,
        organisation=meeting.organisation,
        meeting=meeting,
        situation=situation,
        order=order,
        computed_level=situation.level,
    )
    _save(item)
    return item


def meeting_add_item(*, viewer: Viewer, meeting: CaseMeeting, situation: Situation) -> AgendaItem:
    _require_meeting_member(viewer, meeting)
    with transaction.atomic():
        if meeting.items.filter(situation=situation).exists():
            raise ValidationError({"situation": _("Deze situatie staat al op de agenda.")})
        item = _add_item(viewer, meeting, situation, meeting.items.count())
        record_event(event="meeting.item_added", obj=item, actor=viewer.user)
    return item


def item_picture(*, viewer: Viewer, item: AgendaItem, data: dict[str, Any]) -> AgendaItem:
    """Close beeldvorming: what we don't know (and how to find out), the causality answer."""
    _require_meeting_member(viewer, item.meeting)
    with transaction.atomic():
        item.unknowns = data.get("unknowns", "")
        item.causality_answer = data.get("causality_answer", "")
        item.computed_level = item.situation.level
        item.stage = Stage.JUDGEMENT
        _save(item)
        record_event(event="meeting.picture_done", obj=item, actor=viewer.user)
    return item


def item_judge(*, viewer: Viewer, item: AgendaItem, data: dict[str, Any]) -> AgendaItem:
    """Oordeelsvorming: the judged level may differ from the computed one, with a rationale."""
    _require_meeting_member(viewer, item.meeting)
    if item.stage == Stage.PICTURE:
        raise ValidationError(_("Rond eerst de beeldvorming af."))
    judged = data.get("judged_level", "")
    if judged and judged != item.computed_level and not data.get("rationale", "").strip():
        raise ValidationError(
            {"rationale": _("Onderbouw waarom het oordeel afwijkt van het berekende niveau.")}
        )
    with transaction.atomic():
        item.judged_level = judged
        item.rationale = data.get("rationale", "")
        item.concerns = data.get("concerns", "")
        item.stage = Stage.DECISION
        _save(item)
        record_event(
            event="meeting.judged",
            obj=item,
            actor=viewer.user,
            details={"computed": item.computed_level, "judged": judged},
        )
    return item


def dissent_add(*, viewer: Viewer, item: AgendaItem, text: str) -> Dissent:
    _require_meeting_member(viewer, item.meeting)
    with transaction.atomic():
        dissent = Dissent(
            network=viewer.network, organisation=viewer.organisation, item=item, text=text
        )
        _save(dissent)
        record_event(event="meeting.dissent", obj=dissent, actor=viewer.user)
    return dissent


def item_decide(*, viewer: Viewer, item: AgendaItem, data: dict[str, Any]) -> AgendaItem:
    """Besluitvorming: actions, or deliberately nothing (valid, but only with a reason)."""
    _require_meeting_member(viewer, item.meeting)
    if item.stage in (Stage.PICTURE, Stage.JUDGEMENT):
        raise ValidationError(_("Rond eerst de beeldvorming en de oordeelsvorming af."))
    decision = data.get("decision", "")
    reason = data.get("decision_reason", "").strip()
    if decision == DecisionKind.NOTHING and not reason:
        raise ValidationError(
            {"decision_reason": _("Bewust niets doen is een besluit: geef de reden.")}
        )
    if decision == DecisionKind.ACT and not item.actions.exists():
        raise ValidationError({"decision": _("Leg eerst minstens één actie vast.")})
    with transaction.atomic():
        item.decision = decision
        item.decision_reason = reason
        item.stage = Stage.DONE
        _save(item)
        record_event(
            event="meeting.decided", obj=item, actor=viewer.user, details={"decision": decision}
        )
    return item


def action_create(*, viewer: Viewer, item: AgendaItem, data: dict[str, Any]) -> Action:
    _require_meeting_member(viewer, item.meeting)
    owner = data["owner"]
    organisation = data["organisation"]
    _same_network(viewer, organisation)
    if not organisation.memberships.filter(user=owner, is_active=True).exists():
        raise ValidationError({"owner": _("Deze persoon is geen actief lid van die partner.")})
    with transaction.atomic():
        action = Action(
            network=viewer.network,
            organisation=organisation,
            owner=owner,
            item=item,
            description=data["description"],
            due_date=data["due_date"],
            mode=data["mode"],
        )
        _save(action)
        record_event(event="action.created", obj=action, actor=viewer.user)
    return action


def action_update(*, viewer: Viewer, action: Action, status: str, result: str = "") -> Action:
    """The owner partner (or the director) reports the result of an action."""
    _require_write(viewer)
    _same_network(viewer, action)
    if action.organisation_id != viewer.organisation.pk and viewer.role != Role.DIRECTOR:
        raise PermissionDenied(_("Alleen de partner die de actie heeft, werkt haar bij."))
    if status == ActionStatus.DONE and not result.strip():
        raise ValidationError({"result": _("Beschrijf kort het resultaat.")})
    with transaction.atomic():
        action.status = status
        action.result = result
        _save(action)
        record_event(
            event="action.updated", obj=action, actor=viewer.user, details={"status": status}
        )
    return action


def meeting_close(*, viewer: Viewer, meeting: CaseMeeting) -> CaseMeeting:
    _require_meeting_member(viewer, meeting)
    open_items = meeting.items.exclude(stage=Stage.DONE).count()
    if open_items:
        raise ValidationError(_("Nog niet elk agendapunt heeft een besluit."))
    with transaction.atomic():
        meeting.status = MeetingStatus.CLOSED
        _save(meeting)
        record_event(event="meeting.closed", obj=meeting, actor=viewer.user)
    return meeting


def actions_remind(*, today: dt.date | None = None) -> int:
    """Daily: each open action due today or overdue notifies its owner once a day."""
    today = today or timezone.localdate()
    due = Action.objects.filter(status=ActionStatus.OPEN, due_date__lte=today).exclude(
        reminded_on=today
    )
    count = 0
    with transaction.atomic():
        for action in due.select_for_update():
            text = _("Actie #%(pk)s is uiterlijk %(date)s af.") % {
                "pk": action.pk,
                "date": action.due_date.strftime("%d-%m-%Y"),
            }
            Notification.objects.create(
                user_id=action.owner_id,
                network_id=action.network_id,
                text=text,
                url=reverse("assessment:actions"),
            )
            action.reminded_on = today
            action.save(update_fields=["reminded_on"])
            count += 1
    return count
