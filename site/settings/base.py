"""Settings shared by every environment, read from the environment with safe defaults.

Defaults point at the local services that scripts/services starts on loopback, so a new
clone runs without an .env file; production.py insists on real values instead.
"""

from pathlib import Path

import environ
from celery.schedules import crontab

PROJECT_DIR = Path(__file__).resolve().parent.parent  # site/
BASE_DIR = PROJECT_DIR.parent  # the repository

env = environ.Env()

# The local services of scripts/services, which reads the same variables: changing a port there
# changes the defaults here. The ports lie outside Linux's ephemeral range (32768-60999), where an
# outgoing connection could hold one while the service restarts.
LOCAL_PG = f"postgres://lodestar@127.0.0.1:{env.int('LODESTAR_PG_PORT', default=15432)}"
LOCAL_REDIS = f"redis://127.0.0.1:{env.int('LODESTAR_REDIS_PORT', default=16379)}"
LOCAL_ELASTICSEARCH = f"http://127.0.0.1:{env.int('LODESTAR_ES_PORT', default=19200)}"

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="insecure-local-only-key-never-used-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "lodestar.home",
    "lodestar.members",
    "lodestar.vocabularies",
    "lodestar.mail",
    "lodestar.uploads",
    "cases",
    "forum",
    "search",
    "saved_searches",
    # Translating pages (cases.translation); its locales app replaces wagtail.locales in the admin.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "allauth",
    "allauth.account",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # First: health checks answer before host validation and the HTTPS redirect (lodestar.health).
    "lodestar.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and everything else: a visitor's cached page costs two cache reads.
    "lodestar.visitor_cache.VisitorPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL's prefix (/fr/, /es/; none is English): lodestar.languages.
    "lodestar.languages.LanguageFromPathMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A NUL byte in a parameter or form field: 400 with a message, before any view or query sees it.
    "lodestar.middleware.RefuseNulBytesMiddleware",
    "lodestar.middleware.AdminReportsForModeratorsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees failed logins from every view (django-axes' requirement).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lodestar.urls"
WSGI_APPLICATION = "lodestar.wsgi.application"

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
            ],
            # Project-wide tags that belong to no app: the head's meta tags, dates in markup.
            "libraries": {"page_meta": "lodestar.page_meta", "datetimes": "lodestar.datetimes"},
        },
    },
]


