"""Personas and the site every test starts from."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from portal import sms
from portal.models import SiteSettings
from portal.site_setup import ensure_foundations
from portal.sms.backends import locmem
from tests.factories import PASSWORD, AgencyUserFactory, HomePageFactory, StaffFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache: one test's failed logins must not block the next."""
    cache.clear()


@pytest.fixture(autouse=True)
def text_outbox():
    """The texts the locmem backend sent in this test, like mail.outbox; a number in `failures` fails."""
    sms.outbox = []
    locmem.failures.clear()
    yield sms.outbox
    locmem.failures.clear()


@pytest.fixture
def home(db):
    """A published home page as the root of the default site, as seed_demo makes it.

    After a browser test (transactional_db empties every table) what the migrations made is gone too: the
    root page, the locales, the groups. They are made again as setup_site makes them.
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


def _signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def family(db):
    return UserFactory(email="parent@example.org")


@pytest.fixture
def family_client(client, family):
    return _signed_in(client, family)


@pytest.fixture
def agency_user(db):
    return AgencyUserFactory(email="coordinator@agency.example.org")


@pytest.fixture
def agency_client(client, agency_user):
    return _signed_in(client, agency_user)


@pytest.fixture
def staff(db):
    return StaffFactory(email="ppw@example.org")


@pytest.fixture
def staff_client(client, staff):
    return _signed_in(client, staff)


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def directory(home):
    """The Connection Center directory page at /connection-center/."""
    from tests.resources.factories import ResourceIndexPageFactory

    return ResourceIndexPageFactory(parent=home)
