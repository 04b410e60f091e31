"""Median and 95th-percentile response time of the foundation's pages and API (test client, warm),
for the demo network — on a throw-away SQLite database (or DATABASE_URL)."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lont.settings.test")
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from lont.core.middleware import SESSION_VERIFIED_KEY  # noqa: E402
from lont.networks.demo import load_demo  # noqa: E402
from lont.networks.models import Membership  # noqa: E402

PATHS = [
    "/",
    "/netwerk/",
    "/netwerk/leden/",
    "/netwerk/convenant/",
    "/kennisbank/",
    "/kennisbank/?q=credible+messengers",
    "/kennisbank/indicatoren/",
    "/api/v1/members/",
]
ROUNDS = 30


def main() -> None:
    call_command("migrate", verbosity=0)
    load_demo()
    member = Membership.objects.get(
        user__email="regisseur@gemeente.voorbeeldstad.test", network__slug="voorbeeldstad-noord"
    )
    client = Client()
    client.force_login(member.user, backend="lont.accounts.backends.EmailBackend")
    session = client.session
    session[SESSION_VERIFIED_KEY] = True
    session.save()
    print(f"{'page':40} {'median ms':>10} {'p95 ms':>10}")
    for path in PATHS:
        client.get(path)  # warm
        samples = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            response = client.get(path)
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        samples.sort()
        p95 = samples[int(0.95 * (len(samples) - 1))]
        print(f"{path:40} {statistics.median(samples):10.1f} {p95:10.1f}")


if __name__ == "__main__":
    main()
