"""Issue 16 part 6: signals registered and corrected through the API with the same services and
the same systematic-observation guard as the form; the guard answers 409 with the ways forward."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from signalregister.signals_factories import at_guard_threshold, indicator_factory, signal_factory
from subjects.subjects_factories import group_factory, person_factory

from lont.accounts.services import api_token_create
from lont.assessment.services import situations as situation_services
from lont.audit.models import ChangeLogEntry
from lont.core.viewer import Viewer
from lont.networks.choices import PartnerType, Role
from lont.notifications.models import Notification
from lont.signalregister.models import (
    GuardEvent,
    ProsecutorOrder,
    Signal,
    SignalVersion,
    platform_error,
)
from lont.signalregister.summaries import summary_text

pytestmark = pytest.mark.django_db
URL = "/api/v1/signals/"


def token_client(member) -> Client:
    _row, raw = api_token_create(viewer=Viewer(member), name="partnersysteem", days=1)
    return Client(HTTP_AUTHORIZATION=f"Token {raw}")


def body(person=None, **extra) -> dict:
    data = {
        "observed_at": timezone.localtime().replace(second=0, microsecond=0).isoformat(),
        "source_type": "open_online",
        "platform": "TikTok",
        "description": "Fictieve dreigende story over Noorderhaven",
        "people": [{"person": person.pk, "role": "involved"}] if person else [],
    }
    return {**data, **extra}


def post(client, data, url=URL):
    return client.post(url, data, content_type="application/json")


@pytest.fixture
def at_threshold(make_member):
    """A person with two online signals of the member's organisation in the last 30 days."""
    return lambda partner_type: at_guard_threshold(make_member, partner_type)


def test_create_through_a_token_equals_what_the_form_creates(make_member, client_for):
    # given a youth worker with a person, a group and an indicator
    member = make_member(PartnerType.YOUTH_WORK)
    person = person_factory(member.organisation, alias="Mika")
    group = group_factory(member.organisation, name="Groep Noord")
    indicator = indicator_factory(member.network, code="threat.explicit")
    observed = timezone.localtime() - dt.timedelta(hours=2)
    # when the same signal is registered through the form and through the API
    form = client_for(member).post(
        reverse("signalregister:create"),
        {
            "observed_at": observed.strftime("%Y-%m-%dT%H:%M"),
            "source_type": "open_online",
            "platform": "TikTok",
            "description": "Fictieve dreiging",
            "groups": [str(group.pk)],
            "indicators": [str(indicator.pk)],
            "people-TOTAL_FORMS": "1",
            "people-INITIAL_FORMS": "0",
            "people-0-person": str(person.pk),
            "people-0-role": "possible_perpetrator",
            "drill_weapons_shown": "0",
            "drill_members_shown": "0",
            "drill_personal_attacks": "0",
            "request_outcome": "asked",
        },
    )
    assert form.status_code == 302
    response = post(
        token_client(member),
        {
            "observed_at": observed.replace(second=0, microsecond=0).isoformat(),
            "source_type": "open_online",
            "platform": "TikTok",
            "description": "Fictieve dreiging",
            "groups": [group.pk],
            "indicators": ["threat.explicit"],
            "people": [{"person": person.pk, "role": "possible_perpetrator"}],
        },
    )
    # then the API answers 201 with the signal, and both signals are the same
    assert response.status_code == 201, response.json()
    by_form, by_api = Signal.objects.order_by("pk")
    assert response.json()["id"] == by_api.pk
    for name in ("category", "retain_until", "status", "organisation_id", "observed_at"):
        assert getattr(by_api, name) == getattr(by_form, name), name
    assert by_api.retain_until is not None
    reader = Viewer(member)
    assert summary_text(by_api, reader) == summary_text(by_form, reader)
    assert [(p.person_id, p.role) for p in by_api.people.all()] == [
        (p.person_id, p.role) for p in by_form.people.all()
    ]
    # and the write is audited as coming through the API, on the token's user
    created = ChangeLogEntry.objects.get(event="signal.created", object_id=str(by_api.pk))
    assert created.via == "api" and created.actor_id == member.user_id
    assert ChangeLogEntry.objects.filter(
        object_type="signalregister.signalperson", via="api"
    ).exists()


