"""Pages of the social map: network and organisation views, contact pages, "who can reach group X?".

Thin: reads through ``selectors``, writes through ``services``. The export lives in ``exports``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.combobox import render_logging_choices
from lont.core.selectors import get_visible
from lont.core.views_base import (
    MemberTemplateView,
    MemberView,
    ObjectHistoryView,
    ServiceDeleteView,
    ServiceFormView,
    VisibleDetailView,
    VisibleListView,
)
from lont.networks.choices import Access
from lont.networks.selectors import organisations
from lont.subjects.models import Group

from . import selectors, services
from .choices import ContactKind
from .forms import ContactForm, DeleteForm, PersonLinkForm, ReachForm, ReachPickForm
from .models import Contact, ContactPersonLink, ContactReach

REACH_PAGE_SIZE = 30

EVENT_LABELS = {
    "socialmap.consent_recorded": gettext_lazy("toestemming vastgelegd"),
    "socialmap.reach_recorded": gettext_lazy("bereik naar een groep vastgelegd"),
    "socialmap.reach_removed": gettext_lazy("bereik naar een groep verwijderd"),
    "socialmap.person_linked": gettext_lazy("relatie met een persoon vastgelegd"),
    "socialmap.person_unlinked": gettext_lazy("relatie met een persoon verwijderd"),
    "socialmap.contact_deleted": gettext_lazy("contact verwijderd"),
}


class ContactListView(VisibleListView):
    """The network view (all contacts the viewer may see) with search and filters."""

    model = Contact
    template_name = "socialmap/contact_list.html"
    shows_personal_data = True
    organisation_id: int | None = None

    def filters(self) -> selectors.ContactFilters:
        return selectors.parse_filters(self.request.GET, organisation_id=self.organisation_id)

    def get_queryset(self) -> QuerySet[Contact]:
        return selectors.contacts(self.viewer, self.filters())

    @cached_property
    def group_choices(self) -> tuple[list[Group], bool]:
        return selectors.reached_groups(
            self.viewer, selected=self.filters().group_id, limit=selectors.GROUP_FILTER_LIMIT
        )

    def also_read(self) -> list[Any]:
        # The groups offered in the filter are shown by name: logged with the rows.
        if self.request.headers.get("HX-Request"):
            return []
        return list(self.group_choices[0])

    def get_template_names(self) -> list[str]:
        # htmx filter requests swap only the results; the search box is submitted, not sent per
        # keystroke, because every listing writes a row per contact to the access log.
        if self.request.headers.get("HX-Request"):
            return ["socialmap/_contact_results.html"]
        return [str(self.template_name)]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        days = selectors.retention_days(self.viewer)
        today = timezone.localdate()
        data["rows"] = [
            (contact, access, contact.consent_review_due(today=today, retention_days=days))
            for contact, access in data["rows"]
        ]
        data.update(
            filters=self.filters(),
            kinds=ContactKind.choices,
            areas=selectors.area_choices(self.viewer),
            groups=self.group_choices[0],
            more_groups=self.group_choices[1],
            group_limit=selectors.GROUP_FILTER_LIMIT,
            organisations=organisations(self.viewer),
            can_create=self.viewer.can("case.write"),
            own_review_due=selectors.own_review_due_count(self.viewer)
            if self.viewer.reads_case_content
            else 0,
            query=self.request.GET.urlencode(),
        )
        return data


class OrganisationContactListView(ContactListView):
    """One partner's part of the map: the contacts it recorded."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.organisation_id = int(kwargs["organisation_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        organisation = next(
            (o for o in data["organisations"] if o.pk == self.organisation_id), None
        )
        if organisation is None:
            raise Http404
        data["organisation"] = organisation
        return data


