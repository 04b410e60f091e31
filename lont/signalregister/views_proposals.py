"""The analyser's precision and recall on this network's saved signals (issue 15, item 4)."""

from __future__ import annotations

from typing import Any

from lont.core.views_base import MemberTemplateView

from .proposal_stats import analyser_quality


class AnalyserQualityView(MemberTemplateView):
    """For the director (and coordinators, who keep the lexicon and places): counts only."""

    required_permission = "analyser.manage"
    template_name = "signalregister/analyser_quality.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        data = super().get_context_data(**kwargs)
        data["quality"] = analyser_quality(self.viewer)
        return data
