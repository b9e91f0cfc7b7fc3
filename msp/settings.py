"""The one settings module. Every value that varies by deployment is read from an
environment variable through the typed helpers in ``msp.envvars``; each variable
is listed in the README's configuration table."""

from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from msp.envvars import env_bool, env_choice, env_int, env_list, env_str

django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

MSP_ENV = env_choice("MSP_ENV", "development", ("development", "production"))
PRODUCTION = MSP_ENV == "production"

DEBUG = env_bool("MSP_DEBUG", not PRODUCTION)
SECRET_KEY = env_str("MSP_SECRET_KEY", DEV_SECRET_KEY)
ALLOWED_HOSTS = env_list("MSP_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("MSP_CSRF_TRUSTED_ORIGINS", [])

# Demo accounts exist only to try the software. ``load_demo_data`` refuses to run
# in production, and production refuses to start while any demo account exists
# (see msp/accounts/checks.py).
MSP_DEMO_PASSWORD = env_str("MSP_DEMO_PASSWORD", "")

COUNCIL_NAME = env_str("MSP_COUNCIL_NAME", "Northmoor Council")
SERVICE_NAME = env_str("MSP_SERVICE_NAME", f"{COUNCIL_NAME} adult safeguarding")

# The council's codes in national returns (the Safeguarding Adults Collection's
# CSV columns LA_CODE, ONS_CODE, REGION_CODE, REGION_NAME, COUNCIL_TYPE).
LA_CODE = env_str("MSP_LA_CODE", "")
ONS_CODE = env_str("MSP_ONS_CODE", "")
REGION_CODE = env_str("MSP_REGION_CODE", "")
REGION_NAME = env_str("MSP_REGION_NAME", "")
COUNCIL_TYPE = env_str("MSP_COUNCIL_TYPE", "")

if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("MSP_DEBUG must be off when MSP_ENV=production")
    if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "Set MSP_SECRET_KEY to a long random value (50+ characters) when MSP_ENV=production"
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("Set MSP_ALLOWED_HOSTS when MSP_ENV=production")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ninja",
    "msp.accounts",
    "msp.audit",
    "msp.people",
    "msp.cases",
    "msp.concerns",
    "msp.enquiries",
    "msp.practice",
    "msp.assurance",
    "msp.board",
    "msp.survey",
    "msp.api",
    "msp.govuk",
    "msp.submissions",
    "msp.operations",
    "msp.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "msp.headers.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "msp.audit.middleware.AuditChannelMiddleware",
]

ROOT_URLCONF = "msp.urls"
WSGI_APPLICATION = "msp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "msp" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "msp.accounts.context_processors.service",
            ],
            "builtins": ["msp.govuk.templatetags.govuk"],
        },
    },
]

# Database: SQLite (WAL) under var/ unless DATABASE_URL names another database.
# On PostgreSQL: connections are reused for MSP_DB_CONN_MAX_AGE seconds and checked
# before reuse; connecting gives up after MSP_DB_CONNECT_TIMEOUT seconds; a query
# running longer than MSP_DB_STATEMENT_TIMEOUT seconds is cancelled (0: no limit).
_database_url = env_str("DATABASE_URL", "")
DB_CONN_MAX_AGE = env_int("MSP_DB_CONN_MAX_AGE", 60, minimum=0)
DB_CONNECT_TIMEOUT = env_int("MSP_DB_CONNECT_TIMEOUT", 10, minimum=1)
DB_STATEMENT_TIMEOUT = env_int("MSP_DB_STATEMENT_TIMEOUT", 60 if PRODUCTION else 0, minimum=0)
if _database_url:
    DATABASES = {
        "default": dj_database_url.parse(
            _database_url, conn_max_age=DB_CONN_MAX_AGE, conn_health_checks=True
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        _options = DATABASES["default"].setdefault("OPTIONS", {})
        _options.setdefault("connect_timeout", DB_CONNECT_TIMEOUT)
        if DB_STATEMENT_TIMEOUT:
            _timeout = f"-c statement_timeout={DB_STATEMENT_TIMEOUT * 1000}"
            _options["options"] = f"{_options.get('options', '')} {_timeout}".strip()
else:
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("MSP_SQLITE_PATH", str(VAR_DIR / "msp.sqlite3")),
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "cases:home"
LOGOUT_REDIRECT_URL = "accounts:signed-out"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions end after this many minutes without a request.
SESSION_IDLE_MINUTES = env_int("MSP_SESSION_IDLE_MINUTES", 30, minimum=1)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Security headers. HTTPS settings are on by default in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("MSP_SECURE_SSL_REDIRECT", PRODUCTION)
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_HSTS_SECONDS = env_int("MSP_HSTS_SECONDS", 31536000 if PRODUCTION else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
if env_bool("MSP_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("MSP_STATIC_ROOT", str(BASE_DIR / "var" / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "msp" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    # In development files are served from the finders; an empty root keeps
    # WhiteNoise from warning that collectstatic has not run.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# Logging: no personal data in logs. Request logs carry method, path and status;
# paths hold record numbers, never names.
LOG_LEVEL = env_choice("MSP_LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_exception_messages": {"()": "msp.audit.logging.NoExceptionMessages"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_exception_messages"]}
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Case reference prefix, e.g. SG-2026-000123.
CASE_REFERENCE_PREFIX = env_str("MSP_CASE_REFERENCE_PREFIX", "SG")

NINJA_PAGINATION_PER_PAGE = 50
