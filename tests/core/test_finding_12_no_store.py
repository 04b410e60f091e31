"""Finding 12 of issue 8: pages and API responses with personal data are never stored by a
browser or proxy (``Cache-Control: no-store``). Generated from the URL conf: every view that
declares ``shows_personal_data`` is read as the demo director, pages by session, the API also by
token."""

from __future__ import annotations

import pytest
from core.test_url_protection import _model_of, to_path, walk
from django.test import Client

from lont.accounts.services import api_token_create
from lont.core.policies import API, policy_of
from lont.core.viewer import Viewer
from lont.core.visibility import visible
from lont.networks.demo import load_demo
from lont.networks.models import Membership

pytestmark = pytest.mark.django_db


def _personal_data_paths(viewer):
    for segments, name, callback in walk():
        policy, _permission, personal = policy_of(callback)
        if not personal or "format>" in segments[-1]:
            continue
        actions = getattr(callback, "actions", None)
        if actions is not None and "get" not in actions:
            continue
        model = _model_of(callback)
        obj = visible(viewer, model).first() if model is not None else None
        if obj is None:
            continue
        values = {"pk": str(obj.pk)}
        if getattr(obj, "organisation_id", None):
            values["organisation_id"] = str(obj.organisation_id)
        path = to_path(segments, values)
        if path is not None:
            yield name, path, policy


def test_finding_12_personal_data_is_never_cached(client_for):
    load_demo()
    director = Membership.objects.get(
        user__email="regisseur@gemeente.voorbeeldstad.test", network__slug="voorbeeldstad-noord"
    )
    viewer = Viewer(director)
    session = client_for(director)
    _token, raw = api_token_create(viewer=viewer, name="Test", days=1)
    token = Client(HTTP_AUTHORIZATION=f"Token {raw}")
    checked, failures = 0, []
    for name, path, policy in _personal_data_paths(viewer):
        clients = [session, token] if policy == API else [session]
        for client in clients:
            response = client.get(path)
            checked += 1
            if response.status_code != 200 or "no-store" not in response.get("Cache-Control", ""):
                failures.append((name, path, response.status_code, response.get("Cache-Control")))
    assert failures == []
    assert checked >= 20


def test_anonymous_public_pages_stay_cacheable(client):
    response = client.get("/account/inloggen/")
    assert "no-store" not in response.get("Cache-Control", "")
