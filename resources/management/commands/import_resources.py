from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resources import transfer


class Command(BaseCommand):
    help = (
        "Import agencies or programs from a CSV, XLSX or JSON file (the format from its extension). "
        "Every row is checked first: a file with any problem imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--kind", choices=["agencies", "programs"], help="Default: told from the columns.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report; save nothing.")

    def handle(self, *args, file, kind, dry_run, **options):
        try:
            dataset = transfer.read_dataset(file.read_bytes(), transfer.extension_of(file.name))
        except (OSError, transfer.UnreadableFile) as error:
            raise CommandError(f"{file}: {error}") from None
        kind = kind or transfer.guess_kind(dataset.headers)
        if not kind:
            raise CommandError(f"{file}: no title or name column; say what it holds with --kind.")
        outcome = transfer.import_dataset(dataset, kind, dry_run=dry_run)
        for problem in outcome.problems:
            self.stdout.write(str(problem))
        if outcome.problems:
            raise CommandError(outcome.summary)
        self.stdout.write(outcome.summary)
