"""Given a network director, when they change the covenant, then a new version with a reason is
enforced at once, logged, shown in the history and the annex (page and PDF)."""

import time

import pytest
from django.urls import reverse

from lont.accounts.reauth import SESSION_REAUTH_KEY
from lont.audit.models import ChangeLogEntry
from lont.core.viewer import Viewer
from lont.networks.choices import Access, InformationCategory, PartnerType, Role
from lont.networks.forms import covenant_initial
from lont.networks.models import CovenantVersion

pytestmark = pytest.mark.django_db


def _reauthed(client):
    session = client.session
    session[SESSION_REAUTH_KEY] = time.time()
    session.save()
    return client


def _form_data(version, **overrides):
    data = {k: v for k, v in covenant_initial(version).items() if v is not None}
    data = {k: ("on" if v is True else v) for k, v in data.items() if v is not False}
    data.update(reason="Scholen zien voortaan volledige groepsanalyses", **overrides)
    return data


def test_director_changes_sharing_and_it_is_enforced_at_once(network, make_member, client_for):
    director = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    teacher = make_member(PartnerType.EDUCATION)
    client = _reauthed(client_for(director))
    version = network.active_covenant()
    field = f"share__{InformationCategory.GROUP_ANALYSIS}__{PartnerType.EDUCATION}"
    response = client.post(reverse("networks:covenant_edit"), _form_data(version, **{field: "2"}))
    assert response.status_code == 302
    new = network.active_covenant()
    assert new.number == version.number + 1
    assert new.reason == "Scholen zien voortaan volledige groepsanalyses"
    assert (
        Viewer(teacher).covenant.access_for(
            category=InformationCategory.GROUP_ANALYSIS, organisation=teacher.organisation
        )
        == Access.FULL
    )
    assert ChangeLogEntry.objects.filter(
        event="covenant.version_activated", object_id=str(new.pk)
    ).exists()
    history = client.get(reverse("networks:covenant_history"))
    assert "Groepsanalyses" in history.content.decode()


def test_an_unlawful_change_is_refused_and_nothing_changes(network, make_member, client_for):
    director = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    client = _reauthed(client_for(director))
    version = network.active_covenant()
    field = f"share__{InformationCategory.CARE}__{PartnerType.EDUCATION}"
    response = client.post(reverse("networks:covenant_edit"), _form_data(version, **{field: "2"}))
    assert response.status_code == 200
    assert "Zorggegevens blijven bij zorgpartners" in response.content.decode()
    assert CovenantVersion.objects.filter(network=network).count() == 1
    # the form keeps what the user typed
    assert "Scholen zien voortaan volledige groepsanalyses" in response.content.decode()


def test_a_reason_is_required(network, make_member, client_for):
    director = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    client = _reauthed(client_for(director))
    data = _form_data(network.active_covenant())
    data["reason"] = ""
    response = client.post(reverse("networks:covenant_edit"), data)
    assert response.status_code == 200
    assert CovenantVersion.objects.filter(network=network).count() == 1


@pytest.mark.parametrize(
    "role", [Role.COORDINATOR, Role.PROFESSIONAL, Role.PRIVACY_OFFICER, Role.OBSERVER]
)
def test_only_the_director_may_change_the_covenant(network, make_member, client_for, role):
    member = make_member(PartnerType.MUNICIPALITY, role)
    client = _reauthed(client_for(member))
    assert client.get(reverse("networks:covenant_edit")).status_code == 403
    assert client.post(reverse("networks:covenant_edit"), {"reason": "x"}).status_code == 403


def test_changing_the_covenant_needs_recent_reauthentication(network, make_member, client_for):
    director = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    response = client_for(director).get(reverse("networks:covenant_edit"))
    assert response.status_code == 302
    assert reverse("accounts:reauth") in response["Location"]


def test_the_annex_is_readable_printable_and_a_pdf(network, make_member, client_for):
    member = make_member(PartnerType.POLICE)
    client = client_for(member)
    page = client.get(reverse("networks:covenant")).content.decode()
    assert "Deelafspraken en bewaartermijnen" in page
    assert "data-print" in page
    pdf = client.get(reverse("networks:covenant_pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_covenant_versions_are_immutable(network):
    version = network.active_covenant()
    version.reason = "anders"
    with pytest.raises(ValueError, match="onveranderlijk"):
        version.save()


def test_covenant_api_lists_versions(network, make_member, client_for):
    member = make_member(PartnerType.YOUTH_WORK)
    response = client_for(member).get("/api/v1/covenant-versions/")
    assert response.status_code == 200
    assert response.json()["results"][0]["number"] == 1
