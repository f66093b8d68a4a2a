"""Concurrency is proven on PostgreSQL with parallel clients; SQLite runs one writer at a time.

The tests here are collected only when DATABASE_URL names PostgreSQL, so the SQLite run
of `make test` leaves them out instead of skipping them; `.ci/run` runs both databases.
"""

import os

if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
    collect_ignore_glob = ["test_*.py"]
