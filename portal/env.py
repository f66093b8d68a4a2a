"""Strict readers for environment variables: a malformed value stops start-up
with a message that names the variable, instead of a confusing failure later."""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def _fail(name, value, expected):
    raise ImproperlyConfigured(f"Environment variable {name}={value!r} is malformed: {expected}.")


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in TRUE:
        return True
    if value.strip().lower() in FALSE:
        return False
    _fail(name, value, "expected one of 1, 0, true, false, yes, no, on, off")


def env_int(name, default, *, minimum=None, maximum=None):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        _fail(name, value, "expected a whole number")
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        _fail(name, value, f"expected a whole number from {minimum} to {maximum}")
    return number


def env_float(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return float(value)
    except ValueError:
        _fail(name, value, "expected a number, like 0.25")


def env_list(name, default=()):
    """A comma-separated list; blanks are dropped."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name, default, choices):
    value = os.environ.get(name, default)
    if value not in choices:
        _fail(name, value, "expected one of " + ", ".join(sorted(choices)))
    return value


def env_database(name, default):
    value = os.environ.get(name) or default
    try:
        config = dj_database_url.parse(value, conn_max_age=60, conn_health_checks=True)
    except Exception as error:  # dj-database-url raises several kinds
        _fail(name, value, f"not a database URL ({error})")
    if not config.get("ENGINE") or not config.get("NAME"):
        _fail(name, value, "not a database URL (no engine or name)")
    return config
