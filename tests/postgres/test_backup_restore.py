"""A backup of the demo site, restored into a new PostgreSQL database by `manage.py restore`, serves families again."""

import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction

from aid_requests.models import AidRequest
from portal import backups, demo

CHECKOUT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reference_data")]

# Run in the restored site: a family checks its request by code and ZIP, as on /requests/status/.
STATUS_LOOKUP = """
import os
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
form = {"reference": os.environ["REFERENCE"], "zip_code": os.environ["ZIP_CODE"]}
print(Client().post("/requests/status/", form).text)
"""


def server(database):
    """psycopg connection to `database` on the test database's server, in autocommit."""
    own = connection.settings_dict
    return psycopg.connect(
        host=own["HOST"], port=own["PORT"], user=own["USER"], password=own["PASSWORD"], dbname=database, autocommit=True
    )


@pytest.fixture
def new_database():
    name = f"restored_{uuid.uuid4().hex[:10]}"
    with server("postgres") as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with server("postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(database, media_root, *arguments, **environment):
    """Run manage.py in a fresh process whose DATABASE_URL and MEDIA_ROOT are the restored site's."""
    own = connection.settings_dict
    url = f"postgres://{own['USER']}:{quote(own['PASSWORD'] or '')}@{own['HOST']}:{own['PORT']}/{database}"
    environment.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=CHECKOUT,
        env=os.environ | environment | {"DATABASE_URL": url, "MEDIA_ROOT": str(media_root)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def row_counts(database):
    """Rows in every table of the public schema, read with psycopg, not with the code under test."""
    with server(database) as session:
        tables = session.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        ).fetchall()
        return {table: session.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for (table,) in tables}


@pytest.fixture
def backup(settings, tmp_path):
    """A backup of the demo site plus one uploaded document."""
    settings.MEDIA_ROOT = tmp_path / "media"
    with transaction.atomic():
        demo.seed()
    default_storage.save("documents/winter-coats.pdf", ContentFile(b"%PDF coats"))
    return backups.take(tmp_path / "backups")


def test_the_demo_site_restored_into_a_new_database_has_every_row_and_answers_a_family(backup, tmp_path, new_database):
    media = tmp_path / "restored-media"
    assert "rows match its manifest" in manage(new_database, media, "restore", str(backup))
    assert row_counts(new_database) == row_counts(connection.settings_dict["NAME"])
    assert (media / "documents" / "winter-coats.pdf").read_bytes() == b"%PDF coats"
    aid_request = AidRequest.objects.select_related("household").order_by("pk").first()
    lookup = {"REFERENCE": aid_request.reference, "ZIP_CODE": aid_request.household.zip_code}
    page = manage(new_database, media, "shell", "-c", STATUS_LOOKUP, **lookup)
    assert "Status:" in page  # shown only when the code and ZIP code found a request
    assert aid_request.reference in page and aid_request.get_status_display() in page
