"""Refuse unscoped reads of registered models where they are shown to someone.

``<RegisteredModel>.objects.…`` and ``<RegisteredModel>._default_manager`` are refused in views,
``api/``, template tags, exports, PDFs and notification code: there the read goes through
``Model.objects.for_viewer(viewer)`` / ``visible()`` (``lont.core.scoping``). The registered models
are found statically in the ``visibility.register(...)`` calls of ``lont/**/apps.py`` (also through a
``for model in (A, B): register(model)`` loop over a literal tuple or a tuple variable), so the check
needs neither Django nor a database.

A justified exception says why on the same line: ``# lint: system-read <reason>``.

Usage: ``python tools/lint/scoped_reads.py [root]`` — exit 1 with ``file:line: message`` lines.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ESCAPE = re.compile(r"#\s*lint:\s*system-read\s+\S")
MANAGERS = frozenset({"objects", "_default_manager"})
LAYER_CALLS = frozenset({"visible", "get_visible", "fetch_for_page"})
SCOPED_OR_EMPTY = frozenset({"for_viewer", "none"})
CHECKED_FILES = frozenset({"pdf.py", "exports.py"})
CHECKED_DIRS = frozenset({"api", "views", "templatetags", "notifications"})


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _tuple_names(node: ast.AST | None) -> list[str]:
    if isinstance(node, ast.Tuple | ast.List):
        return [name for elt in node.elts if (name := _name(elt))]
    return []


def _assigned_tuples(tree: ast.AST) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = _tuple_names(node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found[node.target.id] = _tuple_names(node.value)
    return found


def _is_register_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "register"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "visibility"
        and bool(node.args)
    )


def registered_models(root: Path) -> set[str]:
    """Class names passed to ``visibility.register`` in the apps' ``apps.py``."""
    names: set[str] = set()
    for path in sorted((root / "lont").rglob("apps.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        tuples = _assigned_tuples(tree)
        loops: dict[str, list[str]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.For) and isinstance(node.target, ast.Name):
                iterable = node.iter
                members = (
                    tuples.get(iterable.id, [])
                    if isinstance(iterable, ast.Name)
                    else _tuple_names(iterable)
                )
                loops[node.target.id] = members
        for node in ast.walk(tree):
            if _is_register_call(node):
                assert isinstance(node, ast.Call)
                first = node.args[0]
                if isinstance(first, ast.Name) and first.id in loops:
                    names.update(loops[first.id])
                elif name := _name(first):
                    names.add(name)
    return names


def checked_files(root: Path) -> Iterator[Path]:
    for path in sorted((root / "lont").rglob("*.py")):
        relative = path.relative_to(root)
        if "migrations" in relative.parts:
            continue
        if (
            path.name in CHECKED_FILES
            or path.name.startswith(("views", "notifications"))
            or CHECKED_DIRS.intersection(relative.parts[:-1])
        ):
            yield path


def _declared_querysets(tree: ast.AST) -> set[int]:
    """Nodes inside a class-level ``queryset = …`` (a DRF declaration): the base viewsets pass it
    through ``visible()`` before anything is read, and the runtime guard catches one that doesn't.
        ``Model.objects.none()`` (a schema view's empty queryset) reads nothing and passes too."""
    skipped: set[int] = set()
    for cls in ast.walk(tree):
        if not isinstance(cls, ast.ClassDef):
            continue
        for stmt in cls.body:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else []
            if any(isinstance(t, ast.Name) and t.id == "queryset" for t in targets):
                assert isinstance(stmt, ast.Assign)
                skipped.update(id(node) for node in ast.walk(stmt.value))
    return skipped


def _layer_arguments(tree: ast.AST) -> set[int]:
    """Nodes that the layer scopes before anything is read: arguments of ``visible(…)`` /
    ``get_visible(…)`` (and ``fetch_for_page(…)``, the pages' wrapper of it in
    ``core.views_base``), and what a ``base_queryset`` method returns (the base views and
    viewsets pass it through ``visible``)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in LAYER_CALLS:
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                skipped.update(id(n) for n in ast.walk(arg))
        elif isinstance(node, ast.FunctionDef) and node.name == "base_queryset":
            for ret in ast.walk(node):
                if isinstance(ret, ast.Return) and ret.value is not None:
                    skipped.update(id(n) for n in ast.walk(ret.value))
    return skipped


def violations(root: Path) -> Iterator[str]:
    models = registered_models(root)
    for path in checked_files(root):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source, filename=str(path))
        declared = _declared_querysets(tree) | _layer_arguments(tree)
        nodes = sorted(
            (n for n in ast.walk(tree) if isinstance(n, ast.Attribute)),
            key=lambda n: (n.lineno, n.col_offset),
        )
        scoped_or_empty = {
            id(n.value)
            for n in nodes
            if n.attr in SCOPED_OR_EMPTY and isinstance(n.value, ast.Attribute)
        }
        for node in nodes:
            if node.attr not in MANAGERS or id(node) in declared or id(node) in scoped_or_empty:
                continue
            model = _name(node.value)
            if model not in models:
                continue
            if ESCAPE.search(lines[node.lineno - 1]):
                continue
            yield (
                f"{path.relative_to(root)}:{node.lineno}: unscoped read {model}.{node.attr} — "
                f"use {model}.objects.for_viewer(viewer) or visible(); a justified exception "
                "says why with '# lint: system-read <reason>'"
            )


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[2]
    if not registered_models(root):
        print(f"{root}: no visibility.register(...) calls found in lont/**/apps.py")
        return 1
    found = list(violations(root))
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
