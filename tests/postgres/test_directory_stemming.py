"""Only PostgreSQL's full-text search stems words: the directory finds what Wagtail's own search finds."""

import pytest

from tests.resources.test_directory_ranking import programs, titles, wagtail_order  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


def test_postgresql_finds_other_forms_of_a_word(directory, programs):  # noqa: F811
    assert titles(directory, "q=pantries") == wagtail_order("pantries") != []
