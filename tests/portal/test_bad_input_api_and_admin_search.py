"""The HSDS API's `search` and the admin's searches read quotes, operators and control characters as plain words."""

import pytest

from tests.aid_requests.factories import AidRequestFactory
from tests.factories import StandardPageFactory
from tests.resources.factories import AgencyFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

API = "/api/hsds/"
HOSTILE = ['coats"', '"""', "coats AND", "NEAR(coats", "coats*", "^coats", "-coats", "a:b", "(", "\x00", "x" * 10_000]
AROUND_COATS = ['"coats', "coats AND", "NEAR(coats", "coats*", "^coats", "-coats", "coats\x00", "OR coats)"]


def api(client, path, search):
    response = client.get(API + path, {"search": search})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return [item.get("name") for item in response.json()["contents"]]


@pytest.mark.parametrize("path", ["services", "service_at_locations", "organizations", "taxonomy_terms", "taxonomies"])
@pytest.mark.parametrize("search", HOSTILE)
def test_every_hsds_list_answers_json_whatever_the_search(client, directory, path, search):
    ResourcePageFactory(parent=directory, title="Coats", summary="Winter coats")
    api(client, path, search)


@pytest.mark.parametrize("search", AROUND_COATS)
def test_the_hsds_api_finds_the_words_among_the_syntax(client, directory, search):
    ResourcePageFactory(parent=directory, title="Coats", summary="Winter coats", agency=AgencyFactory(name="Coats Inc"))
    ResourcePageFactory(parent=directory, title="Pantry", summary="Food")
    assert api(client, "services", search) == ["Coats"]
    assert api(client, "organizations", search) == ["Coats Inc"]


def test_a_search_without_words_is_no_search(client, directory):
    ResourcePageFactory(parent=directory, title="Coats")
    assert api(client, "services", '"" AND ^') == ["Coats"]


@pytest.mark.parametrize("query", HOSTILE)
def test_the_request_queue_search_answers_whatever_staff_type(staff_client, query):
    AidRequestFactory()
    assert staff_client.get("/admin/requests/", {"q": query}).status_code == 200


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize(
    "path",
    ["/admin/snippets/resources/agency/", "/admin/snippets/choose/resources/agency/", "/admin/choose-page/search/"],
)
def test_the_admin_listings_and_choosers_answer_whatever_staff_type(staff_client, home, path, query):
    AgencyFactory(name="Coats Inc")
    StandardPageFactory(parent=home, title="Coats", slug="coats")
    assert staff_client.get(path, {"q": query}).status_code == 200


@pytest.mark.parametrize("path", ["/admin/snippets/resources/agency/", "/admin/snippets/choose/resources/agency/"])
def test_the_agency_listing_and_chooser_find_the_words_among_the_syntax(staff_client, path):
    AgencyFactory(name="Coats Inc")
    AgencyFactory(name="Pantry Inc")
    html = staff_client.get(path, {"q": '"coats*'}).text
    assert "Coats Inc" in html and "Pantry Inc" not in html
