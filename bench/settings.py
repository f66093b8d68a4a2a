"""Settings for `make bench`: production settings on a database of the bench's own.

Without DATABASE_URL the bench uses bench/bench.sqlite3, never the development
db.sqlite3; with it, whatever database it names (create it first).
"""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-used-anywhere-else")

from portal.settings import *  # noqa: E402, F403

if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "bench" / "bench.sqlite3"}}  # noqa: F405

DEBUG = False  # as in production: no query log, no debug pages
ALLOWED_HOSTS = ["testserver", "localhost"]  # django.test.Client's host
SECURE_SSL_REDIRECT = False
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
if not os.environ.get("TASKS_BACKEND"):  # the opening rush queues them for a worker, as production does
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
GEOCODER = "resources.geo.ZipGeocoder"
WHITENOISE_AUTOREFRESH = True  # serve static files from the app folders, no collectstatic
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the demo requests send email: keep them quiet

# The opening rush (bench/holiday_rush.py) sends real HTTP requests to gunicorn on loopback, over plain HTTP:
# its address must be an allowed host, and its clients must get back the cookies they were given.
ALLOWED_HOSTS += ["127.0.0.1"]  # noqa: F405
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False

ROOT_URLCONF = "bench.urls"  # the site's URLs and a bare view for the HTTP figures (bench/http_pages.py)
