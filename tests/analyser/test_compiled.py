"""The analyser's optional compiled build is used only while it matches the sources."""

import json
import sys
from pathlib import Path

import pytest

from lont.analyser import _compiled

SOURCE = "lont/analyser/scan.py"


def _lib(tmp_path: Path, fingerprint: str) -> Path:
    lib = tmp_path / "lib"
    lib.mkdir()
    manifest = {"fingerprint": fingerprint, "modules": {"lont_example_mod": SOURCE}}
    (lib / _compiled.MANIFEST).write_text(json.dumps(manifest), "utf-8")
    return lib


@pytest.fixture
def meta_path(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """A copy of the import system's finders without the real build's, restored afterwards."""
    finders = [f for f in sys.meta_path if not isinstance(f, _compiled._CompiledFinder)]
    monkeypatch.setattr(sys, "meta_path", finders)
    monkeypatch.delenv(_compiled.PURE_ENV, raising=False)
    return finders


def test_a_current_build_is_found_for_its_modules_only(tmp_path, meta_path):
    lib = _lib(tmp_path, _compiled.fingerprint([SOURCE]))
    assert _compiled.install(lib) is True
    finder = meta_path[0]
    assert isinstance(finder, _compiled._CompiledFinder)
    spec = finder.find_spec("lont_example_mod", None)
    assert spec is not None
    assert spec.origin == str(lib / ("lont_example_mod" + _compiled.extension_suffix()))
    assert finder.find_spec("lont.analyser.evaluate", None) is None
    assert _compiled.install(lib) is False  # once per process


def test_a_stale_or_missing_build_leaves_the_python_modules(tmp_path, meta_path):
    before = list(meta_path)
    assert _compiled.install(_lib(tmp_path, "0" * 64)) is False
    assert _compiled.install(tmp_path / "nothing") is False
    assert meta_path == before


def test_pure_mode_ignores_a_current_build(tmp_path, meta_path, monkeypatch):
    monkeypatch.setenv(_compiled.PURE_ENV, "1")
    assert _compiled.install(_lib(tmp_path, _compiled.fingerprint([SOURCE]))) is False


def test_the_fingerprint_follows_every_byte_of_the_sources(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    before = _compiled.fingerprint(["a.py"], root=tmp_path)
    (tmp_path / "a.py").write_text("x = 2\n")
    assert _compiled.fingerprint(["a.py"], root=tmp_path) != before


def test_the_result_types_pickle_and_copy_as_plain_python_classes():
    """They stay out of the compiled build: mypyc classes cannot be pickled or copied when
    frozen or when their ``__init__`` takes arguments (see tools/build_analyser.py)."""
    import copy
    import pickle
    from datetime import datetime

    from lont.analyser import (
        Analysis,
        EngagementThresholds,
        MessageWarning,
        Place,
        Span,
        Suggestion,
    )

    span = Span(0, 8, "time", "2026-03-14", 0.9, "zaterdag", grain="day")
    values = [
        Analysis("zaterdag", datetime(2026, 3, 14, 16, 20), [span]),
        Suggestion("3", "tijd", "3", "weak", (0,)),
        MessageWarning("repeats_time", "…", 0, 8),
        Place("Marktplein", ("Markt",), "plein", "Centrum"),
        EngagementThresholds(),
    ]
    for value in values:
        assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301 (our own bytes)
        assert copy.deepcopy(value) == value