class ContactDetailView(VisibleDetailView):
    model = Contact
    template_name = "socialmap/contact_detail.html"
    context_object_name = "contact"

    def base_queryset(self) -> QuerySet[Contact]:
        return selectors.contact_queryset(self.viewer)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        contact = self.object
        can_maintain = selectors.can_maintain(self.viewer, contact)
        data["review_due"] = contact.consent_review_due(
            today=timezone.localdate(), retention_days=selectors.retention_days(self.viewer)
        )
        data["can_maintain"] = can_maintain
        if can_maintain:
            data["reach_form"] = ReachForm(groups=selectors.visible_groups(self.viewer))
            data["link_form"] = PersonLinkForm(persons=selectors.visible_persons(self.viewer))
        return data


class ContactCreateView(ServiceFormView):
    template_name = "socialmap/contact_form.html"
    form_class = ContactForm
    success_message = gettext_lazy("Het contact is toegevoegd aan de sociale kaart.")

    def perform(self, data: dict[str, Any]) -> Any:
        return services.contact_create(viewer=self.viewer, **data)

    def success_url(self, result: Any) -> str:
        return reverse("socialmap:detail", args=[result.pk])


class MaintainedContactMixin:
    """Views that change one contact: visible in full and maintained by the viewer, else 403."""

    viewer: Any
    request: HttpRequest

    def contact(self, pk: int) -> Contact:
        path = self.request.get_full_path()
        contact = selectors.full_contact(self.viewer, pk, via=AccessVia.PAGE, path=path)
        if not selectors.can_maintain(self.viewer, contact):
            raise PermissionDenied
        return contact


class MaintainedContactFormView(ServiceFormView):
    """A form that changes one contact: visible in full and maintained by the viewer, else 403;
    back to the contact's page after saving (or cancelling)."""

    model = Contact
    minimum_access = Access.FULL
    shows_personal_data = True

    def base_queryset(self) -> QuerySet[Contact]:
        return selectors.contact_queryset(self.viewer)

    def setup_object(self) -> None:
        super().setup_object()
        if not selectors.can_maintain(self.viewer, self.object):
            raise PermissionDenied

    def success_url(self, result: Any) -> str:
        return reverse("socialmap:detail", args=[self.object.pk])

    def cancel_url(self) -> str:
        return reverse("socialmap:detail", args=[self.object.pk])


class ContactUpdateView(MaintainedContactFormView):
    template_name = "socialmap/contact_form.html"
    form_class = ContactForm
    success_message = gettext_lazy("De wijzigingen zijn opgeslagen.")

    def form_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"viewer": self.viewer}
        if self.request.method == "GET":
            kwargs["initial"] = ContactForm.initial_for(self.object)
        return kwargs

    def extra_context(self) -> dict[str, Any]:
        return {"contact": self.object}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.contact_update(viewer=self.viewer, contact=self.object, **data)


class ContactDeleteView(ServiceDeleteView):
    model = Contact
    minimum_access = Access.FULL
    template_name = "socialmap/contact_delete.html"
    form_class = DeleteForm
    shows_personal_data = True
    success_message = gettext_lazy("Het contact is verwijderd van de sociale kaart.")

    def base_queryset(self) -> QuerySet[Contact]:
        return selectors.contact_queryset(self.viewer)

    def allowed(self, obj: Any) -> bool:
        return selectors.can_maintain(self.viewer, obj)

    def perform(self, obj: Any, data: dict[str, Any]) -> None:
        services.contact_delete(viewer=self.viewer, contact=obj, reason=data.get("reason", ""))

    def success_url(self, obj: Any) -> str:
        return reverse("socialmap:list")

    def cancel_url(self, obj: Any) -> str:
        return reverse("socialmap:detail", args=[obj.pk])


class ContactHistoryView(ObjectHistoryView):
    """Who changed what and when (field names only for personal fields, never their content)."""

    model = Contact
    minimum_access = Access.FULL
    template_name = "socialmap/contact_history.html"
    event_labels = EVENT_LABELS


