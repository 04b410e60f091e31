"""Test settings: fast hashing, in-memory e-mail, immediate tasks. PostgreSQL when DATABASE_URL is set."""

from .base import *  # noqa: F403

DEBUG = False
DEMO_MODE = True
SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
LONT_UNSCOPED_QUERIES = "raise"  # an unscoped read during a request fails the test
LONT_LOG_MAINTENANCE = True  # lets the test database be flushed; production never sets it
