"""Production settings refuse unsafe configuration and pass ``check --deploy``; pages carry the
security headers; passwords are hashed with Argon2 outside the test settings."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import Client
from django.urls import reverse
from factories import member_factory

from lont.networks.choices import Role

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = "p7Vx2-kQ9rZ_a4LmN8sT0wYc3HbJ6uEf1GdKiOo5RqSvWxZyAaBbCcDdEeFfGgHh"
GOOD_ENV = {
    "SECRET_KEY": GOOD_SECRET,
    "DATABASE_URL": "postgres://localhost/lont",
    "ALLOWED_HOSTS": "lont.example",
}
# Variables that must not leak from the developer's shell into the production import.
CLEARED = (
    "DEBUG",
    "SECRET_KEY",
    "DATABASE_URL",
    "LONT_DEMO_MODE",
    "ALLOWED_HOSTS",
    "LONT_ALLOW_SQLITE_IN_PRODUCTION",
    "DJANGO_SETTINGS_MODULE",
)


def run_prod(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if key not in CLEARED}
    clean.update(DJANGO_SETTINGS_MODULE="lont.settings.prod", **env)
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


CASES = {
    "debug": ({**GOOD_ENV, "DEBUG": "1"}, "DEBUG"),
    "no-secret": ({k: v for k, v in GOOD_ENV.items() if k != "SECRET_KEY"}, "SECRET_KEY"),
    "default-secret": (
        {**GOOD_ENV, "SECRET_KEY": "insecure-development-key-change-me"},
        "SECRET_KEY",
    ),
    "short-secret": ({**GOOD_ENV, "SECRET_KEY": "kort-geheim"}, "SECRET_KEY"),
    "demo-mode": ({**GOOD_ENV, "LONT_DEMO_MODE": "1"}, "LONT_DEMO_MODE"),
    "sqlite": ({**GOOD_ENV, "DATABASE_URL": "sqlite:///tmp/lont.sqlite3"}, "PostgreSQL"),
    "proper": (GOOD_ENV, ""),
}

# One interpreter imports the production settings once per case, each time in a fresh
# environment (a process per case cost seconds; the settings modules are re-imported).
PROBE = """
import json, os, sys
cases = json.loads(sys.argv[1])
results = {}
for name, env in cases.items():
    for key in ("DEBUG", "SECRET_KEY", "DATABASE_URL", "LONT_DEMO_MODE", "ALLOWED_HOSTS"):
        os.environ.pop(key, None)
    os.environ.update(env)
    for module in [m for m in sys.modules if m.startswith("lont.settings")]:
        del sys.modules[module]
    try:
        import lont.settings.prod as s
    except Exception as error:
        results[name] = {"error": type(error).__name__, "message": str(error)}
    else:
        results[name] = {"values": [
            s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,
            s.SECURE_HSTS_SECONDS >= 31536000, s.X_FRAME_OPTIONS, s.SECURE_CONTENT_TYPE_NOSNIFF,
            s.SESSION_COOKIE_HTTPONLY, s.PASSWORD_HASHERS[0].rsplit(".", 1)[1],
        ]}
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def prod_imports() -> dict[str, dict]:
    result = run_prod(["-c", PROBE, json.dumps({name: env for name, (env, _) in CASES.items()})])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("case", [name for name in CASES if name != "proper"])
def test_production_settings_refuse_unsafe_configuration(prod_imports, case):
    outcome = prod_imports[case]
    assert outcome.get("error") == "ImproperlyConfigured", outcome
    # the message names what to fix
    reason = CASES[case][1]
    assert reason in outcome["message"] or (reason == "DEBUG" and "DEBUG" in outcome["message"])


def test_production_settings_start_with_a_proper_environment_and_secure_values(prod_imports):
    assert prod_imports["proper"] == {
        "values": [False, True, True, True, True, "DENY", True, True, "Argon2PasswordHasher"]
    }


def test_production_settings_pass_the_security_part_of_the_deploy_check():
    result = run_prod(
        ["manage.py", "check", "--deploy", "--tag", "security", "--fail-level", "WARNING"],
        **GOOD_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_pass_the_deploy_check():
    # The whole check also builds the OpenAPI schema: an API with naming collisions fails here.
    result = run_prod(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **GOOD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_base_settings_hash_passwords_with_argon2():
    base = importlib.import_module("lont.settings.base")
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    # and the argon2 library is really installed
    encoded = Argon2PasswordHasher().encode("Correct-Horse-Battery-9", "somesaltvalue1234")
    assert encoded.startswith("argon2$argon2id$")
    assert Argon2PasswordHasher().verify("Correct-Horse-Battery-9", encoded)


def test_base_settings_validate_password_strength():
    base = importlib.import_module("lont.settings.base")
    names = [v["NAME"].rsplit(".", 1)[1] for v in base.AUTH_PASSWORD_VALIDATORS]
    assert names == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
    assert base.AUTH_PASSWORD_VALIDATORS[1]["OPTIONS"]["min_length"] >= 12


def check_headers(response) -> None:  # type: ignore[no-untyped-def]
    csp = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_login_page_has_the_security_headers():
    response = Client().get(reverse("accounts:login"))
    assert response.status_code == 200
    check_headers(response)


@pytest.mark.django_db
def test_member_page_has_the_security_headers(network, client_for):
    member = member_factory(network, role=Role.PROFESSIONAL)
    response = client_for(member).get(reverse("networks:overview"))
    assert response.status_code == 200
    check_headers(response)


@pytest.mark.django_db
def test_pages_contain_no_inline_scripts_or_styles(network, client_for):
    member = member_factory(network, role=Role.PROFESSIONAL)
    for response in (
        Client().get(reverse("accounts:login")),
        client_for(member).get(reverse("accounts:settings")),
    ):
        html = response.content.decode()
        assert "<script>" not in html and "<style" not in html and " style=" not in html
        assert " onclick=" not in html and " onload=" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["accounts:login", "accounts:two_factor"])
def test_login_forms_are_csrf_protected(url_name):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse(url_name), {"email": "a@voorbeeldstad.test", "password": "x"})
    assert response.status_code == 403


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_http_only_and_same_site(network):
    member = member_factory(network, role=Role.PROFESSIONAL)
    client = Client()
    response = client.post(
        reverse("accounts:login"),
        {"email": member.user.email, "password": "Correct-Horse-Battery-9"},
    )
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
