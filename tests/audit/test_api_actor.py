"""Finding 6: writes through the token API are change-logged with the token's user as actor and
``via="api"`` (the acting context is set after DRF authenticated the call, not by the middleware)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from signalregister.signals_factories import signal_factory

from lont.accounts import services as account_services
from lont.audit.models import ChangeLogEntry
from lont.core.viewer import Viewer
from lont.knowledge.models import Indicator
from lont.networks.choices import PartnerType, Role

pytestmark = pytest.mark.django_db


def token_client(member) -> Client:
    _token, raw = account_services.api_token_create(viewer=Viewer(member), name="script")
    return Client(HTTP_AUTHORIZATION=f"Token {raw}")


def entries_since(last_id: int):
    return list(ChangeLogEntry.objects.filter(id__gt=last_id).order_by("id"))


def test_finding_6_token_api_writes_record_actor(network, make_member):
    professional = make_member(PartnerType.POLICE, Role.PROFESSIONAL)
    director = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    signal = signal_factory(professional)
    writes = [
        (
            token_client(professional),
            "post",
            "/api/v1/signal-notes/",
            {"signal": signal.pk, "adjustment": 1, "reason": "Fictieve context"},
            professional,
            {201},
        ),
        (
            token_client(professional),
            "post",
            "/api/v1/socialmap/contacts/",
            {"kind": "external_professional", "name": "Fictief Contact"},
            professional,
            {201},
        ),
        (
            token_client(director),
            "patch",
            f"/api/v1/indicators/{Indicator.objects.filter(network=network).first().pk}/",
            {"weight_class": "weak", "reason": "Fictieve reden"},
            director,
            {200},
        ),
    ]
    for client, method, url, body, member, statuses in writes:
        last = ChangeLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
        response = getattr(client, method)(url, body, content_type="application/json")
        assert response.status_code in statuses, (url, response.content)
        rows = [e for e in entries_since(last) if e.object_type != "accounts.apitoken"]
        assert rows, f"{url} wrote no change-log row"
        for entry in rows:
            assert entry.actor_id == member.user_id, (url, entry)
            assert entry.via == "api", (url, entry)
            assert entry.network_id == network.pk, (url, entry)
            assert entry.request_id == response["X-Request-ID"], (url, entry)


def test_session_api_writes_are_logged_as_api_too(network, make_member, client_for):
    professional = make_member(PartnerType.POLICE, Role.PROFESSIONAL)
    signal = signal_factory(professional)
    last = ChangeLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    response = client_for(professional).post(
        "/api/v1/signal-notes/",
        {"signal": signal.pk, "adjustment": -1, "reason": "Fictief"},
        content_type="application/json",
    )
    assert response.status_code == 201
    rows = entries_since(last)
    assert rows and {(e.actor_id, e.via) for e in rows} == {(professional.user_id, "api")}


def test_pages_keep_via_page(network, make_member, client_for):
    director = make_member(PartnerType.MUNICIPALITY, Role.DIRECTOR)
    indicator = Indicator.objects.filter(network=network).first()
    last = ChangeLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    response = client_for(director).post(
        reverse("knowledge:indicator_edit", args=[indicator.pk]),
        {"weight_class": "weak", "is_active": "on", "reason": "Fictief"},
    )
    assert response.status_code == 302
    rows = entries_since(last)
    assert rows and {(e.actor_id, e.via) for e in rows} == {(director.user_id, "page")}
