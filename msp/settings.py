"""The one settings module. Every value that varies by deployment is read from an
environment variable through the typed helpers in ``msp.envvars``; each variable
is listed in the README's configuration table."""

import datetime
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from msp.accounts.passkey_config import allowed_origins, relying_party_id
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
    "msp.accounts.admin_apps.MspAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ninja",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
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
    "msp.privacy",
    "msp.api",
    "msp.govuk",
    "msp.submissions",
    "msp.frontdoor",
    "msp.operations",
    "msp.imports",
    "msp.demo",
    "msp.letters",
]

# Each process keeps its own small caches. "pages" holds rendered case overviews
# (msp.cases.page.overview_html), about 100 KB each for a large case: at most
# 200 per process. They hold personal data only in the process's memory and are
# keyed by the version of the records they show, so a change to the records shows
# at once (see msp/cases/revision.py for what the version does not follow).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "TIMEOUT": 24 * 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": 200},
    },
}

# Background work (the statutory return): queued in the database, run by
# `manage.py db_worker` (started beside the web server by `make run`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "msp.headers.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "msp.accounts.sessions.SessionTouchMiddleware",
    "django.middleware.common.CommonMiddleware",
    "msp.not_found.OwnNotFoundPageMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "msp.accounts.kept.KeptFormMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "msp.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "msp.audit.middleware.AuditChannelMiddleware",
    "msp.cases.restriction_views.RestrictedCaseMiddleware",
    # Last, so it sees a lock-out flagged anywhere below and answers with our page.
    "axes.middleware.AxesMiddleware",
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
                "msp.accounts.context_processors.session_timeout",
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
        # Just-in-time compilation pays off for long analytic queries, not for a
        # page's short ones: its cost estimates sent a list page's query to the
        # compiler for 40 ms to save a few (docs/performance.md). The return's
        # background build also runs with it off (msp/assurance/sac/build.py).
        _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
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
AUTHENTICATION_BACKENDS = [
    # Refuses any sign-in while the account or the address is locked out, before
    # the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
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
    {
        # A very long password costs a lot to hash: refuse them rather than be slowed.
        "NAME": "msp.accounts.passwords.MaximumLengthValidator",
        "OPTIONS": {"max_length": 128},
    },
]
PASSWORD_MAX_LENGTH = 128

# Lock-out (django-axes): after MSP_LOCKOUT_FAILURES failed sign-ins for one
# username, or from one client address, that username or address is refused for
# MSP_LOCKOUT_MINUTES. Each attempt during the lock-out starts the wait again.
LOCKOUT_FAILURES = env_int("MSP_LOCKOUT_FAILURES", 5, minimum=1)
LOCKOUT_MINUTES = env_int("MSP_LOCKOUT_MINUTES", 30, minimum=1)
AXES_FAILURE_LIMIT = LOCKOUT_FAILURES
AXES_COOLOFF_TIME = datetime.timedelta(minutes=LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own, not the pair
# Failures are cleared when sign-in is complete (after the code, if there is one:
# see accounts/lockout.py), not when the password alone is right.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "msp.accounts.lockout.locked_out_response"
AXES_CLIENT_IP_CALLABLE = "msp.accounts.client.client_address"
AXES_CLIENT_STR_CALLABLE = "msp.accounts.lockout.client_str"  # no usernames in logs
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False  # our own admin unlocks with an audit event
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are recorded as audit events instead
AXES_HTTP_RESPONSE_CODE = 429

# Two-factor sign-in (django-otp): "required" makes every user set up an
# authenticator app before using the service; "optional" asks only users who
# have set one up.
TWO_FACTOR = env_choice(
    "MSP_TWO_FACTOR", "required" if PRODUCTION else "optional", ("required", "optional")
)
OTP_TOTP_ISSUER = SERVICE_NAME
OTP_TOTP_THROTTLE_FACTOR = 1  # each wrong code doubles the wait before the next try
OTP_STATIC_THROTTLE_FACTOR = 1
BACKUP_CODES = 10

# Passkeys (django-otp-webauthn), a second factor like the app. Only after the
# password: never a way to skip it.
OTP_WEBAUTHN_RP_ID = env_str("MSP_WEBAUTHN_RP_ID", relying_party_id(ALLOWED_HOSTS))
OTP_WEBAUTHN_RP_NAME = env_str("MSP_WEBAUTHN_RP_NAME", SERVICE_NAME)
OTP_WEBAUTHN_ALLOWED_ORIGINS = allowed_origins(ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS)
# With no origin (only IP addresses allowed, for example) passkeys cannot work,
# but the rest of the service can: our own warning (msp.W020) says what to set,
# in place of the library's error that would stop the service starting.
SILENCED_SYSTEM_CHECKS = [] if OTP_WEBAUTHN_ALLOWED_ORIGINS else ["otp_webauthn.E030"]
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_TIMEOUT_SECONDS = 5 * 60

# Sessions end after this many minutes without a request.
SESSION_IDLE_MINUTES = env_int("MSP_SESSION_IDLE_MINUTES", 30, minimum=1)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
# The warning that the session is about to end shows this many minutes before.
SESSION_WARNING_MINUTES = env_int("MSP_SESSION_WARNING_MINUTES", 2, minimum=1)
# A form posted after the session ended is kept this long for the user to sign in again.
KEPT_FORM_MINUTES = env_int("MSP_KEPT_FORM_MINUTES", 60, minimum=1)

# API tokens expire after this many days unless issued with --days.
MSP_API_TOKEN_DAYS = env_int("MSP_API_TOKEN_DAYS", 90, minimum=1)
# Saved when changed, else at most once a minute (msp/accounts/sessions.py), not
# on every request; the idle timeout still holds to the minute.
SESSION_ENGINE = "msp.accounts.sessions"
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# How long break-glass access to a restricted case lasts.
BREAK_GLASS_MINUTES = env_int("MSP_BREAK_GLASS_MINUTES", 60, minimum=1)
# Extra ways to tell safeguarding leads about break-glass (dotted paths to
# classes with a ``break_glass(grant)`` method); the in-service alert list is always on.
BREAK_GLASS_NOTIFIERS: list[str] = []

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
BEHIND_PROXY = env_bool("MSP_BEHIND_PROXY", False)
# How many proxies of ours add themselves to X-Forwarded-For: the client address
# is the entry that many places from the right (entries further left can be forged).
PROXY_COUNT = env_int("MSP_PROXY_COUNT", 1, minimum=1)
if BEHIND_PROXY:
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
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "msp.audit.checkpoint": {"level": "INFO"},
    },
}

