"""Settings read from the environment (DATABASE_URL, SECRET_KEY, DEBUG, ALLOWED_HOSTS).

Without DATABASE_URL the portal runs on SQLite for the zero-config quick start;
production uses PostgreSQL and `portal.settings_production`.
"""

import datetime
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
# Names the deploy in cache keys (activities.catalogue_cache.release); without it, a digest of the code.
RELEASE = os.environ.get("RELEASE", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "django_htmx",
    "template_partials",
    "csp",
    "axes",
    "django_ratelimit",
    "stadsdelen",
    "activities",
    "accounts",
    "audit",
    "organisations",
    "staff",
    "subsidies",
    # Last: the project itself, for the commands that compose every app (seed_demo).
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    # Turns a refusal of django-ratelimit into a 429 page (RATELIMIT_VIEW).
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

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
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# One cache for every app server and worker, in the database they already share (the tables
# come with `migrate`). In front of it, for the catalogue (activities.catalogue_cache), each
# process's own memory: recent pages and search matches, and result cards. Every cache is bounded:
# the shared one by entries (a catalogue value over 256 KB stays out of it, so at most ~1.3 GB and in
# practice pages of ~40 KB), exports by entries in a table of their own (so they never evict pages),
# and each process's memory by bytes.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_cache",
        "TIMEOUT": 60 * 30,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    "exports": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_export_cache",
        "TIMEOUT": 60 * 30,
        # One export per gebied (25) and per stadsdeel (8) with room to spare: fewer, and a full table
        # culls a third at a time, so the gebied exports push each other out and are made again and again.
        "OPTIONS": {"MAX_ENTRIES": 60},
    },
    "local": {
        "BACKEND": "activities.memory_cache.SizeBoundedLocMemCache",
        "LOCATION": "local",
        "OPTIONS": {"MAX_ENTRIES": 1000, "MAX_BYTES": 32 * 1024 * 1024},
    },
    "cards": {
        "BACKEND": "activities.memory_cache.SizeBoundedLocMemCache",
        "LOCATION": "cards",
        "OPTIONS": {"MAX_ENTRIES": 20_000, "MAX_BYTES": 24 * 1024 * 1024},
    },
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiler spends more time compiling than the catalogue's queries take to run.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "after-login"
LOGOUT_REDIRECT_URL = "home"
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Login throttling: five wrong passwords for one account from one address locks it for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
# Logins ignore capitals in the address; so does the lock, or changing one would reset it.
AXES_USERNAME_CALLABLE = "accounts.lockout.lockout_username"
AXES_VERBOSE = False
# Floods from one address (many accounts tried, or reset mails sent) are refused before any
# password is hashed; axes above covers a single account. The address is the one axes sees.
RATELIMIT_IP_META_KEY = "axes.helpers.get_client_ip_address"
RATELIMIT_VIEW = "portal.views.too_many_requests"
LOGIN_POSTS_PER_ADDRESS = os.environ.get("LOGIN_POSTS_PER_ADDRESS", "20/m")
PASSWORD_RESETS_PER_ADDRESS = os.environ.get("PASSWORD_RESETS_PER_ADDRESS", "5/m")
# The anonymous feedback form writes a row per answer: a person answers once, a script thousands of times.
FEEDBACK_POSTS_PER_ADDRESS = os.environ.get("FEEDBACK_POSTS_PER_ADDRESS", "10/m")
SILENCED_SYSTEM_CHECKS = [
    # django-ratelimit prefers an atomic counter (Redis, memcached); the portal shares nothing but
    # PostgreSQL, whose cache table counts by read-then-write. Under a flood concurrent requests
    # may count once instead of twice, so a limit holds within a factor of the number of workers.
    "django_ratelimit.E003",
    "django_ratelimit.W001",
]

# OIDC (the city's login, or eHerkenning through a broker) is switched on by its settings alone.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
if OIDC_RP_CLIENT_ID:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("accounts.oidc.PortalOIDCBackend")
    OIDC_RP_CLIENT_SECRET = os.environ["OIDC_RP_CLIENT_SECRET"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OIDC_OP_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OIDC_OP_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OIDC_OP_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_CREATE_USER = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Uploads go through Django's storage API: a shared folder by default, S3-compatible
# object storage when AWS_STORAGE_BUCKET_NAME is set, so app servers keep nothing locally.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Documents of aanvragen (jaarrekening, statuten…): never under a public URL, only through the
    # views that check who asks (subsidies.models.private_storage).
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"), "base_url": None},
    },
    # Production switches to the manifest storage, which needs collectstatic first.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the app folders until collectstatic has run (quick start, tests).
WHITENOISE_USE_FINDERS = True
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "default_acl": None,
            "querystring_auth": False,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_PRIVATE_BUCKET_NAME", os.environ["AWS_STORAGE_BUCKET_NAME"]),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
        },
    }

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "sociale-basis@amsterdam.nl")

# Strict policy: no inline script or style anywhere; JSON-LD data blocks are not executed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Uploaded photos: checked by content, at most this size, and re-encoded smaller.
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_PIXELS = 1200
# Refused before decoding: a 40-megapixel photo takes about 160 MB of memory while it is made smaller.
PHOTO_MAX_SOURCE_PIXELS = 40_000_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024

# Results per catalogue page: small enough for a cheap phone, large enough to scan.
CATALOGUE_PAGE_SIZE = 20

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools log every step of every PDF at INFO.
    "loggers": {name: {"level": "WARNING"} for name in ["axes", "weasyprint", "fontTools"]},
}
