"""A case meeting through its three stages, minutes, actions board and reminders."""

from __future__ import annotations

import datetime as dt

import pytest
from assessment_app.assessment_factories import signal_factory, situation_factory
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lont.assessment import services
from lont.assessment.models import Action, AgendaItem
from lont.audit.models import AccessLogEntry
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType
from lont.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(make_member, viewer_for):
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    situation = situation_factory(youth, signal_factory(youth, days_ago=0.5))
    meeting = services.meeting_create(
        viewer=viewer_for(youth),
        data={
            "date": dt.date.today(),
            "participants": [police.organisation],
            "situations": [situation],
        },
    )
    return {
        "youth": youth,
        "police": police,
        "meeting": meeting,
        "item": meeting.items.get(),
        "situation": situation,
    }


def _step(client, item, step, data):
    return client.post(reverse("assessment:item_step", args=[item.pk, step]), data)


def test_three_stages(meeting, client_for):
    client = client_for(meeting["youth"])
    item = meeting["item"]
    # given the picture compiled automatically
    page = client.get(meeting["meeting"].get_absolute_url()).content.decode()
    assert "Wat weten we niet, en hoe komen we erachter?" in page
    # beeldvorming
    assert _step(client, item, "beeld", {"unknowns": "Wie zit erachter?"}).status_code == 302
    # oordeelsvorming: a judged level that differs needs a rationale; nothing changes, input kept
    bad = _step(client, item, "oordeel", {"judged_level": "hoog", "concerns": "Mijn zorg"})
    assert bad.status_code == 400
    assert "Onderbouw waarom" in bad.content.decode() and "Mijn zorg" in bad.content.decode()
    assert AgendaItem.objects.get(pk=item.pk).stage == "oordeelsvorming"
    ok = _step(client, item, "oordeel", {"judged_level": "hoog", "rationale": "Gezien de context"})
    assert ok.status_code == 302
    # a partner's dissent
    police = client_for(meeting["police"])
    assert _step(police, item, "dissent", {"text": "Politie ziet het lager."}).status_code == 302
    # besluitvorming: doing nothing needs a reason
    assert _step(client, item, "besluit", {"decision": "nothing"}).status_code == 400
    action = {
        "description": "Gesprek voeren",
        "organisation": meeting["police"].organisation.pk,
        "owner": meeting["police"].user.pk,
        "due_date": "2020-01-01",
        "mode": "offline",
    }
    assert _step(client, item, "actie", action).status_code == 302
    assert _step(client, item, "besluit", {"decision": "act"}).status_code == 302
    item.refresh_from_db()
    assert (item.stage, item.judged_level, item.computed_level) == ("afgerond", "hoog", "verhoogd")
    # minutes page and PDF
    minutes = client.get(reverse("assessment:minutes", args=[meeting["meeting"].pk]))
    assert "Politie ziet het lager." in minutes.content.decode()
    pdf = client.get(reverse("assessment:minutes_pdf", args=[meeting["meeting"].pk]))
    assert pdf.content.startswith(b"%PDF")


def test_deliberately_do_nothing_is_a_decision(meeting, viewer_for):
    viewer = viewer_for(meeting["youth"])
    item = meeting["item"]
    services.item_picture(viewer=viewer, item=item, data={})
    services.item_judge(viewer=viewer, item=item, data={"judged_level": item.computed_level})
    services.item_decide(
        viewer=viewer,
        item=item,
        data={"decision": "nothing", "decision_reason": "Context verklaart het."},
    )
    item.refresh_from_db()
    assert item.stage == "afgerond" and item.decision == "nothing"


def test_outsider_cannot_change_a_meeting(meeting, make_member, client_for):
    school = make_member(PartnerType.EDUCATION)
    response = _step(client_for(school), meeting["item"], "beeld", {"unknowns": "x"})
    assert response.status_code in (403, 404)
    assert AgendaItem.objects.get(pk=meeting["item"].pk).stage == "beeldvorming"


