"""The purge acts per record, deletes files after the commit, respects holds and logs counts only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone
from retention.retention_factories import DESCRIPTION
from signalregister.signals_factories import image_bytes, signal_factory, upload
from subjects.subjects_factories import group_factory, person_factory

from lont.audit.models import ChangeLogEntry
from lont.core.viewer import Viewer
from lont.networks.services import covenant_version_create, default_covenant_content
from lont.retention import purge, services
from lont.retention.models import PurgeRun
from lont.retention.tasks import purge_expired_records
from lont.signalregister import services as signal_services
from lont.signalregister.models import ProsecutorOrder, Signal, SignalAttachment, SignalPerson
from lont.subjects.models import Group

pytestmark = pytest.mark.django_db


def _old_signal(member, long_ago, **kw):
    with long_ago():
        return signal_factory(member, description=DESCRIPTION, **kw)


def test_expired_signal_goes_with_its_rows_and_files(
    police, long_ago, django_capture_on_commit_callbacks
):
    # given an expired signal with a person, a group and an attachment on disk
    person = person_factory(police.organisation)
    group = group_factory(police.organisation)
    signal = _old_signal(
        police,
        long_ago,
        people=[(person, "involved")],
        groups=[group],
        attachments=[upload(image_bytes())],
    )
    attachment = SignalAttachment.objects.get(signal=signal)
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)

    # when the nightly run purges (its commit callbacks run)
    with django_capture_on_commit_callbacks(execute=True):
        (run,) = services.purge_expired()

    # then the signal, its rows and its file are gone; the person and group stay
    assert not Signal.objects.filter(pk=signal.pk).exists()
    assert not SignalPerson.objects.exists() and not SignalAttachment.objects.exists()
    assert not storage.exists(name)
    assert Group.objects.filter(pk=group.pk).exists()
    counts = run.counts["signalregister.Signal"]["online_open_source"]
    assert counts == {"deleted": 1}
    assert run.counts["signalregister.SignalAttachment"]["online_open_source"] == {
        "deleted_with_parent": 1
    }


def test_held_signal_stays_until_the_hold_ends(police, officer, long_ago):
    signal = _old_signal(police, long_ago)
    hold = services.legal_hold_set(
        viewer=Viewer(officer),
        label="signalregister.Signal",
        object_id=signal.pk,
        reason="Lopend onderzoek",
        ends_on=timezone.localdate() + dt.timedelta(days=30),
    )

    (run,) = services.purge_expired()
    assert Signal.objects.filter(pk=signal.pk).exists()
    assert run.counts["signalregister.Signal"]["online_open_source"] == {"held": 1}

    services.legal_hold_end(viewer=Viewer(officer), hold=hold, reason="Onderzoek gesloten")
    services.purge_expired()
    assert not Signal.objects.filter(pk=signal.pk).exists()


def test_a_hold_runs_out_on_its_end_date(police, director, long_ago):
    signal = _old_signal(police, long_ago)
    ends = timezone.localdate() + dt.timedelta(days=3)
    services.legal_hold_set(
        viewer=Viewer(director),
        label="signalregister.Signal",
        object_id=signal.pk,
        reason="Bezwaarprocedure",
        ends_on=ends,
    )
    services.purge_expired(today=ends)
    assert Signal.objects.filter(pk=signal.pk).exists()
    services.purge_expired(today=ends + dt.timedelta(days=1))
    assert not Signal.objects.filter(pk=signal.pk).exists()


def test_a_hold_on_a_group_holds_its_signals(police, officer, long_ago):
    group = group_factory(police.organisation)
    held = _old_signal(police, long_ago, groups=[group])
    other = _old_signal(police, long_ago)
    services.legal_hold_set(
        viewer=Viewer(officer),
        label="subjects.Group",
        object_id=group.pk,
        reason="Incident",
        ends_on=timezone.localdate() + dt.timedelta(days=30),
    )
    services.purge_expired()
    assert list(Signal.objects.values_list("pk", flat=True)) == [held.pk]
    assert not Signal.objects.filter(pk=other.pk).exists()


def test_a_valid_prosecutor_order_holds_the_signals_it_covers(police, long_ago):
    person = person_factory(police.organisation)
    covered = _old_signal(police, long_ago, people=[(person, "involved")])
    uncovered = _old_signal(police, long_ago)
    today = timezone.localdate()
    order = ProsecutorOrder.objects.create(
        network=police.network,
        organisation=police.organisation,
        person=person,
        reference="OvJ-1",
        issued_on=today,
        valid_until=today + dt.timedelta(days=30),
        scope="Fictief",
        recorded_by=police,
    )
    services.purge_expired()
    assert Signal.objects.filter(pk=covered.pk).exists()
    assert not Signal.objects.filter(pk=uncovered.pk).exists()
    # once the order is no longer valid, the signal goes
    services.purge_expired(today=order.valid_until + dt.timedelta(days=1))
    assert not Signal.objects.filter(pk=covered.pk).exists()


def test_only_privacy_officer_and_director_set_holds(police, long_ago):
    signal = _old_signal(police, long_ago)
    with pytest.raises(PermissionDenied):
        services.legal_hold_set(
            viewer=Viewer(police),
            label="signalregister.Signal",
            object_id=signal.pk,
            reason="x",
            ends_on=timezone.localdate(),
        )


def test_a_failure_in_one_record_does_not_stop_the_others(police, long_ago, monkeypatch):
    _first, second, _third = (_old_signal(police, long_ago) for _ in range(3))
    real = purge.delete_with_cascade

    def failing(rows):
        if any(r.pk == second.pk for r in rows):
            raise RuntimeError("disk full")
        return real(rows)

    monkeypatch.setattr(purge, "delete_with_cascade", failing)
    (run,) = services.purge_expired()

    assert list(Signal.objects.values_list("pk", flat=True)) == [second.pk]
    assert run.failures == [
        {"model": "signalregister.Signal", "id": second.pk, "error": "RuntimeError"}
    ]
    counts = run.counts["signalregister.Signal"]["online_open_source"]
    assert counts == {"deleted": 2, "failed": 1}


def test_the_event_holds_counts_only(police, long_ago):
    person = person_factory(police.organisation, alias="Vervlogen Kees")
    _old_signal(police, long_ago, people=[(person, "involved")])
    before = set(ChangeLogEntry.objects.values_list("pk", flat=True))

    (run,) = services.purge_expired()

    event = ChangeLogEntry.objects.get(event="retention.purged")
    assert event.after == {"counts": run.counts, "failed": 0}
    assert event.network_id == police.network_id
    for entry in ChangeLogEntry.objects.exclude(pk__in=before):
        text = f"{entry.object_repr} {entry.before} {entry.after} {entry.reason}"
        assert DESCRIPTION not in text and "Vervlogen Kees" not in text


def test_a_group_still_named_by_a_live_signal_stays(police, long_ago):
    with long_ago():
        group = group_factory(police.organisation)
    signal_factory(police, groups=[group])  # fresh signal names the old group
    (run,) = services.purge_expired()
    assert Group.objects.filter(pk=group.pk).exists()
    assert run.counts["subjects.Group"]["group_analysis"] == {"referenced": 1}
    assert run.failures == []


def test_a_correction_to_another_category_moves_the_retention_date(police, network):
    content = default_covenant_content()
    content["retention_days"]["online_open_source"] = 100
    content["retention_days"]["criminal"] = 30
    covenant_version_create(
        network=network,
        actor=None,
        reason="Test",
        content=content,
        director_organisation=network.active_covenant().director_organisation,
    )
    signal = signal_factory(police)
    registered = timezone.localtime(signal.registered_at).date()
    assert signal.retain_until == registered + dt.timedelta(days=100)

    corrected = signal_services.signal_update(
        viewer=Viewer(police),
        signal=signal,
        fields={"special_data": "criminal"},
        parts=signal_services.SignalParts(people=[], groups=[], indicators=[], attachments=[]),
        reason="Strafrechtelijk",
    )

    assert corrected.category == "criminal"
    assert corrected.retain_until == registered + dt.timedelta(days=30)


def test_task_and_command_run_the_purge(police, long_ago):
    _old_signal(police, long_ago)
    result = purge_expired_records.enqueue().return_value
    assert result == {"networks": 1, "deleted": 1, "failed": 0}
    _old_signal(police, long_ago)
    call_command("purge_expired")
    assert not Signal.objects.exists()
    assert PurgeRun.objects.count() == 2


def test_a_person_under_a_valid_order_does_not_expire(police):
    from lont.subjects.models import Person
    from lont.subjects.services import persons_expire

    today = timezone.localdate()
    person = person_factory(police.organisation, review_date=today - dt.timedelta(days=1))
    gone = person_factory(police.organisation, review_date=today - dt.timedelta(days=1))
    ProsecutorOrder.objects.create(
        network=police.network,
        organisation=police.organisation,
        person=person,
        reference="OvJ-2",
        issued_on=today,
        valid_until=today + dt.timedelta(days=10),
        scope="Fictief",
        recorded_by=police,
    )
    counts = persons_expire(today=today)
    assert counts["held"] == 1 and counts["persons"] == 1
    assert Person.objects.filter(pk=person.pk).exists()
    assert not Person.objects.filter(pk=gone.pk).exists()
    # after the order, the person expires as usual
    persons_expire(today=today + dt.timedelta(days=11))
    assert not Person.objects.filter(pk=person.pk).exists()


def test_situations_of_purged_signals_are_recomputed_once(
    police, long_ago, monkeypatch, django_capture_on_commit_callbacks
):
    from lont.assessment.models import Situation
    from lont.assessment.services import situations as situation_services

    old = [_old_signal(police, long_ago) for _ in range(3)]
    situation = Situation.objects.create(
        network=police.network, organisation=police.organisation, kind="rivalry", title="Fictief"
    )
    situation.signals.add(*old)
    enqueued: list[list[int]] = []
    monkeypatch.setattr(situation_services, "_enqueue_many", enqueued.append)

    with django_capture_on_commit_callbacks(execute=True):
        services.purge_expired()

    assert not situation.signals.exists()
    assert enqueued == [[situation.pk]]
