"""The privacy officer reads the logs in Dutch: every audited model and field has a Dutch name,
resolved through the app registry (the audit app imports no domain app)."""

from __future__ import annotations

import ast
from pathlib import Path

from django.apps import apps

from lont.audit.changelog import ChangeLoggedModel
from lont.audit.names import field_label, model_label

# Field names that are also the Dutch word (or a loan word used as such).
SAME_IN_DUTCH = {
    "alias",
    "code",
    "contact",
    "id",
    "incident",
    "indicator",
    "likes",
    "link",
    "online_specialist",
    "platform",
    "reposts",
    "score",
    "status",
    "term",
}
# Fields to be named later, per model (none at present).
LATER: dict[str, set[str]] = {}


def test_every_audited_model_and_field_has_a_dutch_name():
    missing = []
    for model in apps.get_models():
        if not issubclass(model, ChangeLoggedModel):
            continue
        label = model._meta.label_lower
        if "verbose_name" not in model._meta.original_attrs:
            missing.append(label)
        for field in model._meta.concrete_fields:
            name = field.name
            if name in model.audit_exclude or name in SAME_IN_DUTCH:
                continue
            if name in LATER.get(label, set()):
                continue
            if field_label(label, name) == name.replace("_", " "):
                missing.append(f"{label}.{name}")
    assert missing == []


def test_names_resolve_through_the_registry():
    assert model_label("subjects.person") == "persoon"
    assert field_label("signalregister.contextnote", "signal") == "signaal"  # via the FK
    assert field_label("signalregister.contextnote", "network") == "netwerk"
    assert model_label("verdwenen.model") == "verdwenen.model"


def test_the_audit_app_imports_no_domain_app():
    """Accounts and networks are the foundation (users, the viewer's choices); the domain apps
    are reached through the app registry only."""
    domain = {
        "lont.subjects",
        "lont.signalregister",
        "lont.assessment",
        "lont.socialmap",
        "lont.knowledge",
        "lont.analyser",
    }
    found = []
    for path in (Path(__file__).resolve().parents[2] / "lont" / "audit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            module = getattr(node, "module", None) or ""
            if isinstance(node, ast.ImportFrom) and any(module.startswith(d) for d in domain):
                found.append(f"{path}:{node.lineno} {node.module}")
    assert found == []
