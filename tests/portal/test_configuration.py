"""Start-up checks, run as a deployment would run them: a fresh process with its own environment."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k3J9x!vQ2rT8mZ5pL0wY7nB4cF6hD1sG_aE3uI9oP2qW5eR8tY1u",
    "ALLOWED_HOSTS": "help.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/10",  # without it, check warns that rate limits are per process
    "DJANGO_SETTINGS_MODULE": "portal.settings",
}


def _manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in PRODUCTION}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DATABASE_URL", "not-a-url"),
        ("DEBUG", "maybe"),
        ("EMAIL_PORT", "smtp"),
        ("TASKS_BACKEND", "celery"),
        ("WORKER_NICENESS", "-5"),  # the worker would fail at start: only root may raise its priority
        ("WORKER_NICENESS", "40"),
    ],
)
def test_a_malformed_variable_stops_start_up_naming_it(name, value):
    result = _manage("check", **{**PRODUCTION, name: value})
    assert result.returncode != 0
    assert f"Environment variable {name}={value!r} is malformed" in result.stderr


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


@pytest.mark.parametrize(("redis_url", "engine"), [("redis://127.0.0.1:6379/10", "cache"), ("", "db")])
def test_sessions_live_in_redis_when_there_is_one_else_in_the_database(redis_url, engine):
    """Every app server shares Redis; the per-process memory cache would lose a family's form between workers."""
    show = "from django.conf import settings; print(settings.SESSION_ENGINE)"
    result = _manage("shell", "-c", show, **PRODUCTION | {"REDIS_URL": redis_url})
    assert result.stdout.strip().endswith(f"\ndjango.contrib.sessions.backends.{engine}"), result.stderr
