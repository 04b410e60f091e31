"""Explanations a professional reads in ten seconds (issue 9): one sentence first, the numbers
behind "Details", a drill chart that stays valid SVG in the Dutch locale, "Bespreken in overleg",
and linking by hand from a described, searchable list."""

from __future__ import annotations

import re

import pytest
from assessment_app.assessment_factories import signal_factory, situation_factory
from django.urls import reverse
from django.utils import translation

from lont.assessment import svg
from lont.networks.choices import PartnerType
from lont.subjects.models import Group

pytestmark = pytest.mark.django_db


def test_situation_opens_with_one_sentence_and_keeps_numbers_behind_details(
    make_member, client_for
):
    youth = make_member(PartnerType.YOUTH_WORK)
    group = Group.objects.create(
        network=youth.network, organisation=youth.organisation, name="Westside"
    )
    situation = situation_factory(
        youth, signal_factory(youth, days_ago=0.1, groups=(group,)), groups=[group]
    )
    page = client_for(youth).get(situation.get_absolute_url()).content.decode()
    sentence = re.search(r'data-testid="sentence">(.*?)</p>', page, re.S).group(1)
    assert "Niveau verhoogd, vooral door" in sentence and "1 nieuw signaal deze week" in sentence
    main = page.split("<main")[1]
    assert main.index('data-testid="sentence"') < main.index("<details")
    assert main.index("<details") < main.index("Elke bijdrage aan de score")
    assert f"?situatie={situation.pk}" in page and "Bespreken in overleg" in page
    assert reverse("subjects:group_detail", args=[group.pk]) in page
    assert "#" + str(situation.pk) not in page.split("<main")[1]
    # "Bespreken in overleg" puts the situation on the new meeting's agenda
    form = client_for(youth).get(reverse("assessment:meeting_create") + f"?situatie={situation.pk}")
    assert re.search(
        rf'value="{situation.pk}"[^>]*selected|selected[^>]*value="{situation.pk}"',
        form.content.decode(),
    )


def test_drill_chart_has_dots_not_commas_and_month_labels_in_dutch():
    drill = {
        "months": ["2026-01", "2026-02", "2026-03", "2026-04"],
        "attacks": [0, 1, 3, 2],
        "shows": [1, 0, 2, 5],
    }
    with translation.override("nl"):
        chart = svg.drill_chart(drill)
    for name in ("attacks", "shows"):
        assert "," in chart[name] and re.fullmatch(r"[\d. ,]+", chart[name])
        for pair in chart[name].split():
            x, y = pair.split(",")
            float(x), float(y)
    assert [label["text"] for label in chart["labels"]] == [
        "jan ’26",
        "feb ’26",
        "mrt ’26",
        "apr ’26",
    ]
    assert all("," not in label["x"] for label in chart["labels"])
    assert [t["text"] for t in chart["ticks"]] == ["0", "2", "5"]


def test_drill_chart_renders_valid_coordinates_on_the_page(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    situation = situation_factory(youth, signal_factory(youth, days_ago=0.1))
    situation.drill = {
        "months": [f"2026-{m:02d}" for m in range(1, 7)],
        "attacks": [0, 1, 1, 2, 3, 3],
        "shows": [0, 0, 1, 1, 2, 4],
        "explanation_nl": "Drill",
        "attacks_test": "",
        "shows_test": "",
    }
    situation.save()
    page = client_for(youth).get(situation.get_absolute_url()).content.decode()
    svg_text = page[page.index('<svg class="lont-chart"') : page.index("</svg>")]
    for value in re.findall(r'(?:x|y|x1|x2|y1|y2)="([^"]*)"', svg_text):
        assert "," not in value, value
    assert "Aantal per maand" in svg_text and "Maand" in svg_text and "jan ’26" in svg_text


def test_linking_by_hand_describes_signals_searches_and_shows_linked(make_member, client_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    west = Group.objects.create(network=youth.network, organisation=youth.organisation, name="West")
    linked = signal_factory(youth, days_ago=2)
    other = signal_factory(youth, days_ago=1, groups=(west,), description="Oproep bij de kooi")
    third = signal_factory(youth, days_ago=3)
    situation = situation_factory(youth, linked)
    url = reverse("assessment:situation_link", args=[situation.pk])
    page = client_for(youth).get(url).content.decode()
    assert "Signaal van" in page and "West" in page and "Oproep bij de kooi" in page
    assert "gekoppeld" in page
    assert f"#{other.pk}" not in page
    searched = client_for(youth).get(url + "?zoek=west").content.decode()
    assert f'value="{other.pk}"' in searched and f'value="{third.pk}"' not in searched
    response = client_for(youth).post(url + "?zoek=west", {"signals": [other.pk]})
    assert response.status_code == 302
    assert set(situation.signals.values_list("pk", flat=True)) == {linked.pk, other.pk}
