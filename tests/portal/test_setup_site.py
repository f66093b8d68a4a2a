"""`manage.py setup_site` on a database fresh from `migrate`: the office's site, nothing fake, safe to rerun."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from aid_requests.models import AidRequest, Household
from holiday_drive.models import HolidayCampaignPage, Sponsor
from portal.content import OFFICE_PHONE
from portal.models import SiteSettings, User
from resources.models import Agency, ResourcePage

pytestmark = pytest.mark.django_db

PAGES = ["/", "/pupil-personnel-services/", "/connection-center/", "/es/", "/es/connection-center/"]
PPS_SECTIONS = {
    "/pupil-personnel-services/": ("Academic Success", "Administrative Functions", "Family Services"),
    "/es/servicios-de-personal-estudiantil/": ("Éxito escolar", "Servicios para familias"),
}


def setup_site(*args):
    out = StringIO()
    call_command("setup_site", *args, stdout=out)
    return out.getvalue()


def _everything():
    out = StringIO()
    call_command("dumpdata", "--exclude=sessions", stdout=out)
    return out.getvalue()


def test_the_home_page_is_the_offices_not_wagtails_welcome(client):
    assert "Welcome to your new Wagtail site" in client.get("/").text  # what `migrate` leaves
    setup_site()
    html = client.get("/").text
    assert "Welcome to your new Wagtail site" not in html
    assert "Help for students and families" in html and OFFICE_PHONE in html


def test_every_link_in_the_header_footer_and_home_page_answers_200(client):
    setup_site()
    for home in ("/", "/es/"):
        html = client.get(home).text
        links = {href for href in re.findall(r'href="(/[^"#]*)"', html) if not href.startswith("/static/")}
        assert {"/connection-center/", "/requests/apply/", "/requests/status/", "/holiday/"} <= links
        for href in links:
            assert client.get(href, follow=True).status_code == 200, href


@pytest.mark.parametrize("path", PAGES + list(PPS_SECTIONS))
def test_each_page_is_published_in_english_and_spanish(client, path):
    setup_site()
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path, sections", PPS_SECTIONS.items())
def test_the_pupil_personnel_services_page_tells_the_offices_services(client, path, sections):
    setup_site()
    html = client.get(path).text
    assert all(f"<h2>{section}</h2>" in html for section in sections)
    assert OFFICE_PHONE in html


def test_it_creates_nothing_fake():
    setup_site()
    for model in (Agency, ResourcePage, Household, AidRequest, HolidayCampaignPage, Sponsor, User):
        assert not model.objects.exists(), model.__name__
    assert SiteSettings.for_site(Site.objects.get()).phone == OFFICE_PHONE


def test_a_second_run_changes_no_row_and_says_so():
    assert "Published the home page." in setup_site()
    before = _everything()
    assert setup_site().strip() == "The site was already set up: nothing changed."
    assert _everything() == before


def test_it_leaves_what_staff_edited_alone(client):
    setup_site()
    home = Page.objects.get(url_path="/home/").specific
    home.title = "Family help desk"
    home.save_revision().publish()
    SiteSettings.objects.update(phone="410-555-0142", office_name="Family Services Office")
    setup_site()
    assert "Family help desk" in client.get("/").text
    assert SiteSettings.objects.values_list("phone", "office_name").get() == ("410-555-0142", "Family Services Office")


def test_staff_get_the_admin_and_partner_agencies_and_volunteers_do_not(client):
    from django.contrib.auth.models import Group

    from tests.factories import AgencyUserFactory, StaffFactory, UserFactory

    setup_site()
    assert StaffFactory().has_perm("wagtailadmin.access_admin")
    assert StaffFactory().has_perm("aid_requests.change_aidrequest")
    assert not AgencyUserFactory().has_perm("wagtailadmin.access_admin")
    volunteer = UserFactory()
    volunteer.groups.add(Group.objects.get(name="Volunteer"))
    assert volunteer.has_perm("holiday_drive.check_in") and not volunteer.has_perm("wagtailadmin.access_admin")
    assert not volunteer.has_perm("aid_requests.view_household")


def test_on_an_emptied_database_staff_can_still_edit_the_home_page(client):
    """After a flush (no page tree, no collection, no locale) the site comes back editable by staff, not with
    'you do not have permission' on every page: the roots are made before the staff group's permissions."""
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, GroupPagePermission, Locale

    from tests.factories import StaffFactory

    Site.objects.all().delete()
    Page.objects.all().delete()
    Collection.objects.all().delete()
    Locale.objects.all().delete()
    Group.objects.all().delete()
    setup_site()
    assert GroupPagePermission.objects.filter(group__name="Staff", page=Page.get_first_root_node()).exists()
    client.force_login(StaffFactory())
    home = Site.objects.get(is_default_site=True).root_page
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code == 200
