"""Rows beside the incident: tasks and positions, messages with the analyser's check (C2), joint reporting of posts (C5)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lont.analyser.web.analysis import check_for
from lont.audit.events import record_event
from lont.core import guards
from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for
from lont.networks.choices import Access
from lont.networks.covenant_rules import allows_preserved_copies

from ..choices import (
    LogKind,
    MessageStatus,
    PostOutcome,
)
from ..models import (
    Incident,
    IncidentMessage,
    IncidentTask,
    PostReport,
    ReportedPost,
)
from ._common import _log, _require_open, _save

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


def task_done(*, viewer: Viewer, task: IncidentTask, result: str) -> IncidentTask:
    """The partner that has the task reports it done, with its result."""
    guards.require_write(viewer)
    guards.require_same_network(viewer, task)
    if task.organisation_id != viewer.organisation.pk:
        raise PermissionDenied(_("Alleen de partner zelf meldt zijn taak of positie af."))
    _require_open(task.incident)
    if not result.strip():
        raise ValidationError({"result": _("Schrijf kort op wat het resultaat is.")})
    with transaction.atomic():
        task.done_at = timezone.now()
        task.result = result.strip()
        if task.confirmed_at is None:
            task.confirmed_by, task.confirmed_at = viewer.user, task.done_at
        _save(task)
        _log(
            viewer,
            task.incident,
            LogKind.TASK,
            _("%(kind)s afgerond door %(partner)s: %(result)s")
            % {
                "kind": task.get_kind_display(),
                "partner": viewer.organisation.name,
                "result": task.result,
            },
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


def preserved_copies_allowed(viewer: Viewer) -> bool:
    """C5: a preserved copy only where the covenant allows it (its online working method)."""
    covenant = viewer.covenant
    return covenant is not None and allows_preserved_copies(covenant.working_method)


def copy_refused() -> str:
    return _(
        "Het convenant staat niet toe dat partners een kopie van een gemeld bericht bewaren. "
        "Deel alleen de link; de netwerkregisseur kan dit in het convenant regelen."
    )


def post_add(*, viewer: Viewer, incident: Incident, data: dict[str, Any]) -> ReportedPost:
    """Share a post to report jointly; the sharing partner's own report is the first."""
    guards.require_full(viewer, incident)
    _require_open(incident)
    reported_at = data.get("reported_at") or timezone.now()
    copy = data.get("preserved_copy", "")
    if copy and not preserved_copies_allowed(viewer):
        raise ValidationError({"preserved_copy": copy_refused()})
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
