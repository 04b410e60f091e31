"""Generated from the registry: every registered model has a retention rule, and every model that
retention purges by its own date loses an expired row and keeps a fresh one (X3)."""

from __future__ import annotations

import pytest
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


@pytest.mark.parametrize("label", [r.label for r in rules.purging_rules()])
def test_expired_row_goes_and_a_fresh_one_stays(label, police, long_ago):
    rule = next(r for r in rules.purging_rules() if r.label == label)
    with long_ago():
        old = BUILDERS[label](police)
    fresh = BUILDERS[label](police)

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
