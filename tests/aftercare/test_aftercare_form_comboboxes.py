"""Aftercare's forms choose a situation, a young person, a tip, an incident and a messenger by
typing (the combobox), not from a select of every row: each page is as large at fifty rows as at
five; only rows the reader may choose are offered (and access-logged); a hidden row posted by id
is refused like an unknown one, and so is an id out of range; without JavaScript a typed name is
chosen on a second submit; what was chosen survives an error elsewhere on the form."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from aftercare.aftercare_factories import plan_factory, tip_factory
from assessment_app.assessment_factories import signal_factory, situation_factory
from combobox_support import (
    UNKNOWN_ID,
    assert_flat,
    assert_refused_alike,
    field_errors,
    options,
)
from crisis.crisis_factories import incident_factory
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from socialmap.socialmap_factories import contact_factory
from subjects.subjects_factories import person_factory, set_access

from lont.aftercare import services
from lont.aftercare.choosers import incident_label, tip_label
from lont.aftercare.models import (
    AftercarePlan,
    Debunk,
    Evaluation,
    PersonPerspective,
    Rumour,
    TipsterCare,
)
from lont.audit.models import AccessLogEntry
from lont.core.viewer import Viewer
from lont.networks.choices import Access, InformationCategory, PartnerType, Role
from lont.socialmap.choices import ContactKind
from lont.socialmap.models import Contact

pytestmark = pytest.mark.django_db

C = InformationCategory
# Measured (warm): 3 on the plan, rumour and evaluation forms, 5 on a new debunk (its rumour),
# 6 on the perspective and tipster-care forms (their plan) and on a debunk's edit; the same at 5
# and at 50 situations, people, tips, incidents or contacts.
FORM_MAX_QUERIES = 6
OUT_OF_RANGE = "99999999999999999999"


@pytest.fixture
def world(make_member, network):
    """A municipal professional, who reads its partner's rows in full and nothing of youth
    work's people, situations, tips, incidents and contacts (the covenant); and the director of
    the same partner, who starts evaluations (and sees a summary of everything)."""
    town = make_member(PartnerType.MUNICIPALITY)
    director = make_member(
        PartnerType.MUNICIPALITY, role=Role.DIRECTOR, organisation=town.organisation
    )
    youth = make_member(PartnerType.YOUTH_WORK)
    hidden = (C.GROUP_ANALYSIS, C.TIP, C.INCIDENT, C.CONTACTS)
    set_access(network, {(c, PartnerType.MUNICIPALITY): Access.NONE for c in hidden})
    plan = plan_factory(town, title="Spanning Haven")
    rumour = services.rumour_create(
        viewer=Viewer(town), data={"claim": "Er is iemand neergestoken.", "where": "Snapchat"}
    )
    org, other = town.organisation, youth.organisation
    return {
        "town": town,
        "director": director,
        "plan": plan,
        "rumour": rumour,
        "debunk": services.debunk_save(viewer=Viewer(town), rumour=rumour, data=DEBUNK),
        "situation": plan.situation,
        "person": person_factory(org, alias="Panna Pim"),
        "tip": _tip(town, "Melder zag een oproep bij de kade"),
        "incident": incident_factory(town, title="Confrontatie bij de kooi"),
        "messenger": contact_factory(org, name="Imam Yusuf"),
        # rows the director may not choose: another partner's, or not of the field's kind
        "hidden_situation": situation_factory(youth, title="Spanning Verborgen"),
        "hidden_person": person_factory(other, alias="Panna Verborgen"),
        "hidden_tip": tip_factory(youth),
        "not_a_tip": signal_factory(town, description="Open bron bij de kade"),
        "hidden_incident": incident_factory(youth, title="Confrontatie verborgen"),
        "hidden_messenger": contact_factory(other, name="Imam Verborgen"),
        "not_a_messenger": contact_factory(org, name="Imam Ouder", kind=ContactKind.PARENT),
    }


def _tip(member: Any, description: str) -> Any:
    return signal_factory(member, source_type="tip_named", days_ago=2, description=description)


DEBUNK = {"facts": "Niemand is gewond.", "text": "Niemand raakte gewond.", "status": "draft"}


@dataclass(frozen=True)
class Page:
    url_name: str
    on: str | None  # the world's row in the URL
    field: str
    row: str  # the world's row to choose
    typed: str  # a fragment of its name
    valid: dict[str, Any]  # the other fields
    invalid: dict[str, Any]  # another field made wrong
    saved: Callable[[dict[str, Any]], Any]  # the row the form chose, once saved
    who: str = "town"  # the world's member who fills it in

    def url(self, world: dict[str, Any]) -> str:
        return reverse(self.url_name, args=[world[self.on].pk] if self.on else [])


PAGES = {
    "plan": Page(
        "aftercare:plan_open",
        None,
        "situation",
        "situation",
        "haven",
        {"title": "Nazorg Haven"},
        {"title": "x" * 121},
        lambda w: AftercarePlan.objects.get(title="Nazorg Haven").situation,
    ),
    "perspective": Page(
        "aftercare:perspective_add",
        "plan",
        "person",
        "person",
        "pim",
        {"kind": "school", "due_date": "2027-01-15"},
        {"due_date": ""},
        lambda w: PersonPerspective.objects.get().person,
    ),
    "tipster_care": Page(
        "aftercare:tipster_care",
        "plan",
        "signal",
        "tip",
        "kade",
        {"feedback_note": "Bedankt via de wijkagent"},
        {"next_check": "geen datum"},
        lambda w: TipsterCare.objects.get().signal,
    ),
    "evaluation_incident": Page(
        "aftercare:evaluation_start",
        None,
        "incident",
        "incident",
        "kooi",
        {"title": "Evaluatie kooi"},
        {"title": ""},
        lambda w: Evaluation.objects.get().incident,
        "director",
    ),
    "evaluation_situation": Page(
        "aftercare:evaluation_start",
        None,
        "situation",
        "situation",
        "haven",
        {"title": "Evaluatie Haven"},
        {"title": ""},
        lambda w: Evaluation.objects.get().situation,
        "director",
    ),
    "rumour": Page(
        "aftercare:rumour_create",
        None,
        "situation",
        "situation",
        "haven",
        {"claim": "Er komt een vechtpartij.", "where": "TikTok"},
        {"where": ""},
        lambda w: Rumour.objects.get(where="TikTok").situation,
    ),
    "debunk": Page(
        "aftercare:debunk_create",
        "rumour",
        "messenger",
        "messenger",
        "yusuf",
        {**DEBUNK, "audience": "Jongeren uit Noord"},
        {"facts": ""},
        lambda w: Debunk.objects.get(audience="Jongeren uit Noord").messenger,
    ),
    "debunk_edit": Page(
        "aftercare:debunk_edit",
        "debunk",
        "messenger",
        "messenger",
        "yusuf",
        DEBUNK,
        {"facts": ""},
        lambda w: Debunk.objects.get(pk=w["debunk"].pk).messenger,
    ),
}


def _label(world: dict[str, Any], name: str) -> str:
    row = world[name]
    return {
        "tip": tip_label,
        "incident": incident_label,
        "messenger": Contact.name_and_kind,
    }.get(name, str)(row)


def _grow(world: dict[str, Any], field: str) -> Callable[[int], list[str]]:
    """Adds rows the director may choose in ``field``; returns the names a select would show."""
    town, org = world["town"], world["town"].organisation

    def add(n: int) -> list[str]:
        names: list[str] = []
        for i in range(n):
            if field == "situation":
                names.append(situation_factory(town, title=f"Extra situatie {i}").title)
            elif field == "person":
                names.append(person_factory(org, alias=f"Extra Alias {i}").alias)
            elif field == "signal":
                names.append(_tip(town, f"Extra tip {i}").description)
            elif field == "incident":
                names.append(incident_factory(town, title=f"Extra incident {i}").title)
            else:
                names.append(contact_factory(org, name=f"Extra Boodschapper {i}").name)
        return names

    return add


def _logged(via: str) -> set[tuple[str, str]]:
    return set(AccessLogEntry.objects.filter(via=via).values_list("object_type", "object_id"))


def _row(obj: Any) -> tuple[str, str]:
    return obj._meta.label_lower, str(obj.pk)


@pytest.mark.parametrize("name", list(PAGES))
def test_the_form_page_does_not_grow_with_the_rows_it_chooses_from(world, client_for, name):
    page = PAGES[name]
    client = client_for(world[page.who])
    assert_flat(client, page.url(world), _grow(world, page.field), max_queries=FORM_MAX_QUERIES)


@pytest.mark.parametrize(
    ("url_name", "field", "typed", "offered", "not_offered"),
    [
        ("aftercare:perspective_person_options", "person_naam", "panna", "person", "hidden_person"),
        ("aftercare:tip_options", "signal_naam", "kade", "tip", "not_a_tip"),
        (
            "aftercare:incident_options",
            "incident_naam",
            "confrontatie",
            "incident",
            "hidden_incident",
        ),
        ("aftercare:messenger_options", "messenger_naam", "imam", "messenger", "not_a_messenger"),
    ],
)
def test_the_options_offer_only_what_the_reader_may_choose_and_are_logged(
    world, client_for, url_name, field, typed, offered, not_offered
):
    body = options(client_for(world["town"]), url_name, field, typed)
    assert escape(_label(world, offered)) in body
    assert f'id="id_{field}-opties-{world[offered].pk}"' in body
    assert "Verborgen" not in body and "Ouder" not in body and "Open bron" not in body
    logged = _logged("search")
    assert logged == {_row(world[offered])}
    assert _row(world[not_offered]) not in logged


def test_a_tip_is_found_by_the_day_it_was_seen(world, client_for):
    day = timezone.localtime(world["tip"].observed_at).date()
    client = client_for(world["town"])
    body = options(client, "aftercare:tip_options", "signal_naam", day.strftime("%d-%m-%Y"))
    assert escape(tip_label(world["tip"])) in body and "Open bron" not in body
    other_day = options(client, "aftercare:tip_options", "signal_naam", "01-01-2001")
    assert "Geen tip gevonden" in other_day


def test_rows_the_reader_reads_only_in_summary_are_not_offered(make_member, network, client_for):
    """A young person or a messenger of another partner read at summary level: its name is not
    the reader's to see, and the perspective and the debunk need it in full."""
    town = make_member(PartnerType.MUNICIPALITY)
    youth = make_member(PartnerType.YOUTH_WORK)
    set_access(
        network,
        {
            (C.GROUP_ANALYSIS, PartnerType.MUNICIPALITY): Access.SUMMARY,
            (C.CONTACTS, PartnerType.MUNICIPALITY): Access.SUMMARY,
        },
    )
    person_factory(youth.organisation, alias="Panna Samenvatting")
    contact_factory(youth.organisation, name="Imam Samenvatting")
    client = client_for(town)
    people = options(client, "aftercare:perspective_person_options", "person_naam", "panna")
    messengers = options(client, "aftercare:messenger_options", "messenger_naam", "imam")
    assert "Samenvatting" not in people and "Samenvatting" not in messengers
    assert "Geen persoon gevonden" in people and "Geen boodschapper gevonden" in messengers


