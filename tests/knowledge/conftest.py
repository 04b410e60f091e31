"""Make the repository root importable when pytest runs with ``-p no:django``.

pytest-django normally puts the project root (where manage.py lives) on ``sys.path``; the
knowledge tests are pure Python and must also run without it.
"""

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
