"""Make this directory's helper module (``socialmap_factories``) importable under any pytest
import mode (``--import-mode=importlib`` does not put test directories on ``sys.path``)."""

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
