"""``python -m lont.analyser.corpora NAME|all [--out DIR] [--eval-root DIR]``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from lont.analyser.corpora import DEFAULT_EVAL_ROOT, converters


def main(argv: Sequence[str] | None = None) -> int:
    names = converters()
    parser = argparse.ArgumentParser(prog="python -m lont.analyser.corpora")
    parser.add_argument("name", choices=[*names, "all"])
    parser.add_argument("--out", type=Path, help="directory for jsonl/csv (default: stdout)")
    parser.add_argument(
        "--eval-root", type=Path, default=DEFAULT_EVAL_ROOT, help="the shared eval folder"
    )
    args = parser.parse_args(argv)
    if not args.eval_root.is_dir():
        parser.error(f"no shared eval folder at {args.eval_root}")
    wanted = list(names) if args.name == "all" else [args.name]
    if args.out is None and len(wanted) > 1:
        parser.error("'all' needs --out DIR")
    for name in wanted:
        try:
            converted = names[name](args.eval_root)
        except FileNotFoundError as exc:
            print(f"{name}: source missing ({exc}), skipped", file=sys.stderr)
            continue
        if args.out is None:
            for post in converted.posts:
                print(json.dumps(post, ensure_ascii=False))
        else:
            paths = converted.write(args.out)
            print(
                f"{name}: {len(converted.posts)} posts ({converted.skipped} rows skipped) -> "
                + ", ".join(map(str, paths)),
                file=sys.stderr,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
