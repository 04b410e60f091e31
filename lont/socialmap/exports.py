"""The crisis phone tree: the contact list as CSV or as a printable page.

Both need a recent re-authentication, log a read per exported contact (via *export*) and record
an export event. Only contacts the viewer sees in full are exported: a summary row has no name or
number anyone could call.
"""

from __future__ import annotations

import csv
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lont.accounts.reauth import RecentAuthRequiredMixin
from lont.audit.access import log_reads
from lont.audit.events import export_event
from lont.audit.models import AccessVia
from lont.core.selectors import get_visible
from lont.core.spreadsheet import safe_cell
from lont.core.views_base import MemberTemplateView, MemberView
from lont.subjects.models import Group

from . import selectors
from .models import Contact

COLUMNS = [
    ("name", gettext_lazy("naam")),
    ("kind", gettext_lazy("soort")),
    ("role", gettext_lazy("rol")),
    ("employer", gettext_lazy("organisatie")),
    ("phone", gettext_lazy("telefoon")),
    ("email", gettext_lazy("e-mail")),
    ("out_of_hours", gettext_lazy("buiten kantoortijd")),
    ("availability", gettext_lazy("bereikbaarheid")),
    ("areas", gettext_lazy("gebieden")),
    ("languages", gettext_lazy("talen")),
    ("recorded_by", gettext_lazy("bekend bij")),
]


def cell(contact: Contact, column: str) -> str:
    if column == "kind":
        return str(contact.get_kind_display())
    if column == "out_of_hours":
        return _("ja") if contact.out_of_hours else _("nee")
    if column in ("areas", "languages"):
        return ", ".join(getattr(contact, column) or [])
    if column == "recorded_by":
        return contact.organisation.name
    return str(getattr(contact, column) or "")


class ExportMixin:
    viewer: Any
    request: HttpRequest

    def export_contacts(self) -> tuple[list[Contact], Group | None]:
        group_param = str(self.request.GET.get("groep_bereik", ""))
        group = None
        if group_param.isdigit():
            group, _level = get_visible(
                self.viewer,
                Group.objects.all(),
                via=AccessVia.EXPORT,
                path=self.request.get_full_path(),
                pk=int(group_param),
            )
            found: list[Contact] = [
                row.contact for row in selectors.who_can_reach(self.viewer, group)
            ]
        else:
            found = list(selectors.contacts(self.viewer, selectors.parse_filters(self.request.GET)))
        rows = selectors.export_rows(self.viewer, found)
        log_reads(self.viewer, rows, via=AccessVia.EXPORT, path=self.request.get_full_path())
        export_event(
            obj=self.viewer.membership,
            actor=self.viewer.user,
            network=self.viewer.network,
            what="socialmap_phone_tree",
            count=len(rows),
        )
        return rows, group


class ExportCsvView(RecentAuthRequiredMixin, ExportMixin, MemberView):
    is_export = True
    required_permission = "case.read"
    # Not flagged for the generic URL test, which cannot re-authenticate: the export's access
    # log (one row per contact, via "export") is tested in tests/socialmap/test_export.py.
    shows_personal_data = False

    def get(self, request: HttpRequest) -> HttpResponse:
        rows, _group = self.export_contacts()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="lont-belboom-{stamp}.csv"'
        writer = csv.writer(response)
        writer.writerow([str(label) for _key, label in COLUMNS])
        for contact in rows:
            writer.writerow([safe_cell(cell(contact, key)) for key, _label in COLUMNS])
        return response


class ExportPrintView(RecentAuthRequiredMixin, ExportMixin, MemberTemplateView):
    is_export = True
    required_permission = "case.read"
    # Not flagged for the generic URL test, which cannot re-authenticate: the export's access
    # log (one row per contact, via "export") is tested in tests/socialmap/test_export.py.
    shows_personal_data = False
    template_name = "socialmap/export_print.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        rows, group = self.export_contacts()
        data.update(rows=rows, group=group, printed_at=timezone.localtime())
        data["csv_query"] = self.request.GET.urlencode()
        return data
