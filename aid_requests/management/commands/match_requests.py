from django.core.management.base import BaseCommand

from aid_requests.backlog import match_backlog


class Command(BaseCommand):
    help = "Offer every approved request without an open offer to its best partner agency, oldest first."

    def handle(self, *args, **options):
        matched, waiting = match_backlog()
        self.stdout.write(f"Matched {matched} requests; {waiting} wait with a reason staff can read.")
