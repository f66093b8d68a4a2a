from django.core.management.base import BaseCommand

from aid_requests.tasks import expire_offers


class Command(BaseCommand):
    help = "Expire offers past their deadline and offer each request to its next candidate (run hourly)."

    def handle(self, *args, **options):
        result = expire_offers.enqueue()
        count = result.return_value if result.is_finished else "queued"
        self.stdout.write(f"Expired offers: {count}.")
