"""Generated from the registry: every registered model has a retention rule, and every model that
retention purges by its own date loses an expired row and keeps a fresh one (X3)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models
from retention.retention_factories import BUILDERS

from lont.core import visibility
from lont.retention import rules
from lont.retention.services import purge_expired

pytestmark = pytest.mark.django_db

REGISTERED = sorted(m._meta.label for m in visibility.registered_models())


def test_every_registered_model_has_a_retention_rule():
    assert rules.undeclared() == [], "declare a rule in lont/retention/declarations.py"


@pytest.mark.parametrize("label", REGISTERED)
def test_rule_is_consistent_with_the_model(label):
    model = next(m for m in visibility.registered_models() if m._meta.label == label)
    rule = rules.rule_for(model)
    assert rule is not None, f"{label}: no retention rule (lont/retention/declarations.py)"
    if rule.kind == rules.WITH_PARENT:
        # it only goes with its parent when the database cascades the delete
        field = model._meta.get_field(rule.parent or "")
        assert isinstance(field, models.ForeignKey)
        assert field.remote_field.on_delete is models.CASCADE
        parent_rule = rules.rule_for(field.related_model)
        assert parent_rule is not None and parent_rule.kind != rules.EXEMPT
    elif rule.kind == rules.EXEMPT:
        assert not visibility.registration_for(model).case_content
    elif rule.kind in rules.PURGING:
        model._meta.get_field(rule.since or "")
        assert label in BUILDERS, f"{label}: add a builder in retention_factories.BUILDERS"
        for name in rule.clear:
            model._meta.get_field(name)


def _files_on_disk(settings, path: str = "") -> set[str]:
    try:
        dirs, files = default_storage.listdir(path)
    except FileNotFoundError:  # nothing stored yet
        return set()
    found = {f"{path}/{name}" if path else name for name in files}
    for name in dirs:
        found |= _files_on_disk(settings, f"{path}/{name}" if path else name)
    return found


def _files_referenced() -> set[str]:
    names = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names |= set(
                    model._base_manager.exclude(**{field.name: ""}).values_list(
                        field.name, flat=True
                    )
                )
    return names


@pytest.mark.parametrize("label", [r.label for r in rules.purging_rules()])
def test_expired_row_goes_and_a_fresh_one_stays(
    label, police, long_ago, settings, django_capture_on_commit_callbacks
):
    rule = next(r for r in rules.purging_rules() if r.label == label)
    earlier = _files_on_disk(settings)  # the in-memory storage outlives other tests' rows
    with long_ago():
        old = BUILDERS[label](police)
    fresh = BUILDERS[label](police)

    before = _files_on_disk(settings)
    with django_capture_on_commit_callbacks(execute=True):
        runs = purge_expired()

    model = rule.model
    assert model._base_manager.filter(pk=fresh.pk).exists()
    survivor = model._base_manager.filter(pk=old.pk).first()
    if rule.kind == rules.DELETE:
        assert survivor is None
    else:
        assert survivor is not None
        for name, value in rule.clear.items():
            assert getattr(survivor, name) == value
    assert all(not run.failures for run in runs)
    # no file outlives its row, and every remaining row still has its file
    assert _files_on_disk(settings) - earlier == _files_referenced()
    if label == "signalregister.Signal":
        assert len(before - earlier) == 2 and len(_files_on_disk(settings) - earlier) == 1