@pytest.mark.parametrize(
    ("name", "hidden"),
    [
        ("plan", "hidden_situation"),
        ("perspective", "hidden_person"),
        ("tipster_care", "hidden_tip"),
        ("tipster_care", "not_a_tip"),
        ("evaluation_incident", "hidden_incident"),
        ("rumour", "hidden_situation"),
        ("debunk", "hidden_messenger"),
        ("debunk", "not_a_messenger"),
        ("debunk_edit", "hidden_messenger"),
    ],
)
def test_a_hidden_row_posted_by_id_is_refused_like_an_unknown_one(world, client_for, name, hidden):
    page = PAGES[name]
    client = client_for(world[page.who])
    url = page.url(world)
    before = _counts()
    assert_refused_alike(client, url, page.valid, page.field, world[hidden].pk)
    # an id past the database's range reads as unknown too (never a server error)
    unknown = field_errors(
        client.post(url, {**page.valid, page.field: str(UNKNOWN_ID)}), page.field
    )
    too_big = field_errors(client.post(url, {**page.valid, page.field: OUT_OF_RANGE}), page.field)
    assert [e.replace(OUT_OF_RANGE, "#") for e in too_big] == [
        e.replace(str(UNKNOWN_ID), "#") for e in unknown
    ]
    assert _counts() == before


