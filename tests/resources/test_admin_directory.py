import os
import time
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.models import User
from portal.roles import ensure_groups
from resources.models import Agency
from tests.resources.factories import AgencyFactory, LanguageFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/directory/import/"
PREVIEW_URL = "/admin/directory/import/preview/"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _upload(client, content, name="agencies.csv"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content), "kind": ""})


def test_staff_may_keep_agencies_categories_and_languages(staff):
    for model in ("agency", "servicecategory", "language"):
        assert staff.has_perms([f"resources.{action}_{model}" for action in ("add", "change", "delete", "view")])


def test_rebuilding_the_roles_grants_them_again(staff):
    Group.objects.get(name="Staff").permissions.clear()
    ensure_groups(django_apps)
    assert User.objects.get(pk=staff.pk).has_perm("resources.change_agency")


@pytest.mark.parametrize("model", ["agency", "servicecategory", "language"])
def test_staff_open_each_directory_listing(staff_client, model):
    assert staff_client.get(f"/admin/snippets/resources/{model}/").status_code == 200


def test_the_agency_listing_exports_csv(staff_client):
    AgencyFactory(name="Food Bank", zip_code="21044")
    response = staff_client.get("/admin/snippets/resources/agency/?export=csv")
    assert "Food Bank,5500 Main Street,Columbia,MD,21044" in response.getvalue().decode()


def test_the_agency_listing_filters_by_language(staff_client):
    AgencyFactory(name="Food Bank").languages.set([LanguageFactory()])
    AgencyFactory(name="Clinic")
    response = staff_client.get(f"/admin/snippets/resources/agency/?languages={LanguageFactory().pk}")
    assert "Food Bank" in response.text and "Clinic" not in response.text


@pytest.mark.parametrize("url", [IMPORT_URL, "/admin/directory/export/", "/admin/snippets/resources/agency/"])
def test_families_and_agency_users_are_refused(family_client, agency_user, client, url):
    assert family_client.get(url).status_code == 403
    client.force_login(agency_user)
    assert client.get(url).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/?next=/admin/")


def test_staff_upload_preview_and_confirm_an_import(staff_client, tmp_path):
    response = _upload(staff_client, b"name,zip_code\nFood Bank,21044\n")
    assert response.url == PREVIEW_URL
    assert "Ready to import agencies: 1 to create, 0 to update." in staff_client.get(PREVIEW_URL).text
    assert not Agency.objects.exists()
    response = staff_client.post(PREVIEW_URL, {"confirm": ""}, follow=True)
    assert "Imported agencies: 1 created, 0 updated." in response.text
    assert Agency.objects.get().name == "Food Bank"
    assert not [path for path in Path(tmp_path).rglob("*") if path.is_file()]  # the uploaded file is gone


def test_the_preview_lists_each_bad_line_and_confirming_imports_nothing(staff_client):
    _upload(staff_client, b"name,zip_code\nFood Bank,21044\nClinic,2104\n")
    response = staff_client.get(PREVIEW_URL)
    assert "<td>3</td><td>zip_code</td><td>Enter a five-digit ZIP code.</td>" in response.text
    staff_client.post(PREVIEW_URL, {"confirm": ""})
    assert not Agency.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("agencies.txt", b"name\nA\n", "Choose a file ending in .csv, .xlsx or .json."),
        ("agencies.xlsx", b"name\nA\n", "This is not a XLSX file we can read: check the file."),
        ("agencies.csv", "name\nCafé\n".encode("latin-1"), "save it again as “CSV UTF-8”"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_plainly(staff_client, name, content, message):
    response = _upload(staff_client, content, name)
    assert response.status_code == 200 and message in response.text


def test_staff_download_agencies_as_xlsx(staff_client):
    AgencyFactory(name="Food Bank")
    response = staff_client.get("/admin/directory/export/?kind=agencies&format=xlsx")
    assert response["Content-Disposition"].startswith('attachment; filename="agencies-')
    assert response.content[:2] == b"PK"  # a zip archive, as every XLSX file is


def test_files_of_abandoned_previews_are_removed_a_day_later(staff_client, tmp_path):
    abandoned = tmp_path / "tmp" / "imports" / ("0" * 32)
    abandoned.parent.mkdir(parents=True)
    abandoned.write_bytes(b"name\nOld\n")
    os.utime(abandoned, (time.time() - 2 * 86400,) * 2)
    _upload(staff_client, b"name,zip_code\nFood Bank,21044\n")
    assert not abandoned.exists()
