"""``choice_labels`` / ``choice_label`` answer what Django's ``get_FOO_display`` answers."""

from __future__ import annotations

import pytest
from django.db.models import Model
from django.utils import translation

from lont.core.choices import choice_label, choice_labels
from lont.signalregister.models import Signal


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", ["status", "source_type", "category"])
def test_labels_are_djangos_display(language, name):
    field = Signal._meta.get_field(name)
    with translation.override(language):
        labels = choice_labels(field)
        for value, _label in field.flatchoices:
            signal = Signal(**{field.attname: value})
            display = Model._get_FIELD_display(signal, field)  # Django's own, not the override
            assert labels[value] == display == choice_label(field, value)
        assert choice_label(field, "unknown") == "unknown"
