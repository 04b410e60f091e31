"""The network graph page and its JSON."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from lont.core.views_base import MemberTemplateView, MemberView

from ..forms import GraphFilterForm
from ..graph import FocusNotFound, GraphFilter, graph_data
from ..models import Person


def _filter(request: HttpRequest) -> tuple[GraphFilterForm, GraphFilter]:
    form = GraphFilterForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        focus = f"g{data['group']}" if data["group"] else ""
        focus = f"p{data['person']}" if data["person"] else focus
        return form, GraphFilter(
            area=data["area"].strip(),
            kind=data["kind"],
            since=data["since"],
            until=data["until"],
            focus=focus,
            depth=data["depth"] or 1,
        )
    return form, GraphFilter()


class GraphView(MemberTemplateView):
    template_name = "subjects/graph.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["form"], _f = _filter(self.request)
        data["query"] = self.request.GET.urlencode()
        return data


class GraphDataView(MemberView):
    shows_personal_data = True
    model = Person  # what it reads (aliases): the project's URL test checks the access log

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form, graph_filter = _filter(request)
        if request.GET and not form.is_valid():
            return JsonResponse({"errors": form.errors}, status=400)
        try:
            data = graph_data(self.viewer, graph_filter, path=request.get_full_path())
        except FocusNotFound:
            message = _("Deze groep of persoon staat niet op uw netwerkkaart.")
            return JsonResponse({"message": message}, status=404)
        return JsonResponse(data)
