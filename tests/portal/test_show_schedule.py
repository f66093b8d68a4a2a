"""`manage.py show_schedule`: each job's next run on the office's clock and how its last run went."""

import re
from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from portal.models import ScheduledRun

pytestmark = pytest.mark.django_db


def line(job):
    out = StringIO()
    call_command("show_schedule", stdout=out)
    return next(text for text in out.getvalue().splitlines() if text.startswith(f"{job} "))


def test_it_shows_the_next_run_in_office_time():
    assert re.search(r"next: \d{4}-\d\d-\d\d 07:30 E[SD]T", line("staff_digest"))
    assert re.search(r"next: \d{4}-\d\d-\d\d 10:00 E[SD]T", line("pickup_reminders"))


def test_it_shows_the_last_run_and_how_it_went():
    run_at = datetime(2026, 12, 3, 10, tzinfo=ZoneInfo("America/New_York"))
    ScheduledRun.objects.create(job="pickup_reminders", run_at=run_at, claimed_by="host:1", outcome="failed")
    assert line("pickup_reminders").endswith("last: 2026-12-03 10:00 EST failed")
    assert line("staff_digest").endswith("last: never")


def test_it_marks_the_backup_disabled_without_a_backup_folder(settings):
    settings.BACKUP_DIR = ""
    assert "next: disabled (BACKUP_DIR is not set)" in line("backup")
    settings.BACKUP_DIR = "/srv/backups"
    assert re.search(r"next: \d{4}-\d\d-\d\d 02:30 E[SD]T", line("backup"))
