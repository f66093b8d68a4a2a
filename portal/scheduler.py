"""The scheduler's tick: enqueue each job of portal/schedule.py that fell due, once however many
schedulers run, follow up the runs still queued, and tell staff about a job that failed every attempt.

A run's ScheduledRun row is its claim (unique per job and time), inserted in the same transaction
as the enqueue: with the database queue both are rows of one database, so a job is queued exactly
when its claim is. Cron times are read on the office's clock and stored in UTC.
"""

import logging
import os
import socket
from datetime import UTC, timedelta

from cronsim import CronSim
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from portal.models import Heartbeat, ScheduledRun
from portal.roles import STAFF
from portal.schedule import JOBS

logger = logging.getLogger(__name__)

HEARTBEAT = "scheduler"
CLAIMANT = f"{socket.gethostname()}:{os.getpid()}"[:150]


def tick(now=None, jobs=JOBS):
    """One pass of the scheduler; returns the runs it enqueued. One job's error does not stop the others."""
    now = now or timezone.now()
    enqueued = []
    for job in jobs:
        if job.is_enabled:
            run = _guarded(enqueue_if_due, job, now)
            enqueued += [run] if run else []
    by_name = {job.name: job for job in jobs}
    for run in ScheduledRun.objects.filter(outcome=ScheduledRun.Outcome.QUEUED, job__in=by_name):
        _guarded(follow_up, by_name[run.job], run)
    Heartbeat.beat(HEARTBEAT)
    return enqueued


def _guarded(function, job, *args):
    try:
        return function(job, *args)
    except Exception:
        logger.exception("Scheduled job %s: the scheduler failed to handle it; trying again next tick", job.name)


def due_time(job, now, last_run_at):
    """The latest fire time of `job` at or before `now` after its last run (in UTC), or None.

    However many fire times were missed while no scheduler ran, only the latest counts. A job that
    never ran counts only a fire time within the last two ticks, so a fresh install runs nothing old.
    """
    since = last_run_at or now - timedelta(seconds=2 * settings.SCHEDULER_TICK_SECONDS)
    # Reverse iteration yields times strictly before its start: one second after `now` includes `now`.
    start = (now.replace(microsecond=0) + timedelta(seconds=1)).astimezone(timezone.get_default_timezone())
    fire_time = next(CronSim(job.cron, start, reverse=True))
    return fire_time.astimezone(UTC) if fire_time > since else None


def next_time(job, now):
    """The next fire time of `job` after `now`, on the office's clock."""
    return next(CronSim(job.cron, now.astimezone(timezone.get_default_timezone())))


def enqueue_if_due(job, now):
    """Claim and enqueue the job's due run; returns the run, or None if none is due or another scheduler has it."""
    last_run_at = ScheduledRun.objects.filter(job=job.name).order_by("-run_at").values_list("run_at", flat=True)
    run_at = due_time(job, now, last_run_at.first())
    if run_at is None:
        return None
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(job=job.name, run_at=run_at, claimed_by=CLAIMANT)
            logger.info("Scheduled job %s: enqueued the run due at %s", job.name, run_at.isoformat())
            _settle(job, run, job.task.enqueue())
    except IntegrityError:
        return None  # another scheduler claimed this run first
    return run


def follow_up(job, run):
    """Record the outcome of a queued run's task once it has finished; a failure is tried again."""
    if not job.task.get_backend().supports_get_result:
        return  # the immediate backend's results are final at enqueue time, and recorded then
    unfinished = (TaskResultStatus.READY, TaskResultStatus.RUNNING)
    with transaction.atomic():
        locked = ScheduledRun.objects.select_for_update(skip_locked=True)
        run = locked.filter(pk=run.pk, outcome=ScheduledRun.Outcome.QUEUED).first()
        if run is None:
            return  # another scheduler is at it, or has just done it
        try:
            result = job.task.get_result(run.task_result_id)
        except TaskResultDoesNotExist:  # deleted from the queue before it ran: try again
            _retry_or_fail(job, run)
        else:
            if result.status not in unfinished:
                _settle(job, run, result)


def _settle(job, run, result):
    """Save what `result`, the current attempt's task result, says of the run."""
    run.task_result_id = str(result.id)
    if result.status == TaskResultStatus.SUCCESSFUL:
        run.outcome = ScheduledRun.Outcome.SUCCEEDED
    elif result.status == TaskResultStatus.FAILED:
        return _retry_or_fail(job, run)
    run.save()


def _retry_or_fail(job, run):
    if run.attempts < settings.SCHEDULED_JOB_ATTEMPTS:
        run.attempts += 1
        logger.warning(
            "Scheduled job %s failed; attempt %d of %d", job.name, run.attempts, settings.SCHEDULED_JOB_ATTEMPTS
        )
        return _settle(job, run, job.task.enqueue())
    run.outcome = ScheduledRun.Outcome.FAILED
    run.reported_at = timezone.now()
    run.save()
    report_failure(run)


def report_failure(run):
    """Tell staff, once, that a job failed every attempt: the job and the run's time only (the task
    worker's log holds the error, which may quote personal data)."""
    when = f"{timezone.localtime(run.run_at):%Y-%m-%d %H:%M %Z}"
    logger.error("Scheduled job %s due at %s failed after %d attempts", run.job, when, run.attempts)
    staff = get_user_model().objects.filter(groups__name=STAFF, is_active=True).exclude(email="")
    recipients = list(staff.values_list("email", flat=True))
    if recipients:
        subject = _("Scheduled job %(job)s failed") % {"job": run.job}
        body = _(
            "The scheduled job %(job)s due at %(time)s failed every attempt. "
            "Please ask whoever runs the site's servers to look at the task worker's log."
        ) % {"job": run.job, "time": when}
        send_mail(subject, body, None, recipients)
