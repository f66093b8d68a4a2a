from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from aid_requests import privacy


class Command(BaseCommand):
    help = (
        "Anonymise households whose last request or registration closed more than RETENTION_MONTHS months ago "
        "and that have nothing open: names, contacts, children's names, wishes and notes go; what reports count "
        "stays. Safe to run again: it prints counts, never names."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count the households due; change nothing.")
        parser.add_argument(
            "--months", type=int, help="Override RETENTION_MONTHS for this run (at least 1).", default=None
        )

    def handle(self, *args, dry_run=False, months=None, **options):
        months = settings.RETENTION_MONTHS if months is None else months
        if months < 1:
            raise CommandError("Retention is off (RETENTION_MONTHS=0): pass --months N to run it once.")
        if dry_run:
            count = privacy.due(months=months).count()
            self.stdout.write(f"Dry run: {count} households would be anonymised (last case over {months} months ago).")
            return
        count = privacy.anonymise_due(months=months)
        self.stdout.write(f"Anonymised {count} households (last case over {months} months ago).")
