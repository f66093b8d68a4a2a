"""The demo site that `manage.py seed_demo` builds on top of the office's real one (`setup_site`): fictional
agencies, programs, families, sponsors and users. Every step finds before it creates."""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from aid_requests.backlog import match_backlog
from aid_requests.demo import seed_requests
from aid_requests.demo_history import seed_history
from holiday_drive.demo import DEMO_USERS as HOLIDAY_DEMO_USERS
from holiday_drive.demo import seed_holiday_drive
from portal.demo_es import seed_spanish
from portal.models import HomePage, SiteSettings, User
from portal.roles import AGENCY, STAFF, VOLUNTEER
from portal.site_setup import setup_site
from resources.demo import seed_directory, seed_partners

DEMO_PASSWORD = "connection-demo-2026"
# Demo staff and partners sign in with a second factor like real ones: add this key to an authenticator app.
DEMO_TOTP_SECRET = "GNXW4ZLDORUW63RNMRSW233PGIYDENRN"
DEMO_USERS = [
    ("staff@example.org", STAFF),
    ("agency1@example.org", AGENCY),
    ("agency2@example.org", AGENCY),
    ("family@example.org", "Family"),
    ("sponsor1@example.org", "Sponsor"),
    ("sponsor2@example.org", "Sponsor"),
    ("sponsor3@example.org", "Sponsor"),
    *HOLIDAY_DEMO_USERS,
]


def _site_settings(site):
    """The footer's other contact details, which a real office fills in itself."""
    contact = SiteSettings.for_site(site)
    contact.email = contact.email or "pupilpersonnel@example.org"
    contact.address = contact.address or "10910 Clarksville Pike\nEllicott City, MD 21042"
    contact.hours = contact.hours or "Monday to Friday, 8 a.m. to 4:30 p.m."
    contact.save()


def _users():
    for email, role in DEMO_USERS:
        user, _ = User.objects.get_or_create(email=email)
        if settings.DEBUG:
            user.set_password(DEMO_PASSWORD)
        else:
            user.set_unusable_password()
        user.save()
        if role in (STAFF, AGENCY, VOLUNTEER):
            user.groups.add(Group.objects.get(name=role))
        if role in (STAFF, AGENCY) and not Authenticator.objects.filter(user=user).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
        # allauth requires a verified address before anyone signs in.
        user.emailaddress_set.update_or_create(email=email, defaults={"verified": True, "primary": True})


def seed():
    """Build or complete the demo site; return a one-line summary."""
    setup_site()
    home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    seed_directory(home)
    _site_settings(Site.objects.get(is_default_site=True))
    _users()
    seed_partners(lambda email: User.objects.filter(email=email).first())
    seed_requests(lambda email: User.objects.filter(email=email).first())
    match_backlog()  # the approved demo requests go to their partners, as approving them in the admin would
    seed_history()  # two school years of finished requests, after matching: nothing in it is left to match
    seed_holiday_drive(home, lambda email: User.objects.filter(email=email).first())
    seed_spanish(home)
    return (
        f"Demo site ready: {Page.objects.count()} pages, {User.objects.count()} users, "
        f"groups {', '.join(Group.objects.order_by('name').values_list('name', flat=True))}."
    )
