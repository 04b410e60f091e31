"""A real OpenID Connect provider for the sign-in tests: the test-only Django project in
``tests/oidc_provider`` (django-oauth-toolkit) as its own server process on a free loopback port,
with its own SQLite file and a fresh RSA key. Nothing of the protocol is mocked."""

from __future__ import annotations

import html
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

TESTS = Path(__file__).resolve().parent
CLIENT_ID = "lont-test"
CLIENT_SECRET = "geheim-van-de-testprovider"
PASSWORD = "provider-wachtwoord"

# The provider's accounts: groups set the claims (tests/oidc_provider/validators.py).
MEMBER = "lid@gemeente.test"
MFA_MEMBER = "mfa@gemeente.test"
UNVERIFIED = "onbevestigd@gemeente.test"
STRANGER = "onbekend@gemeente.test"
INVITEE = "genodigde@gemeente.test"
OUTSIDER = "buiten@gemeente.test"
PROVIDER_USERS = {
    MEMBER: (),
    MFA_MEMBER: ("mfa",),
    UNVERIFIED: ("unverified",),
    STRANGER: (),
    INVITEE: (),
    OUTSIDER: (),
}


@dataclass
class Provider:
    url: str
    env: dict[str, str]
    redirect_uris: list[str] = field(default_factory=list)
    logout_uris: list[str] = field(default_factory=list)

    @property
    def issuer(self) -> str:
        return f"{self.url}/o"

    def setup(self, spec: dict[str, Any]) -> None:
        subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "oidc_provider.setup", json.dumps(spec)],
            env=self.env,
            check=True,
            timeout=60,
        )

    def add_user(self, email: str, *, groups: tuple[str, ...] = ()) -> None:
        self.setup({"users": [{"email": email, "password": PASSWORD, "groups": list(groups)}]})

    def allow_client(self, base_url: str) -> None:
        """Register Lont at ``base_url`` (the test client's or a live server's)."""
        self.redirect_uris.append(f"{base_url}/account/inloggen/organisatie/terug/")
        self.logout_uris.append(f"{base_url}/account/inloggen/")
        self.setup(
            {
                "client": {
                    "client_id": CLIENT_ID,
                    "client_secret": CLIENT_SECRET,
                    "redirect_uris": self.redirect_uris,
                    "post_logout_redirect_uris": self.logout_uris,
                }
            }
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the test OIDC provider stopped while starting")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)  # waiting for a server process to listen, not for the code under test
    raise RuntimeError("the test OIDC provider did not start in time")


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Provider]:
    folder = tmp_path_factory.mktemp("oidc-provider")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "PYTHONPATH": str(TESTS),
        "DJANGO_SETTINGS_MODULE": "oidc_provider.settings",
        "OIDC_PROVIDER_DB": str(folder / "provider.sqlite3"),
        "OIDC_PROVIDER_KEY": str(folder / "key.pem"),
    }
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--noinput", "-v", "0"],
        env=env,
        check=True,
        timeout=120,
    )
    port = _free_port()
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        provider = Provider(url=f"http://127.0.0.1:{port}", env=env)
        provider.setup(
            {
                "users": [
                    {"email": email, "password": PASSWORD, "groups": list(groups)}
                    for email, groups in PROVIDER_USERS.items()
                ]
            }
        )
        _wait_for(port, process)
        yield provider
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def sign_in_at_provider(browser: Any, authorize_url: str, email: str) -> str:
    """What the user does at the provider, over HTTP with a ``requests.Session`` as the browser:
    the provider's login form (unless signed in there already), then its authorization. Follows
    redirects only while they stay on the provider; returns where it sends the user back."""
    base = _origin(authorize_url)
    answer = _follow(browser, base, browser.get(authorize_url, allow_redirects=False))
    if answer.status_code == 200 and "csrfmiddlewaretoken" in answer.text:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', answer.text)
        next_url = re.search(r'name="next" value="([^"]*)"', answer.text)
        assert token is not None and next_url is not None
        answer = browser.post(
            answer.url,
            data={
                "csrfmiddlewaretoken": token.group(1),
                "username": email,
                "password": PASSWORD,
                "next": html.unescape(next_url.group(1)),
            },
            allow_redirects=False,
        )
        answer = _follow(browser, base, answer)
    assert answer.status_code == 302, answer.text[:500]
    return str(answer.headers["Location"])


def provider_session(browser: Any, provider: Provider) -> str:
    """Whom the provider's own session (in this browser's cookies) belongs to; empty if none."""
    return str(browser.get(f"{provider.url}/whoami/", allow_redirects=False).text)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _follow(browser: Any, base: str, answer: Any, hops: int = 5) -> Any:
    while answer.status_code in (301, 302) and hops:
        target = urljoin(answer.url, answer.headers["Location"])
        if _origin(target) != base:
            return answer
        answer = browser.get(target, allow_redirects=False)
        hops -= 1
    return answer
