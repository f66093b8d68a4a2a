from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from resources.models import Agency, ResourcePage
from tests.resources.factories import AgencyFactory

pytestmark = pytest.mark.django_db

AGENCIES = 'name,zip_code,languages\nFood Bank,21044,"en, es"\nClinic,21043,\n'
PROGRAMS = "title,agency,categories,summary\nPantry,Food Bank,food,Food\nToys,Food Bank,toys,Toys\n"


def _run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_resources_tells_the_kind_from_the_columns_and_sums_up(tmp_path):
    (tmp_path / "list.csv").write_text(AGENCIES)
    assert _run("import_resources", str(tmp_path / "list.csv")) == "Imported agencies: 2 created, 0 updated.\n"
    assert Agency.objects.count() == 2


def test_a_dry_run_saves_nothing(tmp_path):
    (tmp_path / "list.csv").write_text(AGENCIES)
    out = _run("import_resources", str(tmp_path / "list.csv"), "--dry-run")
    assert out == "Ready to import agencies: 2 to create, 0 to update.\n"
    assert not Agency.objects.exists()


def test_bad_rows_are_listed_and_the_command_fails_importing_nothing(tmp_path, directory):
    AgencyFactory(name="Food Bank")
    (tmp_path / "programs.csv").write_text(PROGRAMS)
    out = StringIO()
    with pytest.raises(CommandError, match="^1 problem on 1 line: nothing was imported.$"):
        call_command("import_resources", str(tmp_path / "programs.csv"), "--kind", "programs", stdout=out)
    assert out.getvalue() == 'Line 3, categories: Unknown category "toys".\n'
    assert not ResourcePage.objects.exists()


def test_an_unreadable_file_fails_with_a_plain_message(tmp_path):
    (tmp_path / "list.json").write_text("{not json")
    with pytest.raises(CommandError, match="This is not a JSON file we can read"):
        call_command("import_resources", str(tmp_path / "list.json"))


def test_export_resources_writes_a_file_import_resources_reads_back(tmp_path):
    AgencyFactory(name="Food Bank")
    assert (
        _run("export_resources", str(tmp_path / "agencies.json"))
        == f"Exported 1 agencies to {tmp_path}/agencies.json.\n"
    )
    out = _run("import_resources", str(tmp_path / "agencies.json"))
    assert out == "Imported agencies: 0 created, 1 updated.\n"
