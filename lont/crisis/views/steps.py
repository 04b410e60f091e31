"""The forms that act on an incident (one POST per step) or on a row beside it, and the
analyser's live check of a draft message."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lont.core.combobox import render_logging_choices
from lont.core.views_base import MemberView, add_service_errors, fetch_for_page
from lont.networks.choices import Access
from lont.networks.models import Organisation

from .. import selectors, services
from ..choices import TRANSITIONS
from ..forms import (
    LevelForm,
    LogForm,
    MessageForm,
    OutcomeForm,
    OutreachOutcomeForm,
    PersonForm,
    PostForm,
    ReadingForm,
    ReadyForm,
    TacticForm,
    TaskDoneForm,
    TaskForm,
    TransitionForm,
)
from ..models import Incident, IncidentMessage, IncidentTask, Outreach, ReportedPost
from .base import outreach_form


def _step(
    view: Any, step: str, incident: Incident, post: Any, target: Any
) -> tuple[Any, Any] | None:
    """The form of one action on the incident and the service call that performs it."""
    viewer = view.viewer
    if step == "status":
        form = TransitionForm(data=post, states=TRANSITIONS.get(incident.state, ()))
        return form, lambda d: services.incident_transition(viewer=viewer, incident=incident, **d)
    if step == "niveau":
        return LevelForm(data=post), lambda d: services.incident_set_level(
            viewer=viewer, incident=incident, **d
        )
    if step == "log":
        return LogForm(data=post), lambda d: services.log_add(
            viewer=viewer, incident=incident, text=d["text"]
        )
    if step == "taak":
        task_form = TaskForm(data=post, organisations=Organisation.objects.for_viewer(viewer))
        return task_form, lambda d: services.task_add(viewer=viewer, incident=incident, data=d)
    if step == "bericht":
        return MessageForm(data=post), lambda d: services.message_save(
            viewer=viewer, incident=incident, data=d
        )
    if step == "persoon":
        person_form = PersonForm(data=post, people=selectors.people_to_name(viewer))
        return person_form, lambda d: services.person_add(viewer=viewer, incident=incident, data=d)
    if step == "duiding":
        return ReadingForm(data=post), lambda d: services.reading_add(
            viewer=viewer, incident=incident, data=d
        )
    if step == "tactiek":
        tactic_form = TacticForm(data=post, partner_type=viewer.partner_type)
        return tactic_form, lambda d: services.tactic_check(
            viewer=viewer, incident=incident, data=d
        )
    if step == "benadering":
        return outreach_form(viewer, incident, post), lambda d: services.outreach_add(
            viewer=viewer, incident=incident, data=d
        )
    if step == "post":
        allow_copy = services.preserved_copies_allowed(viewer)
        return PostForm(data=post, allow_copy=allow_copy), lambda d: services.post_add(
            viewer=viewer, incident=incident, data=d
        )
    return None


class IncidentStepView(MemberView):
    """One POST per action on the incident; on bad input the form comes back with the errors and
    what was typed, and nothing is changed. A name typed in a combobox without JavaScript comes
    back with its matches to choose from (access-logged), and the form posts here again."""

    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int, step: str) -> HttpResponse:
        incident = fetch_for_page(self, selectors.incidents(self.viewer), pk)
        found = _step(self, step, incident, request.POST, None)
        if found is None:
            return HttpResponse(status=404)
        form, perform = found
        if form.is_valid():
            try:
                perform(dict(form.cleaned_data))
            except (ValidationError, PermissionDenied) as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Vastgelegd."))
                return redirect(incident.get_absolute_url())
        return render_logging_choices(
            request,
            self.viewer,
            "crisis/step_error.html",
            {"form": form, "incident": incident},
            [form],
            status=400,
        )


class RowStepView(MemberView):
    """Actions on a row beside the incident: confirm a task or report it done, mark a message
    ready, report a post too, record a platform's outcome or an outreach's."""

    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int, step: str) -> HttpResponse:
        viewer = self.viewer
        form: Any
        if step == "bevestig":
            task = fetch_for_page(
                self, IncidentTask.objects.for_viewer(viewer).select_related("incident"), pk
            )
            incident, form = task.incident, None
            perform: Any = lambda d: services.task_confirm(viewer=viewer, task=task)  # noqa: E731
        elif step == "afgerond":
            task = fetch_for_page(
                self, IncidentTask.objects.for_viewer(viewer).select_related("incident"), pk
            )
            incident, form = task.incident, TaskDoneForm(data=request.POST)
            perform = lambda d: services.task_done(viewer=viewer, task=task, result=d["result"])  # noqa: E731
        elif step == "benadering-uitkomst":
            outreach = fetch_for_page(
                self, Outreach.objects.for_viewer(viewer).select_related("incident"), pk
            )
            incident, form = outreach.incident, OutreachOutcomeForm(data=request.POST)
            perform = lambda d: services.outreach_outcome(  # noqa: E731
                viewer=viewer, outreach=outreach, data=d
            )
        elif step == "klaar":
            message = fetch_for_page(
                self, IncidentMessage.objects.for_viewer(viewer).select_related("incident"), pk
            )
            incident, form = message.incident, ReadyForm(data=request.POST)
            perform = lambda d: services.message_mark_ready(  # noqa: E731
                viewer=viewer, message=message, override_reason=d.get("override_reason", "")
            )
        elif step == "bewerk":
            message = fetch_for_page(
                self, IncidentMessage.objects.for_viewer(viewer).select_related("incident"), pk
            )
            incident, form = message.incident, MessageForm(data=request.POST)
            perform = lambda d: services.message_save(  # noqa: E731
                viewer=viewer, incident=message.incident, data=d, message=message
            )
        elif step == "meld":
            post = fetch_for_page(
                self, ReportedPost.objects.for_viewer(viewer).select_related("incident"), pk
            )
            incident, form = post.incident, None
            perform = lambda d: services.post_report(viewer=viewer, post=post)  # noqa: E731
        elif step == "uitkomst":
            post = fetch_for_page(
                self, ReportedPost.objects.for_viewer(viewer).select_related("incident"), pk
            )
            incident, form = post.incident, OutcomeForm(data=request.POST)
            perform = lambda d: services.post_outcome(viewer=viewer, post=post, data=d)  # noqa: E731
        else:
            return HttpResponse(status=404)
        shown = form if form is not None else LogForm()
        if form is None or form.is_valid():
            try:
                perform(dict(form.cleaned_data) if form is not None else {})
            except (ValidationError, PermissionDenied) as error:
                add_service_errors(shown, error)
            else:
                messages.success(request, _("Vastgelegd."))
                return redirect(incident.get_absolute_url())
        return render(
            request,
            "crisis/step_error.html",
            {"form": shown, "incident": incident, "hide_fields": form is None},
            status=400,
        )


class MessageCheckView(MemberView):
    """The analyser's live check of a draft as it is typed (htmx); nothing is stored or logged
    but the read of the incident."""

    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        incident = fetch_for_page(
            self, selectors.incidents(self.viewer, minimum=Access.FULL), pk, Access.FULL
        )
        warnings = services.message_check(self.viewer, incident, request.POST.get("text", ""))
        return render(request, "crisis/_check.html", {"warnings": warnings, "checked": True})