def test_bad_input_gives_dutch_400s_and_creates_nothing(make_member):
    member = make_member(PartnerType.YOUTH_WORK)
    client = token_client(member)
    person = person_factory(member.organisation)
    cases = [
        ({"source_type": "open_online"}, "description"),
        (body(platform=""), "platform"),
        (body(person, people=[{"person": person.pk, "role": "baas"}]), "people"),
        (body(observed_at="gisteren"), "observed_at"),
        (body(observed_at="0268-03-06T14:06:18Z"), "observed_at"),
        (body(indicators=["bestaat.niet"]), "indicators"),
        (body(link="geen url"), "link"),
    ]
    for data, field in cases:
        response = post(client, data)
        assert response.status_code == 400, (field, response.json())
        errors = response.json()
        assert field in errors and errors["detail"] == "De invoer is niet geldig."
    # the messages are Dutch
    texts = str(post(client, {"source_type": "open_online"}).json())
    assert "Dit veld is vereist." in texts
    assert "Vul het platform in voor een online bron." in str(
        post(client, body(platform="")).json()
    )
    # a victim and possible perpetrator at once is refused by the service, also through the API
    both = body(
        people=[
            {"person": person.pk, "role": "victim"},
            {"person": person.pk, "role": "possible_perpetrator"},
        ]
    )
    refused = post(client, both)
    assert refused.status_code == 400 and "slachtoffer" in str(refused.json())
    assert not Signal.objects.exists()


def test_an_invisible_person_is_a_400_like_an_id_that_does_not_exist(make_member):
    # given a school member who sees the police's people only as a summary (the default covenant)
    police = make_member(PartnerType.POLICE)
    school = make_member(PartnerType.EDUCATION)
    hidden = person_factory(police.organisation, alias="Verborgen")
    hidden_group = group_factory(police.organisation, name="Verborgen groep")
    client = token_client(school)
    # when the school references it, and an id that does not exist
    seen = post(client, body(people=[{"person": hidden.pk, "role": "involved"}]))
    missing = post(client, body(people=[{"person": 9_999_999, "role": "involved"}]))
    seen_group = post(client, body(groups=[hidden_group.pk]))
    missing_group = post(client, body(groups=[9_999_999]))
    # then both answer the same 400, nothing tells them apart
    assert seen.status_code == missing.status_code == 400
    assert seen.json() == missing.json()
    assert seen_group.json() == missing_group.json()
    assert str(hidden.pk) not in str(seen.json())
    assert not Signal.objects.exists()


def test_a_role_without_case_write_may_not_register(make_member):
    observer = make_member(PartnerType.MUNICIPALITY, role=Role.OBSERVER)
    response = post(token_client(observer), body())
    assert response.status_code == 403 and not Signal.objects.exists()


def test_the_guard_answers_409_with_the_ways_forward_and_writes_only_the_warning(
    at_threshold, make_member
):
    # given a youth worker at the threshold for Zino, and a police partner with the power
    member, coordinator, person = at_threshold(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE, role=Role.COORDINATOR)
    client = token_client(member)
    before = ChangeLogEntry.objects.count()
    # when a third online signal about Zino comes in through the API
    response = post(client, body(person))
    # then it is a 409 describing the crossing and the ways forward
    assert response.status_code == 409
    data = response.json()
    assert data["code"] == "stelselmatige_observatie" and "niet opgeslagen" in data["detail"]
    crossing = data["crossings"][0]
    assert crossing["person"] == person.pk and crossing["alias"] == "Zino"
    assert "frequency" in crossing["thresholds"] and crossing["count"] == 3
    event = GuardEvent.objects.get()
    assert data["guard_events"] == [event.pk] and crossing["guard_event"] == event.pk
    ways = data["ways_forward"]
    assert ways["prosecutor_order"]["available"] is False
    assert ways["handover"]["available"] is True
    assert {"id": police.organisation_id, "name": police.organisation.name} in ways["handover"][
        "organisations"
    ]
    assert ways["stop"]["endpoint"] == "/api/v1/signals/guard-stop/"
    # and nothing is written but the warning: the event, its log line and the coordinator's notice
    assert Signal.objects.count() == 2
    assert event.outcome == GuardEvent.Outcome.WARNED
    assert Notification.objects.filter(user=coordinator.user).count() == 1
    new = ChangeLogEntry.objects.order_by("id")[before:]
    assert {e.event for e in new if e.event} == {"signal.guard_crossed"}
    assert all(e.via == "api" for e in new)
    assert not any(e.object_type == "signalregister.signal" for e in new)


