"""One settings module for every environment, driven by environment variables (and `.env`).

Unset service URLs select the embedded defaults: SQLite, in-memory channel layer, local-memory
cache and a filesystem Celery broker, so `make run` needs nothing installed.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
RUN_DIR = BASE_DIR / ".run"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment or .env "
            "(or DEBUG=true for local development)."
        )
    SECRET_KEY = "insecure-dev-key-only-for-debug-never-for-production"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
# Reverse proxies whose X-Forwarded-* headers are believed (chatbet_site.proxies): their addresses
# or CIDR ranges, or how many sit in front when the app is reachable only through them. Neither:
# the TCP peer is the client and forwarded headers are ignored.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
TRUSTED_PROXY_COUNT = int(env.str("TRUSTED_PROXY_COUNT", default="") or 0)

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "channels",
    "rest_framework",
    "rest_framework_simplejwt",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "axes",
    "corsheaders",
    "sportsdata",
    "betting",
    "conversations",
]

MIDDLEWARE = [
    "chatbet_site.middleware.CorrelationIdMiddleware",  # first: every later layer logs with the id
    "chatbet_site.proxies.TrustedProxyMiddleware",  # every later layer sees the real client
    "chatbet_site.inputs.BodySizeLimitMiddleware",  # a JSON 413 before anything reads the body
    "django.middleware.security.SecurityMiddleware",
    "chatbet_site.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: the switcher's cookie, else the browser's Accept-Language, else English.
    "django.middleware.locale.LocaleMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # before CommonMiddleware, as django-cors-headers asks
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "conversations.apis.common.RateLimitHeadersMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "chatbet_site.urls"
ASGI_APPLICATION = "chatbet_site.asgi.application"

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
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# An empty DATABASE_URL (as .env.example leaves it) means the embedded SQLite default.
DATABASE_URL = env.str("DATABASE_URL", default="") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
# Persistent connections: Django runs every sync ORM call of a daphne process on one shared
# thread, so keeping its connection open saves a PostgreSQL handshake per call (0 disables).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + a busy timeout let daphne, the worker and beat share one file without lock errors.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: channel layer, cache, Celery broker ----------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
REDIS_MAX_CONNECTIONS = env.int("REDIS_MAX_CONNECTIONS", default=1000)
# Seconds a channel-layer Redis read may take. channels_redis blocks 5 s in BZPOPMIN per receive and
# redis-py's default 5 s socket timeout can cut that read first (an idle consumer closed with 1011).
# Set above 5 (e.g. 15) for the server: conversations/tests/test_ws_redis_idle.py shows idle sockets
# then stay open under daphne. It is not the default because in-process consumers (the test suite's
# event loops) then hang in teardown while a cancelled receive waits on its socket (issue #17, open).
REDIS_SOCKET_TIMEOUT = float(env.str("REDIS_SOCKET_TIMEOUT", default="") or 0) or None
if REDIS_SOCKET_TIMEOUT is not None and REDIS_SOCKET_TIMEOUT <= 5:
    raise ImproperlyConfigured("REDIS_SOCKET_TIMEOUT must exceed channels_redis' 5 s blocking read.")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # redis-py caps a pool at 100 connections by default; hundreds of concurrent turns
                # each publishing chunks need more (Redis itself allows 10,000 clients).
                # socket_timeout: channels_redis waits up to 5 s in BZPOPMIN for each receive;
                # redis-py's default 5 s socket timeout cut that read first and killed every idle
                # consumer (close 1011). The timeout must outlast the blocking read.
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "max_connections": REDIS_MAX_CONNECTIONS,
                        "socket_connect_timeout": 5,
                        "socket_keepalive": True,
                    }
                    | ({"socket_timeout": REDIS_SOCKET_TIMEOUT} if REDIS_SOCKET_TIMEOUT else {})
                ],
                "capacity": 1500,
                "expiry": 60,
                "group_expiry": 86400,
                "prefix": "chatbet",
            },
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "chatbet-cache",
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Celery ---------------------------------------------------------------------------------
# Embedded default: kombu's filesystem transport, so the worker and beat run with no services.
_BROKER_DIR = RUN_DIR / "broker"
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="") or REDIS_URL or "filesystem://"
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_BROKER_DIR / "queue"),
        "data_folder_out": str(_BROKER_DIR / "queue"),
        "processed_folder": str(_BROKER_DIR / "processed"),
        # Exchange bindings (kombu's default is ./control, i.e. wherever the process was started).
        "control_folder": str(_BROKER_DIR / "control"),
        "store_processed": False,
    }
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=None) or None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = CELERY_RESULT_BACKEND is None
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "UTC"

# --- Outside services -----------------------------------------------------------------------
GOOGLE_API_KEY = env.str("GOOGLE_API_KEY", default="")
GEMINI_MODEL = env.str("GEMINI_MODEL", default="") or "gemini-2.5-flash"
GEMINI_BASE_URL = env.str("GEMINI_BASE_URL", default="") or None
# --- Gemini (conversations.assistant.engines.gemini); empty values mean the defaults.
GEMINI_TIMEOUT_MS = int(env.str("GEMINI_TIMEOUT_MS", default="") or 20_000)  # one HTTP request
GEMINI_TURN_DEADLINE_MS = int(env.str("GEMINI_TURN_DEADLINE_MS", default="") or 45_000)  # whole turn
GEMINI_RETRY_ATTEMPTS = int(env.str("GEMINI_RETRY_ATTEMPTS", default="") or 3)  # incl. the first
GEMINI_RETRY_INITIAL_DELAY = float(env.str("GEMINI_RETRY_INITIAL_DELAY", default="") or 0.5)  # s
GEMINI_RETRY_MAX_DELAY = float(env.str("GEMINI_RETRY_MAX_DELAY", default="") or 4.0)  # s
GEMINI_MAX_TOOL_ROUNDS = int(env.str("GEMINI_MAX_TOOL_ROUNDS", default="") or 4)  # per turn
GEMINI_MAX_OUTPUT_TOKENS = int(env.str("GEMINI_MAX_OUTPUT_TOKENS", default="") or 1024)
GEMINI_HISTORY_TURNS = int(env.str("GEMINI_HISTORY_TURNS", default="") or 3)  # earlier turns sent
GEMINI_BREAKER_THRESHOLD = int(env.str("GEMINI_BREAKER_THRESHOLD", default="") or 3)
GEMINI_BREAKER_COOL_DOWN = float(env.str("GEMINI_BREAKER_COOL_DOWN", default="") or 60.0)  # s
# --- end Gemini
# --- OpenAI-compatible servers (conversations.assistant.engines.openai): Ollama, vLLM, llama.cpp,
# LM Studio, a gateway or OpenAI itself. OPENAI_BASE_URL unset means api.openai.com.
OPENAI_BASE_URL = env.str("OPENAI_BASE_URL", default="").strip() or None
OPENAI_API_KEY = env.str("OPENAI_API_KEY", default="")  # optional for local servers
OPENAI_MODEL = env.str("OPENAI_MODEL", default="") or "gpt-4o-mini"
OPENAI_TIMEOUT_MS = int(env.str("OPENAI_TIMEOUT_MS", default="") or 30_000)  # one HTTP request
OPENAI_TURN_DEADLINE_MS = int(env.str("OPENAI_TURN_DEADLINE_MS", default="") or 60_000)  # whole turn
OPENAI_RETRY_ATTEMPTS = int(env.str("OPENAI_RETRY_ATTEMPTS", default="") or 3)  # incl. the first
OPENAI_MAX_TOOL_ROUNDS = int(env.str("OPENAI_MAX_TOOL_ROUNDS", default="") or 4)  # per turn
OPENAI_MAX_OUTPUT_TOKENS = int(env.str("OPENAI_MAX_OUTPUT_TOKENS", default="") or 1024)
OPENAI_HISTORY_TURNS = int(env.str("OPENAI_HISTORY_TURNS", default="") or 3)  # earlier turns sent
OPENAI_BREAKER_THRESHOLD = int(env.str("OPENAI_BREAKER_THRESHOLD", default="") or 3)
OPENAI_BREAKER_COOL_DOWN = float(env.str("OPENAI_BREAKER_COOL_DOWN", default="") or 60.0)  # s
# --- end OpenAI-compatible
# --- Knowledge search (conversations.knowledge): articles are embedded with the LLM provider's
# embedding model when one is configured; full-text plus TF-IDF similarity otherwise.
KNOWLEDGE_EMBEDDINGS = env.bool("KNOWLEDGE_EMBEDDINGS", default=True)
GEMINI_EMBEDDING_MODEL = env.str("GEMINI_EMBEDDING_MODEL", default="") or "gemini-embedding-001"
OPENAI_EMBEDDING_MODEL = env.str("OPENAI_EMBEDDING_MODEL", default="") or "text-embedding-3-small"
KNOWLEDGE_EMBED_TIMEOUT_MS = int(env.str("KNOWLEDGE_EMBED_TIMEOUT_MS", default="") or 5000)
# Cosine similarity below which a passage is not considered related to the question.
KNOWLEDGE_MIN_SIMILARITY = float(env.str("KNOWLEDGE_MIN_SIMILARITY", default="") or 0.3)
# --- end knowledge search
# Which LLM answers: "offline", "gemini" or "openai". Empty: gemini when GOOGLE_API_KEY is set,
# else openai when OPENAI_BASE_URL is set, else offline. ASSISTANT_ENGINE is the older name.
LLM_PROVIDER = env.str("LLM_PROVIDER", default="").strip().lower()
ASSISTANT_ENGINE = env.str("ASSISTANT_ENGINE", default="").strip().lower()
# The fitted intent classifier, cached per training-data hash (retrained when the data changes).
NLU_CACHE_DIR = env.str("NLU_CACHE_DIR", default="") or str(RUN_DIR / "nlu")
CHATBET_API_BASE_URL = env.str("CHATBET_API_BASE_URL", default="") or "demo"
# --- ChatBet API (sportsdata.client): "demo" serves bundled payloads through the same client.
CHATBET_API_TIMEOUT = env.float("CHATBET_API_TIMEOUT", default=5.0)  # seconds per request
CHATBET_API_CONNECT_TIMEOUT = env.float("CHATBET_API_CONNECT_TIMEOUT", default=2.0)
CHATBET_API_RETRIES = env.int("CHATBET_API_RETRIES", default=2)  # extra attempts on 5xx/timeouts
CHATBET_API_BACKOFF = env.float("CHATBET_API_BACKOFF", default=0.3)  # seconds, doubled per retry
CHATBET_API_BREAKER_THRESHOLD = env.int("CHATBET_API_BREAKER_THRESHOLD", default=5)
CHATBET_API_BREAKER_COOL_DOWN = env.float("CHATBET_API_BREAKER_COOL_DOWN", default=30.0)
CHATBET_API_CONCURRENCY = env.int("CHATBET_API_CONCURRENCY", default=8)  # parallel odds fetches
CHATBET_ODDS_MAX_AGE = env.int("CHATBET_ODDS_MAX_AGE", default=120)  # seconds before on-demand refresh
CHATBET_ODDS_HORIZON_HOURS = env.int("CHATBET_ODDS_HORIZON_HOURS", default=72)  # prefetch window
CHATBET_USER_ID = env.str("CHATBET_USER_ID", default="1")
CHATBET_USER_KEY = env.str("CHATBET_USER_KEY", default="1")
# true (demo, evaluation): everyone acts on the account above. false (production): each user must
# link their own ChatBet account; without one there is no balance and no betting.
CHATBET_SHARED_ACCOUNT = env.bool("CHATBET_SHARED_ACCOUNT", default=True)
# --- end ChatBet API

# --- Auth, i18n, static ---------------------------------------------------------------------
# django-axes throttles password logins (/accounts/login, /admin/login, the JWT token endpoint)
# per client address, as chatbet_site.proxies settles it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env.str("LOGIN_FAILURE_LIMIT", default="") or 5)
AXES_COOLOFF_TIME = timedelta(minutes=float(env.str("LOGIN_LOCKOUT_MINUTES", default="") or 15))
# Per address only: locking a username would let anyone lock its owner out.
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "chatbet_site.proxies.request_client_ip"
AXES_RESET_ON_SUCCESS = True
# A locked-out browser gets a page of ours (translated, the layout of the sign-in page), not axes' plain text.
AXES_LOCKOUT_CALLABLE = "chatbet_site.lockout.lockout_response"
# No usernames or addresses in the logs, and no table of every login's address and browser.
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español"), ("pt-br", "Português")]
# Catalogs: locale/<lang>/LC_MESSAGES/django.po (pages, forms, API errors) and djangojs.po (the
# chat page's scripts), compiled to .mo (committed; `make run`/`make test` recompile them).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"] if (BASE_DIR / "static").is_dir() else []
WHITENOISE_USE_FINDERS = True

# --- REST -----------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "conversations.apis.authentication.SessionJWTAuthentication",
        "conversations.apis.authentication.GuestTokenAuthentication",
        "conversations.apis.authentication.BrowserSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["conversations.apis.authentication.IdentityRateThrottle"],
    # REMOTE_ADDR is already the client (chatbet_site.proxies); DRF must not read X-Forwarded-For.
    "NUM_PROXIES": 0,
    "DEFAULT_THROTTLE_RATES": {
        "api": env.str("API_RATE_LIMIT", default="") or "240/min",
        "chat": env.str("CHAT_RATE_LIMIT", default="") or "30/min",
    },
    "EXCEPTION_HANDLER": "conversations.apis.common.api_exception_handler",
    "DEFAULT_PARSER_CLASSES": [
        "chatbet_site.inputs.CheckedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# A mobile guest's token stops working after this many days (or when revoked at logout).
GUEST_TOKEN_MAX_AGE = int(float(env.str("GUEST_TOKEN_DAYS", default="") or 90) * 86_400)
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=15),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=14),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ChatBet API",
    "DESCRIPTION": "Conversational sports-betting assistant: chat, sports data and betting.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "conversations.apis.schema.add_error_responses",
    ],
}

# --- Logging --------------------------------------------------------------------------------
# json: one object per line with the correlation id (chatbet_site.logging); plain: for a terminal.
LOG_LEVEL = (env.str("LOG_LEVEL", default="") or "INFO").upper()
LOG_FORMAT = (env.str("LOG_FORMAT", default="") or ("plain" if DEBUG else "json")).lower()
if LOG_FORMAT not in ("json", "plain"):
    raise ImproperlyConfigured("LOG_FORMAT must be json or plain.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"correlation": {"()": "chatbet_site.logging.CorrelationFilter"}},
    "formatters": {
        "plain": {"()": "chatbet_site.logging.PlainFormatter"},
        "json": {"()": "chatbet_site.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["correlation"],
            "stream": sys.stderr,
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "google_genai.models": {"level": "WARNING"},
        "httpx": {"level": "WARNING"},
        "httpx2": {"level": "WARNING"},
        "daphne": {"level": "WARNING" if LOG_LEVEL == "INFO" else LOG_LEVEL},
    },
}

# --- HTTPS and cookies: HTTPS-only when DEBUG is off; plain-HTTP runs switch these off ---------
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Probes and scrapes come over plain HTTP from inside the host or cluster.
SECURE_REDIRECT_EXEMPT = [r"^health/", r"^metrics$"]
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # the chat page's script reads the token to send it back
SECURE_HSTS_SECONDS = int(env.str("SECURE_HSTS_SECONDS", default="") or (0 if DEBUG else 31_536_000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# "HTTP_X_FORWARDED_PROTO,https" when TLS ends at a proxy; chatbet_site.proxies drops the header
# unless a trusted proxy sent it, so a client cannot claim HTTPS.
_proxy_ssl_header = [part.strip() for part in env.str("SECURE_PROXY_SSL_HEADER", default="").split(",")]
SECURE_PROXY_SSL_HEADER = (
    (_proxy_ssl_header[0], _proxy_ssl_header[1])
    if len(_proxy_ssl_header) == 2 and all(_proxy_ssl_header)
    else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a commitment only the domain's owner can make (hstspreload.org submission);
    # SECURE_HSTS_PRELOAD=true turns it on.
    "security.W021",
]
# django-cors-headers applies CORS_ALLOWED_ORIGINS to the API only.
CORS_URLS_REGEX = r"^/api/.*$"

# --- Chat transport (conversations.streaming / consumers / ratelimit; docs/websocket.md) ------
# Replay buffer of a streamed reply, kept this many seconds after its last event.
CHAT_STREAM_BUFFER_TTL = env.int("CHAT_STREAM_BUFFER_TTL", default=600)
# A pause after each streamed chunk; 0 in production, raised by tests to get a slow stream.
CHAT_STREAM_CHUNK_DELAY_MS = env.int("CHAT_STREAM_CHUNK_DELAY_MS", default=0)
# Per identity: user messages (and regenerations) per window, and all frames per window.
CHAT_RATE_MESSAGES = env.int("CHAT_RATE_MESSAGES", default=20)
CHAT_RATE_FRAMES = env.int("CHAT_RATE_FRAMES", default=120)
CHAT_RATE_WINDOW_S = env.int("CHAT_RATE_WINDOW_S", default=10)
CHAT_MAX_FRAME_CHARS = env.int("CHAT_MAX_FRAME_CHARS", default=16384)
# daphne runs the event loop (every socket) and Django's one ORM thread in one process; Python
# hands the GIL between them every 5 ms by default, so a busy ORM thread holds sockets back by up
# to 5 ms per hand-off. A shorter interval keeps the loop responsive (set in asgi.py; 0 = Python's).
ASGI_GIL_SWITCH_INTERVAL_MS = float(env.str("ASGI_GIL_SWITCH_INTERVAL_MS", default="") or 1.0)
# --- end Chat transport

# --- Observability (chatbet_site.metrics / middleware / logging; docs in the README) ---------
INSTALLED_APPS += ["django_prometheus"]
MIDDLEWARE.insert(1, "django_prometheus.middleware.PrometheusBeforeMiddleware")
MIDDLEWARE.append("django_prometheus.middleware.PrometheusAfterMiddleware")
# /metrics answers only when enabled, and then to the bearer token or the listed client addresses.
METRICS_ENABLED = env.bool("METRICS_ENABLED", default=False)
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
METRICS_ALLOWED_IPS = env.list("METRICS_ALLOWED_IPS", default=["127.0.0.1", "::1"])
# Seconds after which a kind of sports data counts as stale in /health/ready (reported only).
# Overrides as SYNC_STALE_AFTER=odds=900,fixtures=25200.
SYNC_STALE_AFTER = {"tournaments": 2 * 86_400, "fixtures": 7 * 3_600, "odds": 10 * 60}
for _item in filter(None, env.str("SYNC_STALE_AFTER", default="").split(",")):
    _kind, _, _seconds = _item.partition("=")
    SYNC_STALE_AFTER[_kind.strip()] = int(_seconds)
# Conversations idle longer than this many days are deleted by a daily job; 0 keeps them forever.
CONVERSATION_RETENTION_DAYS = int(env.str("CONVERSATION_RETENTION_DAYS", default="") or 365)
# Django's LOGGING (JSON with correlation ids) applies in Celery workers too.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# --- end Observability
