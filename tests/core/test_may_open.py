"""A link is shown only when it opens: ``may_open`` reads the page's declared policy (issue 14:
the privacy officer was shown links that answered 403)."""

from __future__ import annotations

import pytest

from lont.core.choices import Role
from lont.core.policies import may_open
from lont.networks.choices import PartnerType

pytestmark = pytest.mark.django_db


def test_may_open_follows_the_declared_policy(make_member, viewer_for):
    officer = viewer_for(make_member(PartnerType.MUNICIPALITY, role=Role.PRIVACY_OFFICER))
    worker = viewer_for(make_member(PartnerType.YOUTH_WORK))
    assert not may_open(officer, "signalregister:list")
    assert not may_open(officer, "socialmap:export_print")
    assert may_open(worker, "signalregister:list")
    assert may_open(officer, "core:home") and may_open(None, "accounts:login")
    assert not may_open(None, "core:home")


def test_the_phase_page_names_a_part_the_role_cannot_open_without_a_link(make_member, client_for):
    officer = make_member(PartnerType.MUNICIPALITY, role=Role.PRIVACY_OFFICER)
    html = client_for(officer).get("/vredestijd/").content.decode()
    assert 'href="/signalen/"' not in html and "niet voor uw rol" in html
