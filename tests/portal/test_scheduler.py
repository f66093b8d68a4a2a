"""The scheduler's tick runs each job of portal/schedule.py once per fire time, on the office's clock."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from portal.models import Heartbeat, ScheduledRun
from portal.schedule import JOBS, Job
from portal.scheduler import tick

pytestmark = pytest.mark.django_db
OFFICE = ZoneInfo("America/New_York")


def at(*args):
    """A time on the office's clock."""
    return datetime(*args, tzinfo=OFFICE)


def only(name):
    return [job for job in JOBS if job.name == name]


def ran(job):
    return list(ScheduledRun.objects.filter(job=job).order_by("run_at").values_list("run_at", flat=True))


def test_a_tick_at_a_fire_time_enqueues_each_due_job_once():
    monday_morning = at(2026, 12, 7, 7, 30)
    assert {run.job for run in tick(monday_morning)} == {"expire_offers", "staff_digest"}
    assert tick(monday_morning) == []
    assert ScheduledRun.objects.filter(outcome="succeeded").count() == 2


def test_the_same_time_on_a_saturday_runs_no_staff_digest():
    assert {run.job for run in tick(at(2026, 12, 5, 7, 30))} == {"expire_offers"}


def test_days_missed_while_down_give_one_run_at_the_latest_time():
    ScheduledRun.objects.create(job="pickup_reminders", run_at=at(2026, 12, 1, 10), claimed_by="earlier")
    tick(at(2026, 12, 4, 11, 5), jobs=only("pickup_reminders"))
    assert ran("pickup_reminders") == [at(2026, 12, 1, 10), at(2026, 12, 4, 10)]


def test_a_fresh_install_runs_nothing_old():
    assert tick(at(2026, 12, 4, 10, 5), jobs=only("pickup_reminders")) == []
    assert len(tick(at(2026, 12, 4, 10, 0, 40), jobs=only("pickup_reminders"))) == 1  # within two ticks


def test_the_backup_never_runs_without_a_backup_folder(settings):
    settings.BACKUP_DIR = ""
    assert tick(at(2026, 12, 4, 2, 30), jobs=only("backup")) == []
    assert ran("backup") == []
    settings.BACKUP_DIR = "/srv/backups"
    assert only("backup")[0].is_enabled


def test_ten_in_the_morning_stays_ten_across_the_november_clock_change():
    ScheduledRun.objects.create(job="pickup_reminders", run_at=at(2026, 10, 31, 10), claimed_by="earlier")
    assert tick(datetime(2026, 11, 1, 14, 30, tzinfo=UTC), jobs=only("pickup_reminders")) == []  # 09:30 EST
    tick(datetime(2026, 11, 1, 15, 0, 5, tzinfo=UTC), jobs=only("pickup_reminders"))
    assert ran("pickup_reminders")[-1] == datetime(2026, 11, 1, 15, tzinfo=UTC)  # 10:00 EST


def test_each_tick_beats_the_scheduler_heartbeat():
    assert Heartbeat.latest("scheduler") is None
    tick(at(2026, 12, 4, 11, 5))
    assert Heartbeat.latest("scheduler") is not None


def test_a_job_that_cannot_be_loaded_does_not_stop_the_others():
    jobs = [Job("gone", "*/15 * * * *", "portal.tasks.no_such_task", "Renamed away."), *only("expire_offers")]
    assert [run.job for run in tick(at(2026, 12, 4, 11, 15), jobs=jobs)] == ["expire_offers"]
