"""The processing register and the DPIA annex follow the covenant."""

from __future__ import annotations

import pytest
from privacy.pdf_text import pdf_text
from privacy.privacy_factories import reauthenticated

from lont.audit.models import ChangeLogEntry
from lont.core.viewer import Viewer
from lont.networks.choices import Access, InformationCategory, PartnerType, Role
from lont.networks.services import covenant_change
from lont.privacy import services
from lont.privacy.register import build_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_member):
    return make_member(PartnerType.MUNICIPALITY, Role.PRIVACY_OFFICER)


@pytest.fixture
def director(make_member):
    return make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)


def test_register_is_generated_from_the_covenant_and_the_registry(network, officer, director):
    sharing = {k: dict(v) for k, v in network.active_covenant().sharing.items()}
    sharing[InformationCategory.TIP]["onderwijs"] = int(Access.SUMMARY)
    retention = dict(network.active_covenant().retention_days)
    retention[InformationCategory.TIP] = 90
    covenant_change(
        viewer=Viewer(director), reason="Tips korter", sharing=sharing, retention_days=retention
    )
    register = build_register(network.active_covenant())
    rows = {row.code: row for row in register.categories}
    assert rows["tip"].retention_days == 90
    assert "Onderwijs" in rows["tip"].summary and "Onderwijs" not in rows["tip"].full
    assert "Politie" in rows["criminal"].full and "Gemeente" not in rows["criminal"].full
    assert rows["care"].full == ["GGZ / zorg", "Jeugdbescherming"]
    assert "signalen" in rows["tip"].holders  # signals carry their category per row
    assert "personen" in rows["group_analysis"].holders
    assert any("minderjarig" in s for s in register.data_subjects)
    assert any("Tweestapsverificatie" in m for m in register.security)
    assert register.thresholds["count_30_days"] == 3
    bases = dict(register.legal_bases)
    assert "Wet politiegegevens" in bases["Politie"]


def test_register_page_and_pdf_for_the_privacy_officer_only(network, officer, director, client_for):
    client = client_for(officer)
    page = client.get("/privacy/register/")
    assert page.status_code == 200
    assert "Verwerkingsregister en DPIA" in page.content.decode()
    pdf = client.get("/privacy/register/pdf/")
    text = pdf_text(pdf.content)
    assert "Verwerkingsregister" in text and "Tweestapsverificatie" in text
    assert client_for(director).get("/privacy/register/").status_code == 403


def test_dpia_risks_sign_off_and_needs_review_after_a_sharing_change(
    network, officer, director, client_for
):
    client = reauthenticated(client_for(officer))
    assert client.post("/privacy/register/vaststellen/").status_code == 302  # no risks: refused
    assert services.dpia_for(network).status == "draft"
    client.post(
        "/privacy/register/risico/",
        {
            "risk": "Scholen krijgen te veel te zien",
            "likelihood": "middel",
            "impact": "hoog",
            "measure": "Alleen samenvattingen voor onderwijs",
        },
    )
    client.post("/privacy/register/vaststellen/")
    dpia = services.dpia_for(network)
    assert dpia.status == "signed" and dpia.covenant_version == network.active_covenant()
    assert ChangeLogEntry.objects.filter(event="privacy.dpia_signed").exists()
    assert "Scholen krijgen te veel te zien" in pdf_text(
        client.get("/privacy/register/pdf/").content
    )

    # a change that leaves sharing alone keeps the sign-off
    retention = dict(network.active_covenant().retention_days)
    retention["tip"] = 120
    covenant_change(viewer=Viewer(director), reason="Bewaren", retention_days=retention)
    dpia.refresh_from_db()
    assert dpia.status == "signed"

    sharing = {k: dict(v) for k, v in network.active_covenant().sharing.items()}
    sharing["incident"]["onderwijs"] = int(Access.NONE)
    version = covenant_change(viewer=Viewer(director), reason="Minder delen", sharing=sharing)
    dpia.refresh_from_db()
    assert dpia.status == "needs_review"
    assert f"v{version.number}" in dpia.review_reason
    assert "Moet opnieuw worden beoordeeld" in client.get("/privacy/register/").content.decode()


def test_only_the_privacy_officer_edits_the_dpia(network, director):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.dpia_add_risk(
            viewer=Viewer(director), risk="x", likelihood="laag", impact="laag", measure="y"
        )


def test_the_register_is_versioned_with_the_covenant(network, officer, director, client_for):
    retention = dict(network.active_covenant().retention_days)
    retention["tip"] = 77
    covenant_change(viewer=Viewer(director), reason="Korter", retention_days=retention)
    client = client_for(officer)
    assert "versie 2" in client.get("/privacy/register/").content.decode()
    old = pdf_text(client.get("/privacy/register/pdf/?versie=1").content)
    new = pdf_text(client.get("/privacy/register/pdf/?versie=2").content)
    assert "versie 1" in old and " 77 " not in f" {old} " and "77" in new
