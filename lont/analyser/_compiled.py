"""Use the analyser's optional compiled build (``tools/build_analyser.py``) when it is current.

``make install`` compiles the hot modules of this package to C with mypyc into
``build/analyser/`` (git-ignored). The Python sources stay the source of truth and the fallback:
the compiled modules are used only when the build's fingerprint (Python version, extension
suffix and the bytes of every compiled source) still matches, so an edited module never runs as
its stale compiled copy, and never when ``LONT_ANALYSER_PURE`` is set (``=1``), which is how the
tests run against the pure modules. Pure standard library; never compiled itself.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import sysconfig
from collections.abc import Iterable, Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent.parent
BUILD_LIB = ROOT / "build" / "analyser" / "lib"
MANIFEST = "manifest.json"
PURE_ENV = "LONT_ANALYSER_PURE"


def extension_suffix() -> str:
    return str(sysconfig.get_config_var("EXT_SUFFIX"))


def fingerprint(sources: Iterable[str], root: Path = ROOT) -> str:
    """What a build depends on: the interpreter, its extension suffix and every source's bytes."""
    digest = hashlib.sha256(f"{sys.version}\0{extension_suffix()}\0".encode())
    for source in sorted(sources):
        digest.update(source.encode() + b"\0")
        digest.update((root / source).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


class _CompiledFinder:
    """Finds the listed modules as extension modules in the build directory, nothing else."""

    def __init__(self, lib: Path, modules: dict[str, str]) -> None:
        self._lib = lib
        # module name -> path of its source relative to ROOT ("" for mypyc's shared library)
        self._modules = modules

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        source = self._modules.get(name)
        if source is None:
            return None
        package = source.endswith("__init__.py")
        relative = name.replace(".", "/") + ("/__init__" if package else "")
        # A compiled package still finds its uncompiled submodules next to its source.
        locations = [str((ROOT / source).parent)] if package else None
        return importlib.util.spec_from_file_location(
            name,
            self._lib / (relative + extension_suffix()),
            submodule_search_locations=locations,
        )


def install(lib: Path = BUILD_LIB) -> bool:
    """Put the compiled modules first in the import system if the build is current."""
    if os.environ.get(PURE_ENV) or any(isinstance(f, _CompiledFinder) for f in sys.meta_path):
        return False
    try:
        manifest = json.loads((lib / MANIFEST).read_text("utf-8"))
        modules: dict[str, str] = manifest["modules"]
        if manifest["fingerprint"] != fingerprint(s for s in modules.values() if s):
            return False
    except (OSError, ValueError, KeyError, TypeError):
        return False  # no build, an unreadable one or a deleted source: the pure modules
    sys.meta_path.insert(0, _CompiledFinder(lib, modules))
    return True
