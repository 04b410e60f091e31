"""Settings shared by every environment. Values that differ per deployment come from the environment."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("LONT_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEFAULT_SECRET_KEY = "insecure-development-key-change-me"  # noqa: S105 - refused by prod settings
SECRET_KEY = os.environ.get("SECRET_KEY", DEFAULT_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
DEMO_MODE = env_bool("LONT_DEMO_MODE", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "lont.core",
    "lont.accounts",
    "lont.networks",
    "lont.audit",
    "lont.knowledge",
    "lont.analyser.web",
    "lont.subjects",
    "lont.socialmap",
    "lont.notifications",
    "lont.presence",
    "lont.signalregister",
    "lont.riskcalendar",
    "lont.peacetime",
    "lont.assessment",
    "lont.crisis",
    "lont.aftercare",
    "lont.retention",
    "lont.privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lont.core.middleware.RequestIdMiddleware",
    "lont.core.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lont.core.middleware.ViewerMiddleware",
    "lont.core.middleware.AccessPolicyMiddleware",
]

ROOT_URLCONF = "lont.urls"
WSGI_APPLICATION = "lont.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lont" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "lont.core.context_processors.viewer",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'lont.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A persistent connection that died with a database restart is replaced before use.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["lont.accounts.backends.EmailBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "lont.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions slide: a request renews them, so inactivity longer than the age ends the session. The
# session store writes the renewal only once the stored expiry lags a fresh one by more than
# LONT_SESSION_REFRESH_SECONDS (not on every request: that was an UPDATE per page view); a session
# so ends at most SESSION_COOKIE_AGE after the last request, never later (lont.accounts.sessions).
SESSION_ENGINE = "lont.accounts.sessions"
SESSION_COOKIE_AGE = int(os.environ.get("LONT_SESSION_IDLE_SECONDS", str(30 * 60)))
LONT_SESSION_REFRESH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

LONT_LOCKOUT = {
    "WINDOW_SECONDS": 15 * 60,
    "MAX_FAILURES_PER_ACCOUNT": 5,
    "MAX_FAILURES_PER_IP": 20,
    # Each further block of failures within a day doubles the lock, up to a day.
    "MAX_LOCK_SECONDS": 24 * 3600,
}
# Login attempts (e-mail, address, time) are deleted after this many days (daily task).
LONT_LOGIN_ATTEMPT_RETENTION_DAYS = int(os.environ.get("LONT_LOGIN_ATTEMPT_RETENTION_DAYS", "30"))
# Reverse proxies in front of Lont: the client address for the per-IP lockout comes from
# X-Forwarded-For then (otherwise every user shares the proxy's address).
LONT_TRUSTED_PROXIES = int(os.environ.get("LONT_TRUSTED_PROXIES", "0"))
LONT_REAUTH_SECONDS = 10 * 60
LONT_INVITATION_DAYS = 7
# A password-reset link (started by the coordinator) is valid this many hours.
LONT_PASSWORD_RESET_HOURS = 24
LONT_API_TOKEN_DAYS = 90
LONT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
# An unscoped read of a registered model while a request is served (lont.core.scoping):
# "raise" in tests and development, "log" (an error in the log, the page still answers) here.
LONT_UNSCOPED_QUERIES = os.environ.get("LONT_UNSCOPED_QUERIES", "log")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
NODE_MODULES = BASE_DIR / "node_modules"
# Only the distributable folders of the npm packages are exposed, under a stable prefix.
STATICFILES_DIRS = [
    BASE_DIR / "lont" / "static",
    ("vendor/utrecht", NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    ("vendor/utrecht-tokens", NODE_MODULES / "@utrecht" / "design-tokens" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/cytoscape", NODE_MODULES / "cytoscape" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads live outside the web root and are only served through the visibility layer.
MEDIA_ROOT = Path(os.environ.get("LONT_MEDIA_ROOT", VAR_DIR / "media"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Lont <noreply@lont.invalid>")
LONT_BASE_URL = os.environ.get("LONT_BASE_URL", "http://127.0.0.1:8000")

# Background tasks: the embedded database backend, or RQ on Redis when a network outgrows one
# worker (LONT_TASK_BACKEND=rq, Redis at LONT_REDIS_URL). `manage.py run_worker` starts either.
LONT_REDIS_URL = os.environ.get("LONT_REDIS_URL", "redis://127.0.0.1:6379/0")
TASK_BACKENDS = {
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    "rq": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
}
LONT_TASK_BACKEND = os.environ.get("LONT_TASK_BACKEND", "database")
TASKS = {"default": TASK_BACKENDS[LONT_TASK_BACKEND]}
RQ_QUEUES = {"default": {"URL": LONT_REDIS_URL, "DEFAULT_TIMEOUT": 900}}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "lont.accounts.api.authentication.ApiTokenAuthentication",
        "lont.accounts.api.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["lont.core.api.permissions.IsNetworkMember"],
    "EXCEPTION_HANDLER": "lont.core.api.exceptions.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Lont API",
    "DESCRIPTION": (
        "REST API of Lont. Every endpoint obeys the covenant's visibility rules and is access-logged "
        "like the pages. Authenticate with a personal API token: `Authorization: Token <token>`. "
        "Signals are registered (`POST /api/v1/signals/`) and corrected (`PATCH`/`PUT`, versioned, "
        "owning organisation only) through the same services and systematic-observation guard as "
        "the form: a crossing answers 409 with the thresholds, the people and `ways_forward` "
        "(retry with `prosecutor_order` for police, `guard-handover/` or `guard-stop/`)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["lont.core.api.permissions.IsNetworkMember"],
    "COMPONENT_SPLIT_REQUEST": True,
    # A row the caller reads as a summary leaves content fields out, so no read-only field is
    # promised in every response; ``access`` says which form a row has.
    "COMPONENT_NO_READ_ONLY_REQUIRED": True,
    # Swagger UI from the installed sidecar package: nothing loads from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "WeightClassEnum": "lont.knowledge.models.WeightClass",
        "GroupRelationKindEnum": "lont.subjects.choices.GroupRelationKind",
        "PersonRelationKindEnum": "lont.subjects.choices.PersonRelationKind",
        "ThreatEnum": "lont.subjects.choices.Threat",
        "ContactKindEnum": "lont.socialmap.choices.ContactKind",
        "LevelCodeEnum": "lont.assessment.choices.LevelCode",
        "SubjectRequestKindEnum": "lont.privacy.choices.RequestKind",
        "ProposalKindEnum": "lont.signalregister.choices.ProposalKind",
        "CalendarEventKindEnum": "lont.riskcalendar.choices.EventKind",
        "PlanStatusEnum": "lont.aftercare.choices.PlanStatus",
        "TaskStatusEnum": "lont.aftercare.choices.TaskStatus",
        "ReportStatusEnum": "lont.aftercare.choices.ReportStatus",
        "EvaluationStatusEnum": "lont.aftercare.choices.EvaluationStatus",
        "LessonStatusEnum": "lont.aftercare.choices.LessonStatus",
        "RumourStatusEnum": "lont.aftercare.choices.RumourStatus",
        "DebunkStatusEnum": "lont.aftercare.choices.DebunkStatus",
        "IncidentAnswerEnum": "lont.crisis.choices.Answer",
        "IncidentStateEnum": "lont.crisis.choices.IncidentState",
        "IncidentLevelEnum": "lont.crisis.choices.IncidentLevel",
        "IncidentTaskKindEnum": "lont.crisis.choices.TaskKind",
        "IncidentPlatformEnum": "lont.crisis.choices.Platform",
        "IncidentPostOutcomeEnum": "lont.crisis.choices.PostOutcome",
        "IncidentMessageStatusEnum": "lont.crisis.choices.MessageStatus",
        "IncidentRoleTypeEnum": "lont.crisis.choices.ViolenceRole",
        "ConflictStageEnum": "lont.crisis.choices.ConflictStage",
        "SpontaneityEnum": "lont.crisis.choices.Spontaneity",
        "OutreachChannelEnum": "lont.crisis.choices.OutreachChannel",
        "OutreachOutcomeEnum": "lont.crisis.choices.OutreachOutcome",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}

# Encryption key for identifying personal data at rest; derived from SECRET_KEY unless set.
LONT_FIELD_ENCRYPTION_KEY = os.environ.get("LONT_FIELD_ENCRYPTION_KEY", "")
FORM_RENDERER = "lont.core.forms.LontFormRenderer"
LONT_THEME_STYLESHEET = os.environ.get("LONT_THEME_STYLESHEET", "lont/theme.css")
