"""django_tasks_db's `db_worker`, beating a heartbeat for /readyz while it runs."""

import logging
import os
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from portal.models import Heartbeat

logger = logging.getLogger(__name__)


def beat_until(stopped, process, every):
    """Beat `process` now and every `every` seconds until `stopped` is set; a failed beat is logged and retried."""
    try:
        while True:
            close_old_connections()  # a connection broken by a database restart is replaced
            try:
                Heartbeat.beat(process)
            except Exception:
                logger.exception("Heartbeat %s failed", process)
            if stopped.wait(every):
                return
    finally:
        connection.close()  # this thread's own connection, which nothing else would close


class Command(db_worker.Command):
    help = (
        "Run the task worker (db_worker, same options) at a lower CPU priority (WORKER_NICENESS), beating a "
        "heartbeat every WORKER_HEARTBEAT_SECONDS."
    )

    def handle(self, *args, **options):
        if options["reload"] and not options["batch"] and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            return super().handle(*args, **options)  # the reloader's parent runs no tasks; its child beats
        if settings.WORKER_NICENESS:
            os.nice(settings.WORKER_NICENESS)  # settings.py says why
        process = f"worker:{options['worker_id']}"
        stopped = threading.Event()
        beating = threading.Thread(
            target=beat_until, args=(stopped, process, settings.WORKER_HEARTBEAT_SECONDS), daemon=True
        )
        beating.start()
        try:
            return super().handle(*args, **options)
        finally:
            # db_worker leaves by SystemExit on SIGTERM/SIGINT.
            stopped.set()
            beating.join()
            Heartbeat.end(process)
