"""Fixtures for the account-security tests.

The folder goes on ``sys.path`` so the test modules can import ``account_helpers`` under either
pytest import mode (``importlib`` does not add test folders by itself)."""

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from account_helpers import clock  # noqa: E402

__all__ = ["clock"]
