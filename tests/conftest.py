"""Personas and the site every test starts from."""

from io import StringIO

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command

from portal import sms
from portal.sms.backends import locmem
from tests.factories import PASSWORD, AgencyUserFactory, StaffFactory, UserFactory, make_home
from tests.module_seed import kept_for_the_module


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache: one test's failed logins must not block the next."""
    cache.clear()
    caches["local"].clear()


@pytest.fixture(autouse=True)
def text_outbox():
    """The texts the locmem backend sent in this test, like mail.outbox; a number in `failures` fails."""
    sms.outbox = []
    locmem.failures.clear()
    yield sms.outbox
    locmem.failures.clear()


@pytest.fixture
def home(db):
    """A published home page as the root of the default site, as seed_demo makes it."""
    return make_home()


@pytest.fixture(scope="module")
def demo_for_module(django_db_setup, django_db_blocker):
    """The demo site, seeded once for all of a module's tests that ask for it (tests/module_seed.py)."""
    with kept_for_the_module(django_db_blocker):
        call_command("seed_demo", stdout=StringIO())
        yield


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
