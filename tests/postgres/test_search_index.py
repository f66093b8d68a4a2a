"""The site's PostgreSQL search index writes the rows modelsearch's own index writes, and finds what it should."""

import pytest
from modelsearch.backends.database.postgres.postgres import IndexEntry
from modelsearch.backends.database.postgres.postgres import PostgresIndex as ModelsearchIndex
from wagtail.search.backends import get_search_backend

from portal.search_index import PostgresIndex
from resources.models import Agency, ResourcePage, ServiceCategory
from tests.resources.factories import AgencyFactory, ResourcePageFactory, ServiceCategoryFactory

pytestmark = pytest.mark.django_db
COLUMNS = ("object_id", "title::text", "autocomplete::text", "body::text", "title_norm", "title_text", "body_text")


def _rows(index_class, model):
    """The index entries of `model`'s objects as `index_class` writes them, every vector as text."""
    IndexEntry.objects.all().delete()
    index_class(get_search_backend()).add_items(model, list(model.get_indexed_objects().order_by("pk")))
    columns = ", ".join(COLUMNS)
    return list(IndexEntry.objects.raw(f"SELECT id, {columns} FROM {IndexEntry._meta.db_table} ORDER BY object_id"))


def _values(entries):
    return [tuple(getattr(entry, column.split("::")[0]) for column in COLUMNS) for entry in entries]


@pytest.fixture
def programs(directory):
    pantry = ServiceCategoryFactory(slug="food-pantry")
    meals = ServiceCategoryFactory(slug="meals")
    ResourcePageFactory(parent=directory, title="Adoption help", agency=AgencyFactory(description=""))
    ResourcePageFactory(parent=directory, title="Pantry", summary="Groceries", eligibility="Howard County families")
    ResourcePageFactory(parent=directory, title="Suppers", description="Every evening", categories=[pantry, meals])


@pytest.mark.parametrize("model", [ResourcePage, Agency, ServiceCategory])
def test_it_writes_the_rows_modelsearch_writes(programs, model):
    assert _values(_rows(PostgresIndex, model)) == _values(_rows(ModelsearchIndex, model))


def test_programs_it_indexed_are_found_by_title_summary_and_category(programs):
    _rows(PostgresIndex, ResourcePage)
    for words, title in [
        ("adoption", "Adoption help"),
        ("howard", "Pantry"),
        ("groceries", "Pantry"),
        ("meals", "Suppers"),
    ]:
        assert [program.title for program in ResourcePage.objects.search(words)] == [title]
