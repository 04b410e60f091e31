"""Four eyes and who may read: the privacy officer reads no case content except through an
approved request's grant, and only the request's two people hold that grant."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from privacy.privacy_factories import reauthenticated, start

from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.networks.choices import PartnerType, Role
from lont.privacy import selectors, services
from lont.privacy.grants import ReportGrant, issue_grant
from lont.privacy.models import SubjectRequest
from lont.signalregister.models import Signal

pytestmark = pytest.mark.django_db


def test_the_requester_cannot_approve_their_own_request(world, client_for):
    officer = reauthenticated(client_for(world["officer"]))
    request = start(officer)
    response = officer.post(f"/privacy/verzoeken/{request.pk}/goedkeuren/", {"approve": "1"})
    assert response.status_code in {400, 403}
    with pytest.raises(PermissionDenied):
        services.request_approve(viewer=Viewer(world["officer"]), request=request, approve=True)
    request.refresh_from_db()
    assert request.status == "awaiting" and request.approved_by is None


def test_nothing_is_searchable_or_shown_before_approval(world, client_for):
    officer = reauthenticated(client_for(world["officer"]))
    request = start(officer)
    assert officer.post(f"/privacy/verzoeken/{request.pk}/zoeken/").status_code == 403
    assert officer.get(f"/privacy/verzoeken/{request.pk}/rapport.pdf").status_code == 403
    assert officer.get(f"/privacy/verzoeken/{request.pk}/rapport.json").status_code == 403
    page = officer.get(f"/privacy/verzoeken/{request.pk}/").content.decode()
    assert "Vonk" not in page and "Download als pdf" not in page
    with pytest.raises(PermissionDenied):
        issue_grant(Viewer(world["officer"]), request)
    with pytest.raises(PermissionDenied):  # a grant cannot be made by hand
        ReportGrant(viewer=Viewer(world["officer"]), request=request)
    request.refresh_from_db()
    assert request.person_id is None


def test_a_rejected_request_opens_nothing(world, client_for):
    request = start(reauthenticated(client_for(world["officer"])))
    services.request_approve(
        viewer=Viewer(world["director"]), request=request, approve=False, reason="Niet herleidbaar"
    )
    with pytest.raises(PermissionDenied):
        issue_grant(Viewer(world["officer"]), request)


def test_a_second_privacy_officer_may_approve(world, client_for, make_member):
    second = make_member(PartnerType.POLICE, Role.PRIVACY_OFFICER)
    request = start(reauthenticated(client_for(world["officer"])))
    services.request_approve(viewer=Viewer(second), request=request, approve=True)
    grant = issue_grant(Viewer(world["officer"]), request)
    assert [p.pk for p in selectors.matching_persons(grant)] == [world["person"].pk]


def test_only_the_two_people_of_the_request_read_the_report(world, client_for, make_member):
    officer = reauthenticated(client_for(world["officer"]))
    request = start(officer)
    reauthenticated(client_for(world["director"])).post(
        f"/privacy/verzoeken/{request.pk}/goedkeuren/", {"approve": "1"}
    )
    officer.post(f"/privacy/verzoeken/{request.pk}/zoeken/")
    url = f"/privacy/verzoeken/{request.pk}/rapport.json"
    assert officer.get(url).status_code == 200
    # the approving director may check what is sent
    assert reauthenticated(client_for(world["director"])).get(url).status_code == 200
    # another director, another privacy officer, a professional: no
    other_director = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    other_officer = make_member(PartnerType.POLICE, Role.PRIVACY_OFFICER)
    for member in (other_director, other_officer, world["police"]):
        assert reauthenticated(client_for(member)).get(url).status_code in {403, 404}
    page = reauthenticated(client_for(other_officer)).get(f"/privacy/verzoeken/{request.pk}/")
    assert page.status_code == 200 and "Vonk" not in page.content.decode()


def test_only_privacy_officers_start_requests_and_professionals_see_none(world, client_for):
    director = reauthenticated(client_for(world["director"]))
    assert director.get("/privacy/verzoeken/nieuw/").status_code == 403
    with pytest.raises(PermissionDenied):
        services.request_start(
            viewer=Viewer(world["director"]), kind="access", received_on="2026-01-01", real_name="X"
        )
    assert client_for(world["police"]).get("/privacy/verzoeken/").status_code == 403


def test_the_grant_is_narrow_the_visibility_rule_stays(world, client_for):
    """Approval opens the one report, not case content in general."""
    officer = reauthenticated(client_for(world["officer"]))
    request = start(officer)
    services.request_approve(viewer=Viewer(world["director"]), request=request, approve=True)
    assert visible(Viewer(world["officer"]), Signal).count() == 0
    assert officer.get(f"/signalen/{world['signal'].pk}/").status_code in {403, 404}


def test_deadline_is_one_month_after_receipt(world):
    request = SubjectRequest(received_on=dt.date(2026, 1, 31))
    assert request.deadline.isoformat() == "2026-02-28"


def test_the_director_finds_requests_to_approve(world, client_for):
    request = start(reauthenticated(client_for(world["officer"])))
    page = client_for(world["director"]).get("/privacy/verzoeken/").content.decode()
    assert "Privacyverzoeken" in page and f"/privacy/verzoeken/{request.pk}/" in page
    detail = client_for(world["director"]).get(f"/privacy/verzoeken/{request.pk}/").content.decode()
    assert "Goedkeuren (vier ogen)" in detail
