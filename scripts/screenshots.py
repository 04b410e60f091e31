"""User-guide screenshots from the demo, at desktop (1280×800) and phone (375×812) width.

``make screenshots``: a fresh demo database in ``var/screenshots.sqlite3``, a local server on a free
port (static files served as in the tests), Debian's Chromium through Playwright, one PNG per page
and width in ``docs/screenshots/``. Nothing is hand-made, so the pictures never go stale.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
DATABASE = ROOT / "var" / "screenshots.sqlite3"
WIDTHS = {"desktop": (1280, 800), "telefoon": (375, 812)}
DIRECTOR = "regisseur@gemeente.voorbeeldstad.test"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    DATABASE.parent.mkdir(exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lont.settings.base")
    os.environ["LONT_DEMO_MODE"] = "1"
    os.environ["DEBUG"] = "0"
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop beside the ORM

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.management import call_command
    from django.test import Client
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import sync_playwright

    from lont.assessment.models import Situation
    from lont.core.middleware import SESSION_VERIFIED_KEY
    from lont.core.reauth import SESSION_REAUTH_KEY
    from lont.core.scoping import system_context
    from lont.networks.demo import load_demo

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", interactive=False, verbosity=0)
    load_demo()
    with system_context("the screenshot script picks the demo's first situation"):
        situation = Situation.objects.order_by("pk").first()

    client = Client()
    client.force_login(get_user_model().objects.get(email=DIRECTOR))
    session = client.session
    session[SESSION_VERIFIED_KEY] = True
    session[SESSION_REAUTH_KEY] = time.time() + 3600
    session.save()

    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    base = f"http://127.0.0.1:{server.port}"

    pages = {
        "overzicht": "/",
        "dashboard": "/duiding/",
        "situatie": f"/duiding/situaties/{situation.pk}/" if situation else "/duiding/situaties/",
        "signaal-met-fouten": "/signalen/nieuw/",
        "convenant-matrix": "/netwerk/convenant/",
    }
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
        )
        for label, (width, height) in WIDTHS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height}, locale="nl-NL"
            )
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": base}]
            )
            page = context.new_page()
            for name, path in pages.items():
                page.goto(base + path)
                if name == "signaal-met-fouten":
                    # submitted empty: the error summary and the marked fields
                    page.get_by_role("button", name="Opslaan").click()
                    page.wait_for_load_state()
                elif name == "convenant-matrix":
                    page.locator(".lont-matrix").first.scroll_into_view_if_needed()
                target = OUT / f"{name}-{label}.png"
                page.screenshot(path=str(target), full_page=name != "convenant-matrix")
                print(target.relative_to(ROOT))
            context.close()
        browser.close()
    server.terminate()


if __name__ == "__main__":
    main()