# The audit log's hash chain: a checkpoint (latest sequence number and chain
# hash, no personal data) goes to the log ``msp.audit.checkpoint`` every this
# many events and on every ``verify_audit`` run, and to a file if one is named.
MSP_AUDIT_CHECKPOINT_EVERY = env_int("MSP_AUDIT_CHECKPOINT_EVERY", 1000, minimum=0)
MSP_AUDIT_CHECKPOINT_FILE = env_str("MSP_AUDIT_CHECKPOINT_FILE", "")
# The auditor's alerts: more than this many distinct records read by one user
# within this many minutes.
MSP_AUDIT_ALERT_RECORDS = env_int("MSP_AUDIT_ALERT_RECORDS", 50, minimum=1)
MSP_AUDIT_ALERT_MINUTES = env_int("MSP_AUDIT_ALERT_MINUTES", 10, minimum=1)

# Case reference prefix, e.g. SG-2026-000123.
CASE_REFERENCE_PREFIX = env_str("MSP_CASE_REFERENCE_PREFIX", "SG")

# Letters (msp/letters) and how they are sent (msp/delivery). The council's
# contact details go on every letter, so the person knows whom to call.
COUNCIL_PHONE = env_str("MSP_COUNCIL_PHONE", "0300 000 0000")
COUNCIL_EMAIL = env_str("MSP_COUNCIL_EMAIL", "")
COUNCIL_ADDRESS = env_str("MSP_COUNCIL_ADDRESS", "")
COUNCIL_HOURS = env_str("MSP_COUNCIL_HOURS", "Monday to Friday, 9am to 5pm")
DELIVERY_BACKEND = env_choice("MSP_DELIVERY_BACKEND", "outbox", ("outbox", "notify"))
DELIVERY_OUTBOX_DIR = env_str("MSP_DELIVERY_OUTBOX_DIR", str(VAR_DIR / "outbox"))
DELIVERY_MAX_ATTEMPTS = env_int("MSP_DELIVERY_MAX_ATTEMPTS", 5, minimum=1)
NOTIFY_API_KEY = env_str("MSP_NOTIFY_API_KEY", "")
NOTIFY_EMAIL_TEMPLATE_ID = env_str("MSP_NOTIFY_EMAIL_TEMPLATE_ID", "")
NOTIFY_TEXT_TEMPLATE_ID = env_str("MSP_NOTIFY_TEXT_TEMPLATE_ID", "")
NOTIFY_POSTAGE = env_choice("MSP_NOTIFY_POSTAGE", "second", ("first", "second", "economy"))

# The public report form (/report). A report goes to the team covering the
# postcode in the adult's address (MSP_INTAKE_AREAS: "NM1=North locality team;
# SM=South locality team"), else to MSP_INTAKE_TEAM; with neither, it waits on
# the safeguarding leads' queue. The referrer's secret works for
# MSP_REPORT_SECRET_DAYS. Limits are per hour, per client address and per session.
INTAKE_TEAM = env_str("MSP_INTAKE_TEAM", "")
INTAKE_AREAS = env_str("MSP_INTAKE_AREAS", "")
REPORT_SECRET_DAYS = env_int("MSP_REPORT_SECRET_DAYS", 180, minimum=1)
REPORTS_PER_ADDRESS = env_int("MSP_REPORTS_PER_ADDRESS", 10, minimum=1)
REPORTS_PER_SESSION = env_int("MSP_REPORTS_PER_SESSION", 3, minimum=1)
STATUS_TRIES = env_int("MSP_REPORT_STATUS_TRIES", 10, minimum=1)

NINJA_PAGINATION_PER_PAGE = 50
