from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from portal import demo
from portal.models import HomePage


class Command(BaseCommand):
    help = "Fill the site with demo content and demo users; running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when a home page already exists (used by `make run`)."
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and HomePage.objects.exists():
            self.stdout.write("Demo content already present; nothing to seed.")
        else:
            with transaction.atomic():
                summary = demo.seed()
            self.stdout.write(self.style.SUCCESS(summary))
        self._print_logins()

    def _print_logins(self):
        if not settings.DEBUG:
            self.stdout.write("Demo users have no usable password while DEBUG is off.")
            return
        self.stdout.write(f"\nDemo logins (password for each: {demo.DEMO_PASSWORD})")
        for email, role in demo.DEMO_USERS:
            self.stdout.write(f"  {role:<8} {email}")
        self.stdout.write(
            f"Staff and Agency users then type the code of an authenticator app given the key {demo.DEMO_TOTP_SECRET}"
        )
        self.stdout.write("Staff open http://127.0.0.1:8000/admin/ ; everyone signs in at /accounts/login/.")