def test_actions_board_and_reminders(meeting, viewer_for, client_for):
    viewer = viewer_for(meeting["youth"])
    item = meeting["item"]
    services.item_picture(viewer=viewer, item=item, data={})
    services.item_judge(viewer=viewer, item=item, data={"judged_level": item.computed_level})
    today = dt.date.today()
    for days, text in ((-3, "Te laat"), (5, "Nog even")):
        services.action_create(
            viewer=viewer,
            item=item,
            data={
                "organisation": meeting["police"].organisation,
                "owner": meeting["police"].user,
                "description": text,
                "due_date": today + dt.timedelta(days=days),
                "mode": "online",
            },
        )
    board = client_for(meeting["police"]).get(reverse("assessment:actions")).content.decode()
    assert board.index("Te laat") < board.index("Nog even")
    assert "over tijd" in board
    # the daily reminder notifies the owner once for the due action
    assert services.actions_remind(today=today) == 1
    assert services.actions_remind(today=today) == 0
    assert Notification.objects.filter(user=meeting["police"].user).count() == 1
    # the owner partner reports the result; the action moves to done
    action = Action.objects.get(description="Te laat")
    client_for(meeting["police"]).post(
        reverse("assessment:action_update", args=[action.pk]),
        {"status": "done", "result": "Gesprek gevoerd"},
    )
    action.refresh_from_db()
    assert action.status == "done"


def test_next_meeting_opens_with_previous_results(meeting, viewer_for, client_for):
    viewer = viewer_for(meeting["youth"])
    item = meeting["item"]
    services.item_picture(viewer=viewer, item=item, data={})
    services.item_judge(viewer=viewer, item=item, data={"judged_level": item.computed_level})
    services.action_create(
        viewer=viewer,
        item=item,
        data={
            "organisation": meeting["youth"].organisation,
            "owner": meeting["youth"].user,
            "description": "Vorige actie",
            "due_date": dt.date.today(),
            "mode": "online",
        },
    )
    later = services.meeting_create(
        viewer=viewer,
        data={"date": dt.date.today() + dt.timedelta(days=14), "participants": []},
    )
    page = client_for(meeting["youth"]).get(later.get_absolute_url()).content.decode()
    assert "Vorige actie" in page


def test_an_organisation_outside_the_meeting_is_offered_no_forms(
    meeting, make_member, client_for, network
):
    # given a school that reads group analysis in full but does not take part in the meeting
    from subjects.subjects_factories import set_access

    from lont.networks.choices import Access, InformationCategory

    set_access(network, {(InformationCategory.GROUP_ANALYSIS, PartnerType.EDUCATION): Access.FULL})
    path = reverse("assessment:meeting_detail", args=[meeting["meeting"].pk])
    step = reverse("assessment:item_step", args=[meeting["item"].pk, "beeld"])
    school = client_for(make_member(PartnerType.EDUCATION)).get(path)
    # then the page opens without the stage forms the service would refuse
    assert school.status_code == 200 and step not in school.content.decode()
    # while a participant is offered them
    assert step in client_for(meeting["police"]).get(path).content.decode()


def test_a_step_with_errors_stays_on_the_meeting_page(meeting, client_for):
    # given the picture stage done
    client = client_for(meeting["youth"])
    item = meeting["item"]
    assert _step(client, item, "beeld", {"unknowns": "Wie zit erachter?"}).status_code == 302
    # when the judgement comes back with an error
    bad = _step(client, item, "oordeel", {"judged_level": "hoog", "concerns": "Mijn zorg"})
    html = bad.content.decode()
    # then the meeting page itself answers, with the error summary linking to the item's field,
    # the error beside it and what was typed kept
    assert bad.status_code == 400
    assert "Casusoverleg" in html and f'id="punt-{item.pk}"' in html
    assert "data-error-summary" in html and f'href="#punt{item.pk}-rationale"' in html
    assert "Onderbouw waarom" in html and "Mijn zorg" in html


