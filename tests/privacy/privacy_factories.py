"""The world of an access request: a young person known to three partners, read by some of them."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.test import Client

from lont.accounts.reauth import SESSION_REAUTH_KEY
from lont.privacy.models import SubjectRequest

REAL_NAME = "Jayden Verzonnenberg"  # invented
BORN = "2010-03-04"


def reauthenticated(client: Client) -> Client:
    session = client.session
    session[SESSION_REAUTH_KEY] = time.time()
    session.save()
    return client


def start(client: Client, **fields: Any) -> SubjectRequest:
    data = {
        "kind": "access",
        "received_on": dt.date.today().isoformat(),
        "real_name": REAL_NAME,
        "date_of_birth": BORN,
    }
    data.update(fields)
    response = client.post("/privacy/verzoeken/nieuw/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return SubjectRequest.objects.latest("pk")
