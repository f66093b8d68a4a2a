"""Directory exports never hand staff a live formula, and a file we exported imports back unchanged (issue 16)."""

import pytest

from resources.models import Agency
from resources.transfer import export_content, import_dataset, read_dataset
from tests.resources.factories import AgencyFactory, ServiceCategoryFactory
from tests.spreadsheet_checks import HYPERLINK, SUM, assert_csv_is_safe, assert_xlsx_is_safe

pytestmark = pytest.mark.django_db


@pytest.fixture
def formulas():
    AgencyFactory(name=HYPERLINK, phone="+1 410 555 0100", city=SUM)
    ServiceCategoryFactory(name="@SUM(A1:A2)", description="-1+1")


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/resources/agency/?export={}",
        "/admin/snippets/resources/servicecategory/?export={}",
        "/admin/directory/export/?kind=agencies&format={}",
    ],
)
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_every_directory_export_writes_formulas_as_text(staff_client, formulas, url, export):
    response = staff_client.get(url.format(export))
    typed = [HYPERLINK, SUM] if "agency" in url or "agencies" in url else ["@SUM(A1:A2)", "-1+1"]
    (assert_csv_is_safe if export == "csv" else assert_xlsx_is_safe)(response, *typed)


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_an_exported_agency_file_imports_back_with_the_values_as_typed(formulas, extension):
    content, _count = export_content("agencies", extension)
    Agency.objects.update(name="Renamed", city="Elsewhere")
    outcome = import_dataset(read_dataset(content, extension), "agencies")
    assert outcome.imported, outcome.problems
    assert Agency.objects.filter(name=HYPERLINK, city=SUM, phone="+1 410 555 0100").exists()
