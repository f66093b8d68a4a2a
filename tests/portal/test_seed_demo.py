from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Site

from portal.models import SiteSettings, User
from resources.demo_data import PROGRAMS

pytestmark = pytest.mark.django_db


def _counts():
    return (Page.objects.count(), User.objects.count(), Group.objects.count(), Site.objects.count())


def test_running_it_twice_leaves_the_same_counts(demo_for_module):
    first = _counts()
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == first
    # root, then in English and in Spanish: home, Pupil Personnel Services, the directory and its programs,
    # the holiday campaign
    assert first[0] == 1 + 2 * (4 + len(PROGRAMS))


def test_it_builds_the_pupil_personnel_services_page(demo_for_module, client):
    html = client.get("/pupil-personnel-services/").text
    for section in ("Academic Success", "Administrative Functions", "Family Services", "Code of Ethics"):
        assert f"<h2>{section}</h2>" in html
    assert SiteSettings.for_site(Site.objects.get()).phone == "410-313-6822"


def test_demo_passwords_are_printed_and_usable_only_with_debug(client, settings, capsys):
    settings.DEBUG = False
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "connection-demo" not in out
    assert not User.objects.get(email="staff@example.org").has_usable_password()
    settings.DEBUG = True
    call_command("seed_demo")
    assert "connection-demo-2026" in capsys.readouterr().out
    assert client.login(email="staff@example.org", password="connection-demo-2026")


def test_if_empty_leaves_an_existing_site_alone(demo_for_module, capsys):
    SiteSettings.objects.update(phone="555-0100")
    call_command("seed_demo", "--if-empty")
    assert "nothing to seed" in capsys.readouterr().out
    assert SiteSettings.objects.get().phone == "555-0100"


def test_demo_roles_open_what_they_should(demo_for_module, client):
    staff, family = User.objects.get(email="staff@example.org"), User.objects.get(email="family@example.org")
    assert staff.has_perm("wagtailadmin.access_admin")
    assert not family.has_perm("wagtailadmin.access_admin")
    assert User.objects.filter(groups__name="Agency").count() == 2


def test_demo_partners_find_the_approved_requests_offered_to_them(demo_for_module, client):
    client.force_login(User.objects.get(email="agency2@example.org"))  # answers for two agencies
    html = client.get("/partners/").text
    assert "Backpack Brigade" in html and "Little Patuxent Family Shelter" in html
    assert "School supplies" in html  # the demo family's approved request, matched when seeded
    assert "Rosa" not in html  # not accepted yet: no name
    client.force_login(User.objects.get(email="agency1@example.org"))
    assert client.get("/partners/agencies/bright-start-clothing-closet/").status_code == 200
