"""Development and demo: SQLite in var/, console e-mail, debug pages."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
DEMO_MODE = env_bool("LONT_DEMO_MODE", True)
LONT_UNSCOPED_QUERIES = os.environ.get("LONT_UNSCOPED_QUERIES", "raise" if DEBUG else "log")

if not DEBUG:
    # `make demo` runs like production for its users: no debug pages (a 404 must not list every
    # URL), Dutch error pages, and whitenoise serves the static files straight from the app and
    # npm folders, so the demo needs no collectstatic.
    from .base import MIDDLEWARE

    MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = True