def _counts() -> tuple[int, ...]:
    models = (AftercarePlan, PersonPerspective, TipsterCare, Evaluation, Rumour, Debunk)
    debunks = tuple(Debunk.objects.values_list("messenger_id", flat=True))
    return (*(m.objects.count() for m in models), *(d or 0 for d in debunks))


@pytest.mark.parametrize("name", list(PAGES))
def test_without_javascript_a_typed_name_is_chosen_on_the_second_submit(world, client_for, name):
    page = PAGES[name]
    client = client_for(world[page.who])
    url, row = page.url(world), world[page.row]
    typed = {f"{page.field}_naam": page.typed}
    # when a fragment is typed and sent without a choice
    first = client.post(url, {**page.valid, **typed})
    # then nothing is saved; the typed text stays and the match is offered (and logged)
    assert first.status_code == 400
    body = first.content.decode()
    assert f'value="{page.typed}"' in body
    assert f'<option value="{row.pk}" selected>{escape(_label(world, page.row))}</option>' in body
    assert "Verborgen" not in body.split("<main")[1]
    assert "Kies uit de gevonden namen onder het veld" in body
    assert _row(row) in _logged("page")
    # when the form is sent again with the preselected match, it is saved with that row
    second = client.post(url, {**page.valid, **typed, page.field: row.pk})
    assert second.status_code == 302, second.content.decode()[-3000:]
    assert page.saved(world) == row