class ReachAddView(MaintainedContactFormView):
    """The contact page's "Bereik vastleggen" (its own page when the form comes back: a group
    to choose from the names found, or a refusal)."""

    form_class = ReachForm
    title = gettext_lazy("Bereik vastleggen")
    success_message = gettext_lazy("Het bereik is vastgelegd.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"groups": selectors.visible_groups(self.viewer)}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.reach_set(viewer=self.viewer, contact=self.object, **data)


class ReachRemoveView(MaintainedContactMixin, MemberView):
    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int, reach_id: int) -> HttpResponse:
        contact = self.contact(pk)
        reach = (
            ContactReach.objects.for_viewer(self.viewer)
            .filter(contact=contact, pk=reach_id)
            .first()
        )
        if reach is None:
            raise Http404
        services.reach_remove(viewer=self.viewer, reach=reach)
        messages.success(request, _("Het bereik is verwijderd."))
        return redirect("socialmap:detail", pk=contact.pk)


class PersonLinkAddView(MaintainedContactFormView):
    """The contact page's "Relatie met een persoon vastleggen" (its own page when the form
    comes back)."""

    form_class = PersonLinkForm
    title = gettext_lazy("Relatie met een persoon vastleggen")
    success_message = gettext_lazy("De relatie is vastgelegd.")

    def form_kwargs(self) -> dict[str, Any]:
        return {"persons": selectors.visible_persons(self.viewer)}

    def perform(self, data: dict[str, Any]) -> Any:
        return services.person_link_add(viewer=self.viewer, contact=self.object, **data)


class PersonLinkRemoveView(MaintainedContactMixin, MemberView):
    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int, link_id: int) -> HttpResponse:
        contact = self.contact(pk)
        link = (
            ContactPersonLink.objects.for_viewer(self.viewer)
            .filter(contact=contact, pk=link_id)
            .first()
        )
        if link is None:
            raise Http404
        services.person_link_remove(viewer=self.viewer, link=link)
        messages.success(request, _("De relatie is verwijderd."))
        return redirect("socialmap:detail", pk=contact.pk)


def _reach_picker(view: MemberTemplateView, data: Any = None, **kwargs: Any) -> ReachPickForm:
    return ReachPickForm(data, groups=selectors.visible_groups(view.viewer), **kwargs)


class ReachIndexView(MemberTemplateView):
    """Pick a group, typed to choose (only groups the viewer may see are offered)."""

    template_name = "socialmap/reach_index.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        typed = "groep" in request.GET or "groep_naam" in request.GET
        picker = _reach_picker(self, request.GET if typed else None)
        if typed and picker.is_valid():
            return redirect("socialmap:reach", pk=picker.cleaned_data["groep"].pk)
        context = self.get_context_data(
            picker=picker, any_groups=selectors.visible_groups(self.viewer).exists()
        )
        return render_logging_choices(
            request, self.viewer, self.template_name, context, [picker], status=200
        )


class ReachView(MemberTemplateView):
    """ "Wie kan groep X bereiken?": contacts ranked, each with the reasons for its place."""

    template_name = "socialmap/reach.html"
    model = Group
    shows_personal_data = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        group, _level = get_visible(
            self.viewer,
            Group.objects.all(),
            via=AccessVia.PAGE,
            path=self.request.get_full_path(),
            pk=self.kwargs["pk"],
        )
        # The best few answer the question; only what is shown is read (and logged).
        show_all = self.request.GET.get("alle") == "1"
        ranked = selectors.ranked_for_group(self.viewer, group)
        rows = selectors.reach_rows(
            self.viewer, group, ranked if show_all else ranked[:REACH_PAGE_SIZE]
        )
        log_reads(
            self.viewer,
            [row.contact for row in rows],
            via=AccessVia.LIST,
            path=self.request.get_full_path(),
        )
        data.update(group=group, rows=rows, picker=_reach_picker(self, initial={"groep": group}))
        data.update(total=len(ranked), hidden=len(ranked) - len(rows))
        data["export_url"] = reverse("socialmap:export_print") + f"?groep_bereik={group.pk}"
        return data
