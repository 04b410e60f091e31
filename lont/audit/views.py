"""The privacy officer's pages: search both logs and export them (CSV)."""

from __future__ import annotations

import csv
from typing import Any

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from lont.core.reauth import reauth_redirect, recently_authenticated
from lont.core.spreadsheet import safe_cell
from lont.core.views_base import MemberTemplateView, MemberView

from . import selectors
from .events import export_event
from .forms import LogFilterForm

ACCESS_COLUMNS = [
    "at",
    "actor",
    "organisation",
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
    return LogFilterForm(
        data or None, users=users, object_types=selectors.object_types(viewer=viewer)
    )


def _entries(viewer: Any, form: LogFilterForm) -> tuple[str, Any]:
    log = (form.cleaned_data.get("log") if form.is_bound and form.is_valid() else "") or "access"
    filters = form.filters() if form.is_bound else {}
    if log == "change":
        return log, selectors.change_log(viewer=viewer, **filters)
    return log, selectors.access_log(viewer=viewer, **filters)


class AuditIndexView(MemberTemplateView):
    template_name = "audit/index.html"
    required_permission = "audit.read"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        form = _form(self.viewer, self.request.GET)
        log, entries = _entries(self.viewer, form)
        page = Paginator(entries, 50).get_page(self.request.GET.get("page"))
        data.update(form=form, log=log, page_obj=page, is_paginated=page.has_other_pages())
        data["export_query"] = self.request.GET.urlencode()
        return data


class AuditExportView(MemberView):
    """CSV export of the filtered log; needs a recent re-authentication and is itself logged."""

    required_permission = "audit.read"

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
        count = 0
        for entry in entries.iterator(chunk_size=2000):
            writer.writerow([_cell(entry, column) for column in columns])
            count += 1
        export_event(
            obj=self.viewer.membership,
            actor=self.viewer.user,
            network=self.viewer.network,
            what=f"{log}_log",
            count=count,
        )
        return response


def _cell(entry: Any, column: str) -> str:
    value = getattr(entry, column)
    if column == "actor":
        return value.full_name if value else ""
    if column == "organisation":
        return value.name if value else ""
    if column == "at":
        return timezone.localtime(value).isoformat()
    return safe_cell(value)
