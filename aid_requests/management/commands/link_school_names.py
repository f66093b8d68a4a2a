from django.core.management.base import BaseCommand

from aid_requests.models import Household
from aid_requests.schools import link_listed_schools
from resources.models import School


class Command(BaseCommand):
    help = "Link households whose typed school names a listed school exactly (run after importing schools)."

    def handle(self, *args, **options):
        linked = link_listed_schools(School, Household)
        self.stdout.write(f"{linked} households linked to a listed school.")
