"""Compile the text analyser's hot modules to C with mypyc (optional; ``make install`` runs it).

Run: ``.venv/bin/python tools/build_analyser.py [--clean] [--force] [--jobs N]``

The build goes to ``build/analyser/`` (git-ignored) and is used by ``lont.analyser`` only while
its fingerprint matches the sources (``lont/analyser/_compiled.py``); the Python modules remain
the source of truth and the fallback. Nothing is rebuilt when the build is current. Without
mypyc (it comes with mypy, a development dependency) or a C compiler this prints why and exits
0: the analyser then runs as plain Python. ``LONT_ANALYSER_PURE=1`` ignores the build at run
time and skips building it (a CI job that wants the minute back). See docs/analyser.md,
"Issue 15, fifth session".
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lont.analyser._compiled import BUILD_LIB, MANIFEST, PURE_ENV, fingerprint  # noqa: E402

BUILD = BUILD_LIB.parent
# The modules that analyse() and check_message() run. Left out: the result and value types
# (model, place_context: Span, Suggestion, MessageWarning, Analysis, Place,
# EngagementThresholds), because a mypyc class cannot be pickled or copied when it is frozen or
# its __init__ takes arguments; the evaluation, scoring, corpus converters and dateparser
# baseline (tools, not the hot path); the Django app (lont/analyser/web); the package __init__
# (it decides whether to use the build). Gazetteer and Lexicon are compiled: each process keeps
# its own, they are never pickled or copied. The rules that work on the result types
# (suggest, engine.drop_overlaps) live apart from them, so that they are compiled, and so do
# the fast constructors of Span and Suggestion (construct).
MODULES = [
    "lont/analyser/check.py",
    "lont/analyser/construct.py",
    "lont/analyser/engine.py",
    "lont/analyser/exprtypes.py",
    "lont/analyser/gazetteer.py",
    "lont/analyser/lexicon.py",
    "lont/analyser/normalise.py",
    "lont/analyser/patterns.py",
    "lont/analyser/places.py",
    "lont/analyser/reputation.py",
    "lont/analyser/scan.py",
    "lont/analyser/suggest.py",
    "lont/analyser/threat_forms.py",
    "lont/analyser/threats.py",
    "lont/analyser/times/__init__.py",
    "lont/analyser/times/clock.py",
    "lont/analyser/times/combine.py",
    "lont/analyser/times/days.py",
    "lont/analyser/times/durations.py",
    "lont/analyser/times/grammar.py",
    "lont/analyser/times/holidays.py",
    "lont/analyser/times/period_resolve.py",
    "lont/analyser/times/periods.py",
    "lont/analyser/times/piece.py",
    "lont/analyser/times/resolve.py",
    "lont/analyser/times/words.py",
]
GROUP = "lont_analyser"  # mypyc's shared library: lont_analyser__mypyc
# mypy's own settings for this build only: the project's configuration loads the Django plugin,
# which the analyser (plain Python) does not need.
MYPY_CONFIG = "[mypy]\npython_version = 3.11\nignore_missing_imports = True\n"


def module_name(source: str) -> str:
    return source.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def current() -> bool:
    try:
        manifest = json.loads((BUILD_LIB / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return bool(manifest.get("fingerprint") == fingerprint(MODULES))


def build(jobs: int) -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    shutil.rmtree(BUILD, ignore_errors=True)
    with tempfile.TemporaryDirectory() as scratch:
        config = Path(scratch) / "mypy.ini"
        config.write_text(MYPY_CONFIG, "utf-8")
        os.chdir(ROOT)  # mypyc names the modules after their paths
        extensions = mypycify(
            ["--config-file", str(config), *MODULES],
            opt_level="3",
            multi_file=True,  # several C files, compiled in parallel
            group_name=GROUP,
            target_dir=str(BUILD / "c"),
        )
        setup(
            name="lont-analyser-compiled",
            packages=[],
            py_modules=[],
            ext_modules=extensions,
            script_args=[
                "--quiet",
                "build_ext",
                "--build-lib",
                str(BUILD_LIB),
                "--build-temp",
                str(BUILD / "temp"),
                "--parallel",
                str(jobs),
            ],
        )
    modules = {module_name(source): source for source in MODULES}
    modules[f"{GROUP}__mypyc"] = ""
    manifest = {"fingerprint": fingerprint(MODULES), "modules": modules}
    (BUILD_LIB / MANIFEST).write_text(json.dumps(manifest, indent=1), "utf-8")
    shutil.rmtree(BUILD / "temp", ignore_errors=True)
    shutil.rmtree(BUILD / "c", ignore_errors=True)  # the generated C (12 MB), not needed to run


@contextlib.contextmanager
def _output_to(log: IO[str]) -> Iterator[None]:
    """mypyc's notes and the compiler's output (child processes too) into ``log``."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    os.dup2(log.fileno(), 1)
    os.dup2(log.fileno(), 2)
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="remove the build and stop")
    parser.add_argument("--force", action="store_true", help="rebuild even when current")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    if args.clean:
        shutil.rmtree(BUILD, ignore_errors=True)
        return 0
    if os.environ.get(PURE_ENV):
        print(f"analyser: {PURE_ENV} is set, so no compiled build (it would not be used)")
        return 0
    if current() and not args.force:
        print("analyser: compiled build is current")
        return 0
    try:
        import mypyc.build  # noqa: F401
    except ImportError:
        print("analyser: mypyc not installed (it comes with mypy); the analyser runs as Python")
        return 0
    began = time.monotonic()
    with tempfile.TemporaryFile("w+") as log:
        try:
            with _output_to(log):
                build(args.jobs)
        except (Exception, SystemExit) as exc:  # no compiler or headers: stay pure Python
            shutil.rmtree(BUILD, ignore_errors=True)
            log.seek(0)
            print(log.read()[-4000:], end="")
            print(f"analyser: compiled build failed ({exc!r}); the analyser runs as Python")
            return 0
    print(
        f"analyser: compiled {len(MODULES)} modules with mypyc in {time.monotonic() - began:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
