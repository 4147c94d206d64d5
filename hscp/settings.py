"""Settings for HSCP Governance, read from the environment.

With no environment at all the product runs on its embedded default: SQLite
in the project folder, Celery tasks executed in-process, e-mail printed to
the console, DEBUG on for 127.0.0.1 only. Every variable is listed in the
README's configuration table.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=True)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (see the README's configuration table)."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug-on-127-0-0-1"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "rules",
    "simple_history",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "core",
    "notifications",
    "governance",
    "accounts",
    "reviews",
    "audits",
    "training",
    "planning",
    "privacy",
    "reporting",
    "dashboards",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a login unless its view says otherwise (healthz, login).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Cache-Control: no-store on every response to a logged-in user; Permissions-Policy.
    "core.middleware.PrivateResponseHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle and absolute session limits, and the second step of a login (accounts/middleware.py);
    # after the messages, which say why a session ended.
    "accounts.middleware.SessionPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Turns a locked-out login into the lockout page (django-axes).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hscp.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "governance.context_processors.roles",
                "notifications.context_processors.unread",
            ],
        },
    },
]

WSGI_APPLICATION = "hscp.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections, checked before reuse: opening one per request cost /healthz three
# quarters of its throughput (issue 16). CONN_MAX_AGE is the variable's earlier name.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("DB_CONN_HEALTH_CHECKS", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account or address before any password is checked.
    "accounts.backends.LockoutBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("PASSWORD_MIN_LENGTH", default=12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "media/"
# Papers are uploaded files; this caps each one.
PAPER_MAX_BYTES = env.int("PAPER_MAX_BYTES", default=20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: console on the embedded default, SMTP (or any backend) from EMAIL_URL.
if "EMAIL_URL" in env:
    vars().update(env.email("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="HSCP Governance <noreply@localhost>")

# Celery: with no REDIS_URL, tasks run eagerly in-process (the embedded default).
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"

# The cache (issue 16): shared by every process when CACHE_URL (by default REDIS_URL) names a
# Redis; otherwise each process keeps its own. With a shared cache the main pages are kept per
# session until the next write to the database or PAGE_CACHE_SECONDS (core/page_cache.py);
# without one, never. Sessions stay in the database, so that a Redis outage logs nobody out.
CACHE_URL = env.str("CACHE_URL", default=REDIS_URL)
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="hscp"),
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300 if CACHE_URL else 0)
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Below the visibility timeout, so a task is never redelivered while still running.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
# One queue name per environment sharing a Redis (and per test worker in CI).
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="celery")
# A frequent scan of what is due, not far-future ETA tasks: Redis redelivers a task whose
# ETA is beyond the visibility timeout, so it would run more than once. `expires` drops
# scans that queued up while no worker was running instead of running them all at once.
CELERY_BEAT_SCHEDULE = {
    "scan for due reminders every five minutes": {
        "task": "notifications.tasks.scan_reminders",
        "schedule": 5 * 60,
        "options": {"expires": 4 * 60},
    },
    "send the daily digests once the digest hour has passed": {
        "task": "notifications.tasks.send_daily_digests",
        "schedule": 15 * 60,
        "options": {"expires": 14 * 60},
    },
    "clear expired sessions every night": {
        "task": "core.tasks.clear_expired_sessions",
        "schedule": 24 * 60 * 60,
    },
    "list the records past their retention period on the first of each month": {
        "task": "privacy.tasks.list_records_due_for_retention",
        "schedule": crontab(minute=0, hour=6, day_of_month=1),
    },
}

# Reminders and notifications (issue 5). The notification mechanism knows no domain: its
# recipients are people in the directory, named here as AUTH_USER_MODEL names the user.
NOTIFICATIONS_RECIPIENT_MODEL = "governance.Person"
PAPER_REMINDER_WORKING_DAYS = env.int("PAPER_REMINDER_WORKING_DAYS", default=3)
MINUTES_REMINDER_WORKING_DAYS = env.int("MINUTES_REMINDER_WORKING_DAYS", default=10)
QUORACY_FORECAST_WORKING_DAYS = env.int("QUORACY_FORECAST_WORKING_DAYS", default=3)
REMINDER_WEEKLY_HOUR = env.int("REMINDER_WEEKLY_HOUR", default=8)
NOTIFICATION_DIGEST_HOUR = env.int("NOTIFICATION_DIGEST_HOUR", default=7)
NOTIFICATION_MAX_ATTEMPTS = env.int("NOTIFICATION_MAX_ATTEMPTS", default=6)
NOTIFICATION_RETRY_BASE_SECONDS = env.int("NOTIFICATION_RETRY_BASE_SECONDS", default=30)
# Retries wait at most this long: well below the visibility timeout, so Redis never redelivers them.
NOTIFICATION_RETRY_MAX_SECONDS = env.int("NOTIFICATION_RETRY_MAX_SECONDS", default=600)
# A claimed e-mail not sent after this long was left by a dead worker; a later scan resends it.
NOTIFICATION_CLAIM_TIMEOUT_SECONDS = env.int("NOTIFICATION_CLAIM_TIMEOUT_SECONDS", default=600)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# /healthz is 503 when the last completed scan is older than this (only with REDIS_URL set).
SCAN_STALE_AFTER_SECONDS = env.int("SCAN_STALE_AFTER_SECONDS", default=15 * 60)

# Security. Safe defaults outside DEBUG; each can be relaxed from the environment.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    if env.bool("BEHIND_TLS_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Retention schedule (issue 11, privacy/retention.py): the product's defaults, the seeds set none.
# Meetings and minutes are kept permanently.
RETENTION_ATTENDANCE_YEARS = env.int("RETENTION_ATTENDANCE_YEARS", default=6)
RETENTION_NOTIFICATION_DAYS = env.int("RETENTION_NOTIFICATION_DAYS", default=365)
RETENTION_AUTH_EVENT_DAYS = env.int("RETENTION_AUTH_EVENT_DAYS", default=365)
RETENTION_SESSION_DAYS = env.int("RETENTION_SESSION_DAYS", default=365)

# Browser features the product never uses, switched off for every page (Permissions-Policy).
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}

# The read-only API (dashboards/api): a token an admin creates in the admin site, or the
# logged-in session; JSON only (the browsable API's inline scripts would break the CSP).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": env.int("API_PAGE_SIZE", default=100),
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "HSCP Governance API",
    "DESCRIPTION": "Read-only figures for partners' business intelligence tools: groups, meetings, "
    "attendance by agency, actions, training take-up. Send `Authorization: Token <key>` (an admin "
    "creates the key).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint and its font machinery log each page and font at INFO (issue 16).
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "weasyprint.progress", "fontTools")},
}

# Who the demo users log in as; see `manage.py load_demo`.
# The documented defaults are public: load_demo refuses them when DEBUG is off.
DEMO_PASSWORD_DEFAULT = "hscp-demo-2026"
DEMO_PASSWORD = env.str("DEMO_PASSWORD", default=DEMO_PASSWORD_DEFAULT)
# The demo accounts that must use two-factor authentication get a TOTP device with this
# base32 secret, so anyone (and any automated check) can compute their codes.
DEMO_TOTP_SECRET_DEFAULT = "HSCPDEMOHSCPDEMOHSCPDEMOHSCPDEMO"
DEMO_TOTP_SECRET = env.str("DEMO_TOTP_SECRET", default=DEMO_TOTP_SECRET_DEFAULT)

# Accounts (issue 11): two-factor authentication, lockout, sessions.
# Besides admins and the secretariat, members of these groups must use a second factor.
TWO_FACTOR_REQUIRED_GROUPS = env.list("TWO_FACTOR_REQUIRED_GROUPS", default=["Joint Case Review Group"])
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="HSCP Governance")

# Case reviews: the group whose current members see every review (docs/reviews.md).
REVIEWS_GROUP_SHORT_NAME = env.str("REVIEWS_GROUP_SHORT_NAME", default="JCR")
# A session ends after this many minutes without a request (SESSION_COOKIE_AGE is its absolute lifetime).
SESSION_IDLE_TIMEOUT_MINUTES = env.int("SESSION_IDLE_TIMEOUT_MINUTES", default=30)
# django-axes: an account locks after this many failed logins, an address after LOGIN_ADDRESS_FAILURE_LIMIT
# (a partner agency's office shares one address), both until an admin unlocks them or the cool-off passes.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("LOGIN_ADDRESS_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = env.int("LOGIN_LOCKOUT_MINUTES", default=60) / 60
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # accounts.AuthEvent records logins
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLE_ADMIN = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "accounts.backends.client_ip"
# The address limit is accounts.backends.LockoutBackend's own (a lower limit than the account's would lock
# out a whole office), so axes' warning that its parameters leave the address out does not apply.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=60 * 60)
