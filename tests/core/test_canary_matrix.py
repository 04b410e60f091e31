"""The canary matrix: no canary reaches a viewer who may not read its row in full.

Generated from the visibility registry and the URL conf — nothing here lists models or URLs.

Given one partner organisation owning a row of every registered model (and, for rows that other
rows name, one per information category), each with a unique canary in every text field, and
viewers of every role and every partner type (by the class of its legal ceilings) in other
organisations, when the covenant shares every
category in full, as a summary, or not at all (capped by the law), and each viewer requests
every page, API endpoint, export, PDF, graph JSON, search and notification page (detail routes
filled with the row's key), then no response holds a canary of a row the viewer may not read in
full — except a summary field's canary where the viewer reads that row as a summary.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import pytest
from django.test import Client
from factories import member_factory, network_factory, organisation_factory

from lont.core.middleware import SESSION_VERIFIED_KEY
from lont.core.policies import API, LOGIN, MEMBER, policy_of
from lont.core.viewer import Viewer
from lont.core.visibility import effective_access, registration_for
from lont.networks import covenant_rules
from lont.networks.choices import Access, InformationCategory, PartnerType, Role
from lont.networks.services import covenant_version_create, default_covenant_content
from tests.core.canary_world import CANARY_PATTERN, World, build_world, response_text
from tests.core.test_url_protection import CONVERTER, _model_of, to_path, walk

pytestmark = pytest.mark.django_db

ROLES = [
    Role.PROFESSIONAL,
    Role.DIRECTOR,
    Role.COORDINATOR,
    Role.OBSERVER,
    Role.PRIVACY_OFFICER,
    Role.ADMINISTRATOR,
]
STATES = [Access.FULL, Access.SUMMARY, Access.NONE]
FOUND = re.compile(CANARY_PATTERN)

# Leaks the matrix found that belong to another part of issue 8 (route, model, field → why).
# Each is reported in the output; a leak not listed here fails the test.
KNOWN: dict[tuple[str, str, str], str] = {}


def _set_everything(world: World, level: Access) -> None:
    content = default_covenant_content()
    for category in InformationCategory.values:
        for partner_type in PartnerType.values:
            ceiling = covenant_rules.legal_ceiling(
                category, partner_type, covenant_rules.DEFAULT_POWERS.get(partner_type, ())
            )
            content["sharing"][category][partner_type] = int(min(level, ceiling))
    current = world.network.active_covenant()
    covenant_version_create(
        network=world.network,
        actor=None,
        reason=f"Kanarietest {level.label}",
        content=content,
        director_organisation=current.director_organisation if current else None,
    )


def _client(membership: Any) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(membership.user, backend="lont.accounts.backends.EmailBackend")
    session = client.session
    session[SESSION_VERIFIED_KEY] = True
    session["lont_network_id"] = membership.network_id
    session.save()
    return client


def _partner_classes() -> list[list[str]]:
    """Partner types grouped by their legal ceilings. Under covenants that share every category
    alike (the three states below), types in one class read exactly the same, so one viewer per
    class covers every partner type — and a new type with new powers gets its own class."""
    classes: dict[tuple[int, ...], list[str]] = {}
    for partner_type in PartnerType.values:
        powers = covenant_rules.DEFAULT_POWERS.get(partner_type, ())
        key = tuple(
            int(covenant_rules.legal_ceiling(c, partner_type, powers))
            for c in InformationCategory.values
        )
        classes.setdefault(key, []).append(partner_type)
    return list(classes.values())


def _viewers(world: World) -> list[Any]:
    """A professional of every partner-type class, and every other role in turn."""
    classes = _partner_classes()
    plan = [(types[0], Role.PROFESSIONAL) for types in classes]
    others = [role for role in ROLES if role != Role.PROFESSIONAL]
    plan += [(classes[i % len(classes)][-1], role) for i, role in enumerate(others)]
    members = []
    for partner_type, role in plan:
        organisation = organisation_factory(
            world.network, f"Lezer {partner_type} {role}", partner_type=partner_type
        )
        members.append(member_factory(world.network, organisation=organisation, role=role))
    return members


def _surfaces(world: World) -> list[tuple[str, str]]:
    """(route name, path) for every GET route a member may call, keys filled from the world."""
    surfaces = []
    for segments, name, callback in walk():
        policy = policy_of(callback)[0]
        if policy not in (MEMBER, API, LOGIN) or "format>" in segments[-1]:
            continue
        actions = getattr(callback, "actions", None)
        if actions is not None and "get" not in actions:
            continue
        view_class = getattr(callback, "view_class", None)
        if view_class is not None and not hasattr(view_class, "get"):
            continue
        names = {m.group("name") for s in segments for m in CONVERTER.finditer(s)}
        names |= {n for s in segments for n in re.findall(r"\(\?P<(\w+)>", s)}
        if not names:
            path = to_path(segments)
            if path is not None:
                surfaces.append((name, path))
                if policy == MEMBER:  # the pages' search and filter boxes
                    surfaces.append((name, f"{path}?q=cnry"))
            continue
        model = _model_of(callback)
        rows = world.rows.get(model, [])
        if not rows:
            pks = ["1"]
        elif name.endswith("detail") and model in world.variants:
            pks = [str(row.pk) for row in rows]  # e.g. a tipster's page: one per category
        else:
            pks = [str(rows[0].pk)]
        for pk in pks:
            values = {"pk": pk, "organisation_id": str(world.owner.organisation_id)}
            path = to_path(segments, values)
            if path is not None:
                surfaces.append((name, path))
    return surfaces


def _may_read(viewer: Viewer, obj: Any, field: str, cache: dict[Any, Access]) -> bool:
    key = (type(obj), obj.pk)
    if key not in cache:
        cache[key] = effective_access(viewer, obj)
    level = cache[key]
    if level == Access.FULL:
        return True
    return level >= Access.SUMMARY and field in registration_for(type(obj)).summary_fields


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _quiet(caplog):
    caplog.set_level("ERROR", logger="django.request")


def test_no_canary_reaches_a_viewer_who_may_not_read_it(capsys):
    network = network_factory("Kanariestad", "kanarie")
    owner_org = organisation_factory(network, "Eigenaar", PartnerType.YOUTH_WORK)
    owner = member_factory(network, organisation=owner_org, role=Role.PROFESSIONAL)
    world = build_world(network, owner)
    objects = {
        (type(o), o.pk): o for rows in world.rows.values() for o in rows
    }  # rows by key, for the oracle
    members = _viewers(world)
    clients = [(member, _client(member)) for member in members]
    surfaces = _surfaces(world)
    canary_models = {c.model for c in world.canaries.values()}

    leaks: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    errors: set[tuple[str, int]] = set()
    combinations = requests = 0
    for state in STATES:
        _set_everything(world, state)
        for member, client in clients:
            viewer = Viewer(member)
            cache: dict[Any, Access] = {}
            label = f"{state.label}/{member.organisation.partner_type}/{member.role}"
            for name, path in surfaces:
                response = client.get(path)
                requests += 1
                combinations += len(canary_models)
                if response.status_code >= 500:
                    errors.add((name, response.status_code))
                for text in set(FOUND.findall(response_text(response))):
                    canary = world.canaries.get(text)
                    if canary is None:
                        continue
                    obj = objects[(canary.model, canary.pk)]
                    if not _may_read(viewer, obj, canary.field, cache):
                        key = (name, canary.model.__name__, canary.field)
                        leaks[key].append(f"{label} {path}")

    unknown = {k: v for k, v in leaks.items() if k not in KNOWN}
    lines = [
        f"canary matrix: {len(world.canaries)} canaries in {len(canary_models)} models, "
        f"{len(members)} viewers × {len(STATES)} covenant states × {len(surfaces)} surfaces "
        f"= {requests} requests, {combinations} (model × surface × viewer) combinations",
        *(
            f"  leak {key} ({KNOWN.get(key, 'NEW')}): {len(where)}× e.g. {where[0]}"
            for key, where in sorted(leaks.items())
        ),
        *(f"  error {code} on {name}" for name, code in sorted(errors)),
    ]
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert combinations > 10_000
    assert not unknown, f"{len(unknown)} leaks: {sorted(unknown)}"
    # A page that fails for some viewer hides nothing but helps nobody: no server errors either.
    assert not errors, f"server errors: {sorted(errors)}"
