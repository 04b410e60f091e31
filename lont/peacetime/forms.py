"""Forms of the vision (P1), the sources (P11) and awareness (P12)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lont.core.forms import StyledForm, StyledModelForm
from lont.core.viewer import Viewer
from lont.knowledge.catalogue import load_guide

from . import selectors
from .choices import JOB_PROFILE_CHECKS
from .models import AwarenessActivity, Source, StigmaLabel, VisionVersion

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 4})


class LinesField(forms.CharField):
    """One term per line ⇄ a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]


class VisionForm(StyledModelForm):
    """The guide's five questions ("Ontwerp een visie op online werken …", "Hoe ontwerp je een
    visie?"), each with the guide's own prompts as help."""

    terms = LinesField(
        label=_("2. Welke termen gebruikt u voor de doelgroep?"),
        required=False,
        help_text=_(
            "Eén per regel. Gebruik termen die alle partijen herkennen, de groep zelf inbegrepen. "
            "Woorden als risicogroep, probleemgroep of bende stroken vaak niet met hoe de buurt "
            "en de jongeren het zien."
        ),
    )
    reason = forms.CharField(label=_("Reden van deze versie"), required=False, max_length=300)

    class Meta:
        model = VisionVersion
        fields = [
            "target_group",
            "terms",
            "terms_note",
            "goal_focus",
            "goal_priority",
            "online_offline",
            "online_information",
            "staff_time",
        ]
        widgets = {
            "target_group": TEXT,
            "terms_note": forms.Textarea(attrs={"rows": 2}),
            "goal_priority": forms.Textarea(attrs={"rows": 3}),
            "online_offline": TEXT,
            "online_information": forms.Textarea(attrs={"rows": 3}),
            "staff_time": TEXT,
        }
        labels = {
            "target_group": _("1. Beschrijf de doelgroep"),
            "goal_focus": _("3. Wat is het doel van contact met de doelgroep?"),
            "goal_priority": _("3. Welke prioriteit geeft u de doelen?"),
            "online_offline": _("4. Hoe treedt u zowel fysiek als online op?"),
            "online_information": _(
                "4. Als u niet zelf online bent: hoe komt online informatie bij u binnen?"
            ),
            "staff_time": _("5. Welke tijd en welk geld krijgen medewerkers voor online werken?"),
        }
        help_texts = {
            "target_group": _(
                "Demografische samenstelling; wat bindt de groep (gebied, familie, gedeelde "
                "ervaringen of meningen); waar komt de groep samen, online en offline? Geen namen."
            ),
            "goal_focus": _(
                "Preventief en zorggericht, repressief en handhavingsgericht, of een combinatie. "
                "Partners mogen verschillen; het netwerk wordt het eens over de prioriteit."
            ),
            "online_offline": _(
                "Online en fysiek zijn even belangrijk en niet los van elkaar te zien."
            ),
            "online_information": _(
                "Welke informatie vraagt u op welke momenten op bij welke partners, of krijgt u "
                "op hun initiatief?"
            ),
            "staff_time": _(
                "Online werken kan niet 'ernaast': extra uren of ander werk dat vervalt, in "
                "opdrachten en financieringsaanvragen."
            ),
        }

    @staticmethod
    def initial_for(version: VisionVersion | None) -> dict[str, Any]:
        if version is None:
            return {}
        return {name: getattr(version, name) for name in VisionForm.Meta.fields}


class ApproveForm(StyledForm):
    reason = forms.CharField(
        label=_("Reden van vaststelling"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class LabelForm(StyledModelForm):
    class Meta:
        model = StigmaLabel
        fields = ["term", "suggestion"]


def recommendation_choices() -> list[tuple[str, str]]:
    return [(r.code, f"{r.code} · {r.heading[:70]}") for r in load_guide().recommendations]


class SourceForm(StyledModelForm):
    url = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")
    recommendations = forms.MultipleChoiceField(
        label=_("Bij welke aanbevelingen hoort deze bron?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Source
        fields = [
            "title",
            "url",
            "good_for",
            "owner",
            "owner_member",
            "review_on",
            "recommendations",
            "from_guide",
        ]
        widgets = {"good_for": forms.Textarea(attrs={"rows": 3}), "review_on": DATE}

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from lont.networks.selectors import organisations

        self.fields["owner"].queryset = organisations(viewer)  # type: ignore[attr-defined]
        self.fields["owner_member"].queryset = selectors.members(viewer)  # type: ignore[attr-defined]
        self.fields["recommendations"].choices = recommendation_choices()  # type: ignore[attr-defined]


class AwarenessForm(StyledModelForm):
    class Meta:
        model = AwarenessActivity
        fields = [
            "kind",
            "title",
            "audience",
            "held_on",
            "reach",
            "organisation",
            "trainer",
            "trusted_by_youth",
            "evaluation",
        ]
        widgets = {"held_on": DATE, "evaluation": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from lont.networks.selectors import organisations

        self.fields["organisation"].queryset = organisations(viewer)  # type: ignore[attr-defined]


class ProfileForm(StyledForm):
    specialist: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Online specialist"), queryset=None, required=False
    )
    checks = forms.MultipleChoiceField(
        label=_("Digitale vaardigheden in functieprofielen en vacatures"),
        choices=JOB_PROFILE_CHECKS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, viewer: Viewer, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["specialist"].queryset = selectors.members(viewer).filter(  # type: ignore[attr-defined]
            organisation=organisation
        )
