"""C2 outreach from the social map: "wie kan groep X bereiken" on the incident, recorded outreach
with its outcome later, and a row never shown beyond the least visible of incident and contact."""

from __future__ import annotations

import pytest
from crisis_factories import incident_factory, new_covenant
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from socialmap_factories import contact_factory, group_factory, reach_factory

from lont.core.scoping import system_context
from lont.core.viewer import Viewer
from lont.core.visibility import access_for, effective_access
from lont.crisis import selectors, services
from lont.crisis.models import IncidentLogEntry, Outreach
from lont.networks.choices import Access, InformationCategory, PartnerType

pytestmark = pytest.mark.django_db


def _world(make_member):
    youth = make_member(PartnerType.YOUTH_WORK)
    group = group_factory(youth.organisation, name="3031 Collective")
    messenger = contact_factory(youth.organisation, name="Jermaine Voorbeeld")
    reach_factory(messenger, group)
    incident = incident_factory(youth, groups=[group])
    return youth, group, messenger, incident


def _outreach(youth, incident, contact, group, **extra):
    return services.outreach_add(
        viewer=Viewer(youth),
        incident=incident,
        data={
            "contact": contact,
            "group": group,
            "channel": "telefoon",
            "ask": "Wil je zaterdag bij de kooi de jongens aanspreken?",
            **extra,
        },
    )


def test_outreach_with_its_outcome_recorded_later(make_member):
    youth, group, messenger, incident = _world(make_member)
    outreach = _outreach(youth, incident, messenger, group)
    assert outreach.outcome == "open" and outreach.by == youth.user and outreach.outcome_at is None
    services.outreach_outcome(
        viewer=Viewer(youth), outreach=outreach, data={"outcome": "helpt", "outcome_note": "19:30"}
    )
    outreach.refresh_from_db()
    assert outreach.outcome == "helpt" and outreach.outcome_at is not None
    lines = list(
        IncidentLogEntry.objects.filter(incident=incident, kind="outreach").values_list(
            "text", flat=True
        )
    )
    # The append-only log names the kind of contact, never the person.
    assert len(lines) == 2 and not any("Jermaine" in line for line in lines)
    police = make_member(PartnerType.POLICE)
    with pytest.raises(PermissionDenied):
        services.outreach_outcome(
            viewer=Viewer(police), outreach=outreach, data={"outcome": "weigert"}
        )


def test_outreach_needs_a_contact_read_in_full(make_member):
    youth, group, _messenger, incident = _world(make_member)
    police = make_member(PartnerType.POLICE)
    new_covenant(youth.network, sharing={InformationCategory.CONTACTS: {"politie": 0}})
    hidden = contact_factory(youth.organisation, name="Onzichtbaar")
    with pytest.raises(PermissionDenied):
        _outreach(police, incident, hidden, group)


def test_the_row_is_shown_at_the_least_visible_of_incident_and_contact(make_member):
    youth, group, messenger, incident = _world(make_member)
    outreach = _outreach(youth, incident, messenger, group)
    viewers = {
        kind: Viewer(make_member(kind))
        for kind in (
            PartnerType.POLICE,
            PartnerType.EDUCATION,
            PartnerType.SPORT,
            PartnerType.HOUSING,
        )
    }
    seen = {}
    for kind, viewer in viewers.items():
        with system_context("test: the expected level"):
            expected = min(
                access_for(viewer, outreach),
                access_for(viewer, incident),
                access_for(viewer, messenger),
                access_for(viewer, group),
            )
        rows = selectors.picture(viewer, incident).outreach
        got = rows[0].lont_access if rows else Access.NONE
        assert got == expected, kind
        seen[kind] = got
        if rows and got < Access.FULL:
            assert rows[0].ask == "" and rows[0].outcome == "open"
    assert seen[PartnerType.POLICE] == Access.FULL
    assert seen[PartnerType.EDUCATION] == Access.SUMMARY  # the incident is a summary to schools
    assert seen[PartnerType.HOUSING] == Access.NONE
    # The contact caps the row: police still see the incident in full but not the contact.
    new_covenant(youth.network, sharing={InformationCategory.CONTACTS: {"politie": 0}})
    police = Viewer(make_member(PartnerType.POLICE))
    assert access_for(police, incident) == Access.FULL
    assert selectors.picture(police, incident).outreach == []
    with system_context("test"):
        assert effective_access(police, Outreach.objects.get()) == Access.NONE


def test_incident_page_ranks_who_can_reach_and_records_outreach(make_member, client_for):
    youth, group, messenger, incident = _world(make_member)
    client = client_for(youth)
    page = client.get(incident.get_absolute_url()).content.decode()
    assert "Wie kan de groepen bereiken?" in page and "Jermaine Voorbeeld" in page
    assert "Bereikt de groep rechtstreeks (sterk)." in page
    step = reverse("crisis:step", args=[incident.pk, "benadering"])
    bad = client.post(step, {"contact": messenger.pk, "channel": "telefoon"})
    assert bad.status_code == 400 and not Outreach.objects.exists()
    done = client.post(
        step,
        {"contact": messenger.pk, "group": group.pk, "channel": "telefoon", "ask": "Kom je?"},
    )
    assert done.status_code == 302
    outreach = Outreach.objects.get()
    outcome = reverse("crisis:row_step", args=[outreach.pk, "benadering-uitkomst"])
    assert client.post(outcome, {"outcome": "niet_bereikt"}).status_code == 302
    live = client.get(reverse("crisis:live", args=[incident.pk])).content.decode()
    assert "Benaderde contacten" in live and "Niet bereikt" in live and "Kom je?" in live
    pdf = client.get(reverse("crisis:report_pdf", args=[incident.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    # A school sees the incident as a summary: no ranking, the outreach without name or ask.
    school = client_for(make_member(PartnerType.EDUCATION))
    summary = school.get(incident.get_absolute_url()).content.decode()
    assert "Wie kan de groepen bereiken?" not in summary
    assert "Niet bereikt" in summary and "Jermaine" not in summary and "Kom je?" not in summary
