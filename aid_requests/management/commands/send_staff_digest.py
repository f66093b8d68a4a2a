from django.core.management.base import BaseCommand

from aid_requests.notifications import send_staff_digest


class Command(BaseCommand):
    help = "Email staff the urgent requests that have waited more than 24 hours (run daily)."

    def handle(self, *args, **options):
        result = send_staff_digest.enqueue()
        count = result.return_value if result.is_finished else "queued"
        self.stdout.write(f"Staff digest: {count} urgent requests waiting.")
