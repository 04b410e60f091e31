"""Forms of professional online presence (P3)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lont.core.forms import StyledForm, StyledModelForm, style_widget
from lont.core.viewer import Viewer
from lont.subjects.choosers import FullGroupComboboxField

from . import selectors
from .choices import ASPECTS, AspectLevel
from .models import ContactLog, Platform, PositiveActivity, ProfessionalAccount

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlatformForm(StyledModelForm):
    class Meta:
        model = Platform
        fields = ["name", "where_groups", "ephemeral", "review_interval_days", "review_owner"]
        widgets = {"where_groups": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["review_owner"].queryset = selectors.members(viewer)  # type: ignore[attr-defined]


class ReviewForm(StyledForm):
    """A scan on the guide's 9 aspects ("Investeer in het vergroten van bewustwording …", 7)."""

    reviewed_on = forms.DateField(label=_("Beoordeeld op"), widget=DATE)
    note = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("reviewed_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        for code, label in ASPECTS:
            self.fields[f"aspect_{code}"] = forms.TypedChoiceField(
                label=str(label),
                choices=AspectLevel.choices,
                coerce=int,
            )
        self.order_fields([f"aspect_{c}" for c, _l in ASPECTS] + ["reviewed_on", "note"])
        for name in self.fields:
            style_widget(self.fields[name])


class AccountForm(StyledModelForm):
    class Meta:
        model = ProfessionalAccount
        fields = ["platform", "handle", "member", "house_style", "note"]
        help_texts = {
            "handle": _(
                "Een individueel, professioneel herkenbaar account van de organisatie — nooit een "
                "privéprofiel."
            ),
        }

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = selectors.members(viewer).filter(  # type: ignore[attr-defined]
            organisation=viewer.organisation
        )
        names = [p.name for p in selectors.platforms(viewer)]
        self.fields["platform"].widget.attrs["list"] = "platform-names"
        self.platform_names = names


class AccountEditForm(AccountForm):
    class Meta(AccountForm.Meta):
        fields = ["platform", "handle", "member", "house_style", "active", "note"]


class ContactLogForm(StyledModelForm):
    """Counts and dates only: there is deliberately no field for what was said."""

    class Meta:
        model = ContactLog
        fields = ["kind", "count", "on", "group"]
        # Type to choose: a select of every group grows with the network.
        field_classes = {"group": FullGroupComboboxField}
        widgets = {"on": DATE}

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = selectors.visible_groups(viewer)  # type: ignore[attr-defined]


class ActivityForm(StyledModelForm):
    confirm_online = forms.BooleanField(
        label=_("Ik heb de waarschuwing gelezen en plan dit toch online"), required=False
    )

    class Meta:
        model = PositiveActivity
        fields = [
            "title",
            "kind",
            "group",
            "planned_on",
            "channel",
            "topic",
            "emotionally_loaded",
            "outcome",
            "share_online",
        ]
        field_classes = {"group": FullGroupComboboxField}
        widgets = {
            "planned_on": DATE,
            "topic": forms.Textarea(attrs={"rows": 2}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = selectors.visible_groups(viewer)  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(activity: PositiveActivity) -> dict[str, Any]:
        return {name: getattr(activity, name) for name in ActivityForm.Meta.fields}


def default_date() -> dt.date:
    return timezone.localdate()
