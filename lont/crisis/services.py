"""Writes of the incident room. Every write checks the viewer (``core.guards``), runs in a
transaction with ``full_clean()`` and leaves a line in the incident's append-only log."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.analyser.web.analysis import check_for
from lont.audit.events import record_event
from lont.core import guards
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access
from lont.networks.models import Membership
from lont.notifications.services import notification_send

from . import events
from .choices import (
    TRANSITIONS,
    ActChoice,
    IncidentLevel,
    IncidentOrigin,
    IncidentState,
    LogKind,
    MessageStatus,
    PostOutcome,
)
from .models import (
    CHECKLIST,
    DIMENSIONS,
    Incident,
    IncidentLogEntry,
    IncidentMessage,
    IncidentTask,
    PostReport,
    ReportedPost,
    label,
)

OPENING_LEVELS = frozenset({"hoog", "acuut"})


def _save(obj: Any) -> None:
    obj.full_clean()
    obj.save()


def _require_open(incident: Incident) -> None:
    if incident.state == IncidentState.CLOSED:
        raise ValidationError(_("Dit incident is gesloten; er kan niets meer bij."))


def _log(
    viewer: Viewer, incident: Incident, kind: str, text: str, **extra: Any
) -> IncidentLogEntry:
    entry = IncidentLogEntry(
        network=incident.network,
        organisation=viewer.organisation,
        incident=incident,
        author=viewer.user,
        kind=kind,
        text=text,
        **extra,
    )
    _save(entry)
    return entry


def _notify(viewer: Viewer, incident: Incident, template: str) -> None:
    """Tell every member who may see the incident (at least as a summary), except the actor.
    The text names the incident by its title — a summary field — never by number or content."""
    url = reverse("crisis:detail", args=[incident.pk])
    with system_context("notify the members who may see the incident"):
        memberships = list(
            Membership.objects.filter(network_id=incident.network_id, is_active=True)
            .exclude(user_id=viewer.user.pk)
            .select_related("organisation", "network", "user")
        )
    for membership in memberships:
        if access_for(Viewer(membership), incident) >= Access.SUMMARY:
            notification_send(
                user=membership.user,
                text=template % {"title": incident.title},
                url=url,
                network=incident.network,
            )


# Incidents -------------------------------------------------------------------------------------


def incident_open(
    *,
    viewer: Viewer,
    data: dict[str, Any],
    situation: Any = None,
    signal: Any = None,
) -> Incident:
    """Open an incident from a situation at *hoog*/*acuut*, from a signal, or by hand."""
    guards.require_write(viewer)
    guards.require_same_network(viewer, situation, signal)
    origin = IncidentOrigin.MANUAL
    if situation is not None:
        if access_for(viewer, situation) < Access.SUMMARY:
            raise PermissionDenied(guards.refused_network())
        if situation.level not in OPENING_LEVELS:
            raise ValidationError(
                _("Een incident opent u vanuit een situatie op niveau hoog of acuut.")
            )
        origin = IncidentOrigin.SITUATION
    elif signal is not None:
        if access_for(viewer, signal) < Access.SUMMARY:
            raise PermissionDenied(guards.refused_network())
        origin = IncidentOrigin.SIGNAL
    level = data.get("level") or (
        situation.level if situation is not None and situation.level in OPENING_LEVELS else "hoog"
    )
    with transaction.atomic():
        incident = Incident(
            network=viewer.network,
            organisation=viewer.organisation,
            title=data["title"],
            description=data.get("description", ""),
            level=level,
            origin=origin,
            situation=situation,
            signal=signal,
            occurred_at=data.get("occurred_at"),
            location=data.get("location", ""),
            call_text=data.get("call_text", ""),
        )
        _save(incident)
        groups = list(data.get("groups") or [])
        if situation is not None and not groups:
            groups = list(situation.groups.for_viewer(viewer))
        guards.require_same_network(viewer, *groups)
        if groups:
            with system_context("the service sets the links it writes"):
                incident.groups.set(groups)
        _log(
            viewer,
            incident,
            LogKind.STATE,
            data.get("reason") or _("Incident geopend."),
            to_state=IncidentState.REPORTED,
        )
        record_event(event="incident.opened", obj=incident, actor=viewer.user)
        transaction.on_commit(lambda: _notify(viewer, incident, _("Incident geopend: %(title)s")))
    return incident


def incident_update(*, viewer: Viewer, incident: Incident, data: dict[str, Any]) -> Incident:
    """The picture: title, description, time, place, the call; the information checklist
    (point 1), immediate action and extra people (point 2), the legal bounds (point 3)."""
    guards.require_full(viewer, incident)
    _require_open(incident)
    fields = [
        "title",
        "description",
        "occurred_at",
        "location",
        "call_text",
        *CHECKLIST,
        *(f"{name}_note" for name in CHECKLIST),
        "immediate",
        "immediate_note",
        "legal_check",
    ]
    with transaction.atomic():
        changed = [
            name for name in fields if name in data and getattr(incident, name) != data[name]
        ]
        for name in changed:
            setattr(incident, name, data[name])
        _save(incident)
        if changed:
            labels = ", ".join(label(n) for n in changed)
            _log(
                viewer,
                incident,
                LogKind.NOTE,
                _("Beeld bijgewerkt: %(fields)s.") % {"fields": labels},
            )
    return incident


def incident_plan(*, viewer: Viewer, incident: Incident, data: dict[str, Any]) -> Incident:
    """The action plan (point 4): safety first, and on each dimension a–f a choice with its
    reason. Not intervening is a valid choice, recorded like any other. Also the network's line."""
    guards.require_full(viewer, incident)
    _require_open(incident)
    errors: dict[str, str] = {}
    if not data.get("safety_first"):
        errors["safety_first"] = _(
            "Een actieplan begint bij de veiligheid van professionals en burgers: bevestig dat."
        )
    for name in DIMENSIONS:
        if data.get(name) and not str(data.get(f"{name}_reason", "")).strip():
            errors[f"{name}_reason"] = _("Geef de reden van deze keuze.")
    if data.get("line") and not str(data.get("line_reason", "")).strip():
        errors["line_reason"] = _("Geef de reden van de lijn.")
    if errors:
        raise ValidationError(errors)
    names = [
        "safety_first",
        *DIMENSIONS,
        *(f"{name}_reason" for name in DIMENSIONS),
        "mediation_offered",
        "line",
        "line_reason",
    ]
    with transaction.atomic():
        changed = [name for name in names if name in data and getattr(incident, name) != data[name]]
        for name in changed:
            setattr(incident, name, data[name])
        _save(incident)
        chosen = [
            f"{label(name)}: {getattr(incident, f'get_{name}_display')()}"
            for name in DIMENSIONS
            if name in changed and getattr(incident, name)
        ]
        if incident.act == ActChoice.NOTHING and "act" in changed:
            chosen.append(_("bewust niet ingrijpen is vastgelegd als keuze"))
        if changed:
            _log(
                viewer,
                incident,
                LogKind.DECISION,
                _("Actieplan bijgewerkt. %(choices)s")
                % {"choices": "; ".join(chosen) or _("Redenen aangevuld.")},
            )
            record_event(event="incident.plan", obj=incident, actor=viewer.user)
    return incident


def incident_transition(
    *,
    viewer: Viewer,
    incident: Incident,
    to_state: str,
    reason: str,
    spot_evaluation: str = "",
) -> Incident:
    """Move the incident on, with who, when and why in the log. Scaling down asks for the short
    on-the-spot evaluation (point 5), which seeds the aftercare evaluation."""
    guards.require_full(viewer, incident)
    before = incident.state
    if to_state not in TRANSITIONS.get(before, ()):
        raise ValidationError(
            {
                "to_state": _("Van %(from)s kan een incident niet naar %(to)s.")
                % {"from": incident.get_state_display(), "to": to_state}
            }
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Geef aan waarom.")})
    if to_state == IncidentState.SCALED_DOWN:
        spot_evaluation = spot_evaluation.strip() or incident.spot_evaluation
        if not spot_evaluation:
            raise ValidationError(
                {"spot_evaluation": _("Evalueer kort ter plaatse voordat u afschaalt.")}
            )
        incident.spot_evaluation = spot_evaluation
    with transaction.atomic():
        incident.state = to_state
        incident.closed_at = timezone.now() if to_state == IncidentState.CLOSED else None
        _save(incident)
        _log(viewer, incident, LogKind.STATE, reason, from_state=before, to_state=to_state)
        record_event(
            event="incident.state",
            obj=incident,
            actor=viewer.user,
            details={"from": before, "to": to_state},
        )
        if to_state == IncidentState.AFTERCARE:
            transaction.on_commit(
                lambda: events.incident_entered_aftercare.send(sender=Incident, incident=incident)
            )
        messages_by_state: dict[str, str] = {
            IncidentState.ACTIVE: _("Incident actief: %(title)s"),
            IncidentState.SCALED_DOWN: _("Incident afgeschaald: %(title)s"),
        }
        message = messages_by_state.get(to_state)
        if message is not None:
            transaction.on_commit(lambda: _notify(viewer, incident, message))
    return incident


def incident_set_level(*, viewer: Viewer, incident: Incident, level: str, reason: str) -> Incident:
    """Escalate (or lower) the level, with a reason; escalation tells the network."""
    guards.require_full(viewer, incident)
    _require_open(incident)
    if level not in IncidentLevel.values:
        raise ValidationError({"level": _("Kies hoog of acuut.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Geef aan waarom.")})
    before = incident.level
    if level == before:
        return incident
    with transaction.atomic():
        incident.level = level
        _save(incident)
        _log(
            viewer,
            incident,
            LogKind.STATE,
            _("Niveau %(old)s → %(new)s: %(reason)s")
            % {"old": before, "new": level, "reason": reason},
        )
        if level == IncidentLevel.ACUTE:
            transaction.on_commit(
                lambda: _notify(viewer, incident, _("Incident opgeschaald naar acuut: %(title)s"))
            )
    return incident


def log_add(
    *, viewer: Viewer, incident: Incident, text: str, corrects: IncidentLogEntry | None = None
) -> IncidentLogEntry:
    """A line in the log. A correction is a new line that names the one it corrects."""
    guards.require_full(viewer, incident)
    if not text.strip():
        raise ValidationError({"text": _("Schrijf wat er gebeurde.")})
    if corrects is not None and corrects.incident_id != incident.pk:
        raise ValidationError({"corrects": _("Die logregel hoort niet bij dit incident.")})
    with transaction.atomic():
        kind = LogKind.CORRECTION if corrects is not None else LogKind.NOTE
        return _log(viewer, incident, kind, text, corrects=corrects)


# Tasks and positions (C2) -----------------------------------------------------------------------


def task_add(*, viewer: Viewer, incident: Incident, data: dict[str, Any]) -> IncidentTask:
    guards.require_full(viewer, incident)
    _require_open(incident)
    organisation = data.get("organisation") or viewer.organisation
    guards.require_same_network(viewer, organisation)
    with transaction.atomic():
        task = IncidentTask(
            network=incident.network,
            organisation=organisation,
            incident=incident,
            kind=data["kind"],
            description=data["description"],
        )
        _save(task)
        _log(
            viewer,
            incident,
            LogKind.TASK,
            _("%(kind)s voor %(partner)s vastgelegd.")
            % {"kind": task.get_kind_display(), "partner": organisation.name},
        )
    return task


def task_confirm(*, viewer: Viewer, task: IncidentTask) -> IncidentTask:
    """Only someone of the partner that has the task confirms it."""
    guards.require_write(viewer)
    guards.require_same_network(viewer, task)
    if task.organisation_id != viewer.organisation.pk:
        raise PermissionDenied(_("Alleen de partner zelf bevestigt zijn taak of positie."))
    with transaction.atomic():
        task.confirmed_by = viewer.user
        task.confirmed_at = timezone.now()
        _save(task)
        _log(
            viewer,
            task.incident,
            LogKind.TASK,
            _("%(kind)s bevestigd door %(partner)s.")
            % {"kind": task.get_kind_display(), "partner": viewer.organisation.name},
        )
    return task


# Messages with the analyser's check (C2, guide point 4) -----------------------------------------


def message_check(viewer: Viewer, incident: Incident, text: str) -> list[dict[str, Any]]:
    """The analyser's warnings for a draft: does it repeat the confrontation's time or place?"""
    if not text.strip():
        return []
    context = [incident.call_text, incident.location]
    if incident.occurred_at is not None:
        moment = timezone.localtime(incident.occurred_at)
        context.append(f"{moment:%d-%m-%Y} om {moment:%H:%M}")
    warnings = check_for(
        viewer,
        draft=text,
        context_texts=[t for t in context if t],
        posted_at=timezone.localtime(incident.opened_at),
    )
    return [
        {"code": w.code, "message": w.message, "start": w.start, "end": w.end} for w in warnings
    ]


def message_save(
    *,
    viewer: Viewer,
    incident: Incident,
    data: dict[str, Any],
    message: IncidentMessage | None = None,
) -> IncidentMessage:
    """Write or edit a draft; the check runs on every save. A ready message that is edited is a
    draft again."""
    guards.require_full(viewer, incident)
    _require_open(incident)
    if message is not None and message.organisation_id != viewer.organisation.pk:
        raise PermissionDenied(_("Alleen de eigen partner bewerkt zijn bericht."))
    with transaction.atomic():
        if message is None:
            message = IncidentMessage(
                network=incident.network, organisation=viewer.organisation, incident=incident
            )
        message.channel = data["channel"]
        message.text = data["text"]
        message.status = MessageStatus.DRAFT
        message.override_reason = ""
        message.warnings = message_check(viewer, incident, message.text)
        _save(message)
        _log(
            viewer,
            incident,
            LogKind.MESSAGE,
            _("Bericht voor %(channel)s opgeslagen als concept.") % {"channel": message.channel},
        )
    return message


def message_mark_ready(
    *, viewer: Viewer, message: IncidentMessage, override_reason: str = ""
) -> IncidentMessage:
    """Ready to post. A message that repeats the time or place is ready only with an explicit
    override and its reason, which goes into the log."""
    guards.require_write(viewer)
    guards.require_same_network(viewer, message)
    if message.organisation_id != viewer.organisation.pk:
        raise PermissionDenied(_("Alleen de eigen partner zet zijn bericht klaar."))
    incident = message.incident
    _require_open(incident)
    warnings = message_check(viewer, incident, message.text)
    if warnings and not override_reason.strip():
        raise ValidationError(
            {
                "override_reason": _(
                    "Dit bericht herhaalt de tijd of plaats van de confrontatie. Pas het aan, of "
                    "leg uit waarom het toch zo geplaatst moet worden."
                )
            }
        )
    with transaction.atomic():
        message.warnings = warnings
        message.status = MessageStatus.READY
        message.override_reason = override_reason.strip() if warnings else ""
        _save(message)
        if warnings:
            _log(
                viewer,
                incident,
                LogKind.OVERRIDE,
                _("Bericht voor %(channel)s bewust klaargezet ondanks de check: %(reason)s")
                % {"channel": message.channel, "reason": message.override_reason},
            )
            record_event(event="incident.message_override", obj=message, actor=viewer.user)
        else:
            _log(
                viewer,
                incident,
                LogKind.MESSAGE,
                _("Bericht voor %(channel)s klaar om te plaatsen.") % {"channel": message.channel},
            )
    return message


# Joint reporting of posts (C5, guide point 8) ---------------------------------------------------


def post_add(*, viewer: Viewer, incident: Incident, data: dict[str, Any]) -> ReportedPost:
    """Share a post to report jointly; the sharing partner's own report is the first."""
    guards.require_full(viewer, incident)
    _require_open(incident)
    reported_at = data.get("reported_at") or timezone.now()
    copy = data.get("preserved_copy", "")
    with transaction.atomic():
        post = ReportedPost(
            network=incident.network,
            organisation=viewer.organisation,
            incident=incident,
            url=data["url"],
            platform=data["platform"],
            platform_reference=data.get("platform_reference", ""),
            first_reported_at=reported_at,
            preserved_copy=copy,
            copy_sha256=hashlib.sha256(copy.encode()).hexdigest() if copy else "",
        )
        _save(post)
        _save(
            PostReport(
                network=incident.network,
                organisation=viewer.organisation,
                post=post,
                reported_at=reported_at,
            )
        )
        _log(
            viewer,
            incident,
            LogKind.REPORT,
            _("Bericht op %(platform)s gedeeld om gezamenlijk te melden.")
            % {"platform": post.get_platform_display()},
        )
    return post


def post_report(
    *, viewer: Viewer, post: ReportedPost, reported_at: dt.datetime | None = None
) -> PostReport:
    """Another partner reports the same post: the more reports, the likelier its removal."""
    guards.require_write(viewer)
    guards.require_same_network(viewer, post)
    if access_for(viewer, post) < Access.SUMMARY:
        raise PermissionDenied(guards.refused_network())
    _require_open(post.incident)
    with transaction.atomic():
        with system_context(
            "a partner reports once: the check must see the other partners' reports"
        ):
            if PostReport.objects.filter(post=post, organisation=viewer.organisation).exists():
                raise ValidationError(_("Uw organisatie heeft dit bericht al gemeld."))
        report = PostReport(
            network=post.network,
            organisation=viewer.organisation,
            post=post,
            reported_at=reported_at or timezone.now(),
        )
        _save(report)
        _log(
            viewer,
            post.incident,
            LogKind.REPORT,
            _("%(partner)s meldde een bericht op %(platform)s.")
            % {"partner": viewer.organisation.name, "platform": post.get_platform_display()},
        )
    return report


def post_outcome(*, viewer: Viewer, post: ReportedPost, data: dict[str, Any]) -> ReportedPost:
    """The platform's reference and outcome; removal time is measured from the first report."""
    guards.require_full(viewer, post)
    outcome = data["outcome"]
    removed_at = data.get("removed_at")
    if outcome == PostOutcome.REMOVED:
        removed_at = removed_at or timezone.now()
        if removed_at < post.first_reported_at:
            raise ValidationError(
                {"removed_at": _("Verwijderd kan niet vóór de eerste melding liggen.")}
            )
    else:
        removed_at = None
    with transaction.atomic():
        post.outcome = outcome
        post.removed_at = removed_at
        post.platform_reference = data.get("platform_reference", post.platform_reference)
        _save(post)
        _log(
            viewer,
            post.incident,
            LogKind.REPORT,
            _("Uitkomst bij %(platform)s: %(outcome)s.")
            % {"platform": post.get_platform_display(), "outcome": post.get_outcome_display()},
        )
    return post
