"""Factories for the site shell; each app's tests add theirs beside this file."""

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from portal.models import Alert, HomePage, SiteSettings, StandardPage, User
from portal.roles import AGENCY, SCHOOL_STAFF, STAFF
from portal.site_setup import ensure_foundations

PASSWORD = "a-long-test-password-9"
# The authenticator app secret of every enrolled test user (base32); tests compute codes from it.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret=TOTP_SECRET):
    """The code an authenticator app shows now for `secret`."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def _enrol(user, create, extracted, **kwargs):
    """Set up the authenticator app (portal.second_factor), unless `enrolled=False`."""
    if create and extracted is not False:
        TOTP.activate(user, TOTP_SECRET)


class UserFactory(factory.django.DjangoModelFactory):
    """A family's account; `UserFactory(enrolled=True)` also has an authenticator app."""

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        """allauth lets only people with a verified address sign in."""
        if create:
            user.save()
            EmailAddress.objects.create(user=user, email=user.email, verified=extracted is not False, primary=True)

    @factory.post_generation
    def enrolled(user, create, extracted, **kwargs):
        if extracted:
            _enrol(user, create, extracted)


def _in_group(name):
    """A post-generation step putting the new user in a role's group."""

    def add(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=name))

    return factory.PostGeneration(add)


class StaffFactory(UserFactory):
    """Office staff, with an authenticator app set up as the site requires; `enrolled=False` for one without."""

    role = _in_group(STAFF)
    enrolled = factory.PostGeneration(_enrol)


class AgencyUserFactory(UserFactory):
    """A partner agency's user, with an authenticator app set up; `enrolled=False` for one without."""

    role = _in_group(AGENCY)
    enrolled = factory.PostGeneration(_enrol)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Help for students and families"
    intro = "<p>We help families find what their children need for school.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "About us"
    intro = "Who we are and what we do."

    class Meta:
        model = StandardPage


class AlertFactory(factory.django.DjangoModelFactory):
    message = "The office is closed on Friday."

    class Meta:
        model = Alert


class SchoolStaffFactory(UserFactory):
    """A counselor or nurse in the School staff role, with an authenticator app set up (they see family data);
    `enrolled=False` for one without. Link them to schools with SchoolStaffLinkFactory."""

    role = _in_group(SCHOOL_STAFF)
    enrolled = factory.PostGeneration(_enrol)


def make_home():
    """A published home page as the root of the default site (the home fixture's).

    After a browser test (transactional_db empties every table) what the migrations made is gone too: the root
    page, the locales, the groups. They are made again as setup_site makes them.
    """
    root = Page.get_first_root_node()
    if root is None:
        ensure_foundations([])
        root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    page = HomePageFactory(parent=root, slug="home")
    site, _created = Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": page}
    )
    SiteSettings.for_site(site)  # setup_site makes them: no page creates them (and the cache starts over) later
    return page
