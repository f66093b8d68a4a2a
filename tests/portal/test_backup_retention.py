"""Which old backups `manage.py backup` deletes: the newest per day, ISO week and month are kept."""

import datetime
import os

from portal import backups

LAST_NIGHT = datetime.date(2026, 12, 3)


def nightly_backups(directory, nights):
    for night in range(nights):
        folder = directory / f"connection-center-{LAST_NIGHT - datetime.timedelta(days=night):%Y%m%d}-013000"
        folder.mkdir()
        (folder / "manifest.json").write_text("{}")


def kept_nights(directory):
    return sorted(path.name.removeprefix("connection-center-")[:8] for path in directory.iterdir())


def test_it_keeps_14_nights_then_sundays_for_8_weeks_then_month_ends(tmp_path):
    nightly_backups(tmp_path, nights=120)  # August 6 to December 3
    backups.prune(tmp_path, daily=14, weekly=8, monthly=12)
    nights = [f"202611{day:02}" for day in range(20, 31)] + ["20261201", "20261202", "20261203"]
    sundays = ["20261018", "20261025", "20261101", "20261108", "20261115"]
    month_ends = ["20260831", "20260930", "20261031"]
    assert kept_nights(tmp_path) == sorted(month_ends + sundays + nights)


def test_it_keeps_everything_when_every_count_is_zero(tmp_path):
    nightly_backups(tmp_path, nights=30)
    assert backups.prune(tmp_path, daily=0, weekly=0, monthly=0) == []
    assert len(kept_nights(tmp_path)) == 30


def test_it_leaves_other_folders_and_a_backup_in_progress_alone(tmp_path):
    nightly_backups(tmp_path, nights=3)
    (tmp_path / "notes").mkdir()
    (tmp_path / ".connection-center-20261204-013000.partial").mkdir()
    crashed = tmp_path / ".connection-center-20261201-013000.partial"
    crashed.mkdir()
    two_days_ago = crashed.stat().st_mtime - 2 * 24 * 60 * 60
    os.utime(crashed, (two_days_ago, two_days_ago))
    backups.prune(tmp_path, daily=1, weekly=0, monthly=0)
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".connection-center-20261204-013000.partial",
        "connection-center-20261203-013000",
        "notes",
    ]