def test_without_javascript_a_tip_is_chosen_by_its_day(world, client_for):
    page, tip = PAGES["tipster_care"], world["tip"]
    client = client_for(world[page.who])
    url = page.url(world)
    typed = {"signal_naam": timezone.localtime(tip.observed_at).date().strftime("%-d-%-m-%Y")}
    body = client.post(url, {**page.valid, **typed}).content.decode()
    assert f'<option value="{tip.pk}" selected>' in body and "Open bron" not in body
    assert client.post(url, {**page.valid, **typed, "signal": tip.pk}).status_code == 302
    assert TipsterCare.objects.get().signal == tip


@pytest.mark.parametrize("name", list(PAGES))
def test_an_error_elsewhere_keeps_the_chosen_row(world, client_for, name):
    page = PAGES[name]
    client = client_for(world[page.who])
    url, row, label = page.url(world), world[page.row], _label(world, page.row)
    chosen = {page.field: row.pk, f"{page.field}_naam": label}
    response = client.post(url, {**page.valid, **page.invalid, **chosen})
    assert response.status_code == 400
    body = response.content.decode()
    assert f'name="{page.field}" value="{row.pk}" data-combobox-value' in body
    assert f'value="{escape(label)}"' in body
    # and the same choice, sent without the error, is saved (the picked label names its row)
    assert client.post(url, {**page.valid, **chosen}).status_code == 302
    assert page.saved(world) == row


def test_the_evaluation_from_an_incident_shows_its_incident_chosen(world, client_for):
    incident = world["incident"]
    url = f"{reverse('aftercare:evaluation_start')}?incident={incident.pk}"
    body = client_for(world["director"]).get(url).content.decode()
    assert f'name="incident" value="{incident.pk}" data-combobox-value' in body
    assert f'value="{escape(incident_label(incident))}"' in body
    assert "Confrontatie verborgen" not in body


def test_the_day_of_a_tip_reads_in_every_usual_way():
    from lont.aftercare.choosers import day_names
    from lont.aftercare.selectors import typed_day

    day = dt.date(2026, 3, 5)
    assert {typed_day(name) for name in day_names(day)} == {day}
    assert typed_day("31-02-2026") is None and typed_day("kade") is None