def test_police_retry_with_a_prosecutor_order_succeeds(at_threshold):
    member, _coordinator, person = at_threshold(PartnerType.POLICE)
    client = token_client(member)
    first = post(client, body(person))
    assert first.status_code == 409
    ways = first.json()["ways_forward"]
    assert ways["prosecutor_order"]["available"] is True
    assert ways["handover"]["available"] is False
    events = first.json()["guard_events"]
    # an incomplete or expired order is a Dutch 400 and saves nothing
    expired = {
        "reference": "OvJ-2026-017",
        "date": (timezone.localdate() - dt.timedelta(days=60)).isoformat(),
        "valid_until": (timezone.localdate() - dt.timedelta(days=1)).isoformat(),
        "scope": "Online uitingen van Zino",
    }
    bad = post(client, body(person, guard_events=events, prosecutor_order=expired))
    assert bad.status_code == 400 and "Het bevel is verlopen." in str(bad.json())
    assert Signal.objects.count() == 2 and not ProsecutorOrder.objects.exists()
    # when the client retries with a valid order
    order = {
        "reference": "OvJ-2026-017",
        "date": timezone.localdate().isoformat(),
        "scope": "Online uitingen van Zino, drie maanden",
    }
    response = post(client, body(person, guard_events=events, prosecutor_order=order))
    # then the order is recorded, the warning resolved and the signal saved
    assert response.status_code == 201, response.json()
    assert Signal.objects.count() == 3
    recorded = ProsecutorOrder.objects.get()
    assert recorded.person_id == person.pk and recorded.reference == "OvJ-2026-017"
    event = GuardEvent.objects.get()
    assert event.outcome == GuardEvent.Outcome.ORDER and event.order_id == recorded.pk
    # and the next signal is covered without a warning
    assert post(client, body(person)).status_code == 201


def test_non_police_may_not_record_an_order(at_threshold):
    member, _coordinator, person = at_threshold(PartnerType.YOUTH_WORK)
    client = token_client(member)
    events = post(client, body(person)).json()["guard_events"]
    order = {"reference": "OvJ-1", "date": timezone.localdate().isoformat(), "scope": "alles"}
    response = post(client, body(person, guard_events=events, prosecutor_order=order))
    assert response.status_code == 403 and "politie" in response.json()["detail"]
    assert Signal.objects.count() == 2 and not ProsecutorOrder.objects.exists()


def test_non_police_hand_over_to_a_partner_with_the_power(at_threshold, make_member):
    member, _coordinator, person = at_threshold(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE, role=Role.COORDINATOR)
    school = make_member(PartnerType.EDUCATION)
    client = token_client(member)
    events = post(client, body(person)).json()["guard_events"]
    url = "/api/v1/signals/guard-handover/"
    # a partner without the legal power is refused
    refused = post(client, {"guard_events": events, "to": school.organisation_id, "note": "x"}, url)
    assert refused.status_code == 400 and "bevoegdheid" in str(refused.json())
    # when they hand over to the police with a note
    note = "Zie de verhalen van Zino; graag jullie oordeel."
    response = post(
        client, {"guard_events": events, "to": police.organisation_id, "note": note}, url
    )
    # then nothing is saved, the handover is recorded and the police coordinator notified
    assert response.status_code == 200, response.json()
    assert response.json()["outcome"] == "handover"
    assert Signal.objects.count() == 2
    event = GuardEvent.objects.get()
    assert event.outcome == GuardEvent.Outcome.HANDOVER
    assert event.handover_to_id == police.organisation_id and event.handover_note == note
    assert Notification.objects.filter(user=police.user).exists()
    assert ChangeLogEntry.objects.get(event="signal.guard_handover").via == "api"