def _minutes_pdf_queries(youth, police, client, items: int) -> int:
    """The queries of the minutes PDF of a meeting with ``items`` situations on its agenda, each
    with a youth worker's signal and a police signal (two lines to label per item)."""
    situations = [
        situation_factory(
            youth, signal_factory(youth, days_ago=0.5), signal_factory(police, days_ago=0.2)
        )
        for _ in range(items)
    ]
    meeting = services.meeting_create(
        viewer=Viewer(youth),
        data={"date": dt.date.today(), "participants": [], "situations": situations},
    )
    with CaptureQueriesContext(connection) as queries:
        pdf = client.get(reverse("assessment:minutes_pdf", args=[meeting.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    return len(queries)


def test_the_minutes_pdf_reads_the_line_labels_once_for_all_items(make_member, client_for):
    # given a youth worker and the police, each with a signal in every situation
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    client = client_for(youth)
    # when the minutes of a meeting with one item and of one with four items are printed
    one = _minutes_pdf_queries(youth, police, client, 1)
    four = _minutes_pdf_queries(youth, police, client, 4)
    # then the signals named by the explanation lines are read in one go: no query per item
    # (the first print may also fill what each process keeps, such as the covenant per version)
    assert four <= one
    assert one <= 19


def _meeting_with(youth, police, items: int, *, deciding: bool = False):
    """A meeting with ``items`` situations on its agenda, each with a youth worker's signal and a
    police signal (two lines to label per item); with ``deciding`` every item has reached
    besluitvorming, where the page offers the action form."""
    viewer = Viewer(youth)
    situations = [
        situation_factory(
            youth, signal_factory(youth, days_ago=0.5), signal_factory(police, days_ago=0.2)
        )
        for _ in range(items)
    ]
    meeting = services.meeting_create(
        viewer=viewer,
        data={"date": dt.date.today(), "participants": [], "situations": situations},
    )
    if deciding:
        for item in meeting.items.all():
            services.item_picture(viewer=viewer, item=item, data={})
            services.item_judge(viewer=viewer, item=item, data={"judged_level": ""})
    return meeting


def _page_queries(client, meeting) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        page = client.get(meeting.get_absolute_url())
    assert page.status_code == 200
    return len(queries), page.content.decode()


@pytest.mark.parametrize("deciding", [False, True])
def test_the_meeting_page_reads_as_much_for_one_item_as_for_four(
    make_member, client_for, deciding, django_assert_max_num_queries
):
    # given a youth worker and the police, each with a signal in every situation
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    client = client_for(youth)
    one, _page = _page_queries(client, _meeting_with(youth, police, 1, deciding=deciding))
    # when the page of a meeting with four items is opened
    four_items = _meeting_with(youth, police, 4, deciding=deciding)
    with django_assert_max_num_queries(one):
        page = client.get(four_items.get_absolute_url())
    # then it reads no more than the page with one item: every item's lines, and
    # with the action forms every item's owner choices, from one read
    assert page.status_code == 200
    assert page.content.decode().count('class="lont-card"') == 4
    assert one <= (23 if deciding else 21)


def test_the_meeting_page_logs_the_signals_its_lines_name(make_member, client_for):
    # given a meeting whose item's explanation names a youth and a police signal, and a signal
    # linked to the situation after its last computation (no line names it)
    youth = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)
    meeting = _meeting_with(youth, police, 1)
    item = meeting.items.get()
    named = set(item.situation.signals.values_list("pk", flat=True))
    unnamed = signal_factory(youth, days_ago=0.1)
    item.situation.signals.add(unnamed)
    # when the youth worker opens the meeting page
    page = client_for(youth).get(meeting.get_absolute_url())
    # then the agenda item and the signals the lines show are logged, nothing more
    assert page.status_code == 200
    logged = AccessLogEntry.objects.filter(via="page", object_type="signalregister.signal")
    assert {int(pk) for pk in logged.values_list("object_id", flat=True)} == named
    assert AccessLogEntry.objects.filter(
        via="page", object_type="assessment.agendaitem", object_id=str(item.pk)
    ).exists()
