from django.core.management.base import BaseCommand

from holiday_drive.notifications import remind_tomorrows_pickups


class Command(BaseCommand):
    help = "Email every family whose holiday pickup is tomorrow its place, time and check-in code, once (run daily)."

    def handle(self, *args, **options):
        self.stdout.write(remind_tomorrows_pickups())
