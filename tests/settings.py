"""Test settings: production settings with the few changes tests need."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-used-anywhere-else")

from portal.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
SECURE_SSL_REDIRECT = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
GEOCODER = "resources.geo.ZipGeocoder"
WHITENOISE_AUTOREFRESH = True  # serve static files from the app folders, no collectstatic
# pytest-django switches to locmem too, but only after start-up, where production settings without an email
# server would choose the dummy backend and warn about it.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "portal.sms.backends.locmem.TextBackend"
