"""The engine tests are plain Python: they need no database and also run without pytest-django.

Run them without Django with ``pytest tests/engine -p no:django --confcutdir=tests/engine``
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

# The engine reads the guide's labels through a hook (it imports no app); install the catalogue as
# the assessment app does in its ready, so these tests also run without Django.
from lont.assessment.guide import install_guide  # noqa: E402

install_guide()
