"""The network's shared picture of an incident (every partner its own rows in full, others' at
covenant level) with the forms that act on it, and its live part polled by htmx."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lont.audit.models import AccessVia
from lont.core.related import summarised
from lont.core.views_base import MemberView, fetch_for_page
from lont.networks.choices import Access
from lont.networks.models import Organisation

from .. import guide, selectors, services
from ..choices import TRANSITIONS, IncidentState, OutreachOutcome, PostOutcome
from ..forms import (
    LevelForm,
    LogForm,
    PersonForm,
    PostForm,
    ReadingForm,
    TacticForm,
    TaskForm,
    TransitionForm,
)
from ..guide import DIMENSION_GUIDE, MESSAGE_ADVICE, POSITION_ADVICE, SAFETY_FIRST
from ..models import CHECKLIST, DIMENSIONS, Incident, label
from .base import message_form, outreach_form


def _watch_context(viewer: Any, picture: Any) -> dict[str, Any]:
    """C3–C5 beside the picture: the guide's advice per role, the labels of the indicators and
    tactics the readings name, the checklist of tactics for the viewer's partner type."""
    labels = {i.code: i.label_nl for c in ("nonverbal", "provocation") for i in guide.indicators(c)}
    advice = guide.role_advice()
    for row in picture.people:
        row.advice = advice.get(row.role_type, "")
    for reading in picture.readings:
        reading.nonverbal_labels = [labels.get(c, c) for c in reading.nonverbal or []]
        reading.provocation_labels = [labels.get(c, c) for c in reading.provocation or []]
    done = {t.tactic for t in picture.tactics if t.organisation_id == viewer.organisation.pk}
    for tactic in picture.tactics:
        tactic.label = guide.tactic_label(tactic.tactic)
    return {
        "targets_note": guide.partners_as_targets_note(),
        "spontaneity_note": guide.SPONTANEITY_NOTE,
        "provocation_advice": guide.PROVOCATION_ADVICE,
        "own_tactics": [
            (code, text, code in done, [(c, label, c in done) for c, label in steps])
            for code, text, steps in guide.tactics_for(viewer.partner_type)
        ],
        "latest_stage": next((r for r in picture.readings if r.stage), None),
    }


def _live_context(view: Any, incident: Incident, version: str) -> dict[str, Any]:
    """Only what the live part shows: status, tasks, removal times, the latest log lines."""
    full = view.access == Access.FULL
    if not full:
        summarised(incident)
    picture = selectors.live_picture(
        view.viewer, incident, via=AccessVia.PAGE, path=view.request.get_full_path()
    )
    return {
        "incident": incident,
        "picture": picture,
        "removals": selectors.removal_per_platform(picture.posts),
        "open_tasks": [t for t in picture.tasks if t.done_at is None],
        "outreach_outcomes": OutreachOutcome.choices,
        "can_write": full
        and view.viewer.can("case.write")
        and incident.state != IncidentState.CLOSED,
        "viewer_org": view.viewer.organisation.pk,
        "live_version": version,
    }


def _detail_context(view: Any, incident: Incident, *, via: str) -> dict[str, Any]:
    viewer = view.viewer
    full = view.access == Access.FULL
    if not full:
        summarised(incident)
    picture = selectors.picture(viewer, incident, via=via, path=view.request.get_full_path())
    can_write = full and viewer.can("case.write") and incident.state != IncidentState.CLOSED
    organisations = Organisation.objects.for_viewer(viewer)
    return {
        "incident": incident,
        "access": view.access,
        "full_access": full,
        "picture": picture,
        "removals": selectors.removal_per_platform(picture.posts),
        "open_tasks": [t for t in picture.tasks if t.done_at is None],
        "can_write": can_write,
        "outreach_outcomes": OutreachOutcome.choices,
        "reach": selectors.who_can_reach(
            viewer, incident, via=via, path=view.request.get_full_path()
        )
        if can_write
        else [],
        "outreach_form": outreach_form(viewer, incident) if can_write else None,
        "checklist": [
            (
                label(n),
                getattr(incident, f"get_{n}_display")(),
                getattr(incident, f"{n}_note"),
            )
            for n in CHECKLIST
        ],
        "dimensions": [
            (
                label(n),
                getattr(incident, f"get_{n}_display")() if getattr(incident, n) else "",
                getattr(incident, f"{n}_reason"),
                DIMENSION_GUIDE[n],
            )
            for n in DIMENSIONS
        ],
        "safety_first_text": SAFETY_FIRST,
        "viewer_org": viewer.organisation.pk,
        "transition_form": TransitionForm(
            states=TRANSITIONS.get(incident.state, ()), auto_id="status_%s"
        ),
        "level_form": LevelForm(initial={"level": incident.level}, auto_id="level_%s"),
        "log_form": LogForm(auto_id="log_%s"),
        "task_form": TaskForm(organisations=organisations, auto_id="task_%s"),
        "message_form": message_form(incident),
        "post_form": PostForm(
            allow_copy=services.preserved_copies_allowed(viewer), auto_id="post_%s"
        ),
        "person_form": PersonForm(people=selectors.people_to_name(viewer), auto_id="person_%s"),
        "reading_form": ReadingForm(auto_id="reading_%s"),
        "tactic_form": TacticForm(partner_type=viewer.partner_type, auto_id="tactic_%s"),
        **_watch_context(viewer, picture),
        "live_version": selectors.live_version(incident),
        "outcome_choices": PostOutcome.choices,
        "position_advice": POSITION_ADVICE,
        "message_advice": MESSAGE_ADVICE,
    }


class IncidentDetailView(MemberView):
    """The network's shared picture: every partner its own rows in full, others' at covenant level."""

    shows_personal_data = True
    model = Incident
    template_name = "crisis/incident_detail.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        incident = fetch_for_page(self, selectors.incidents(self.viewer), pk)
        return render(
            request, self.template_name, _detail_context(self, incident, via=AccessVia.PAGE)
        )


class IncidentLiveView(IncidentDetailView):
    """The part of the picture that changes, polled by htmx every 10 seconds. The poll names the
    version it shows (``?v=``); when nothing changed since, the answer is an empty 204 (htmx keeps
    the page as it is) and no row beside the incident is read. A poll is a refresh of a page its
    reader has open: only rows new or changed for that reader are access-logged
    (``core.reads.refreshing``)."""

    template_name = "crisis/_live.html"
    refreshes_open_page = True

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        incident = fetch_for_page(self, selectors.incidents(self.viewer), pk)
        version = selectors.live_version(incident)
        if request.GET.get("v") == version:
            return HttpResponse(status=204)
        return render(request, self.template_name, _live_context(self, incident, version))
