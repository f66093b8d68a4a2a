"""Settings for a `manage.py` subprocess of a test: the test settings with the production database queue."""

from tests.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
