"""One rule for related rows (issue 8): a row is shown at the lowest access over itself and
every registered object it names; one prefetch helper applies it to both ends and logs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from signalregister.signals_factories import signal_factory
from subjects.subjects_factories import person_factory, set_access

from lont.audit.models import AccessLogEntry
from lont.core import visibility
from lont.core.related import ACCESS_ATTR, access_name, prefetch_visible
from lont.core.viewer import Viewer
from lont.networks.choices import Access, InformationCategory, PartnerType

pytestmark = pytest.mark.django_db
C = InformationCategory


@pytest.fixture
def signal_with_tipster(network, make_member):
    owner = make_member(PartnerType.YOUTH_WORK)
    tipster = person_factory(owner.organisation, alias="Tipster", category=C.TIP)
    other = person_factory(owner.organisation, alias="Betrokkene")
    signal = signal_factory(owner, people=[(tipster, "tipster"), (other, "involved")])
    set_access(
        network,
        {
            (C.ONLINE_OPEN_SOURCE, PartnerType.POLICE): Access.FULL,
            (C.GROUP_ANALYSIS, PartnerType.POLICE): Access.FULL,
            (C.TIP, PartnerType.POLICE): Access.NONE,
        },
    )
    return signal


def test_effective_access_is_the_lowest_over_the_row_and_what_it_names(
    signal_with_tipster, make_member
):
    reader = Viewer(make_member(PartnerType.POLICE))
    rows = {row.person.alias: row for row in signal_with_tipster.people.all()}
    assert visibility.access_for(reader, rows["Tipster"]) == Access.FULL  # the row alone
    assert visibility.effective_access(reader, rows["Tipster"]) == Access.NONE
    assert visibility.effective_access(reader, rows["Betrokkene"]) == Access.FULL


def test_prefetch_visible_drops_rows_below_minimum_and_logs_what_it_shows(
    signal_with_tipster, make_member
):
    reader = Viewer(make_member(PartnerType.POLICE))
    signal = visibility.visible(reader, type(signal_with_tipster)).get()
    shown = prefetch_visible(reader, [signal], "people", via="page", path="/test/")
    assert [row.person.alias for row in signal.people.all()] == ["Betrokkene"]
    assert getattr(shown[0], ACCESS_ATTR) == Access.FULL
    logged = set(AccessLogEntry.objects.values_list("object_type", flat=True))
    assert {"signalregister.signalperson", "subjects.person"} <= logged


def test_an_earlier_unscoped_prefetch_is_replaced(signal_with_tipster, make_member):
    reader = Viewer(make_member(PartnerType.POLICE))
    signal = type(signal_with_tipster).objects.prefetch_related("people").get()
    assert len(signal.people.all()) == 2
    prefetch_visible(reader, [signal], "people")
    assert [row.person.alias for row in signal.people.all()] == ["Betrokkene"]


def test_register_refuses_related_names_that_are_not_foreign_keys():
    from lont.signalregister.models import Signal

    with pytest.raises(ValueError):
        visibility.register(Signal, category_field="category", related=("description",))


def test_the_api_access_field_has_one_representation():
    assert [access_name(a) for a in Access] == ["none", "summary", "full"]


def test_no_template_compares_access_levels_by_number():
    root = Path(__file__).resolve().parents[2] / "lont"
    pattern = re.compile(r"access\s*(==|>=|<=|!=|<|>)\s*\d")
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for path in root.rglob("*.html")
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == [], "use {% if access|is_full %} / |is_summary"


def test_read_access_takes_the_answer_the_layer_marked_for_that_viewer_only(
    signal_with_tipster, make_member
):
    """The access log of a list takes a row's access from the mark the layer left when it kept
    the row (``mark_shown``), for the viewer it was kept for and where the row names nothing;
    otherwise the layer answers again."""
    reader = Viewer(make_member(PartnerType.POLICE))
    other = Viewer(make_member(PartnerType.POLICE))
    signal = visibility.visible(reader, type(signal_with_tipster)).get()
    visibility.mark_shown(reader, signal, Access.SUMMARY)  # a mark unlike access_for's answer
    assert visibility.access_for(reader, signal) == Access.FULL
    assert visibility.read_access(reader, signal) == Access.SUMMARY
    assert visibility.read_access(other, signal) == Access.FULL
    row = next(r for r in signal.people.all() if r.person.alias == "Tipster")
    visibility.mark_shown(reader, row, Access.NONE)  # names a person: its own access is asked
    assert visibility.read_access(reader, row) == Access.FULL
