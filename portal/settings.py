"""Settings for the Connection Center portal.

Every value a deployment changes comes from the environment (see the table in
README.md). Defaults are safe for a developer's machine; production (DEBUG off)
refuses to start without a real SECRET_KEY.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_choice, env_database, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Environment variable SECRET_KEY is required when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-used-when-DEBUG-is-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "resources",
    "aid_requests",
    "holiday_drive",
    "referrals",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
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
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "import_export",
    "formtools",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
]

MIDDLEWARE = [
    "portal.logs.RequestIdMiddleware",  # first: its id and its one line per request cover every answer
    "portal.deployment.ProxyCountMiddleware",  # warns once when TRUSTED_PROXY_COUNT misses the proxies
    "portal.page_cache.ContentVersionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.family_sessions.FamilySessionMiddleware",  # after auth: it asks whether the visitor signed in
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.security.ContentSecurityPolicyMiddleware",
    "portal.security.PermissionsPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.second_factor.SecondFactorMiddleware",  # before any page with family data
    "portal.middleware.AdminAccessMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.alerts",
                "portal.context_processors.content_version",
                "portal.context_processors.partner_portal",
                "portal.context_processors.referrals_area",
            ],
        },
    },
    # Plain text (the .txt half of emails, text messages) is not HTML: nothing escaped, so D'Andre stays D'Andre.
    {
        "NAME": "plain_text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

FORM_RENDERER = "portal.forms.FormRenderer"

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # Shared by every app server: rate limits and cached fragments must be the same for all processes.
    CACHES = {"default": {"BACKEND": "portal.redis_cache.KeptClientsRedisCache", "LOCATION": REDIS_URL}}
    # Sessions too: each step of a family's form read and rewrote its database row (four queries a page at the
    # opening rush). Redis outlives app restarts and keeps its data over its own (README, "What you need"); a
    # family's form lives an hour at most (portal/family_sessions.py). Without Redis they stay in the database.
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# What every page reads again (the lists of portal.page_cache.reference, the footer), also kept in each process's
# memory: their keys hold the content version, so a change is read at once all the same, without a round trip.
CACHES["local"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "local",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}

# Accounts: the email address is the login; allauth owns every login page.
AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, written out so that they are visibly on.
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
    "reset_password_from_key": "20/m/ip",
    "signup": "20/m/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "confirm_email": "1/3m/key",
}
ACCOUNT_ADAPTER = "portal.accounts.AccountAdapter"  # failed logins counted per address and account together
MFA_ADAPTER = "portal.accounts.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Connection Center"
# Everyone who sees family data (staff, holiday staff, partner agencies) signs in with a code from an
# authenticator app (portal/second_factor.py). They may put off setting it up for this many days after the
# site first asks; their sessions end after this many minutes without a request.
SECOND_FACTOR_GRACE_DAYS = env_int("SECOND_FACTOR_GRACE_DAYS", 0)
SECOND_FACTOR_IDLE_MINUTES = env_int("SECOND_FACTOR_IDLE_MINUTES", 30)
# Behind a proxy the client's address is in X-Forwarded-For; rate limits need the real one.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Wagtail
WAGTAIL_SITE_NAME = "Connection Center"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_RESET_ENABLED = False  # one door: allauth resets passwords
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # the site works on a closed network
# Wagtail's database backend, reading only the words of a query: a typed quote or NUL is never syntax (issue 19).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search_backend"}}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]

# Spreadsheets: portal/spreadsheets.py neutralises formula-looking values in every export (the one rule).
# import-export's own IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT stays off: it turns every number into text and
# only drops a leading "=", so a report's figures would stop adding up in a spreadsheet.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False
IMPORT_EXPORT_ESCAPE_ILLEGAL_CHARS_ON_EXPORT = True  # a control character typed in a form never breaks an XLSX

# Background work: immediate in development and tests, a database queue plus
# `manage.py db_worker` in production.
TASKS_BACKEND = env_choice("TASKS_BACKEND", "immediate", {"immediate", "database"})
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND]
    }
}

# Scheduled jobs (portal/schedule.py), enqueued by `manage.py run_scheduler` every tick and run by
# `manage.py run_worker`, which beats its heartbeat this often. A failed job is tried this many times
# in all before staff get one email about it.
SCHEDULER_TICK_SECONDS = env_int("SCHEDULER_TICK_SECONDS", 30)
WORKER_HEARTBEAT_SECONDS = env_int("WORKER_HEARTBEAT_SECONDS", 15)
# The task worker yields the CPU to the web processes when both want it (nice(2)): on a shared machine a family's
# page comes before an email about it, which the worker sends once the rush eases. 0 keeps the same priority.
WORKER_NICENESS = env_int("WORKER_NICENESS", 10, minimum=0, maximum=19)  # raising priority needs root
SCHEDULED_JOB_ATTEMPTS = env_int("SCHEDULED_JOB_ATTEMPTS", 3)

# Retention (aid_requests/privacy.py): the nightly job anonymises households whose last request or
# registration closed this many months ago; 0 turns the job off. The README says what to weigh.
RETENTION_MONTHS = env_int("RETENTION_MONTHS", 36)
if RETENTION_MONTHS < 0:
    raise ImproperlyConfigured(f"RETENTION_MONTHS={RETENTION_MONTHS}: expected 0 (off) or a number of months")

# Hours a partner agency has to accept or decline an offer, unless its profile sets its own.
OFFER_RESPONSE_HOURS = env_int("OFFER_RESPONSE_HOURS", 48)
# How long the link a referred family gets to confirm (or decline) works.
REFERRAL_LINK_DAYS = env_int("REFERRAL_LINK_DAYS", 14)

# Listings (Inform USA asks for a yearly review): agencies are asked to check a program this many months
# after its last check, reminded at LISTING_REMINDER_MONTHS, and families are warned after LISTING_STALE_MONTHS.
LISTING_REVIEW_DUE_MONTHS = env_int("LISTING_REVIEW_DUE_MONTHS", 11)
LISTING_REMINDER_MONTHS = env_int("LISTING_REMINDER_MONTHS", 12)
LISTING_STALE_MONTHS = env_int("LISTING_STALE_MONTHS", 15)
# "Something wrong?" reports one client address may send in an hour.
PROBLEM_REPORTS_PER_HOUR = env_int("PROBLEM_REPORTS_PER_HOUR", 5)
# Days after a partner agency accepts a request before the admin dashboard lists it as not yet fulfilled.
ACCEPTED_UNFULFILLED_DAYS = env_int("ACCEPTED_UNFULFILLED_DAYS", 14)

# Form steps one client may post to the holiday registration in a minute: a family needs four or
# five, a school office registering families needs more, and the bench's opening rush far more.
HOLIDAY_REGISTER_POSTS_PER_MINUTE = env_int("HOLIDAY_REGISTER_POSTS_PER_MINUTE", 30)

# Geocoding: the offline ZIP geocoder unless a deployment names a geopy class.
GEOCODER = env_str("GEOCODER", "resources.geo.ZipGeocoder")
GEOCODER_USER_AGENT = env_str("GEOCODER_USER_AGENT", "connection-center")

# Email: SMTP when EMAIL_HOST is set, else one file per email in EMAIL_FILE_PATH, else the console in
# development. With DEBUG off an email is never printed: it holds a family's name and phone, and the
# console is the log. Without either, production drops emails and says so as each process starts
# (portal/apps.py); refusing to start would also stop builds and commands that send nothing.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
elif EMAIL_FILE_PATH:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Connection Center <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Text messages to families who chose them (portal/sms/): printed on the console in development, kept
# in memory in tests, sent by Twilio in production. Without Twilio credentials production sends no text
# and each family gets its notice by email instead, when it gave one.
SMS_BACKEND = env_str(
    "SMS_BACKEND",
    "portal.sms.backends.console.TextBackend" if DEBUG else "portal.sms.backends.disabled.TextBackend",
)
TWILIO_ACCOUNT_SID = env_str("TWILIO_ACCOUNT_SID")
TWILIO_AUTH_TOKEN = env_str("TWILIO_AUTH_TOKEN")
TWILIO_FROM = env_str("TWILIO_FROM")
TWILIO_MESSAGING_SERVICE_SID = env_str("TWILIO_MESSAGING_SERVICE_SID")
# Tries of a text the provider could not take for now, a few minutes apart with the database queue.
SMS_SEND_ATTEMPTS = env_int("SMS_SEND_ATTEMPTS", 4)
# Replies and delivery reports one provider address may post to /texts/ in a minute.
SMS_WEBHOOK_POSTS_PER_MINUTE = env_int("SMS_WEBHOOK_POSTS_PER_MINUTE", 600)
# Phone numbers typed without a country code are read as numbers of this country (ISO 3166 code).
PHONE_REGION = env_str("PHONE_REGION", "US")

# Languages: English and Spanish, chosen by a page's URL (/es/...), else by the switcher (a cookie, and the
# signed-in person's profile) or the browser.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
# Pages are translated in Wagtail (simple_translation): Spanish pages live under /es/, the default
# language's keep their URLs without a prefix (see portal/urls.py).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Backups (`manage.py backup`, README "Backups"): the database plus MEDIA_ROOT. Without BACKUP_DIR,
# `backup` writes to backups/ in the checkout and the nightly job does nothing. After each backup the
# newest one per day, ISO week and month is kept, this many of each (all three 0 keeps everything).
BACKUP_DIR = env_str("BACKUP_DIR")
BACKUP_KEEP_DAILY = env_int("BACKUP_KEEP_DAILY", 14)
BACKUP_KEEP_WEEKLY = env_int("BACKUP_KEEP_WEEKLY", 8)
BACKUP_KEEP_MONTHLY = env_int("BACKUP_KEEP_MONTHLY", 12)

# Security: strict unless DEBUG. TLS ends at the proxy, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views opt back in to SAMEORIGIN themselves
# Messages ("Your request CC-7K3F-9QX2 is withdrawn", "Signed in as ...") live in the server-side session, not
# in a signed but readable cookie; anonymous sessions holding a family's data end with the browser and within
# an hour (portal/family_sessions.py).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
# Every cookie says SameSite (Django leaves the language cookie without it).
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = LANGUAGE_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (portal/security.py, django-csp): the public pages load only the site's own styles,
# images and (for editors) the Wagtail userbar's scripts; no inline script or style, so a script slipped into
# a page runs nowhere. Videos and maps editors embed play in frames from these hosts only.
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.openstreetmap.org",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *EMBED_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (/admin/ only) runs inline scripts and styles of its own, shows uploaded images as data: and
# blob: previews while uploading, and frames its own page previews.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": CONTENT_SECURITY_POLICY["DIRECTIVES"]
    | {
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "frame-ancestors": ["'self'"],
    }
}
# Permissions-Policy: features no page uses, turned off for the site and everything it embeds.
PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "camera",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]
# /.well-known/security.txt: where to report a security problem, e.g. security@district.org or a web address.
SECURITY_CONTACT = env_str("SECURITY_CONTACT")

# Health checks (portal/health.py): /healthz and /readyz answer load balancers over plain HTTP too, which
# probe the app servers directly (ALLOWED_HOSTS still applies). With TASKS_BACKEND=database, /readyz
# answers 503 once the newest worker heartbeat or the scheduler's tick is older than these.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
READYZ_WORKER_MAX_AGE_SECONDS = env_int("READYZ_WORKER_MAX_AGE_SECONDS", 60)
READYZ_SCHEDULER_MAX_AGE_SECONDS = env_int("READYZ_SCHEDULER_MAX_AGE_SECONDS", 120)

# Logs (portal/logs.py): with DEBUG off one JSON object a line on standard error (standard output stays
# for commands' own output), with a request id on every line and nothing personal in any. LOG_LEVEL is the
# root level; portal.request logs its one INFO line per request whatever it is: that line is the access log
# (gunicorn's own is off: it would write query strings and referers). django.request stays at ERROR, as
# portal.request already shows every 4xx. A failing /readyz answers the probe with the failing check's name:
# it logs no traceback (health_check at ERROR) and no django.request error, or a load balancer probing every
# few seconds would fill the log. Errors also go to Sentry when SENTRY_DSN is set (portal/sentry.py).
LOG_LEVEL = env_choice("LOG_LEVEL", "WARNING", {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"})
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "portal.logs.RequestIdFilter"},
        "redact": {"()": "portal.logs.RedactFilter"},
        "quiet_probes": {"()": "portal.logs.QuietProbeFilter"},
    },
    "formatters": {
        "json": {"()": "portal.logs.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain" if DEBUG else "json",
            "filters": ["request_id", "redact"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False, "filters": ["quiet_probes"]},
        "health_check": {"level": "ERROR"},
        "portal.request": {"level": "INFO"},
    },
}

SENTRY_DSN = env_str("SENTRY_DSN")
SENTRY_ENVIRONMENT = env_str("SENTRY_ENVIRONMENT", "production")
SENTRY_TRACES_SAMPLE_RATE = env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0)
if SENTRY_DSN:
    from portal.sentry import init_sentry

    init_sentry(SENTRY_DSN, environment=SENTRY_ENVIRONMENT, traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE)
