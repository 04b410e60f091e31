"""The suggestions of the situation fields (type to choose): the first visible situations whose
title holds what was typed, each read access-logged."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy

from lont.core.views_base import ComboboxOptionsView

from .. import selectors
from ..models import Situation


class SituationOptionsView(ComboboxOptionsView):
    model = Situation
    required_permission = "case.read"
    text_param = "situatie_naam"
    listbox_id = "situatie-opties"
    none_found = gettext_lazy("Geen situatie gevonden")

    def suggestions(self, text: str) -> list[Any]:
        return selectors.situation_options(self.viewer, text)
