"""`manage.py backup` and `restore` on the suite's own database (SQLite or PostgreSQL), as an operator runs them."""

import json
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db.migrations.recorder import MigrationRecorder

from aid_requests.models import Household
from portal.tasks import backup_site
from tests.aid_requests.factories import HouseholdFactory

pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump sees committed rows only
HOUSEHOLDS = Household._meta.db_table


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    default_storage.save("documents/winter-coats.pdf", ContentFile(b"%PDF coats"))
    return settings.MEDIA_ROOT


@pytest.fixture
def backup(media, tmp_path):
    """A backup of one family's household and one uploaded document."""
    HouseholdFactory(guardian_name="Maria Lopez")
    return take_backup(tmp_path / "backups")


def take_backup(directory):
    call_command("backup", "--dir", str(directory), stdout=StringIO())
    return next(directory.iterdir())


def restore(backup, *options):
    output = StringIO()
    call_command("restore", str(backup), *options, stdout=output)
    return output.getvalue()


def test_it_writes_the_database_the_media_and_a_manifest_of_row_counts(backup):
    assert list(backup.parent.iterdir()) == [backup]  # no temporary folder left beside it
    assert backup.stat().st_mode & 0o077 == 0  # families' data: readable by the account that took it only
    assert {"manifest.json", "media.tar.gz"} < {path.name for path in backup.iterdir()}
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["row_counts"][HOUSEHOLDS] == 1
    assert manifest["migrations"]["aid_requests"].startswith("00")


def test_restore_brings_back_deleted_rows_and_replaces_the_media_folder(backup, media):
    Household.objects.all().delete()
    default_storage.delete("documents/winter-coats.pdf")
    (media / "uploaded-after-the-backup.txt").write_text("gone after the restore")
    output = restore(backup, "--yes")
    assert "match its manifest" in output
    assert Household.objects.get().guardian_name == "Maria Lopez"
    assert sorted(path.name for path in media.rglob("*.*")) == ["winter-coats.pdf"]


def test_restore_refuses_a_database_that_has_tables_without_yes(backup):
    Household.objects.all().delete()
    with pytest.raises(CommandError, match="Run again with --yes"):
        restore(backup)
    assert not Household.objects.exists()


def test_restore_lists_the_tables_whose_rows_differ_from_the_manifest_and_fails(backup):
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["row_counts"][HOUSEHOLDS] = 3
    (backup / "manifest.json").write_text(json.dumps(manifest))
    output = StringIO()
    with pytest.raises(CommandError, match="1 tables differ"):
        call_command("restore", str(backup), "--yes", stdout=output)
    assert output.getvalue().splitlines()[1].split() == [HOUSEHOLDS, "3", "1"]


def test_a_damaged_backup_is_refused_before_anything_is_replaced(backup):
    database_file = next(backup.glob("database.*"))
    database_file.write_bytes(database_file.read_bytes()[:-100])
    Household.objects.all().delete()
    with pytest.raises(CommandError, match="missing or damaged"):
        restore(backup, "--yes")
    assert not Household.objects.exists()


def test_a_backup_that_fails_midway_leaves_no_folder_behind(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "not-a-folder"
    settings.MEDIA_ROOT.write_text("")
    with pytest.raises(CommandError, match="No backup written"):
        call_command("backup", "--dir", str(tmp_path / "backups"))
    assert not any((tmp_path / "backups").iterdir())


@pytest.fixture
def newest_migration_unrecorded():
    """The database as if the latest portal migration came with a newer release than the backup."""
    latest = MigrationRecorder.Migration.objects.filter(app="portal").latest("applied", "id")
    latest.delete()
    yield
    latest.save()  # flushing leaves django_migrations alone: later tests and --reuse-db runs need the row


def test_restore_reminds_to_migrate_when_the_code_is_newer_than_the_backup(
    media, tmp_path, newest_migration_unrecorded
):
    output = restore(take_backup(tmp_path / "backups"), "--yes")
    assert "run `manage.py migrate` now" in output


def test_the_nightly_task_backs_up_into_backup_dir_only_when_it_is_set(media, settings, tmp_path):
    settings.BACKUP_DIR = ""
    assert backup_site.enqueue().return_value == "BACKUP_DIR is not set: no backup taken."
    settings.BACKUP_DIR = str(tmp_path / "nightly")
    backup_site.enqueue()
    assert [path.name.startswith("connection-center-") for path in (tmp_path / "nightly").iterdir()] == [True]
