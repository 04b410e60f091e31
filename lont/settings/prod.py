"""Production: PostgreSQL, gunicorn + whitenoise, every security header. Refuses unsafe configuration."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, DEFAULT_SECRET_KEY, DEMO_MODE, MIDDLEWARE, SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", False)

if DEBUG:
    raise ImproperlyConfigured("DEBUG staat aan in productie-instellingen; zet DEBUG=0.")
if SECRET_KEY == DEFAULT_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Stel een eigen, lange SECRET_KEY in (minstens 50 tekens).")
if DEMO_MODE:
    raise ImproperlyConfigured("Demomodus (LONT_DEMO_MODE) is niet toegestaan in productie.")
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql" and not env_bool(
    "LONT_ALLOW_SQLITE_IN_PRODUCTION", False
):
    raise ImproperlyConfigured("Productie draait op PostgreSQL: stel DATABASE_URL in.")

# whitenoise serves the collected static files right after the security middleware.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "lont.core.staticfiles.LontStaticFilesStorage"},
}
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-lont-session"
CSRF_COOKIE_NAME = "__Host-lont-csrf"
X_FRAME_OPTIONS = "DENY"
