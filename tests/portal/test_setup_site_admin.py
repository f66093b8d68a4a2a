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
    # The first thing the new account meets is the second-factor set-up: it sees family data.
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith("/accounts/second-factor/")
    assert client.get(response.url).status_code == 200
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


def test_at_a_terminal_it_asks_for_the_password_twice_until_two_match_and_pass_the_rules(client, monkeypatch):
    typed = iter(["a-long-pass-phrase-1", "a-long-pass-phrase-2", "short", "short", *["a-long-pass-phrase-1"] * 2])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(typed))
    err = StringIO()
    call_command("setup_site", "--admin-email", "it@district.example", stdout=StringIO(), stderr=err)
    assert "differ" in err.getvalue() and "too short" in err.getvalue()
    assert client.login(email="it@district.example", password="a-long-pass-phrase-1")
