"""Helpers for the real-browser tests (tests/browser): axe-core checks and the demo login."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pyotp

from lont.networks.demo import DEMO_PASSWORD, demo_totp_secret

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"

DIRECTOR = "regisseur@gemeente.voorbeeldstad.test"


def fresh_code(email: str) -> str:
    """A code Lont accepts now (it allows one step either side) and has not seen yet: Lont
    refuses a code twice (replay), and a journey may sign one person in twice within one
    30-second step. The last step used is read where Lont keeps it, the account's device in the
    test database (each test starts from a fresh one), not remembered across tests."""
    from lont.accounts.models import TOTPDevice

    totp = pyotp.TOTP(demo_totp_secret(email))
    now = int(time.time()) // totp.interval
    used = TOTPDevice.objects.filter(user__email=email).values_list("last_used_step", flat=True)
    step = max(now, (used.first() or 0) + 1)
    assert step <= now + 1, "a third sign-in of one account within one step"
    return str(totp.at(step * totp.interval))


def login(page: Any, live_server: Any, email: str = DIRECTOR) -> None:
    page.goto(f"{live_server.url}/account/inloggen/")
    assert_accessible(page)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/tweestapsverificatie/**")
    assert_accessible(page)
    page.get_by_label("Code uit uw authenticator-app").fill(fresh_code(email))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(f"{live_server.url}/")


def assert_accessible(page: Any) -> None:
    """Run axe-core (WCAG 2.1 A/AA rules) on the current page; no violations allowed."""
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    violations = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
    assert violations == [], f"{page.url}: {json.dumps(violations, indent=1)}"
