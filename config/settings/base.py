"""Settings shared by every environment, read from environment variables.

Environment variables (see README, "Configuration"):
DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS, EMAIL_URL, SITE_URL, DEBUG,
TRUSTED_PROXY_COUNT, DEFAULT_FROM_EMAIL, WEB_WORKERS, EMAIL_INBOUND_DOMAIN, EMAIL_INBOUND_HOST,
EMAIL_INBOUND_PORT, EMAIL_INBOUND_MAX_BYTES, EMAIL_INBOUND_AUTHSERV_ID, EMAIL_HARD_BOUNCE_LIMIT.
"""

import secrets
from pathlib import Path
from typing import Any

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once into var/."""
    if key := env.str("SECRET_KEY", default=""):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "practica.core",
    "practica.accounts",
    "practica.activity",
    "practica.notifications",
    "practica.communities",
    "practica.workgroups",
    "practica.discussions",
    "practica.events",
    "practica.library",
    "practica.directory",
    "practica.search",
    "practica.knowledge",
    "practica.governance",
    "practica.consultations",
    "practica.reports",
    "practica.messaging",
    "practica.moderation",
    "practica.mailin",
    "practica.newsletter",
    "practica.recognition",
    "practica.demo",
]

MIDDLEWARE = [
    # First: times the whole request and logs it once, with its id (practica/core/logging.py).
    "practica.core.logging.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache and WhiteNoise, so that every answer carries the policy.
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages are served from the cache before sessions and templates; it sits
    # outside GZip so that pages are stored compressed (practica/core/pagecache.py).
    "practica.core.pagecache.AnonymousPageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "practica.accounts.timezones.TimeZoneMiddleware",
    # A form sent after the session expired keeps its fields through signing in, and a
    # form-only address opened by GET shows a way back (practica/core/drafts.py); inside
    # the session middleware, which then saves the kept fields.
    "practica.core.drafts.InterruptedWriteMiddleware",
    "practica.core.headers.PrivacyHeadersMiddleware",
    # A body over the limit is refused unread (practica/core/limits.py). Last, so that its
    # 413 page has the reader's session, language and every header, and still before
    # anything reads the body: Django runs the CSRF check (process_view), which does,
    # only once every middleware has passed the request on.
    "practica.core.limits.RequestSizeLimitMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "practica" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "practica.core.context_processors.site",
                "practica.notifications.context_processors.unread",
                "practica.messaging.context_processors.unread",
            ],
        },
    },
]

# --- Database --------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several server threads and the task worker share one file: WAL lets readers
    # proceed during a write, the busy timeout waits for a lock instead of failing
    # and IMMEDIATE transactions take the write lock up front, so that two writers
    # never deadlock half-way through a transaction ("database is locked").
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA foreign_keys=ON;"
            # Per connection, so per server thread: the operating system caches the file too.
            f"PRAGMA cache_size=-{env.int('SQLITE_CACHE_MB', default=4) * 1000};"
        ),
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Short queries with large plan estimates (search's permission filter) would otherwise
    # spend tens of milliseconds compiling code for rows they never read.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, sessions, tasks ---------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="practica"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    # Background tasks go to RQ workers (`manage.py rqworker`) instead of the database.
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
else:
    # Local memory is per process: without Redis, `manage.py serve` runs a single
    # server process (with threads) so that rate limits and cached pages agree.
    # Django's default of 300 entries is soon full with cached pages, their parts and each
    # signed-in reader's own pages (practica/core/readercache.py); a full cache drops a
    # third of its entries at once. Entries are small (pages are stored compressed).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": env.int("LOCMEM_CACHE_ENTRIES", default=3000)},
        }
    }
    # Sessions are kept in the database and read from the cache: a signed-in request then
    # costs no query for its session (measured in bench/README.md).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

TASKS = {
    "default": {
        "BACKEND": "django_tasks_rq.RQBackend" if REDIS_URL else "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# --- Accounts ------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_SIGNUP_REDIRECT_URL = "/profile/?welcome=1"  # say who you are before anything else

ACCOUNT_ADAPTER = "practica.accounts.adapter.AccountAdapter"
# Practica's words on allauth's forms (practica/accounts/account_forms.py); sign-up does
# the same work (hashing, one queued email) whether or not the address has an account.
ACCOUNT_FORMS = {
    name: f"practica.accounts.account_forms.{form}"
    for name, form in {
        "login": "LoginForm",
        "signup": "SignupForm",
        "add_email": "AddEmailForm",
        "change_password": "ChangePasswordForm",
        "set_password": "SetPasswordForm",
        "reset_password": "ResetPasswordForm",
        "reset_password_from_key": "ResetPasswordKeyForm",
        "reauthenticate": "ReauthenticateForm",
    }.items()
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Practica] "
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_RATE_LIMITS = {
    # 5 failed attempts per account per 30 minutes, and 20 per address.
    "login_failed": "20/30m/ip,5/30m/key",
}
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# --- Email -----------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Practica <practica@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Taking part by email (practica/mailin): replies to notifications and new posts arrive at
# addresses on EMAIL_INBOUND_DOMAIN (empty: no reply addresses, nothing taken in), by the
# SMTP listener `serve` starts when EMAIL_INBOUND_PORT is set, or a mail server's pipe to
# `manage.py mail_inbound`.
EMAIL_INBOUND_DOMAIN = env.str("EMAIL_INBOUND_DOMAIN", default="").strip().lower()
EMAIL_INBOUND_HOST = env.str("EMAIL_INBOUND_HOST", default="127.0.0.1")
EMAIL_INBOUND_PORT = env.int("EMAIL_INBOUND_PORT", default=0)
# Larger messages are answered "too large" (far larger ones refused by the listener).
EMAIL_INBOUND_MAX_BYTES = env.int("EMAIL_INBOUND_MAX_BYTES", default=1024 * 1024)
# The name our own mail server (the MX) signs its Authentication-Results headers with: a
# message it found forged (DMARC failed) is not taken as its From address's. Empty: unchecked.
EMAIL_INBOUND_AUTHSERV_ID = env.str("EMAIL_INBOUND_AUTHSERV_ID", default="")
# Hard bounces after which an address gets no more email (its member is told on the site).
EMAIL_HARD_BOUNCE_LIMIT = env.int("EMAIL_HARD_BOUNCE_LIMIT", default=3)

# --- Internationalisation --------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "practica" / "locale"]
USE_I18N = True
TIME_ZONE = env.str("TIME_ZONE", default="UTC")  # the site's zone, for people who set none
USE_TZ = True

# --- Static files ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "practica" / "static"]
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
# Uploaded files are never served directly: every download goes through a view that asks the
# permission layer. S3-compatible storage when S3_BUCKET is set (django-storages).
if env.str("S3_BUCKET", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("S3_BUCKET"),
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("S3_REGION", default="") or None,
            "access_key": env.str("S3_ACCESS_KEY", default="") or None,
            "secret_key": env.str("S3_SECRET_KEY", default="") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# --- Security headers that hold everywhere ----------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# --- Content-Security-Policy, Permissions-Policy (django-csp; practica/core/headers.py) ---
# Scripts and styles come only from the site's static files: no inline script, style block
# or style attribute runs. A script that must be inline carries nonce="{{ request.csp_nonce }}"
# (such a page is then never stored by the anonymous page cache, whose copies share one
# header). Uploaded files are served with their own, stricter, sandboxing policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        # The web app manifest and the offline page's service worker (core/installable.py).
        "manifest-src": [SELF],
        "worker-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = env.str(
    "PERMISSIONS_POLICY",
    default=(
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    ),
)

# --- Logging: to standard error, one line per record; LOG_FORMAT=json for JSON lines ------
# Django's own lines for 4xx answers are left out: the request's line says it once.
LOG_FORMAT = "json" if env.str("LOG_FORMAT", default="plain").lower() == "json" else "plain"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "practica": {"()": f"practica.core.logging.{LOG_FORMAT.capitalize()}Formatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "practica"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        "django.security.csrf": {"level": "ERROR"},
    },
}

# --- Practica's own settings, one section an app: config/settings/practica.py ---------
from .practica import *  # noqa: E402, F403

# --- Request size (issue 10): bodies over the limit are refused as they arrive -------
# A form with a file may carry UPLOAD_MAX_MB plus this much for its other fields; any
# other body DATA_UPLOAD_MAX_MEMORY_SIZE (RequestSizeLimitMiddleware, last of MIDDLEWARE,
# refuses before anything reads the body). See practica/core/limits.py.
PRACTICA_REQUEST_FIELDS_MB = 1
FILE_UPLOAD_HANDLERS = [
    "practica.core.limits.UploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
