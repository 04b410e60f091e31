"""The processing register (*verwerkingsregister*) and the DPIA's description part, generated from
a covenant version and the visibility registry — so they change when the covenant does."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lont.core.scoping import system_context
from lont.core.visibility import registered_models, registration_for
from lont.networks import covenant_rules
from lont.networks.choices import Access, InformationCategory, PartnerType
from lont.networks.models import CovenantVersion

from .legal import CATEGORY_BASIS, DATA_SUBJECTS, PURPOSES, SECURITY_MEASURES, legal_basis


@dataclass
class CategoryRow:
    code: str
    label: str
    holders: list[str]  # the kinds of record (models) that hold it
    full: list[str]  # partner types that receive it in full
    summary: list[str]  # … and those that receive a summary (that it exists)
    retention_days: int | None
    legal_note: str


@dataclass
class Register:
    version: CovenantVersion
    purposes: list[str]
    data_subjects: list[str]
    categories: list[CategoryRow]
    legal_bases: list[tuple[str, str]]
    tasks: list[tuple[str, list[str]]]
    security: list[str]
    thresholds: dict[str, Any]
    organisations: list[Any]


def _holders() -> dict[str, list[str]]:
    """Which kinds of record hold each category. A model whose category is per row (signals)
    can hold any category its rows name, so it is listed under each."""
    holders: dict[str, list[str]] = {c.value: [] for c in InformationCategory}
    for model in registered_models():
        if not hasattr(model, "_meta"):
            continue  # a test's stand-in registration, no model
        reg = registration_for(model)
        if not reg.personal_data or not reg.case_content:
            continue
        name = str(model._meta.verbose_name_plural)
        targets = [reg.category] if reg.category else list(holders) if reg.category_field else []
        for category in targets:
            if category and name not in holders[category]:
                holders[category].append(name)
    return holders


@system_context("processing register: the network's organisation directory")
def _organisations(version: CovenantVersion) -> list[Any]:
    # Organisations are the network's directory: every member reads them in full.
    return list(version.network.organisations.order_by("name"))


def build_register(version: CovenantVersion) -> Register:
    holders = _holders()
    rows = []
    for category in InformationCategory:
        full, summary = [], []
        for ptype in PartnerType:
            level = covenant_rules.effective_access(
                version.sharing,
                category=category.value,
                partner_type=ptype.value,
                powers=covenant_rules.DEFAULT_POWERS.get(ptype.value, frozenset()),
            )
            if level == Access.FULL:
                full.append(str(ptype.label))
            elif level == Access.SUMMARY:
                summary.append(str(ptype.label))
        rows.append(
            CategoryRow(
                code=category.value,
                label=str(category.label),
                holders=sorted(holders[category.value]),
                full=full,
                summary=summary,
                retention_days=version.retention_days.get(category.value),
                legal_note=str(CATEGORY_BASIS.get(category, "")),
            )
        )
    return Register(
        version=version,
        purposes=[str(p) for p in PURPOSES],
        data_subjects=[str(d) for d in DATA_SUBJECTS],
        categories=rows,
        legal_bases=[(str(p.label), legal_basis(p.value, None)) for p in PartnerType],
        tasks=[
            (str(PartnerType(ptype).label), list(tasks))
            for ptype, tasks in version.tasks.items()
            if tasks and ptype in PartnerType.values
        ],
        security=[str(m) for m in SECURITY_MEASURES],
        thresholds=dict(version.observation_thresholds),
        organisations=_organisations(version),
    )
