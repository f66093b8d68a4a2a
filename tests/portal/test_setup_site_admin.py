"""`setup_site --admin-email`: the first staff account, its password shown once."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from portal.models import User

pytestmark = pytest.mark.django_db


def setup_site(*args):
    out = StringIO()
    call_command("setup_site", *args, stdout=out)
    return out.getvalue()


def test_it_creates_the_first_staff_account_and_prints_a_password_that_works(client):
    out = setup_site("--admin-email", "it@district.example", "--noinput")
    password = re.search(r"shown only this once: (\S+)", out).group(1)
    assert client.login(email="it@district.example", password=password)
    assert client.get("/admin/").status_code == 200
    assert User.objects.get().groups.filter(name="Staff").exists()


def test_a_second_run_keeps_the_accounts_password(client):
    first = setup_site("--admin-email", "it@district.example", "--noinput")
    password = re.search(r"shown only this once: (\S+)", first).group(1)
    second = setup_site("--admin-email", "IT@district.example", "--noinput")
    assert "already exists" in second and "shown only this once" not in second
    assert client.login(email="it@district.example", password=password)


def test_a_malformed_address_stops_before_anything_is_built():
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="--admin-email"):
        setup_site("--admin-email", "not-an-address", "--noinput")
    assert Page.objects.count() == pages and not User.objects.exists()
