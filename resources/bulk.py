"""Writing many records at once (imports) without queuing their follow-up work once per save.

Saving one agency or program queues work: geocoding (resources/signals.py), and
Wagtail's search and reference indexing. An import of thousands of rows collects that
work while it saves and queues it once, in batches, when the transaction commits:
indexing a batch refreshes the SQLite search index's statistics once instead of once
per object, which otherwise makes a large import slow down as it grows.
"""

from collections import defaultdict, namedtuple
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.db import transaction
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.backends.dummy import DummyBackend
from modelsearch.tasks import insert_or_update_object_task

BATCH_SIZE = 500  # ids per queued task: small task rows, and well under SQLite's limit of query parameters

_geocoding_deferred = ContextVar("geocoding_deferred", default=False)


@contextmanager
def geocoding_deferred():
    """Saves in this block queue no geocoding: the import queues one task per batch instead."""
    token = _geocoding_deferred.set(True)
    try:
        yield
    finally:
        _geocoding_deferred.reset(token)


def is_geocoding_deferred():
    return _geocoding_deferred.get()


def queue_in_batches(task, *args, ids):
    """Queue `task(*args, batch)` for each batch of `ids` once the current transaction commits."""
    ids = list(ids)
    for start in range(0, len(ids), BATCH_SIZE):
        transaction.on_commit(partial(task.enqueue, *args, ids[start : start + BATCH_SIZE]))


Queued = namedtuple("Queued", "task args kwargs")


class _Collector(DummyBackend):
    """Keeps what is queued as the dummy backend does, without making a full task result of each: an import of
    10,000 programs queues 10,000 (about 0.4 ms of CPU each for its random id, dataclass and signal)."""

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        self.results.append(Queued(task, args, kwargs))


@contextmanager
def tasks_collected(into):
    """Tasks queued in this block, in this thread only, are appended to `into` as (task, args, kwargs) instead of
    being run or queued."""
    original = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    collector = _Collector(alias=DEFAULT_TASK_BACKEND_ALIAS, params={})
    collector.results = into
    task_backends[DEFAULT_TASK_BACKEND_ALIAS] = collector  # a per-thread (and per-async-context) setting
    try:
        yield
    finally:
        task_backends[DEFAULT_TASK_BACKEND_ALIAS] = original


def queue_collected(results):
    """Queue collected tasks after commit, each distinct one once, search indexing in batches."""
    from resources.tasks import index_objects

    to_index = defaultdict(set)
    distinct = {}
    for result in results:
        if result.task.func is insert_or_update_object_task.func:
            app_label, model_name, pk = result.args
            to_index[app_label, model_name].add(pk)
        else:
            distinct.setdefault((result.task.module_path, repr(result.args), repr(result.kwargs)), result)
    calls = [(result.task, result.args, result.kwargs) for result in distinct.values()]
    for (app_label, model_name), pks in to_index.items():
        pks = sorted(pks)
        calls += [
            (index_objects, (app_label, model_name, pks[start : start + BATCH_SIZE]), {})
            for start in range(0, len(pks), BATCH_SIZE)
        ]
    transaction.on_commit(partial(_enqueue_all, calls))


def _enqueue_all(calls):
    # One transaction: a task queue stores them in one commit; the immediate backend runs them in it.
    with transaction.atomic():
        for task, args, kwargs in calls:
            task.enqueue(*args, **kwargs)
