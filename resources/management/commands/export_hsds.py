from django.core.management.base import BaseCommand

from resources.hsds.files import write_dataset
from resources.hsds.records import directory_tables


class Command(BaseCommand):
    help = (
        "Write the published directory as Open Referral HSDS 3.0: DIR/<table>.json (arrays of flat records) "
        "and DIR/csv/ (the tabular form, with datapackage.json)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="The folder to write; created if missing, its files overwritten.")

    def handle(self, directory, **options):
        tables = directory_tables()
        write_dataset(tables, directory)
        total = sum(len(records) for records in tables.values())
        self.stdout.write(
            f"Wrote {total} records in {len(tables)} tables to {directory}: "
            f"{len(tables['organization'])} organizations, {len(tables['service'])} services."
        )
