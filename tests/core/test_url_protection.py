"""Every URL of the project is protected: a new view that forgets fails here.

Given the demo network, when every URL pattern is requested
- anonymously, then it redirects to login (pages) or answers 401/403 (API), except public ones;
- signed in without the second factor, then it redirects to the 2FA page (or 401/403 for the API);
- and every view declares an access policy (the middleware refuses one that does not);
- by a member, a view that shows personal data writes the access log.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from lont.audit.models import AccessLogEntry
from lont.core.policies import API, LOGIN, PUBLIC, STAFF, policy_of
from lont.core.visibility import registered_models, visible
from lont.networks.demo import load_demo
from lont.networks.models import Membership

pytestmark = pytest.mark.django_db

PUBLIC_NAMES = {
    "accounts:login",
    "accounts:accept_invitation",
    "accounts:password_reset",
    # Sign-in through the organisation's identity provider: the way in, so before any login.
    "accounts:oidc_start",
    "accounts:oidc_callback",
    "core:health",
    # The calendar feed: a secret, revocable address (calendar apps cannot sign in).
    "riskcalendar:feed",
    "set_language",
}
CONVERTER = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
SAMPLE = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "path": "x",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


def walk(
    resolver: URLResolver | None = None, prefix: tuple[str, ...] = (), ns: str = ""
) -> Iterator[tuple[tuple[str, ...], str, Any]]:
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            child_ns = f"{ns}{entry.namespace}:" if entry.namespace else ns
            yield from walk(entry, (*prefix, str(entry.pattern)), child_ns)
        elif isinstance(entry, URLPattern):
            yield (*prefix, str(entry.pattern)), f"{ns}{entry.name or ''}", entry.callback


def segment_to_path(segment: str, values: dict[str, str]) -> str | None:
    if ":format>" in segment:
        return None  # DRF's format-suffix twin of a route that is checked anyway
    if segment.startswith("^") or segment.endswith("$"):
        if "(?P<format>" in segment:
            return None  # DRF's format-suffix twin of a route that is checked anyway
        segment = segment.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\.", ".")
        segment = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values.get(m.group(1), "1"), segment)
        if any(ch in segment for ch in "()[]*+?\\"):
            return None
        return segment
    return CONVERTER.sub(
        lambda m: values.get(m.group("name"), SAMPLE.get(m.group("conv") or "str", "x")), segment
    )


def to_path(segments: tuple[str, ...], values: dict[str, str] | None = None) -> str | None:
    parts = [segment_to_path(segment, values or {}) for segment in segments]
    if any(part is None for part in parts):
        return None
    return "/" + "".join(parts)  # type: ignore[arg-type]


def project_urls() -> list[tuple[str, str, Any]]:
    urls = []
    for segments, name, callback in walk():
        path = to_path(segments)
        if path is not None:
            urls.append((path, name, callback))
    return urls


def test_every_view_declares_an_access_policy():
    missing = [name or path for path, name, cb in project_urls() if policy_of(cb)[0] is None]
    assert missing == [], f"views without an access policy: {missing}"


def test_only_the_known_views_are_public():
    public = {name for _, name, cb in project_urls() if policy_of(cb)[0] == PUBLIC}
    assert public == PUBLIC_NAMES


def _protected(urls):
    for path, name, callback in urls:
        policy = policy_of(callback)[0]
        if policy in (PUBLIC, None):
            continue
        yield path, name, policy


def test_anonymous_requests_are_refused_everywhere(client):
    failures = []
    for path, name, policy in _protected(project_urls()):
        response = client.get(path)
        if policy == API:
            ok = response.status_code in (401, 403)
        else:
            ok = response.status_code == 302 and (
                "/account/inloggen/" in response["Location"]
                or "/beheer/login/" in response["Location"]
            )
        if not ok:
            failures.append((name, path, response.status_code))
    assert failures == []


def test_without_second_factor_only_the_2fa_pages_open(make_member, client_for):
    member = make_member(role="director")
    client = client_for(member, verified=False)
    failures = []
    for path, name, policy in _protected(project_urls()):
        if policy == LOGIN:
            continue
        response = client.get(path)
        if policy == API:
            ok = response.status_code in (401, 403)
        elif policy == STAFF:
            ok = response.status_code in (302, 403)
        else:
            ok = (
                response.status_code == 302
                and "/account/tweestapsverificatie/" in response["Location"]
            )
        if not ok:
            failures.append((name, path, response.status_code))
    assert failures == []


def _model_of(callback: Any) -> Any:
    holder = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    model = getattr(holder, "model", None)
    if model is None and getattr(holder, "queryset", None) is not None:
        model = holder.queryset.model
    return model


def test_views_with_personal_data_write_the_access_log(client_for):
    load_demo()
    director = Membership.objects.get(
        user__email="regisseur@gemeente.voorbeeldstad.test", network__slug="voorbeeldstad-noord"
    )
    client = client_for(director)
    from lont.core.viewer import Viewer

    viewer = Viewer(director)
    # A view that refreshes an open page logs only what is new to its reader (core.reads): it is
    # checked as the first read of someone else who has read nothing yet.
    police = Membership.objects.get(
        user__email="wijkagent@politie.voorbeeldstad.test", network__slug="voorbeeldstad-noord"
    )
    failures, checked = [], 0
    for segments, name, callback in walk():
        _policy, _permission, personal = policy_of(callback)
        if not personal or "format>" in segments[-1]:
            continue
        actions = getattr(callback, "actions", None)
        if actions is not None and "get" not in actions:
            continue  # a write-only API action (e.g. POST …/step/): nothing to read
        model = _model_of(callback)
        if model is None or model not in registered_models():
            failures.append((name, "personal-data view without a registered model"))
            continue
        obj = visible(viewer, model).first()
        if obj is None:
            failures.append((name, f"no demo object of {model.__name__} to read"))
            continue
        # Route arguments come from the object read: its own pk, or the organisation that owns it
        # (lists scoped to one partner, e.g. that partner's contacts).
        values = {"pk": str(obj.pk)}
        if getattr(obj, "organisation_id", None):
            values["organisation_id"] = str(obj.organisation_id)
        path = to_path(segments, values)
        before = AccessLogEntry.objects.count()
        refresh = getattr(getattr(callback, "view_class", None), "refreshes_open_page", False)
        response = (client_for(police) if refresh else client).get(path)
        if response.status_code == 200 and AccessLogEntry.objects.count() <= before:
            # Rows only their own partner chooses from (the tips whose tipster it cares for):
            # the director's partner holds none in the demo, the police do.
            response = client_for(police).get(path)
        checked += 1
        if response.status_code != 200 or AccessLogEntry.objects.count() <= before:
            failures.append((name, path, response.status_code))
    assert failures == []
    assert checked >= 4
