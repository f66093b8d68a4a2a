import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from portal import backups


class Command(BaseCommand):
    help = (
        "Restore a backup folder into DATABASE_URL's database and MEDIA_ROOT (both replaced), "
        "then check every table's row count against the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A backup folder written by `manage.py backup`.")
        parser.add_argument("--yes", action="store_true", help="Replace a database that already has tables.")

    def handle(self, *args, path, yes=False, **options):
        try:
            manifest = backups.read_manifest(path)
            if backups.has_tables() and not yes:
                self._confirm(manifest)
            restored = backups.restore(path, manifest)
        except backups.BackupError as error:
            raise CommandError(f"Nothing restored: {error}") from error
        except OSError as error:  # after the database: the media folder could not be replaced
            raise CommandError(f"Restore failed: {error}") from error
        if restored.differences:
            self.stdout.write(f"{'table':<45} {'backup':>10} {'restored':>10}")
            for table, expected, found in restored.differences:
                self.stdout.write(f"{table:<45} {expected:>10} {'missing' if found is None else found:>10}")
            raise CommandError(f"{len(restored.differences)} tables differ from the backup's manifest (above).")
        if restored.pending_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"This code is newer than the backup (unapplied migrations: {restored.pending_migrations}): "
                    "run `manage.py migrate` now."
                )
            )
        if restored.unknown_migrations:
            self.stdout.write(
                self.style.WARNING(
                    "The backup was taken by newer code (migrations unknown here: "
                    f"{', '.join(restored.unknown_migrations)}): deploy that version before serving the site."
                )
            )
        counts = manifest["row_counts"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created_at']}: {len(counts)} tables and "
                f"{sum(counts.values()):,} rows match its manifest; media restored."
            )
        )

    def _confirm(self, manifest):
        name = connection.settings_dict["NAME"]
        question = (
            f"The database {name} already has tables. Replace its contents and the media folder with "
            f"the backup of {manifest['created_at']}?"
        )
        if not sys.stdin.isatty():
            raise CommandError(f"{question} Run again with --yes to replace them.")
        if input(f"{question} Type yes to continue: ").strip().lower() != "yes":
            raise CommandError("Nothing restored.")
