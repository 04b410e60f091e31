"""Pages of the social map: network and organisation views, contact pages, "who can reach group X?".

Thin: reads through ``selectors``, writes through ``services``. The export lives in ``exports``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.selectors import get_visible
from lont.core.views_base import MemberTemplateView, MemberView, VisibleDetailView, VisibleListView
from lont.networks.choices import Access
from lont.networks.selectors import organisations
from lont.subjects.models import Group

from . import selectors, services
from .choices import ContactKind
from .forms import ContactForm, DeleteForm, PersonLinkForm, ReachForm
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
            groups=selectors.visible_groups(self.viewer),
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


def _service_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        for message in error.messages:
            form.add_error(None, message)


class ContactCreateView(MemberTemplateView):
    template_name = "socialmap/contact_form.html"
    required_permission = "case.write"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data.setdefault("form", ContactForm(viewer=self.viewer))
        return data

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ContactForm(request.POST, viewer=self.viewer)
        if form.is_valid():
            try:
                contact = services.contact_create(viewer=self.viewer, **form.cleaned_data)
            except ValidationError as error:
                _service_errors(form, error)
            else:
                messages.success(request, _("Het contact is toegevoegd aan de sociale kaart."))
                return redirect("socialmap:detail", pk=contact.pk)
        return self.render_to_response(self.get_context_data(form=form))


class MaintainedContactMixin:
    """Views that change one contact: visible in full and maintained by the viewer, else 403."""

    viewer: Any
    request: HttpRequest

    def contact(self, pk: int) -> Contact:
        contact, _level = get_visible(
            self.viewer,
            selectors.contact_queryset(self.viewer),
            via=AccessVia.PAGE,
            path=self.request.get_full_path(),
            minimum=Access.FULL,
            pk=pk,
        )
        if not selectors.can_maintain(self.viewer, contact):
            raise PermissionDenied
        return contact


class ContactUpdateView(MaintainedContactMixin, MemberTemplateView):
    model = Contact
    template_name = "socialmap/contact_form.html"
    required_permission = "case.write"
    shows_personal_data = True

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        contact = self.contact(kwargs["pk"])
        form = ContactForm(initial=ContactForm.initial_for(contact), viewer=self.viewer)
        return self.render_to_response(self.get_context_data(form=form, contact=contact))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        contact = self.contact(kwargs["pk"])
        form = ContactForm(request.POST, viewer=self.viewer)
        if form.is_valid():
            try:
                services.contact_update(viewer=self.viewer, contact=contact, **form.cleaned_data)
            except ValidationError as error:
                _service_errors(form, error)
            else:
                messages.success(request, _("De wijzigingen zijn opgeslagen."))
                return redirect("socialmap:detail", pk=contact.pk)
            contact.refresh_from_db()
        return self.render_to_response(self.get_context_data(form=form, contact=contact))


class ContactDeleteView(MaintainedContactMixin, MemberTemplateView):
    model = Contact
    template_name = "socialmap/contact_delete.html"
    required_permission = "case.write"
    shows_personal_data = True

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        contact = self.contact(kwargs["pk"])
        return self.render_to_response(self.get_context_data(contact=contact, form=DeleteForm()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        contact = self.contact(kwargs["pk"])
        form = DeleteForm(request.POST)
        form.is_valid()
        services.contact_delete(
            viewer=self.viewer, contact=contact, reason=form.cleaned_data.get("reason", "")
        )
        messages.success(request, _("Het contact is verwijderd van de sociale kaart."))
        return redirect("socialmap:list")


class ContactHistoryView(MemberTemplateView):
    """Who changed what and when (field names only for personal fields, never their content)."""

    template_name = "socialmap/contact_history.html"
    model = Contact
    shows_personal_data = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        contact, _level = get_visible(
            self.viewer,
            Contact.objects.select_related("organisation"),
            via=AccessVia.PAGE,
            path=self.request.get_full_path(),
            minimum=Access.FULL,
            pk=self.kwargs["pk"],
        )
        data["contact"] = contact
        data["entries"] = [
            (entry, EVENT_LABELS.get(entry.event, entry.event))
            for entry in selectors.contact_history(self.viewer, contact)[:200]
        ]
        return data


class ReachAddView(MaintainedContactMixin, MemberView):
    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        contact = self.contact(pk)
        form = ReachForm(request.POST, groups=selectors.visible_groups(self.viewer))
        if form.is_valid():
            try:
                services.reach_set(viewer=self.viewer, contact=contact, **form.cleaned_data)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Het bereik is vastgelegd."))
        else:
            messages.error(request, _("Kies een groep en hoe goed dit contact die bereikt."))
        return redirect("socialmap:detail", pk=contact.pk)


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


class PersonLinkAddView(MaintainedContactMixin, MemberView):
    required_permission = "case.write"

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        contact = self.contact(pk)
        form = PersonLinkForm(request.POST, persons=selectors.visible_persons(self.viewer))
        if form.is_valid():
            try:
                services.person_link_add(viewer=self.viewer, contact=contact, **form.cleaned_data)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("De relatie is vastgelegd."))
        else:
            messages.error(request, _("Kies een persoon en beschrijf de relatie."))
        return redirect("socialmap:detail", pk=contact.pk)


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


class ReachIndexView(MemberTemplateView):
    """Pick a group (only groups the viewer may see are offered)."""

    template_name = "socialmap/reach_index.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        group = request.GET.get("groep", "")
        if group.isdigit():
            return redirect("socialmap:reach", pk=int(group))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["groups"] = selectors.visible_groups(self.viewer)
        return data


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
        data.update(group=group, rows=rows, groups=selectors.visible_groups(self.viewer))
        data.update(total=len(ranked), hidden=len(ranked) - len(rows))
        data["export_url"] = reverse("socialmap:export_print") + f"?groep_bereik={group.pk}"
        return data
