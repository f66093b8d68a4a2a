import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_it_finds_a_live_page_by_a_word_in_its_body(client, home):
    StandardPageFactory(
        parent=home,
        title="Family services",
        slug="family",
        body=[("paragraph", "<p>We find glasses for children.</p>")],
    )
    response = client.get("/search/", {"q": "glasses"})
    assert response.status_code == 200
    assert '<a href="/family/">Family services</a>' in response.text


def test_it_leaves_out_unpublished_pages(client, home):
    StandardPageFactory(parent=home, title="Draft about glasses", slug="draft", live=False)
    response = client.get("/search/", {"q": "glasses"})
    assert "Draft about glasses" not in response.text
    assert "0 results" in response.text


def test_an_empty_search_shows_only_the_form(client, home):
    response = client.get("/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.text
    assert "result" not in response.text.lower().split("<main", 1)[1].split("</form>", 1)[1]