def database(config: dict) -> dict:
    """How the site connects to its PostgreSQL database (`config`: the parsed DATABASE_URL).

    JIT compilation is off: the site's statements are short or stream rows, and PostgreSQL spent
    0.4-0.9 s compiling each of the search rebuild's reads at 100,000 documents, more than the
    compiled code saved them.
    """
    config["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    config["CONN_HEALTH_CHECKS"] = True
    options = config.setdefault("OPTIONS", {})
    options["connect_timeout"] = 5
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return config


# PostgreSQL only: search, tests and data migrations rely on its features.
DATABASES = {"default": database(env.db("DATABASE_URL", default=f"{LOCAL_PG}/lodestar"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "members.User"

# --- Accounts (django-allauth): sign-in by email, verified addresses only.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out people before any other check
    "allauth.account.auth_backends.AuthenticationBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Lodestar] "
ACCOUNT_ADAPTER = "lodestar.members.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "lodestar.members.account_forms.LoginForm",
    "signup": "lodestar.members.account_forms.SignupForm",
}
# Rate limits (allauth's own, kept in the cache): answered with templates/429.html.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    # Looser than the django-axes lockout below, which is the one people meet first.
    "login_failed": "20/m/ip,10/5m/key",
    "signup": "10/h/ip",
    "reset_password": "5/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "3/m/key",
    "change_email": "5/h/user",
    "manage_email": "20/m/user",
    "change_password": "10/h/user",
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Lodestar <no-reply@lodestar.localhost>")
# Mail outbox (lodestar.mail): a temporary failure is retried after MAIL_RETRY_SECONDS, doubling
# up to an hour; after MAIL_MAX_ATTEMPTS (or a permanent 5xx refusal) the email is marked failed
# and listed for administrators (/django-admin/mail/outgoingemail/?status=failed).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)  # seconds per SMTP operation; None would hang
MAIL_MAX_ATTEMPTS = env.int("MAIL_MAX_ATTEMPTS", default=10)
MAIL_RETRY_SECONDS = env.int("MAIL_RETRY_SECONDS", default=60)

# Lockout after repeated failed logins (django-axes), per account and address.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_RESET_ON_SUCCESS = True
# --- Accounts behind a proxy, one lockout for both log-in forms (issue 13).
# How many reverse proxies (nginx) stand in front and append to X-Forwarded-For: the visitor's
# address is then the one the outermost proxy saw (lodestar/clientip.py). 0: REMOTE_ADDR.
# Axes, allauth (AccountAdapter.get_client_ip) and django-ratelimit all use it.
TRUSTED_PROXY_COUNT = env.int("LODESTAR_TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "lodestar.clientip.client_ip"
RATELIMIT_IP_META_KEY = "lodestar.clientip.ratelimit_ip"
# The account is named by allauth's "login" or the Wagtail admin's "username" field, as an email
# or a username: both reduce to one key, so the lockout holds on /accounts/login/ and /admin/login/.
AXES_USERNAME_CALLABLE = "lodestar.members.lockout.login_name"
AXES_LOCKOUT_CALLABLE = "lodestar.members.lockout.locked_out"  # "Try again in 30 minutes"

RATELIMIT_VIEW = "lodestar.views.rate_limited"
MEMBERSHIP_APPLICATION_RATE = env("MEMBERSHIP_APPLICATION_RATE", default="5/d")

# --- Security headers. The CSP allows no inline script on public pages; Wagtail's admin needs
# inline scripts, so it is exempt (it is behind login and CSRF protection).
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

AVATAR_MAX_BYTES = 2 * 1024 * 1024
# Width x height, read from the header before any decoding: a small file can unpack to gigabytes.
AVATAR_MAX_PIXELS = env.int("AVATAR_MAX_PIXELS", default=25_000_000)
AVATAR_SIZE = 256  # pixels, square

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The interface speaks the Coalition's three working languages. English lives at the site's root,
# French and Spanish under /fr/ and /es/ (lodestar.languages); catalogues are in locale/ and are
# compiled by `make install` (compilemessages), never committed.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
# Pages have a language too (Wagtail's locales): the English tree is the source, and the French and
# Spanish trees follow it (wagtail-localize's synchronisation, cases.translation): a page not yet
# translated is an alias there, shown in English with a notice, until a moderator translates it.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "static_collected"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    # Every upload lands in a folder named by a random token (lodestar.uploads.storage).
    "default": {"BACKEND": "lodestar.uploads.storage.UnguessableFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Redis: one URL for the broker, results and the cache, on separate logical databases.
REDIS_URL = env("REDIS_URL", default=f"{LOCAL_REDIS}/0")
CACHES = {
    "default": {
        # Degrades to "no cache" while Redis is unreachable (see lodestar/cache.py and below).
        "BACKEND": "lodestar.cache.ResilientRedisCache",
        "LOCATION": env("CACHE_URL", default=f"{LOCAL_REDIS}/2"),
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        "RETRY_AFTER": 5,  # seconds this process leaves an unreachable Redis alone
    }
}

# Celery (configured from these CELERY_* names by lodestar.celery).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=f"{LOCAL_REDIS}/1")
CELERY_RESULT_EXPIRES = 60 * 60 * 24
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Tasks are idempotent, so a task is acknowledged only once done and is requeued when its worker
# dies; the visibility timeout bounds how long a lost task waits before another worker takes it.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 60 * 60}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_SEND_TASK_EVENTS = False

# --- Resilience when Redis is down (issue 13): no request waits more than about a second on it.
# Results: no Lodestar code reads a task's result, so none is stored and sending a task never
# subscribes to the result backend (whose reconnects blocked requests 19-38 s). A caller that
# needs one passes ignore_result=False; tests do (settings/test.py) to wait for their tasks.
CELERY_TASK_IGNORE_RESULT = True
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 1
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
}
# Broker: fail fast when sending (lodestar.queue.send_task; the outboxes' drains send it later),
# and a worker that lost Redis reconnects for as long as the outage lasts.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_TRANSPORT_OPTIONS |= {"socket_connect_timeout": 1, "socket_timeout": 2}
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0.1, "interval_step": 0.1}
BROKER_RETRY_SECONDS = env.float("BROKER_RETRY_SECONDS", default=5)
# Rate limits live in the cache: while it is unreachable they are not enforced (a warning is
# logged), so that a member's post never fails because of Redis. The django-axes lockout is in
# PostgreSQL and keeps working.
RATELIMIT_FAIL_OPEN = True
CELERY_BEAT_SCHEDULE_FILENAME = env(
    "CELERY_BEAT_SCHEDULE_FILENAME", default=str(BASE_DIR / ".services" / "celerybeat-schedule")
)
CELERY_BEAT_SCHEDULE = {
    "deliver-pending-emails": {"task": "lodestar.mail.tasks.deliver_pending_emails", "schedule": 60},
    # Indexes whatever a lost task, a broker outage or an Elasticsearch outage left pending.
    "drain-search-outbox": {"task": "search.tasks.drain_search_outbox", "schedule": 60},
    "clear-expired-sessions": {
        "task": "lodestar.tasks.clear_expired_sessions",
        "schedule": 60 * 60 * 24,
    },
    # Delivers forum notifications recorded while the broker was down, or whose task was lost.
    "forum-drain-notification-outbox": {
        "task": "forum.notifications.drain_notification_outbox",
        "schedule": 60,
    },
    "forum-send-pending-notification-emails": {
        "task": "forum.notifications.send_pending_notification_emails",
        "schedule": 5 * 60,
    },
    # Saved searches' daily and weekly alerts: each run sends those whose period has passed.
    "saved-search-alerts": {"task": "saved_searches.tasks.send_due_saved_search_alerts", "schedule": 15 * 60},
    "forum-send-daily-digests": {
        "task": "forum.notifications.send_daily_digests",
        "schedule": crontab(hour=env.int("FORUM_DIGEST_HOUR", default=7), minute=0),
    },
}

# Elasticsearch (the search app owns the connection; /health/ probes it).
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default=LOCAL_ELASTICSEARCH)
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", default="lodestar")
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=5.0)
# Searches made while someone waits get a short timeout and no retries, so an unreachable node
# gives a readable 503 within two seconds instead of a hung page (indexing uses the longer one).
ELASTICSEARCH_QUERY_TIMEOUT = env.float("ELASTICSEARCH_QUERY_TIMEOUT", default=1.5)
ELASTICSEARCH_REPLICAS = env.int("ELASTICSEARCH_REPLICAS", default=0)  # one node locally and in compose
# A rebuild gives the index one primary shard per this many documents, and at most
# ELASTICSEARCH_MAX_SHARDS: Elasticsearch searches the shards of one index in parallel, one thread
# each, so a large library is searched on several cores at once (2 shards of 50,000 documents:
# p95 28 -> 18 ms at 100,000 on 2 cores). Set the most to the cores of the Elasticsearch node.
ELASTICSEARCH_DOCUMENTS_PER_SHARD = env.int("ELASTICSEARCH_DOCUMENTS_PER_SHARD", default=50_000)
ELASTICSEARCH_MAX_SHARDS = env.int("ELASTICSEARCH_MAX_SHARDS", default=2)

# /health/ready gives each dependency this long (seconds) and answers within 1.5 times that, even
# when one hangs; /health/live asks nothing of them.
HEALTH_CHECK_TIMEOUT = env.float("HEALTH_CHECK_TIMEOUT", default=1.0)

# Whole pages for visitors who are not signed in (lodestar.visitor_cache): how long an entry may
# live at most; writes invalidate it at once anyway. 0 turns the cache off.
VISITOR_PAGE_CACHE_SECONDS = env.int("VISITOR_PAGE_CACHE_SECONDS", default=300)

# --- Saved searches: how many a member keeps, how many new matches an alert lists, and how long
# after publication a page counts for an alert (indexing takes a moment; later pages go next time).
SAVED_SEARCH_LIMIT = env.int("SAVED_SEARCH_LIMIT", default=25)
SAVED_SEARCH_ALERT_MAX_ITEMS = 20
SAVED_SEARCH_INDEXING_GRACE_SECONDS = env.int("SAVED_SEARCH_INDEXING_GRACE_SECONDS", default=600)

# --- Forum: pages, anti-abuse limits and notification email batching.
FORUM_TOPICS_PER_PAGE = 30
FORUM_POSTS_PER_PAGE = 20
FORUM_APPROVAL_FIRST_POSTS = env.int("FORUM_APPROVAL_FIRST_POSTS", default=2)  # wait for a moderator
FORUM_NEW_MEMBER_POSTS = 10  # below this many published posts, the limits for new members apply
FORUM_NEW_MEMBER_MAX_LINKS = 2
FORUM_NEW_MEMBER_MAX_MENTIONS = 3
FORUM_POST_MAX_LENGTH = 20_000  # characters of Markdown
FORUM_DUPLICATE_WINDOW_SECONDS = 10 * 60
FORUM_TOPIC_RATE = env("FORUM_TOPIC_RATE", default="5/h")  # per member; moderators are not limited
FORUM_REPLY_RATE = env("FORUM_REPLY_RATE", default="30/h")
FORUM_EMAIL_BATCH_SECONDS = env.int("FORUM_EMAIL_BATCH_SECONDS", default=120)

WAGTAIL_SITE_NAME = "Lodestar"
# Off: Wagtail 8.0's autosave of a new page races with the editor's own Save or Submit (both POST
# to the create view; the loser fails on the slug with a 500, seen in tests/browser under load).
WAGTAIL_AUTOSAVE_INTERVAL = 0
# The site's public address: every absolute link (emails, API, CSV, feeds) starts with it
# (lodestar.links). `make run` serves http://127.0.0.1:8000; production must set it.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# The open-data API's largest page (`limit`; default 20): a page takes a fixed number of queries, and
# 100 case studies with `fields=*` stay under a megabyte and a second; `meta.next` walks the rest.
WAGTAILAPI_LIMIT_MAX = 100
# --- Uploaded files (lodestar.uploads; README, "Files"). Nothing under MEDIA_ROOT is served by a web
# server directly: Django's views ask lodestar.permissions first.
# - Documents: only these types are accepted; served by Wagtail's view at /documents/<id>/<name>,
#   always as a download, with nosniff and "Content-Security-Policy: default-src 'none'; sandbox".
#   /media/documents/... answers 404 (Django, and nginx in production).
# - Images, renditions, avatars: /media/<path> is Django's view (lodestar.uploads.views.serve_media),
#   404 to whoever may not see the page or profile they belong to.
# - Behind nginx, set MEDIA_X_ACCEL_REDIRECT (e.g. "/protected-media/"): the views then answer with
#   an empty body and `X-Accel-Redirect: /protected-media/<path>`, and nginx sends the file. The
#   contract with the nginx configuration: `location /media/` proxies to Django;
#   `location /media/documents/` answers 404; `location /protected-media/ { internal; alias
#   <MEDIA_ROOT>/; }` adds `X-Content-Type-Options: nosniff` and `Content-Security-Policy:
#   default-src 'none'; sandbox` itself (nginx keeps only Content-Type, Content-Disposition,
#   Cache-Control, Expires, Set-Cookie and Accept-Ranges from an X-Accel-Redirect answer).
# Strategy documents: PDF, office formats (OOXML and OpenDocument), plain text, CSV, Markdown.
# Never HTML, SVG, XML, JavaScript or anything a browser would run.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt", "md"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # every document is a download
WAGTAILDOCS_CONTENT_TYPES = {"csv": "text/csv", "txt": "text/plain", "md": "text/markdown"}
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp"]  # no SVG: it can hold script
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", default=50_000_000)
MEDIA_X_ACCEL_REDIRECT = env("MEDIA_X_ACCEL_REDIRECT", default="")
SENDFILE_BACKEND = "lodestar.uploads.sendfile"

# Wagtail's own search backend is only for the admin; public search is the search app's.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        # Routine start-up and per-task lines that drown what matters in command output.
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
