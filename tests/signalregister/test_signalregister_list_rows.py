"""The signal list's rows: written by ``list_rows.SignalRows`` as the template wrote them, every
value escaped, each row at the access the visibility layer gave it."""

from __future__ import annotations

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import translation
from signalregister.signals_factories import indicator_factory, signal_factory
from subjects.subjects_factories import group_factory

from lont.core.related import ACCESS_ATTR, filter_visible
from lont.core.viewer import Viewer
from lont.networks.choices import Access, PartnerType
from lont.signalregister import selectors
from lont.signalregister.choices import SourceType, Status
from lont.signalregister.list_rows import (
    DESCRIPTION_LENGTH,
    SignalRows,
    choice_option_tags,
    indicator_option_tags,
)
from lont.signalregister.summaries import summary_text

pytestmark = pytest.mark.django_db

# The row as the list's template wrote it before ``SignalRows`` (and as a template would now).
TEMPLATE_ROW = engines["django"].from_string(
    """{% load i18n %}{% translate "volledig" as read_in_full %}{% translate "afgeschermd" as shielded %}{% translate "samenvatting" as summary_only %}{% if full %}
      <th class="utrecht-table__cell" scope="row"><a class="utrecht-link" href="{{ url }}">{{ description|truncatechars:90 }}</a><br><span class="lont-muted">{{ summary }}</span></th>
      <td class="utrecht-table__cell">{{ observed|date:"j M Y H:i" }}</td>
      <td class="utrecht-table__cell">{{ signal.get_source_type_display }}</td>
      <td class="utrecht-table__cell">{{ signal.get_status_display }}</td>
      <td class="utrecht-table__cell">{{ read_in_full }}</td>
    {% else %}
      <th class="utrecht-table__cell" scope="row"><a class="utrecht-link" href="{{ url }}">{{ summary }}</a></th>
      <td class="utrecht-table__cell">{{ observed|date:"j M Y" }}</td>
      <td class="utrecht-table__cell lont-muted">{{ shielded }}</td>
      <td class="utrecht-table__cell">{{ signal.get_status_display }}</td>
      <td class="utrecht-table__cell">{{ summary_only }}</td>
    {% endif %}"""
)
MARKUP = '<b>Ruzie</b> & "dreiging" bij \'t plein'


@pytest.fixture
def listed(make_member):
    """A police signal read in full and a tip read as a summary by a youth worker, with markup
    in the description, the group's name and the indicator's label."""
    police = make_member(PartnerType.POLICE)
    group = group_factory(police.organisation, name="<i>Pleingroep</i> & co")
    indicator = indicator_factory(police.network, "test.markup", label_nl="Dreiging <x>")
    for source in (SourceType.OPEN_ONLINE, SourceType.TIP_NAMED):
        signal_factory(
            police,
            source_type=source,
            groups=[group],
            indicators=[indicator],
            description=MARKUP + " é" * 60,  # longer than a row shows
        )
    viewer = Viewer(make_member(PartnerType.YOUTH_WORK))
    rows = filter_visible(viewer, list(selectors.signal_list(viewer)))
    selectors.attach_summary_values(viewer, rows)
    return viewer, [(signal, getattr(signal, ACCESS_ATTR)) for signal in rows]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_rows_are_written_as_the_template_wrote_them(listed, language):
    viewer, rows = listed
    assert sorted(access for _signal, access in rows) == [Access.SUMMARY, Access.FULL]
    with translation.override(language):
        written = SignalRows(viewer).cells(rows)
        for (signal, access), cells in zip(rows, written, strict=True):
            expected = TEMPLATE_ROW.render(
                {
                    "full": access == Access.FULL,
                    "url": reverse("signalregister:detail", args=[signal.pk]),
                    "description": signal.description,
                    "summary": summary_text(signal, viewer),
                    "observed": signal.observed_at,
                    "signal": signal,
                }
            )
            assert cells == expected
            assert "<b>" not in cells and "<i>" not in cells and "<x>" not in cells


def test_the_page_shows_the_rows_escaped_and_the_description_only_in_full(listed, client_for):
    viewer, _rows = listed
    html = client_for(viewer.membership).get(reverse("signalregister:list")).content.decode()
    assert html.count('<tr class="utrecht-table__row">') == 3  # the header and two rows
    assert html.count("&lt;b&gt;Ruzie&lt;/b&gt; &amp; &quot;dreiging&quot; bij &#x27;t plein") == 1
    assert "&lt;i&gt;Pleingroep&lt;/i&gt; &amp; co" in html and "<i>" not in html
    assert DESCRIPTION_LENGTH == 90 and "…</a>" in html


# The filter form's options as the list's template wrote them before ``choice_option_tags``.
TEMPLATE_OPTIONS = engines["django"].from_string(
    """{% for value, label in choices %}<option value="{{ value }}"{% if selected == value %} selected{% endif %}>{{ label }}</option>{% endfor %}"""
)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("choices", [Status, SourceType])
def test_choice_options_are_written_as_the_template_wrote_them(choices, language):
    with translation.override(language):
        for selected in ["", *choices.values, "bestaat-niet"]:
            expected = TEMPLATE_OPTIONS.render({"choices": choices.choices, "selected": selected})
            assert choice_option_tags(choices, selected) == expected


def test_indicator_options_are_written_escaped_as_the_template_wrote_them():
    options = [(3, 'Dreiging <x> & "y" \'t'), (12, "Tijd"), (1234, "Plaats")]
    for selected in (None, 12, 1234, 5):
        expected = TEMPLATE_OPTIONS.render({"choices": options, "selected": selected})
        assert indicator_option_tags(options, selected) == expected
