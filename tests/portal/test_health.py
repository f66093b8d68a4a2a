"""/healthz and /readyz: what a load balancer and monitoring see."""

from datetime import timedelta

import pytest
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from portal.models import Heartbeat
from tests.aid_requests.factories import HouseholdFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings):
    """A deployment with `manage.py db_worker` and the scheduler, which /readyz then asks about."""
    settings.TASKS_BACKEND = "database"
    settings.READYZ_WORKER_MAX_AGE_SECONDS = 60
    settings.READYZ_SCHEDULER_MAX_AGE_SECONDS = 120


def _beat(process, seconds_ago):
    Heartbeat.objects.create(process=process, beat_at=timezone.now() - timedelta(seconds=seconds_ago))


def test_healthz_answers_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {}}


def test_readyz_answers_json_whatever_the_accept_header(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get("/readyz", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "migrations": "ok"}}


@pytest.mark.parametrize("url", ["/healthz", "/readyz"])
def test_it_is_never_cached_and_sets_no_cookie(client, url):
    response = client.get(url)
    assert "no-store" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


def test_readyz_is_unavailable_without_a_worker(client, database_queue):
    _beat("scheduler", 5)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["worker"] == "no heartbeat"


def test_readyz_is_unavailable_once_the_newest_worker_beat_is_too_old(client, database_queue):
    _beat("scheduler", 5)
    _beat("worker:web-1:41", 90)
    _beat("worker:web-2:77", 312)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"] in ("no heartbeat for 90 s", "no heartbeat for 91 s")


def test_readyz_is_ready_when_worker_and_scheduler_beat(client, database_queue, django_assert_max_num_queries):
    _beat("worker:web-1:41", 50)
    _beat("worker:web-2:77", 5000)
    _beat("scheduler", 110)
    with django_assert_max_num_queries(6):
        response = client.get("/readyz")
    assert response.status_code == 200
    checks = response.json()["checks"]
    assert checks == {"database": "ok", "cache": "ok", "migrations": "ok", "worker": "ok", "scheduler": "ok"}


def test_readyz_is_unavailable_once_the_scheduler_stops_ticking(client, database_queue):
    _beat("worker:web-1:41", 5)
    _beat("scheduler", 130)
    response = client.get("/readyz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["scheduler"] in ("no heartbeat for 130 s", "no heartbeat for 131 s")
    assert [name for name, status in checks.items() if status != "ok"] == ["scheduler"]


def test_readyz_is_unavailable_until_migrate_has_run(client):
    MigrationRecorder.Migration.objects.filter(app="portal").latest("id").delete()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "unapplied migrations: 1"


def test_readyz_is_unavailable_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] != "ok"
    assert response.json()["checks"]["database"] == "ok"


@pytest.mark.parametrize("url", ["/healthz", "/readyz"])
def test_a_load_balancer_may_probe_over_plain_http(client, settings, url):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(url).status_code == 200
    assert client.get("/").status_code == 301


def test_readyz_names_no_family_and_no_process(client, database_queue):
    HouseholdFactory(email="maria.example-family@example.org")
    _beat("worker:web-1:41", 5000)
    body = client.get("/readyz").content.decode()
    assert "maria" not in body
    assert "web-1" not in body
