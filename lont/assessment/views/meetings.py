"""Case meetings (BOB): list, create, the meeting with its three stages per item, minutes, PDF."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.combobox import render_logging_choices
from lont.core.views_base import (
    MemberTemplateView,
    MemberView,
    ServiceFormView,
    VisibleListView,
    add_service_errors,
    fetch_for_page,
)
from lont.networks.choices import Access
from lont.networks.models import Organisation
from lont.networks.selectors import active_members

from .. import selectors, services
from ..choices import Stage
from ..forms import ActionForm, DecideForm, DissentForm, JudgeForm, MeetingForm, PictureForm
from ..models import AgendaItem, CaseMeeting
from ..pdf import minutes_pdf


def _organisations(viewer: Any) -> Any:
    return Organisation.objects.for_viewer(viewer)


class MeetingListView(VisibleListView):
    model = CaseMeeting
    template_name = "assessment/meeting_list.html"

    def get_queryset(self) -> Any:
        return selectors.meetings(self.viewer)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["can_create"] = self.viewer.can("case.write")
        return data


class MeetingCreateView(ServiceFormView):
    form_class = MeetingForm
    title = gettext_lazy("Casusoverleg plannen")
    success_message = gettext_lazy("Het casusoverleg is gepland.")

    def form_kwargs(self) -> dict[str, Any]:
        situations = selectors.situations(self.viewer)
        kwargs: dict[str, Any] = {
            "organisations": _organisations(self.viewer),
            "situations": situations,
        }
        # "Bespreken in overleg" on a situation page: that situation on the agenda already.
        chosen = self.request.GET.get("situatie", "")
        if chosen.isdigit():
            kwargs["initial"] = {"situations": list(situations.filter(pk=int(chosen)))}
        return kwargs

    def perform(self, data: dict[str, Any]) -> Any:
        return services.meeting_create(viewer=self.viewer, data=data)


def _action_choices(viewer: Any) -> dict[str, Callable[[], list[Any]]]:
    """The action form's partners, read once for the whole meeting page and only when an item
    offers the form (one in besluitvorming), not once per item. Its owner is typed to choose
    (the partner's members: ``networks.choosers``)."""
    form = ActionForm(organisations=_organisations(viewer), members=active_members(viewer))
    # iter(): list() of the choices themselves would first count them (a query more each)
    return {
        name: functools.cache(lambda field=form.fields[name]: list(iter(field.choices)))
        for name in ("organisation",)
    }


def _item_context(
    viewer: Any,
    item: AgendaItem,
    lines: list[dict[str, Any]],
    action_choices: dict[str, Callable[[], list[Any]]],
    invalid: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The picture, compiled live for this viewer: what their access allows. ``lines`` are the
    item's explanation lines at the viewer's level; ``invalid`` holds a step's form that came
    back with errors, shown in place with what was typed."""
    auto_id = f"punt{item.pk}-%s"  # one agenda item's fields apart from the next one's
    action_form = ActionForm(
        organisations=_organisations(viewer),
        members=active_members(viewer),
        initial={"organisation": viewer.organisation.pk, "owner": viewer.user.pk},
        auto_id=auto_id,
    )
    for name, choices in action_choices.items():
        action_form.fields[name].choices = choices  # type: ignore[attr-defined]
    # The initial owner is the viewer, whose membership is read already (not once per item).
    action_form.fields["owner"].known = [viewer.membership]  # type: ignore[attr-defined]
    return {
        "item": item,
        "lines": lines,
        "picture_form": PictureForm(
            initial={"unknowns": item.unknowns, "causality_answer": item.causality_answer},
            auto_id=auto_id,
        ),
        "judge_form": JudgeForm(
            initial={"judged_level": item.judged_level or item.computed_level}, auto_id=auto_id
        ),
        "dissent_form": DissentForm(auto_id=auto_id),
        "decide_form": DecideForm(auto_id=auto_id),
        "action_form": action_form,
        **(invalid or {}),
    }


# The context name of each step's form on the meeting page.
STEP_FORMS = {
    "beeld": "picture_form",
    "oordeel": "judge_form",
    "besluit": "decide_form",
    "dissent": "dissent_form",
    "actie": "action_form",
}


class MeetingDetailView(MemberTemplateView):
    template_name = "assessment/meeting_detail.html"
    model = CaseMeeting
    shows_personal_data = True
    minutes = False
    # item pk → {context name: form with errors}, when a step came back invalid
    invalid_forms: dict[int, dict[str, Any]] = {}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        meeting = fetch_for_page(self, selectors.meetings(self.viewer), self.kwargs["pk"])
        path = self.request.get_full_path()
        items = selectors.meeting_items(self.viewer, meeting, via=AccessVia.PAGE, path=path)
        # The lines of every item in one read of the signals they name (not one per item).
        lines, named = selectors.explanation_lines_of(
            self.viewer, (item.situation for item in items)
        )
        choices = _action_choices(self.viewer)
        contexts = [
            _item_context(
                self.viewer,
                item,
                lines[item.situation_id],
                choices,
                self.invalid_forms.get(item.pk),
            )
            for item in items
        ]
        # What the page shows is logged: the agenda items and the signals their lines name.
        log_reads(self.viewer, [*items, *named], via=AccessVia.PAGE, path=path)
        data.update(
            meeting=meeting,
            items=contexts,
            previous=selectors.previous_actions(self.viewer, meeting),
            participants=meeting.participants.for_viewer(self.viewer),
            can_write=self.viewer.can("case.write")
            and not self.minutes
            and services.meeting_may_write(self.viewer, meeting),
            stages=Stage,
            today=timezone.localdate(),
            minutes=self.minutes,
        )
        return data


class MinutesView(MeetingDetailView):
    template_name = "assessment/minutes.html"
    minutes = True


class MinutesPdfView(MemberView):
    is_export = True
    shows_personal_data = True
    model = CaseMeeting

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        meeting = fetch_for_page(
            self, selectors.meetings(self.viewer).prefetch_related("participants"), pk
        )
        path = request.get_full_path()
        items = selectors.meeting_items(self.viewer, meeting, via=AccessVia.PDF, path=path)
        # The lines of every item in one read of the signals they name (not one per item).
        by_situation, printed = selectors.explanation_lines_of(
            self.viewer, (item.situation for item in items)
        )
        lines = {item.pk: by_situation[item.situation_id] for item in items}
        # Every export logs what it contains: the agenda items and the signals it prints.
        log_reads(self.viewer, [*items, *printed], via=AccessVia.PDF, path=path)
        body = minutes_pdf(meeting=meeting, items=items, lines=lines)
        response = HttpResponse(body, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="casusoverleg-{meeting.pk}.pdf"'
        return response


def _step(view: Any, step: str, item: AgendaItem, post: Any) -> tuple[Any, Any] | None:
    """The form of a stage step and the service call that performs it."""
    viewer = view.viewer
    auto_id = f"punt{item.pk}-%s"
    if step == "beeld":
        return PictureForm(data=post, auto_id=auto_id), lambda d: services.item_picture(
            viewer=viewer, item=item, data=d
        )
    if step == "oordeel":
        return JudgeForm(data=post, auto_id=auto_id), lambda d: services.item_judge(
            viewer=viewer, item=item, data=d
        )
    if step == "besluit":
        return DecideForm(data=post, auto_id=auto_id), lambda d: services.item_decide(
            viewer=viewer, item=item, data=d
        )
    if step == "dissent":
        return DissentForm(data=post, auto_id=auto_id), lambda d: services.dissent_add(
            viewer=viewer, item=item, text=d["text"]
        )
    if step == "actie":
        form = ActionForm(
            data=post,
            organisations=_organisations(viewer),
            members=active_members(viewer),
            auto_id=auto_id,
        )
        return form, lambda d: services.action_create(viewer=viewer, item=item, data=d)
    return None


class ItemStepView(MemberView):
    """One POST per stage step; on bad input the form is shown again with the errors and what
    was typed, and nothing is changed."""

    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int, step: str) -> HttpResponse:
        item = fetch_for_page(self, AgendaItem.objects.select_related("meeting", "situation"), pk)
        meeting = item.meeting
        found = _step(self, step, item, request.POST)
        if found is None:
            return HttpResponse(status=404)
        form, perform = found
        if form.is_valid():
            try:
                perform(dict(form.cleaned_data))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Vastgelegd."))
                return redirect(f"{meeting.get_absolute_url()}#punt-{item.pk}")
        # The meeting page again, with this step's errors and what was typed in place: the
        # errors stay beside the item they belong to (issue 14).
        page = MeetingDetailView(invalid_forms={item.pk: {STEP_FORMS[step]: form}})
        page.setup(request, pk=meeting.pk)
        context = page.get_context_data(pk=meeting.pk)
        context["invalid_item"] = item
        # What the step's comboboxes named (the owner typed or chosen) is logged, once rendered.
        return render_logging_choices(
            request, self.viewer, page.template_name, context, [form], status=400
        )


class MeetingCloseView(MemberView):
    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        meeting = fetch_for_page(self, selectors.meetings(self.viewer), pk, Access.SUMMARY)
        try:
            services.meeting_close(viewer=self.viewer, meeting=meeting)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(meeting.get_absolute_url())