def test_stop_records_the_outcome_and_only_for_the_own_warning(at_threshold, make_member):
    member, _coordinator, person = at_threshold(PartnerType.POLICE)
    colleague = make_member(PartnerType.POLICE)
    events = post(token_client(member), body(person)).json()["guard_events"]
    url = "/api/v1/signals/guard-stop/"
    # someone else's warning is unknown to a colleague
    other = post(token_client(colleague), {"guard_events": events}, url)
    assert other.status_code == 400
    response = post(token_client(member), {"guard_events": events}, url)
    assert response.status_code == 200 and response.json()["outcome"] == "stopped"
    assert GuardEvent.objects.get().outcome == GuardEvent.Outcome.STOPPED
    assert Signal.objects.count() == 2


def test_the_owner_corrects_a_signal_as_a_new_version(make_member):
    member = make_member(PartnerType.YOUTH_WORK)
    person = person_factory(member.organisation, alias="Mika")
    group = group_factory(member.organisation)
    signal = signal_factory(member, people=[(person, "involved")], groups=[group])
    client = token_client(member)
    url = f"{URL}{signal.pk}/"
    # a correction without a reason is refused
    no_reason = client.patch(url, {"description": "Nieuw"}, content_type="application/json")
    assert no_reason.status_code == 400 and "reason" in no_reason.json()
    # when the owner corrects the description only
    response = client.patch(
        url,
        {"description": "Gecorrigeerde fictieve beschrijving", "reason": "Typefout"},
        content_type="application/json",
    )
    # then a version keeps the previous state; people and groups stay as they were
    assert response.status_code == 200, response.json()
    signal.refresh_from_db()
    assert signal.description == "Gecorrigeerde fictieve beschrijving"
    version = SignalVersion.objects.get(signal=signal)
    assert (
        version.snapshot["description"] == "Fictieve beschrijving" and version.reason == "Typefout"
    )
    assert [p.person_id for p in signal.people.all()] == [person.pk]
    assert [g.group_id for g in signal.groups.all()] == [group.pk]
    corrected = ChangeLogEntry.objects.get(event="signal.corrected")
    assert corrected.via == "api" and corrected.actor_id == member.user_id
    # and a full correction (PUT) replaces the selection
    put = client.put(url, body(reason="Persoon eruit"), content_type="application/json")
    assert put.status_code == 200, put.json()
    assert not signal.people.exists() and SignalVersion.objects.filter(signal=signal).count() == 2


def test_another_organisation_may_not_correct(make_member):
    owner = make_member(PartnerType.YOUTH_WORK)
    police = make_member(PartnerType.POLICE)  # reads online signals in full
    school = make_member(PartnerType.EDUCATION)  # reads them as a summary only
    signal = signal_factory(owner)
    change = {"description": "Overschreven", "reason": "Poging"}
    url = f"{URL}{signal.pk}/"
    full = token_client(police).patch(url, change, content_type="application/json")
    summary = token_client(school).patch(url, change, content_type="application/json")
    assert full.status_code == 403
    assert summary.status_code == 404
    signal.refresh_from_db()
    assert signal.description == "Fictieve beschrijving" and not signal.versions.exists()


def test_a_correction_runs_the_guard(at_threshold):
    member, _coordinator, person = at_threshold(PartnerType.YOUTH_WORK)
    other = signal_factory(member, observed_at=timezone.now() - dt.timedelta(days=1))
    # when a correction adds Zino to a third online signal
    response = token_client(member).patch(
        f"{URL}{other.pk}/",
        {"people": [{"person": person.pk, "role": "involved"}], "reason": "Zino herkend"},
        content_type="application/json",
    )
    # then the guard answers as for a new signal and the correction is not saved
    assert response.status_code == 409
    assert "correctie" in response.json()["detail"]
    assert not other.people.exists() and not other.versions.exists()
    assert GuardEvent.objects.count() == 1


def test_a_victim_as_possible_perpetrator_needs_the_owners_override(make_member):
    member = make_member(PartnerType.YOUTH_WORK)
    person = person_factory(member.organisation, alias="Noa")
    signal_factory(member, source_type="own_offline", people=[(person, "victim")])
    client = token_client(member)
    data = body(people=[{"person": person.pk, "role": "possible_perpetrator"}])
    refused = post(client, data)
    assert refused.status_code == 400 and "slachtoffer of tipgever" in str(refused.json())
    allowed = post(client, {**data, "perpetrator_override": "Zelf gezien bij de aanval"})
    assert allowed.status_code == 201, allowed.json()
    override = ChangeLogEntry.objects.get(event="signal.perpetrator_override")
    assert override.reason == "Zelf gezien bij de aanval" and override.via == "api"


