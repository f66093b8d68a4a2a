import getpass
import secrets
import sys

from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from portal.models import User
from portal.roles import STAFF
from portal.site_setup import setup_site


class Command(BaseCommand):
    help = (
        "Build the office's site on a new database: pages in English and Spanish, site settings and roles, "
        "no demo data. Safe to run again: it only adds what is missing and never changes what staff edited."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin-email",
            help="Also create the first staff account with this email address (a superuser in the Staff group).",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Never prompt: the first staff account gets a generated password, printed once.",
        )

    def handle(self, *args, admin_email=None, interactive=True, **options):
        if admin_email:
            try:
                validate_email(admin_email)
            except ValidationError as error:
                raise CommandError(f"--admin-email: {error.messages[0]}") from error
        with transaction.atomic():
            done = setup_site()
        for line in done:
            self.stdout.write(f"  {line}")
        if done:
            self.stdout.write(self.style.SUCCESS(f"Site set up: {len(done)} changes."))
        else:
            self.stdout.write("The site was already set up: nothing changed.")
        if admin_email:
            self._first_staff_user(admin_email.strip(), interactive)

    def _first_staff_user(self, email, interactive):
        if User.objects.filter(email__iexact=email).exists():
            self.stdout.write(f"An account for {email} already exists: left as it is.")
            return
        user = User(email=User.objects.normalize_email(email), is_staff=True, is_superuser=True)
        typed = interactive and sys.stdin.isatty()
        password = self._ask_password(user) if typed else secrets.token_urlsafe(15)
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=STAFF))
            # allauth lets only verified addresses sign in; the person running this vouches for it.
            user.emailaddress_set.create(email=user.email, verified=True, primary=True)
        self.stdout.write(self.style.SUCCESS(f"Created the staff account {user.email}."))
        if not typed:
            self.stdout.write(f"Its password, shown only this once: {password}")
            self.stdout.write("Sign in at /accounts/login/ and change it, then set up two-step sign-in.")

    def _ask_password(self, user):
        while True:
            password = getpass.getpass("Password for the first staff account: ")
            if password != getpass.getpass("The same password again: "):
                self.stderr.write("The two passwords differ; try again.")
                continue
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.stderr.write(" ".join(error.messages))
                continue
            return password
