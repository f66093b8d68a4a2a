"""A deployment is told when its rate limits would not hold (issue 16): per-process counts, uncounted proxies."""

import logging

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from portal.deployment import ProxyCountMiddleware, rate_limits_are_shared

REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/10"}}


def test_production_without_redis_is_warned_that_limits_are_per_process(settings):
    settings.DEBUG = False
    [warning] = rate_limits_are_shared()
    assert warning.id == "portal.W001" and "REDIS_URL" in warning.hint
    with pytest.raises(SystemCheckError, match="counted separately by each process"):
        call_command("check", "--fail-level", "WARNING")


def test_redis_or_development_needs_no_warning(settings):
    settings.DEBUG = True
    assert rate_limits_are_shared() == []
    settings.DEBUG, settings.CACHES = False, REDIS
    assert rate_limits_are_shared() == []


@pytest.fixture
def proxy_warnings(monkeypatch, caplog, settings):
    settings.DEBUG = False
    monkeypatch.setattr(ProxyCountMiddleware, "warned", False)
    caplog.set_level(logging.WARNING, logger="portal.deployment")
    return lambda: [record.getMessage() for record in caplog.records if record.name == "portal.deployment"]


@pytest.mark.django_db
def test_a_proxy_the_setting_does_not_count_is_logged_once_without_the_address(client, proxy_warnings, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    client.get("/healthz", HTTP_X_FORWARDED_FOR="203.0.113.7")
    client.get("/healthz", HTTP_X_FORWARDED_FOR="203.0.113.8")
    [message] = proxy_warnings()
    assert "TRUSTED_PROXY_COUNT is 0" in message and "203.0.113" not in message


@pytest.mark.django_db
def test_a_count_larger_than_the_proxies_is_logged(client, proxy_warnings, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    client.get("/healthz", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert "TRUSTED_PROXY_COUNT is 2 but a request came through 1 proxies" in proxy_warnings()[0]


@pytest.mark.django_db
def test_a_count_that_matches_and_direct_probes_are_quiet(client, proxy_warnings, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    client.get("/healthz", HTTP_X_FORWARDED_FOR="203.0.113.7")
    client.get("/healthz")  # a load balancer's probe, straight to the app server
    assert proxy_warnings() == []
