from django.core.management.base import BaseCommand, CommandError

from portal import backups


class Command(BaseCommand):
    help = (
        "Back up the database and the media folder into a new timestamped folder in BACKUP_DIR "
        "(default backups/), then delete the backups the BACKUP_KEEP_* settings no longer keep."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", dest="directory", help="Folder to write the backup into, instead of BACKUP_DIR.")
        parser.add_argument("--no-prune", action="store_true", help="Keep every older backup this time.")

    def handle(self, *args, directory=None, no_prune=False, **options):
        try:
            path = backups.take(directory)
            removed = [] if no_prune else backups.prune(path.parent)
        except (backups.BackupError, OSError) as error:
            raise CommandError(f"No backup written: {error}") from error
        manifest = backups.load_manifest(path)  # just written: no second checksum pass
        self.stdout.write(f"Backed up to {path}")
        for name, described in sorted(manifest["files"].items()):
            self.stdout.write(f"  {name:<18} {human_size(described['bytes']):>10}")
        for old in removed:
            self.stdout.write(f"Deleted older backup {old.name}")
        rows = sum(manifest["row_counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup complete: {len(manifest['row_counts'])} tables, {rows:,} rows, "
                f"{len(removed)} older backups deleted."
            )
        )


def human_size(size):
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
