"""The engine tests are plain Python: they need no database and also run without pytest-django.

Run them without Django with ``pytest tests/assessment -p no:django --confcutdir=tests/assessment``
(the confcutdir keeps pytest from loading tests/conftest.py, which needs Django).
"""

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
