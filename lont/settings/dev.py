"""Development and demo: SQLite in var/, console e-mail, debug pages."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
DEMO_MODE = env_bool("LONT_DEMO_MODE", True)
LONT_UNSCOPED_QUERIES = os.environ.get("LONT_UNSCOPED_QUERIES", "raise")
