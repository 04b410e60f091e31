"""Pages around the systematic-observation guard: the FG's report, information handed over to
this organisation. Split from ``views`` for size."""

from __future__ import annotations

from typing import Any

from lont.audit.access import log_reads
from lont.audit.models import AccessVia
from lont.core.views_base import MemberTemplateView

from . import selectors


class GuardReportView(MemberTemplateView):
    """For the FG: crossings of the guard per organisation and person alias; no content."""

    required_permission = "audit.read"
    template_name = "signalregister/guard_report.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["rows"] = selectors.guard_report(self.viewer)
        return data


class HandoverListView(MemberTemplateView):
    """Information other partners handed to this organisation after a guard warning."""

    # Only the receiving organisation's rows; each listed row is access-logged below.
    required_permission = "case.read"
    template_name = "signalregister/handovers.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        rows = list(selectors.handovers_to(self.viewer))
        log_reads(self.viewer, rows, via=AccessVia.LIST, path=self.request.get_full_path())
        data["rows"] = rows
        return data
