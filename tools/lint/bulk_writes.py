#!/usr/bin/env python
"""Refuse bulk writes of audited models outside the change-log helpers.

``bulk_create``, ``bulk_update`` and queryset ``update()`` skip ``post_save``, so the change log
never hears of them. Audited models (subclasses of ``ChangeLoggedModel``, found by reading the
class definitions) must be written in bulk through ``lont.audit.changelog`` (``bulk_create_logged``,
``bulk_update_logged``, ``update_logged``). A queryset ``delete()`` is left alone: the post-delete
hook is connected for every model, so Django deletes row by row and logs each (pinned by
``tests/audit/test_bulk_changelog.py``).

A call whose model cannot be told from the source (``model.objects.filter(...).update(...)`` with
``model`` a variable) counts as audited. Where a bulk write is meant, say why on the line (or the
line above): ``# lint: audited-bulk <reason>``. Migrations are not checked.

Usage: ``python tools/lint/bulk_writes.py [path ...]`` (default: ``lont``); exit 1 on a violation.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AUDITED_BASE = "ChangeLoggedModel"
BULK = {"bulk_create", "bulk_update"}
CHECKED = BULK | {"update"}
MANAGERS = {"objects", "_base_manager", "_default_manager"}
ESCAPE = re.compile(r"#\s*lint:\s*audited-bulk\s+\S")
EXCLUDED_PARTS = {"migrations"}


@dataclass
class Models:
    bases: dict[str, set[str]] = field(default_factory=dict)
    related: dict[str, str] = field(default_factory=dict)  # related_name -> model class

    def closure(self, start: str) -> set[str]:
        found = {start}
        changed = True
        while changed:
            changed = False
            for name, bases in self.bases.items():
                if name not in found and bases & found:
                    found.add(name)
                    changed = True
        return found

    @property
    def audited(self) -> set[str]:
        return self.closure(AUDITED_BASE) - {AUDITED_BASE}

    @property
    def known(self) -> set[str]:
        return self.closure("Model") - {"Model"}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def python_files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        files = [path] if path.is_file() else sorted(path.rglob("*.py"))
        for file in files:
            if not EXCLUDED_PARTS & set(file.parts):
                yield file


def collect_models(trees: dict[Path, ast.Module]) -> Models:
    models = Models()
    for tree in trees.values():
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            models.bases.setdefault(node.name, set()).update(_name(b) for b in node.bases)
            for call in ast.walk(node):
                if isinstance(call, ast.Call):
                    for keyword in call.keywords:
                        if keyword.arg == "related_name" and isinstance(
                            keyword.value, ast.Constant
                        ):
                            models.related[str(keyword.value.value)] = node.name
    return models


def _chain(node: ast.expr) -> tuple[list[ast.expr], ast.expr]:
    """The receivers of a call chain, innermost last, and the root (``a`` in ``a.b.c()``)."""
    links: list[ast.expr] = []
    while isinstance(node, ast.Call | ast.Attribute):
        if isinstance(node, ast.Attribute):
            links.append(node)
        node = node.func if isinstance(node, ast.Call) else node.value
    return links, node


def verdict(call: ast.Call, models: Models) -> str | None:
    """Why this call is a bulk write of an audited model, or None."""
    assert isinstance(call.func, ast.Attribute)
    method = call.func.attr
    links, _root = _chain(call.func.value)
    audited, known = models.audited, models.known
    for link in links:
        assert isinstance(link, ast.Attribute)
        if link.attr in MANAGERS:
            model = _name(link.value)
            if model in audited:
                return f"{method}() on audited model {model}"
            if model in known:
                return None
            return f"{method}() on {model or 'an expression'}.{link.attr} (model unknown)"
        if link.attr in models.related and models.related[link.attr] in audited:
            return f"{method}() on related rows .{link.attr} ({models.related[link.attr]})"
    if method in BULK:
        return f"{method}() on a manager whose model is unknown"
    return None


def escaped(lines: list[str], call: ast.Call) -> bool:
    first = call.lineno - 1
    last = call.end_lineno or call.lineno
    candidates = lines[max(first - 1, 0) : last]
    return any(ESCAPE.search(line) for line in candidates)


def check(paths: list[Path]) -> list[str]:
    trees: dict[Path, ast.Module] = {}
    sources: dict[Path, list[str]] = {}
    for file in python_files(paths):
        text = file.read_text(encoding="utf-8")
        trees[file] = ast.parse(text, filename=str(file))
        sources[file] = text.splitlines()
    models = collect_models(trees)
    problems = []
    for file, tree in trees.items():
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in CHECKED
            ):
                continue
            reason = verdict(node, models)
            if reason and not escaped(sources[file], node):
                shown = file.relative_to(ROOT) if file.is_relative_to(ROOT) else file
                problems.append(
                    f"{shown}:{node.lineno}: {reason}: use lont.audit.changelog "
                    "(bulk_create_logged / bulk_update_logged / update_logged) or add "
                    "'# lint: audited-bulk <reason>'"
                )
    return problems


def main(argv: list[str]) -> int:
    paths = [Path(arg).resolve() for arg in argv] or [ROOT / "lont"]
    problems = check(paths)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
