"""Pages and API writes: create, correct (versioned), status, context notes; bad input keeps data."""

from __future__ import annotations

import pytest
from django.urls import reverse
from signalregister.signals_factories import signal_factory, signal_form_data
from subjects.subjects_factories import person_factory

from lont.networks.choices import PartnerType
from lont.signalregister.models import ContextNote, Signal, SignalVersion

pytestmark = pytest.mark.django_db


def _form(**extra) -> dict:
    return signal_form_data(**extra)


def test_create_page_saves_with_people_and_engagement(make_member, client_for):
    member = make_member()
    person = person_factory(member.organisation, alias="Panna Pim")
    client = client_for(member)
    assert client.get(reverse("signalregister:create")).status_code == 200
    response = client.post(
        reverse("signalregister:create"),
        _form(
            **{
                "people-TOTAL_FORMS": "1",
                "people-0-person": str(person.pk),
                "people-0-role": "witness",
                "views": "120",
                "likes": "10",
            }
        ),
    )
    assert response.status_code == 302
    signal = Signal.objects.get()
    assert signal.people.get().role == "witness"
    assert signal.engagement.get().views == 120
    assert client.get(signal.get_absolute_url()).status_code == 200


def test_online_source_without_platform_keeps_input(make_member, client_for):
    client = client_for(make_member())
    response = client.post(
        reverse("signalregister:create"),
        _form(source_type="open_online", description="Typtekst 77"),
    )
    assert response.status_code == 400
    assert "Vul het platform in" in response.content.decode()
    assert "Typtekst 77" in response.content.decode()
    assert not Signal.objects.exists()


def test_correction_page_keeps_a_version_visible_to_full_readers(make_member, client_for):
    owner = make_member()
    signal = signal_factory(owner, description="Oorspronkelijk")
    client = client_for(owner)
    assert client.get(reverse("signalregister:edit", args=[signal.pk])).status_code == 200
    response = client.post(
        reverse("signalregister:edit", args=[signal.pk]),
        _form(
            source_type="open_online",
            platform="Snapchat",
            description="Gecorrigeerd",
            reason="Verkeerde tekst",
        ),
    )
    assert response.status_code == 302
    assert SignalVersion.objects.get(signal=signal).snapshot["description"] == "Oorspronkelijk"
    page = client.get(signal.get_absolute_url()).content.decode()
    assert "Gecorrigeerd" in page and "Oorspronkelijk" in page
    # and another partner may not correct it
    police = client_for(make_member(PartnerType.POLICE))
    assert police.get(reverse("signalregister:edit", args=[signal.pk])).status_code == 403


def test_status_and_context_note_pages(make_member, client_for):
    owner = make_member()
    signal = signal_factory(owner)
    client_for(owner).post(
        reverse("signalregister:status", args=[signal.pk]), {"status": "handled"}
    )
    signal.refresh_from_db()
    assert signal.status == "handled"
    police = client_for(make_member(PartnerType.POLICE))
    police.post(
        reverse("signalregister:note_create", args=[signal.pk]),
        {"adjustment": "-2", "reason": "running gag in deze groep"},
    )
    assert ContextNote.objects.get().adjustment == -2


def test_api_context_note_post_and_bad_input(make_member, client_for):
    owner = make_member()
    signal = signal_factory(owner)
    police = client_for(make_member(PartnerType.POLICE))
    ok = police.post(
        reverse("api:signal-note-list"),
        {"signal": signal.pk, "adjustment": 1, "reason": "broer is vorige week overleden"},
        content_type="application/json",
    )
    assert ok.status_code == 201 and ok.json()["adjustment"] == 1
    bad = police.post(
        reverse("api:signal-note-list"),
        {"signal": signal.pk, "adjustment": 5, "reason": "x"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and ContextNote.objects.count() == 1


def test_analyse_and_fill_in_proposes_without_saving(make_member, client_for):
    # given a description that names a time, a place and a call to action
    client = client_for(make_member())
    response = client.post(
        reverse("signalregister:create"),
        _form(
            source_type="open_online",
            platform="Instagram",
            description="zaterdag om 21:00 bij de kooi, iedereen komen",
            prefill="1",
        ),
    )
    # then the form comes back with proposals and nothing is saved
    body = response.content.decode()
    assert response.status_code == 200
    assert "Controleer ze" in body and "iedereen komen" in body
    assert 'name="mentioned_time"' in body and "T21:00" in body
    assert not Signal.objects.exists()


def test_a_person_row_without_role_is_in_the_error_summary_with_a_link(make_member, client_for):
    member = make_member()
    person = person_factory(member.organisation, alias="Panna Pim")
    response = client_for(member).post(
        reverse("signalregister:create"),
        _form(**{"people-TOTAL_FORMS": "2", "people-1-person": str(person.pk)}),
    )
    assert response.status_code == 400
    html = response.content.decode()
    summary = html.split("data-error-summary", 1)[1].split("</ul>", 1)[0]
    assert "Er is 1 probleem met wat u invulde" in html
    assert 'href="#id_people-1-role"' in summary
    assert "Rol in dit signaal (rij 2): Kies de rol van deze persoon." in summary
    assert not Signal.objects.exists()
