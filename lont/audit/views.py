"""The privacy officer's pages: search both logs and export them (CSV)."""

from __future__ import annotations

import csv
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from lont.core.reauth import reauth_redirect, recently_authenticated
from lont.core.spreadsheet import safe_cell
from lont.core.views_base import MemberTemplateView, MemberView
from lont.core.visibility import visible

from . import selectors
from .access import log_reads
from .events import export_event
from .forms import LogFilterForm
from .models import AccessVia
from .names import field_label, model_label

ACCESS_COLUMNS = [
    "at",
    "actor",
    "organisation",
    "role",
    "via",
    "object_type",
    "object_id",
    "object_repr",
    "access",
    "purpose",
    "path",
    "request_id",
]
CHANGE_COLUMNS = [
    "at",
    "actor",
    "action",
    "event",
    "object_type",
    "object_id",
    "object_repr",
    "before",
    "after",
    "reason",
    "via",
    "request_id",
]


def _form(viewer: Any, data: Any) -> LogFilterForm:
    users = get_user_model().objects.filter(memberships__network=viewer.network).distinct()
    organisations = visible(viewer, apps.get_model("networks", "Organisation"))
    return LogFilterForm(
        data or None,
        users=users,
        organisations=organisations,
        object_types=selectors.object_types(viewer=viewer),
    )


def _entries(viewer: Any, form: LogFilterForm) -> tuple[str, Any]:
    log = (form.cleaned_data.get("log") if form.is_bound and form.is_valid() else "") or "access"
    filters = form.filters() if form.is_bound else {}
    if log == "change":
        return log, selectors.change_log(viewer=viewer, **filters)
    return log, selectors.access_log(viewer=viewer, **filters)


def _named_changes(entries: Any) -> list[Any]:
    """Change-log rows with Dutch model and field names for the page."""
    rows = list(entries)
    for entry in rows:
        entry.model_label = model_label(entry.object_type)
        entry.field_labels = [field_label(entry.object_type, name) for name in entry.after or {}]
    return rows


class AuditIndexView(MemberTemplateView):
    """The logs for the privacy officer: one entry per request for reads (which records, at which
    level, by whom from which partner in which role), the change log per change."""

    template_name = "audit/index.html"
    required_permission = "audit.read"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        form = _form(self.viewer, self.request.GET)
        log, entries = _entries(self.viewer, form)
        source = entries if log == "change" else selectors.read_groups(entries)
        page = Paginator(source, 50).get_page(self.request.GET.get("page"))
        if log == "change":
            rows = _named_changes(page.object_list)
        else:
            rows = selectors.fill_groups(entries, list(page.object_list))
        data.update(
            form=form, log=log, page_obj=page, rows=rows, is_paginated=page.has_other_pages()
        )
        data["export_query"] = self.request.GET.urlencode()
        return data


class AuditExportView(MemberView):
    """CSV export of the filtered log; needs a recent re-authentication and is itself logged."""

    required_permission = "audit.read"
    is_export = True

    def get(self, request: HttpRequest) -> HttpResponse:
        if not recently_authenticated(request):
            return reauth_redirect(request)
        form = _form(self.viewer, request.GET)
        log, entries = _entries(self.viewer, form)
        columns = CHANGE_COLUMNS if log == "change" else ACCESS_COLUMNS
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="lont-{log}-log-{stamp}.csv"'
        writer = csv.writer(response)
        writer.writerow(columns)
        count, actors = 0, set()
        for entry in entries.iterator(chunk_size=2000):
            writer.writerow([_cell(entry, column) for column in columns])
            actors.add(entry.actor_id)
            count += 1
        _log_named_members(self.viewer, actors, path=request.get_full_path())
        export_event(
            obj=self.viewer.membership,
            actor=self.viewer.user,
            network=self.viewer.network,
            what=f"{log}_log",
            count=count,
        )
        return response


def _log_named_members(viewer: Any, user_ids: set[int | None], *, path: str) -> None:
    """The export names professionals (the actors): log a read of each one's membership, the
    personal record it shows. Resolved through the app registry: audit imports no domain app."""
    membership = apps.get_model("networks", "Membership")
    known = [user_id for user_id in user_ids if user_id is not None]
    named = visible(viewer, membership.objects.filter(user_id__in=known))
    log_reads(viewer, named, via=AccessVia.EXPORT, path=path)


def _cell(entry: Any, column: str) -> str:
    value = getattr(entry, column)
    if value is None:
        return ""
    if column == "actor":
        return value.full_name if value else ""
    if column == "organisation":
        return value.name if value else ""
    if column == "at":
        return timezone.localtime(value).isoformat()
    return safe_cell(value)
