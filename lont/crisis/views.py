"""Pages of the incident room: the list, opening an incident, the live picture (htmx polling),
the forms that act on it, the analyser's live check of a message and the situation report PDF."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.assessment.models import Situation
from lont.audit.models import AccessVia
from lont.core.combobox import first_matching, render_logging_choices
from lont.core.reads import log_reads
from lont.core.related import summarised
from lont.core.selectors import get_visible
from lont.core.views_base import (
    ComboboxOptionsView,
    MemberView,
    ObjectHistoryView,
    ServiceFormView,
    VisibleListView,
    add_service_errors,
)
from lont.core.visibility import visible
from lont.networks.choices import Access
from lont.networks.models import Organisation
from lont.socialmap.models import Contact
from lont.subjects.models import Group, Person

from . import guide, selectors, services
from .choices import TRANSITIONS, IncidentState, OutreachOutcome, PostOutcome
from .forms import (
    IncidentOpenForm,
    IncidentPictureForm,
    IncidentPlanForm,
    LevelForm,
    LogForm,
    MessageForm,
    OutcomeForm,
    OutreachForm,
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
from .guide import DIMENSION_GUIDE, MESSAGE_ADVICE, POSITION_ADVICE, SAFETY_FIRST
from .models import (
    CHECKLIST,
    DIMENSIONS,
    Incident,
    IncidentMessage,
    IncidentTask,
    Outreach,
    ReportedPost,
    label,
)
from .pdf import situation_report_pdf


def _fetch(view: Any, model_or_qs: Any, pk: Any, minimum: Access = Access.SUMMARY) -> Any:
    obj, view.access = get_visible(
        view.viewer,
        model_or_qs,
        via=AccessVia.PAGE,
        path=view.request.get_full_path(),
        minimum=minimum,
        pk=pk,
    )
    return obj


class IncidentListView(VisibleListView):
    model = Incident
    template_name = "crisis/incident_list.html"

    def get_queryset(self) -> Any:
        return selectors.incidents(self.viewer)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["can_create"] = self.viewer.can("case.write")
        return data


class IncidentOpenView(ServiceFormView):
    """Open an incident by hand, or from a situation (``?situatie=``) or a signal (``?signaal=``)."""

    form_class = IncidentOpenForm
    title = gettext_lazy("Incident openen")
    success_message = gettext_lazy("Het incident is geopend.")

    def setup_object(self) -> None:
        from lont.signalregister.models import Signal

        self.situation = self.signal = None
        for param, model in (("situatie", Situation), ("signaal", Signal)):
            raw = self.request.GET.get(param) or self.request.POST.get(param)
            if raw:
                found = _fetch(self, model, raw)
                setattr(self, "situation" if model is Situation else "signal", found)

    def form_kwargs(self) -> dict[str, Any]:
        groups = visible(self.viewer, Group.objects.all())
        situations = selectors.opening_situations(self.viewer)
        initial: dict[str, Any] = {}
        if self.situation is not None:
            initial = {
                "title": self.situation.title,
                "level": self.situation.level,
                "situation": self.situation.pk,
            }
        return {"groups": groups, "situations": situations, "initial": initial}

    def extra_context(self) -> dict[str, Any]:
        return {"situation": self.situation, "signal": self.signal}

    def cancel_url(self) -> str:
        return str(self.situation.get_absolute_url()) if self.situation else "../"

    def perform(self, data: dict[str, Any]) -> Any:
        situation = data.pop("situation", None) or self.situation
        return services.incident_open(
            viewer=self.viewer, data=data, situation=situation, signal=self.signal
        )


def _message_form(incident: Incident) -> MessageForm:
    """The draft is checked by the analyser as it is typed (htmx posts the form to the check)."""
    form = MessageForm(auto_id="message_%s")
    form.fields["text"].widget.attrs.update(
        {
            "hx-post": reverse("crisis:check", args=[incident.pk]),
            "hx-trigger": "input changed delay:400ms",
            "hx-target": "#message-check",
            "hx-swap": "innerHTML",
        }
    )
    return form


def _outreach_form(viewer: Any, incident: Incident, data: Any = None) -> OutreachForm:
    """Contacts the viewer reads in full (a name to call, typed to choose), groups of this
    incident it may see (a select: they are the incident's few)."""
    groups = visible(viewer, Group.objects.filter(incidents=incident)).order_by("name", "pk")
    return OutreachForm(
        data=data,
        contacts=selectors.contacts_to_reach(viewer),
        groups=groups,
        auto_id="outreach_%s",
    )


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
        "outreach_form": _outreach_form(viewer, incident) if can_write else None,
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
        "message_form": _message_form(incident),
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
        incident = _fetch(self, selectors.incidents(self.viewer), pk)
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
        incident = _fetch(self, selectors.incidents(self.viewer), pk)
        version = selectors.live_version(incident)
        if request.GET.get("v") == version:
            return HttpResponse(status=204)
        return render(request, self.template_name, _live_context(self, incident, version))


class IncidentPictureView(ServiceFormView):
    model = Incident
    minimum_access = Access.FULL
    form_class = IncidentPictureForm
    title = gettext_lazy("Beeld en informatiechecklist")
    success_message = gettext_lazy("Het beeld is bijgewerkt.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"instance": self.object}

    def perform(self, data: dict[str, Any]) -> Any:
        self.object.refresh_from_db()
        return services.incident_update(viewer=self.viewer, incident=self.object, data=data)


class IncidentPlanView(IncidentPictureView):
    form_class = IncidentPlanForm  # type: ignore[assignment]
    title = gettext_lazy("Actieplan: doelbewuste keuzes")
    success_message = gettext_lazy("Het actieplan is vastgelegd.")
    template_name = "crisis/plan_form.html"

    def extra_context(self) -> dict[str, Any]:
        return {"guide": DIMENSION_GUIDE, "safety_first_text": SAFETY_FIRST}

    def perform(self, data: dict[str, Any]) -> Any:
        self.object.refresh_from_db()
        return services.incident_plan(viewer=self.viewer, incident=self.object, data=data)


class IncidentHistoryView(ObjectHistoryView):
    model = Incident


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
        return _outreach_form(viewer, incident, post), lambda d: services.outreach_add(
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
        incident = _fetch(self, selectors.incidents(self.viewer), pk)
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
            task = _fetch(
                self, IncidentTask.objects.for_viewer(viewer).select_related("incident"), pk
            )
            incident, form = task.incident, None
            perform: Any = lambda d: services.task_confirm(viewer=viewer, task=task)  # noqa: E731
        elif step == "afgerond":
            task = _fetch(
                self, IncidentTask.objects.for_viewer(viewer).select_related("incident"), pk
            )
            incident, form = task.incident, TaskDoneForm(data=request.POST)
            perform = lambda d: services.task_done(viewer=viewer, task=task, result=d["result"])  # noqa: E731
        elif step == "benadering-uitkomst":
            outreach = _fetch(
                self, Outreach.objects.for_viewer(viewer).select_related("incident"), pk
            )
            incident, form = outreach.incident, OutreachOutcomeForm(data=request.POST)
            perform = lambda d: services.outreach_outcome(  # noqa: E731
                viewer=viewer, outreach=outreach, data=d
            )
        elif step == "klaar":
            message = _fetch(
                self, IncidentMessage.objects.for_viewer(viewer).select_related("incident"), pk
            )
            incident, form = message.incident, ReadyForm(data=request.POST)
            perform = lambda d: services.message_mark_ready(  # noqa: E731
                viewer=viewer, message=message, override_reason=d.get("override_reason", "")
            )
        elif step == "bewerk":
            message = _fetch(
                self, IncidentMessage.objects.for_viewer(viewer).select_related("incident"), pk
            )
            incident, form = message.incident, MessageForm(data=request.POST)
            perform = lambda d: services.message_save(  # noqa: E731
                viewer=viewer, incident=message.incident, data=d, message=message
            )
        elif step == "meld":
            post = _fetch(
                self, ReportedPost.objects.for_viewer(viewer).select_related("incident"), pk
            )
            incident, form = post.incident, None
            perform = lambda d: services.post_report(viewer=viewer, post=post)  # noqa: E731
        elif step == "uitkomst":
            post = _fetch(
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
        incident = _fetch(
            self, selectors.incidents(self.viewer, minimum=Access.FULL), pk, Access.FULL
        )
        warnings = services.message_check(self.viewer, incident, request.POST.get("text", ""))
        return render(request, "crisis/_check.html", {"warnings": warnings, "checked": True})


class SituationReportView(MemberView):
    """A printable situation report (PDF) at the reader's access level."""

    is_export = True
    shows_personal_data = True
    model = Incident

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        path = request.get_full_path()
        obj, self.access = get_visible(
            self.viewer, selectors.incidents(self.viewer), via=AccessVia.PDF, path=path, pk=pk
        )
        if self.access != Access.FULL:
            summarised(obj)
        picture = selectors.picture(self.viewer, obj, via=AccessVia.PDF, path=path, log_lines=None)
        log_reads(self.viewer, [obj], via=AccessVia.PDF, path=path)
        body = situation_report_pdf(
            incident=obj,
            full=self.access == Access.FULL,
            picture=picture,
            removals=selectors.removal_per_platform(picture.posts),
        )
        response = HttpResponse(body, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="situatierapport-{obj.pk}.pdf"'
        return response


# The suggestions of the incident room's type-to-choose fields (``choosers``): what the form's
# field would accept, each offered row access-logged by the base ---------------------------------


class SituationOptionsView(ComboboxOptionsView):
    """Visible situations at hoog or acuut whose title holds what was typed."""

    model = Situation
    required_permission = "case.write"
    text_param = "situation_naam"
    listbox_id = "situation-opties"
    none_found = gettext_lazy("Geen situatie op hoog of acuut gevonden")

    def suggestions(self, text: str) -> list[Any]:
        return first_matching(selectors.opening_situations(self.viewer), text, field="title")


class PersonOptionsView(ComboboxOptionsView):
    """People the viewer reads in full whose alias holds what was typed (aliases only)."""

    model = Person
    required_permission = "case.write"
    text_param = "person_naam"
    listbox_id = "person-opties"
    none_found = gettext_lazy("Geen persoon gevonden")

    def suggestions(self, text: str) -> list[Any]:
        return first_matching(selectors.people_to_name(self.viewer), text, field="alias")


class ContactOptionsView(ComboboxOptionsView):
    """Contacts the viewer reads in full whose name holds what was typed, with their kind."""

    model = Contact
    required_permission = "case.write"
    text_param = "contact_naam"
    listbox_id = "contact-opties"
    none_found = gettext_lazy("Geen contact gevonden")

    def suggestions(self, text: str) -> list[Any]:
        return first_matching(selectors.contacts_to_reach(self.viewer), text, field="name")

    def label(self, obj: Any) -> str:
        return obj.name_and_kind()
