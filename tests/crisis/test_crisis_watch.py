"""C3 roles with the guide's advice, C4 readings (never a score), C5 tactics per partner type."""

from __future__ import annotations

import datetime as dt

import pytest
from crisis_factories import incident_factory
from django.core.exceptions import ValidationError
from django.urls import reverse

from lont.core.viewer import Viewer
from lont.crisis import guide, services
from lont.networks.choices import PartnerType
from lont.subjects.choices import MemberRole

pytestmark = pytest.mark.django_db


def test_guide_lists_are_complete():
    assert MemberRole.PASSER_BY == "passer_by"
    assert set(guide.role_advice()) == {
        "socialising",
        "rejected",
        "independent",
        "admired",
        "leader",
        "passer_by",
    }
    classes = guide.nonverbal_by_strength()
    assert [len(rows) for _label, rows in classes] == [2, 3, 13, 5]
    assert len(guide.indicators("provocation")) == 5
    police = [code for code, _t, _s in guide.tactics_for("politie")]
    youth = [code for code, _t, _s in guide.tactics_for("jongerenwerk")]
    assert police == ["tactiek.1", "tactiek.2", "tactiek.3", "tactiek.8"]
    assert youth == ["tactiek.4", "tactiek.5", "tactiek.6", "tactiek.7", "tactiek.8"]
    steps = {c: s for c, _t, s in guide.tactics_for("politie")}["tactiek.2"]
    assert len(steps) == 7  # four conversation steps, three steps against resistance


def test_a_reading_is_text_not_a_score(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    incident = incident_factory(youth)
    viewer = Viewer(youth)
    with pytest.raises(ValidationError):
        services.reading_add(
            viewer=viewer, incident=incident, data={"nonverbal": ["nonverbal.01"], "reading": ""}
        )
    with pytest.raises(ValidationError):
        services.reading_add(
            viewer=viewer,
            incident=incident,
            data={"nonverbal": ["nonverbal.01"], "reading": "Bokshouding"},
        )
    row = services.reading_add(
        viewer=viewer,
        incident=incident,
        data={
            "stage": 1,
            "spontaneity": "spontaan",
            "nonverbal": ["nonverbal.01", "bogus"],
            "provocation": ["provocation.2"],
            "reading": "Bokshouding en respect eisen: de agent wordt uitgedaagd.",
        },
    )
    assert row.nonverbal == ["nonverbal.01"]
    assert (
        row.incident.log.for_viewer(viewer).filter(text__contains="Leid de geprovoceerde").exists()
    )


def test_pages_show_roles_watch_and_tactics(make_member, client_for):
    from lont.subjects.models import Person

    police = make_member(PartnerType.POLICE)
    incident = incident_factory(police)
    person = Person.objects.create(
        network=police.network,
        organisation=police.organisation,
        alias="Testalias",
        review_date=dt.date.today() + dt.timedelta(days=365),
    )
    client = client_for(police)
    ok = client.post(
        reverse("crisis:step", args=[incident.pk, "persoon"]),
        {"person": person.pk, "role_type": "passer_by", "motive": "Schoot een vriend te hulp"},
    )
    assert ok.status_code == 302, ok.content.decode()[:2000]
    ok = client.post(
        reverse("crisis:step", args=[incident.pk, "tactiek"]), {"tactic": "tactiek.1", "note": "x"}
    )
    assert ok.status_code == 302
    bad = client.post(
        reverse("crisis:step", args=[incident.pk, "tactiek"]), {"tactic": "tactiek.4"}
    )
    assert bad.status_code == 400
    page = client.get(incident.get_absolute_url()).content.decode()
    assert "Voorbijganger" in page and "Testalias" in page
    assert "fysiek uit elkaar" in page  # the guide's advice for a passer-by
    assert "Haal de oproeper uit de anonimiteit" in page
