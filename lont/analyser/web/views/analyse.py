"""The "Analyseer tekst" and "Bericht opstellen" pages.

Both work as plain forms (POST, full page) and with htmx (the same POST answered with only the
results partial). The text typed or pasted is analysed in memory and never stored or logged; the
responses are marked ``no-store`` so browsers and proxies do not keep them either.

Embedding the live message check elsewhere (crisis C2 "one line", aftercare A4 debunks)::

    {% include "analyser/_message_check.html" with check_form=check_form %}

where ``check_form`` is a :class:`~lont.analyser.web.forms.MessageCheckForm` (prefill ``context``
with the planned confrontation or the rumour). The partial posts to ``analyser:message_check``
(``hx-post``, debounced on input) and swaps ``#message-warnings``; without JavaScript its submit
button opens the full "Bericht opstellen" page with the warnings.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from lont.core.views_base import MemberTemplateView

from ..analysis import analyse_for, check_for, result_context, warning_views
from ..forms import AnalyseForm, MessageCheckForm


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


@method_decorator(never_cache, name="dispatch")
class AnalyseView(MemberTemplateView):
    template_name = "analyser/analyse.html"
    partial_template_name = "analyser/_analyse_results.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data.setdefault("form", AnalyseForm())
        data["can_manage"] = self.viewer.can("analyser.manage")
        return data

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = AnalyseForm(request.POST)
        data: dict[str, Any] = {"form": form}
        if form.is_valid():
            cleaned = form.cleaned_data
            analysis = analyse_for(
                self.viewer,
                text=cleaned["text"],
                posted_at=cleaned["posted_at"],
                engagement={m: cleaned.get(m) for m in ("views", "likes", "reposts", "comments")},
            )
            data.update(result_context(self.viewer, analysis))
            data["platform_label"] = dict(form.fields["platform"].choices).get(  # type: ignore[attr-defined]
                cleaned["platform"], ""
            )
        if is_htmx(request):
            return render(request, self.partial_template_name, data)
        return self.render_to_response(self.get_context_data(**data))


@method_decorator(never_cache, name="dispatch")
class MessageView(MemberTemplateView):
    """The "Bericht opstellen" page; ``message_check`` is the same view for embedded checks."""

    template_name = "analyser/message.html"
    partial_template_name = "analyser/_message_warnings.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data.setdefault("check_form", MessageCheckForm())
        return data

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = MessageCheckForm(request.POST)
        data: dict[str, Any] = {"check_form": form, "checked": False}
        if form.is_valid():
            draft = form.cleaned_data["draft"]
            warnings = check_for(
                self.viewer,
                draft=draft,
                context_texts=[form.cleaned_data["context"]],
                posted_at=timezone.now(),
            )
            data.update({"checked": True, "warnings": warning_views(draft, warnings)})
        if is_htmx(request):
            return render(request, self.partial_template_name, data)
        return self.render_to_response(self.get_context_data(**data))
