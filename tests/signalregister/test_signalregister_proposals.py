"""What became of the text analyser's proposals on saved signals, and the director's page of
precision and recall (issue 15, item 4)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from signalregister.signals_factories import indicator_factory, signal_form_data

from lont.core.viewer import Viewer
from lont.networks.choices import Role
from lont.signalregister import proposals, selectors, services
from lont.signalregister.choices import SourceType
from lont.signalregister.models import Signal, SignalProposal
from lont.signalregister.proposal_stats import analyser_quality
from lont.signalregister.proposals import Proposals

pytestmark = pytest.mark.django_db

MOMENT = timezone.make_aware(dt.datetime(2026, 3, 14, 21, 0))
OTHER = timezone.make_aware(dt.datetime(2026, 3, 14, 22, 0))


def _save(member, proposed: Proposals, *, indicators=(), **fields):
    fields.setdefault("observed_at", timezone.now() - dt.timedelta(days=1))
    fields.setdefault("source_type", SourceType.OPEN_ONLINE)
    fields.setdefault("platform", "Instagram")
    fields.setdefault("description", "Fictieve beschrijving")
    return services.signal_create(
        viewer=Viewer(member),
        fields=fields,
        parts=services.SignalParts(indicators=list(indicators), proposals=proposed),
    )


def _outcomes(signal: Signal) -> set[tuple[str, str]]:
    return {(p.kind, p.outcome) for p in SignalProposal.objects.filter(signal=signal)}


def test_outcomes_per_kind(make_member):
    member = make_member()
    threat = indicator_factory(member.network, "threat.explicit")
    call = indicator_factory(member.network, "call.online")
    proposed = Proposals(
        time="2026-03-14T21:00",
        place=proposals.place_digest("de kooi"),
        call_to_action=True,
        threat=False,
        indicators=(threat, call),
    )
    signal = _save(
        member,
        proposed,
        indicators=[threat],
        mentioned_time=OTHER,
        mentioned_place="De  Kooi",
        call_to_action=False,
        threat=True,
    )
    rows = {(p.kind, p.indicator_id, p.outcome) for p in signal.proposals.all()}
    assert rows == {
        ("time", None, "changed"),
        ("place", None, "accepted"),  # case and spacing are no change
        ("call_to_action", None, "removed"),
        ("threat", None, "added"),
        ("indicator", threat.pk, "accepted"),
        ("indicator", call.pk, "removed"),
    }
    # nothing of the text is stored: kind, outcome and indicator only
    assert {f.name for f in SignalProposal._meta.concrete_fields} == {
        "id", "network", "category", "signal_organisation", "signal", "kind", "indicator",
        "outcome",
    }  # fmt: skip


def test_no_proposals_no_rows(make_member):
    member = make_member()
    signal = _save(member, None, mentioned_time=MOMENT)
    assert not signal.proposals.exists()


def test_hidden_field_is_checked_on_the_server(make_member):
    member = make_member()
    indicator = indicator_factory(member.network, "threat.explicit")
    choices = selectors.indicator_choices(Viewer(member))
    value = proposals.sign(
        time="2026-03-14T21:00",
        place="de kooi",
        call_to_action=True,
        threat=False,
        indicator_ids=[indicator.pk, 999999],
    )
    parsed = proposals.unsign(value, choices)
    assert parsed is not None and parsed.indicators == (indicator,)  # unknown ids dropped
    assert "kooi" not in signing.loads(value, salt=proposals.SALT)["p"]  # a digest, not the name
    assert proposals.unsign(value[:-2] + "xx", choices) is None  # altered
    assert proposals.unsign(signing.dumps({"t": 1}, salt=proposals.SALT), choices) is None
    assert proposals.unsign(signing.dumps([1], salt="other"), choices) is None
    assert proposals.unsign("", choices) is None


def test_analyse_and_fill_in_then_save_records_what_was_kept(make_member, client_for):
    # given the form filled in by the analyser
    member = make_member()
    client = client_for(member)
    form = signal_form_data(
        observed_at="2026-03-14T16:20",
        source_type="open_online",
        platform="Instagram",
        description="zaterdag om 21:00 bij de kooi, wie durft",
    )
    page = client.post(reverse("signalregister:create"), {**form, "prefill": "1"})
    body = page.content.decode()
    hidden = re.search(r'name="analyser_proposals" value="([^"]+)"', body)
    assert hidden is not None
    # when the professional keeps the time, removes the call to action and adds a threat
    response = client.post(
        reverse("signalregister:create"),
        {
            **form,
            "mentioned_time": "2026-03-14T21:00",
            "threat": "on",
            "analyser_proposals": hidden.group(1),
        },
    )
    assert response.status_code == 302
    signal = Signal.objects.get()
    # (the proposed indicators were not ticked: removed)
    assert _outcomes(signal) - {("indicator", "removed")} == {
        ("time", "accepted"),
        ("call_to_action", "removed"),
        ("threat", "added"),
    }


def test_tampered_field_saves_the_signal_without_proposals(make_member, client_for):
    client = client_for(make_member())
    response = client.post(
        reverse("signalregister:create"),
        signal_form_data(
            observed_at="2026-03-14T16:20",
            source_type="own_offline",
            description="Ruzie",
            analyser_proposals="niet-ondertekend",
        ),
    )
    assert response.status_code == 302
    assert Signal.objects.count() == 1 and not SignalProposal.objects.exists()


def _ten_signals(member):
    """10 signals; the figures they must give are in the test below."""
    a = indicator_factory(member.network, "threat.explicit", label_nl="Expliciete dreiging")
    b = indicator_factory(member.network, "call.online", label_nl="Online oproep")
    digest = proposals.place_digest("de kooi")
    for n in range(1, 11):
        proposed = Proposals(
            time="2026-03-14T21:00" if n <= 6 else "",
            place=digest if n <= 5 else "",
            call_to_action=n <= 4,
            threat=n <= 8,
            indicators=(a,),
        )
        time = {1: MOMENT, 2: MOMENT, 3: MOMENT, 4: MOMENT, 5: OTHER, 7: OTHER, 8: MOMENT}
        place = {1: "de kooi", 2: "De Kooi", 3: "de  kooi", 4: "Marktplein", 6: "Station Noord"}
        _save(
            member,
            proposed,
            indicators=[i for i in ((a if n <= 9 else None), (b if n >= 8 else None)) if i],
            mentioned_time=time.get(n),
            mentioned_place=place.get(n, ""),
            call_to_action=n <= 4,
            threat=n <= 7 or n == 9,
        )


def test_ten_signals_give_exact_precision_and_recall(make_member, client_for):
    # given 10 saved signals with accepted, changed, removed and missed proposals
    director = make_member(role=Role.DIRECTOR)
    _ten_signals(make_member())
    quality = analyser_quality(Viewer(director))
    figures = {
        label: (s.accepted, s.proposed, s.saved, s.precision, s.recall)
        for label, s in quality.by_kind
    }
    # time: 4 kept, 1 changed, 1 removed, 2 missed; place: 3 kept (case and spaces ignored),
    # 1 changed, 1 removed, 1 missed; call: 4 of 4; threat: 7 kept, 1 removed, 1 missed;
    # indicators: 9 kept, 1 removed, 3 missed
    assert figures == {
        "Tijdstip": (4, 6, 7, 4 / 6, 4 / 7),
        "Plaats": (3, 5, 5, 3 / 5, 3 / 5),
        "Oproep": (4, 4, 4, 1.0, 1.0),
        "Dreiging": (7, 8, 8, 7 / 8, 7 / 8),
        "Indicator": (9, 10, 12, 9 / 10, 9 / 12),
    }
    assert quality.signals == 10
    top = quality.corrections[0]
    assert (top.kind, top.indicator, top.outcome, top.count) == (
        "indicator",
        "Online oproep",
        "added",
        3,
    )
    # then the director's page shows exactly these figures
    response = client_for(director).get(reverse("signalregister:analyser_quality"))
    assert response.status_code == 200
    cells = re.findall(r'data-testid="(precision|recall)-(\d)">([^<]+)<', response.content.decode())
    shown = {(kind, int(row)): value for kind, row, value in cells}
    assert [shown[("precision", i)] for i in range(1, 6)] == [
        "0,67",
        "0,60",
        "1,00",
        "0,88",
        "0,90",
    ]
    assert [shown[("recall", i)] for i in range(1, 6)] == ["0,57", "0,60", "1,00", "0,88", "0,75"]
    # and the API gives the same figures
    api = client_for(director).get("/api/v1/analyse/quality/").json()
    assert api["signals"] == 10
    assert {k["kind"]: (k["precision"], k["recall"]) for k in api["kinds"]} == {
        "time": (4 / 6, 4 / 7),
        "place": (3 / 5, 3 / 5),
        "call_to_action": (1.0, 1.0),
        "threat": (7 / 8, 7 / 8),
        "indicator": (9 / 10, 9 / 12),
    }
    assert api["corrections"][0] == {
        "kind": "indicator",
        "indicator": "Online oproep",
        "outcome": "added",
        "count": 3,
    }


def test_page_is_for_director_and_coordinator(make_member, client_for):
    url = reverse("signalregister:analyser_quality")
    assert client_for(make_member()).get(url).status_code == 403
    assert client_for(make_member()).get("/api/v1/analyse/quality/").status_code == 403
    assert client_for(make_member(role=Role.COORDINATOR)).get(url).status_code == 200


def test_a_week_is_a_window_in_the_form(make_member, client_for):
    # given a description that names a window ("deze week"), not a moment
    client = client_for(make_member())
    form = {
        "observed_at": "2026-03-11T16:20",
        "source_type": "open_online",
        "platform": "Instagram",
        "description": "deze week gaat het gebeuren, iedereen komen",
        "people-TOTAL_FORMS": "0",
        "people-INITIAL_FORMS": "0",
        "prefill": "1",
    }
    body = client.post(reverse("signalregister:create"), form).content.decode()
    # then the form holds the week as its start and its end, not as a single moment
    start = re.search(r'<input[^>]*name="mentioned_time"[^>]*>', body)
    end = re.search(r'<input[^>]*name="mentioned_until"[^>]*>', body)
    assert start is not None and 'value="2026-03-09T00:00"' in start.group(0)
    assert end is not None and 'value="2026-03-15T23:59"' in end.group(0)
    # while "om 9" (a moment) fills the time only
    form["description"] = "om 9 bij de kooi"
    body = client.post(reverse("signalregister:create"), form).content.decode()
    end = re.search(r'<input[^>]*name="mentioned_until"[^>]*>', body)
    assert 'value="2026-03-11T21:00"' in body
    assert end is not None and re.search(r"value=\"[0-9]", end.group(0)) is None


def test_a_window_is_saved_and_shown_as_a_window(make_member, client_for):
    member = make_member()
    client = client_for(member)
    form = signal_form_data(
        observed_at="2026-03-11T16:20",
        source_type="open_online",
        platform="Instagram",
        description="deze week gaat het gebeuren",
        mentioned_time="2026-03-09T00:00",
        mentioned_until="2026-03-15T23:59",
    )
    response = client.post(reverse("signalregister:create"), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    signal = Signal.objects.get()
    assert timezone.localtime(signal.mentioned_until).isoformat()[:16] == "2026-03-15T23:59"
    assert signal.mentioned_when == "9–15 maart 2026"
    body = client.get(signal.get_absolute_url()).content.decode()
    assert "Genoemde periode" in body and "9–15 maart 2026" in body


def test_a_window_must_not_end_before_it_starts(make_member, client_for):
    form = signal_form_data(
        observed_at="2026-03-11T16:20",
        source_type="open_online",
        platform="Instagram",
        description="iets",
        mentioned_time="2026-03-15T00:00",
        mentioned_until="2026-03-09T23:59",
    )
    response = client_for(make_member()).post(reverse("signalregister:create"), form)
    assert (
        response.status_code == 400
        and "Het einde ligt voor het begin." in response.content.decode()
    )
    assert not Signal.objects.exists()


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ((2026, 12, 7, 0, 0), (2026, 12, 13, 23, 59), "7–13 december 2026"),
        ((2026, 12, 28, 0, 0), (2027, 1, 3, 23, 59), "28 december 2026 – 3 januari 2027"),
        ((2026, 11, 30, 0, 0), (2026, 12, 6, 23, 59), "30 november – 6 december 2026"),
        ((2026, 12, 7, 0, 0), (2026, 12, 7, 23, 59), "7 december 2026"),
        ((2026, 12, 7, 18, 0), (2026, 12, 7, 23, 59), "7 december 2026 18:00–23:59"),
    ],
)
def test_window_text(start, end, text):
    from lont.signalregister.models import window_text

    assert window_text(dt.datetime(*start), dt.datetime(*end)) == text
