"""Set-up shared by the benches that read the large network in DATABASE_URL.

``bench/assessment_bench.py --build-only`` fills that database once; the benches that import
this module read it (and roll back what they write). Without DATABASE_URL they say so and skip.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def setup_or_skip() -> None:
    """Django set up on DATABASE_URL with the test settings, or exit 0 with a message."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lont.settings.test")
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    if "DATABASE_URL" not in os.environ:
        print(
            "Set DATABASE_URL to the database bench/assessment_bench.py --build-only filled. Skipped."
        )
        sys.exit(0)
    import django

    django.setup()


def client_for(member: Any) -> Any:
    """A test client signed in as ``member``, second factor verified, in its network."""
    from django.test import Client

    from lont.core.middleware import SESSION_NETWORK_KEY, SESSION_VERIFIED_KEY

    client = Client()
    client.force_login(member.user, backend="lont.accounts.backends.EmailBackend")
    session = client.session
    session[SESSION_VERIFIED_KEY] = True
    session[SESSION_NETWORK_KEY] = member.network_id
    session.save()
    return client
