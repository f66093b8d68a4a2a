"""The Redis cache keeps its client: one per server, not one per call (needs Redis at 127.0.0.1:6379)."""

import uuid

import pytest

from portal.redis_cache import KeptClientsRedisCache


@pytest.fixture
def redis_cache():
    cache = KeptClientsRedisCache("redis://127.0.0.1:6379/10", {"KEY_PREFIX": f"test-{uuid.uuid4()}"})
    try:
        cache.get("probe")
    except Exception:  # noqa: BLE001 - any connection error means no server here
        pytest.skip("no Redis at 127.0.0.1:6379")
    return cache


def test_it_stores_reads_counts_and_forgets_like_django_s(redis_cache):
    redis_cache.set("limit", 1, 60)
    assert redis_cache.incr("limit") == 2 and redis_cache.get("limit") == 2
    redis_cache.delete("limit")
    assert redis_cache.get("limit") is None


def test_every_call_uses_the_same_client(redis_cache):
    client = redis_cache._cache.get_client(write=True)
    redis_cache.set("a", 1, 60)
    assert redis_cache._cache.get_client() is client and redis_cache._cache.get_client(write=True) is client
