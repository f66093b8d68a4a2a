from django.core.management.base import BaseCommand, CommandError

from resources.hsds.files import read_dataset
from resources.hsds.loading import load_dataset
from resources.models import ResourceIndexPage


class Command(BaseCommand):
    help = (
        "Load an Open Referral HSDS 3.0 dataset (a folder of JSON files, one JSON file, or the CSV tabular form) "
        "into the directory. Programs are matched by HSDS id; new ones and changes are drafts unless --publish."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A folder of HSDS JSON or CSV files, or one JSON file.")
        parser.add_argument("--publish", action="store_true", help="Publish new and changed programs at once.")

    def handle(self, path, publish, **options):
        index_page = ResourceIndexPage.objects.first()
        if index_page is None:
            raise CommandError("There is no directory page (ResourceIndexPage) to put programs under: add it first.")
        try:
            dataset = read_dataset(path)
        except FileNotFoundError as error:
            raise CommandError(str(error)) from error
        loader = load_dataset(dataset, index_page, publish=publish)
        for problem in loader.problems:
            self.stdout.write(str(problem))
        self.stdout.write(loader.summary())