def test_a_correction_enqueues_the_recompute_on_commit(
    make_member, monkeypatch, django_capture_on_commit_callbacks
):
    from assessment_app.assessment_factories import situation_factory

    member = make_member(PartnerType.YOUTH_WORK)
    signal = signal_factory(member)
    situation = situation_factory(member, signal)
    enqueued: list[int] = []
    monkeypatch.setattr(situation_services, "_enqueue_many", lambda ids: enqueued.extend(ids))
    with django_capture_on_commit_callbacks(execute=True):
        response = token_client(member).patch(
            f"{URL}{signal.pk}/",
            {"threat": True, "reason": "Dreiging gezien"},
            content_type="application/json",
        )
    assert response.status_code == 200, response.json()
    assert situation.pk in enqueued


def test_the_browsable_api_renders_with_the_write_forms(make_member, client_for):
    member = make_member(PartnerType.YOUTH_WORK)
    signal = signal_factory(member)
    client = client_for(member)
    for url in (URL, f"{URL}{signal.pk}/"):
        response = client.get(url, HTTP_ACCEPT="text/html")
        assert response.status_code == 200, url


def test_a_patch_cannot_leave_a_window_that_ends_before_it_starts_or_has_no_start(make_member):
    # given a signal naming a window 7–13 December (start and end stored)
    member = make_member(PartnerType.YOUTH_WORK)
    start = timezone.make_aware(dt.datetime(2026, 12, 7, 0, 0))
    signal = signal_factory(member)
    Signal.objects.filter(pk=signal.pk).update(
        mentioned_time=start, mentioned_until=start + dt.timedelta(days=6, hours=23, minutes=59)
    )
    client = token_client(member)
    url = f"{URL}{signal.pk}/"
    # when a PATCH gives only an end before the stored start, or empties the start only
    before = client.patch(
        url,
        {"mentioned_until": (start - dt.timedelta(days=2)).isoformat(), "reason": "Einde"},
        content_type="application/json",
    )
    no_start = client.patch(
        url, {"mentioned_time": None, "reason": "Begin weg"}, content_type="application/json"
    )
    # then both are refused, on the end, as the form refuses them
    assert before.status_code == 400 and "mentioned_until" in before.json()
    assert no_start.status_code == 400 and "mentioned_until" in no_start.json()
    signal.refresh_from_db()
    assert signal.mentioned_time == start and signal.mentioned_until > start


@pytest.mark.parametrize(
    ("source_type", "platform", "refused"),
    [
        ("open_online", "", True),
        ("shared_by_young_person", None, True),
        ("open_online", "TikTok", False),
        ("own_offline", "", False),
        ("tip_anonymous", None, False),
        (None, "", False),  # no source type yet: that field's own error says so
    ],
)
def test_one_platform_rule_for_the_form_the_serializer_and_the_corrected_state(
    source_type, platform, refused
):
    message = "Vul het platform in voor een online bron." if refused else ""
    assert platform_error(source_type, platform) == message


def test_a_patch_cannot_leave_an_online_signal_without_a_platform(make_member):
    # given an offline observation without a platform, and an online signal with one
    member = make_member(PartnerType.YOUTH_WORK)
    offline = signal_factory(member, source_type="own_offline", platform="")
    online = signal_factory(member, platform="Snapchat")
    client = token_client(member)
    # when a PATCH makes the first online, or empties the second's platform (one field each)
    made_online = client.patch(
        f"{URL}{offline.pk}/",
        {"source_type": "open_online", "reason": "Toch online gezien"},
        content_type="application/json",
    )
    emptied = client.patch(
        f"{URL}{online.pk}/", {"platform": "", "reason": "Weg"}, content_type="application/json"
    )
    # then both are refused on the platform, with the form's message, and nothing changes
    for response in (made_online, emptied):
        assert response.status_code == 400
        assert response.json()["platform"] == ["Vul het platform in voor een online bron."]
    offline.refresh_from_db()
    online.refresh_from_db()
    assert (offline.source_type, online.platform) == ("own_offline", "Snapchat")
