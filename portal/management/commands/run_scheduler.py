import logging
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from portal import scheduler
from portal.models import Heartbeat

logger = logging.getLogger("portal.scheduler")


class Command(BaseCommand):
    help = (
        "Enqueue the scheduled jobs (portal/schedule.py) as they fall due, every SCHEDULER_TICK_SECONDS, "
        "for the task worker. Several may run: each run is enqueued once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one tick and exit.")

    def handle(self, *args, once, verbosity, **options):
        if verbosity >= 1:
            logger.setLevel(logging.INFO)  # the jobs it enqueues
        if once:
            scheduler.tick()
            return
        stopping = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda signum, frame: stopping.set())
        logger.info("Scheduler started: a tick every %d s", settings.SCHEDULER_TICK_SECONDS)
        try:
            while not stopping.is_set():
                try:
                    scheduler.tick()
                except Exception:  # the database may be down for a while: try again next tick
                    logger.exception("Scheduler tick failed")
                close_old_connections()
                stopping.wait(settings.SCHEDULER_TICK_SECONDS)
        finally:
            Heartbeat.end(scheduler.HEARTBEAT)
            logger.info("Scheduler stopped")
