"""Data seeded once for all of a module's tests, when seeding takes seconds and the tests only read it."""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def kept_for_the_module(django_db_blocker):
    """Seed inside this block in a module-scoped fixture, then yield.

    Each test still runs in a transaction of its own (its `db` fixture's savepoint inside this one), so what a
    test changes is gone for the next; the seed itself is rolled back after the module's last test.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
