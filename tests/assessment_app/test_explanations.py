"""Explanations a professional reads in ten seconds (issue 9): one sentence first, the numbers
behind "Details", a drill chart that stays valid SVG in the Dutch locale, "Bespreken in overleg",
and linking by hand from a described, searchable list."""

from __future__ import annotations

import re

import pytest
from assessment_app.assessment_factories import signal_factory, situation_factory
from django.urls import reverse
from django.utils import translation
from subjects.subjects_factories import group_factory, person_factory, set_access

from lont.assessment import svg
from lont.networks.choices import Access, InformationCategory, PartnerType
from lont.signalregister.choices import PersonRole
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
    assert (
        f'name="situations" value="{situation.pk}" id="id_situations-gekozen-{situation.pk}" checked'
        in (form.content.decode())
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


ENGINE_NUMBER = re.compile(r"[Ss]ignaal \d+|#\d+")


def _details(page: str) -> str:
    return page.split('<details class="lont-details">', 1)[1].split("</details>", 1)[0]


def test_details_name_signals_by_their_label_never_by_number(make_member, client_for):
    """A full reader reads the signal's label (organisation, group, date) with a link to it; the
    engine's "Signaal 331" is gone from the page, the API and the one sentence."""
    youth = make_member(PartnerType.YOUTH_WORK)
    group = Group.objects.create(
        network=youth.network, organisation=youth.organisation, name="Westside"
    )
    signal = signal_factory(youth, days_ago=0.1, groups=(group,))
    situation = situation_factory(youth, signal, groups=[group])
    assert f"ignaal {signal.pk}" in str(situation.explanation)  # the engine's cached line
    client = client_for(youth)
    page = client.get(situation.get_absolute_url()).content.decode()
    details = _details(page)
    assert f"Signaal van {youth.organisation.name} over Westside" in details
    assert signal.get_absolute_url() in details
    assert not ENGINE_NUMBER.search(details), ENGINE_NUMBER.search(details)
    sentence = re.search(r'data-testid="sentence">(.*?)</p>', page, re.S).group(1)
    assert "signaal van " in sentence and not ENGINE_NUMBER.search(sentence)
    body = client.get(f"/api/v1/situations/{situation.pk}/").json()
    texts = [line["text"] for line in body["contributions"]]
    assert texts and not any(ENGINE_NUMBER.search(t) for t in texts)
    assert {line["url"] for line in body["contributions"]} == {signal.get_absolute_url()}


def test_a_summary_reader_details_name_no_group_or_person_it_may_not_see(make_member, client_for):
    """Canary: the police's signal names a group and a person the youth worker may not see; the
    youth worker's own situation counts that signal (read as a summary)."""
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    set_access(
        youth.network,
        {
            (InformationCategory.ONLINE_OPEN_SOURCE, PartnerType.YOUTH_WORK): Access.SUMMARY,
            (InformationCategory.GROUP_ANALYSIS, PartnerType.YOUTH_WORK): Access.NONE,
            (InformationCategory.IDENTIFYING, PartnerType.YOUTH_WORK): Access.NONE,
        },
    )
    canaries = {"KANARIE-groep-5d2", "KANARIE-alias-5d2", "KANARIE-inhoud-5d2"}
    hidden = group_factory(police.organisation, name="KANARIE-groep-5d2")
    person = person_factory(police.organisation, alias="KANARIE-alias-5d2")
    signal = signal_factory(
        police,
        days_ago=0.1,
        description="KANARIE-inhoud-5d2",
        groups=(hidden,),
        people=((person, PersonRole.POSSIBLE_PERPETRATOR),),
    )
    situation = situation_factory(police, signal)
    situation.organisation = youth.organisation  # the youth worker's own situation
    situation.save()
    client = client_for(youth)
    page = client.get(situation.get_absolute_url()).content.decode()
    details = _details(page)
    assert f"Signaal van {police.organisation.name}" in details
    assert "(samenvatting)" in details
    assert not ENGINE_NUMBER.search(details)
    assert not [c for c in canaries if c in page]
    body = client.get(f"/api/v1/situations/{situation.pk}/").content.decode()
    assert not [c for c in canaries if c in body] and not ENGINE_NUMBER.search(body)


def test_a_signal_the_reader_may_not_see_is_not_named_by_its_number_in_the_api(
    make_member, client_for
):
    """The line of a partner's signal the reader may not see says only that it counts: the API
    gives no ref (its number) either, as the page gives none."""
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    set_access(
        youth.network,
        {(InformationCategory.ONLINE_OPEN_SOURCE, PartnerType.YOUTH_WORK): Access.NONE},
    )
    signal = signal_factory(police, days_ago=0.1)
    situation = situation_factory(police, signal)
    situation.organisation = youth.organisation  # the youth worker's own situation
    situation.save()
    body = client_for(youth).get(f"/api/v1/situations/{situation.pk}/").json()
    unseen = [line for line in body["contributions"] if line["access"] == "none"]
    assert unseen and all(line["ref"] == "" and line["url"] == "" for line in unseen)
    assert str(signal.pk) not in {line["ref"] for line in body["contributions"]}
