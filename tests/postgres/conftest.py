"""Concurrency is proven on PostgreSQL with parallel clients; SQLite runs one writer at a time. What only
PostgreSQL has (its own search index) is tested here too.

The tests here are collected only when DATABASE_URL names PostgreSQL, so the SQLite run
of `make test` leaves them out instead of skipping them; `.ci/run` runs both databases.
"""

import os

import pytest
from django.apps import apps

from portal.roles import ensure_groups
from resources.taxonomy import ensure_reference_data

if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture
def reference_data(transactional_db):
    """What migrations put in the database; an earlier transactional test may have flushed it."""
    ensure_groups(apps)
    ensure_reference_data(apps)
