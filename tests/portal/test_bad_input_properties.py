"""Arbitrary text in every public search and form: any answer but a server error (property-based, hypothesis).

The test client re-raises a view's exception, so a 500 fails with its traceback and the example that caused it.
"""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.aid_requests.conftest import ABOUT, CHILDREN
from tests.aid_requests.conftest import step_data as apply_step
from tests.aid_requests.factories import HouseholdFactory
from tests.holiday_drive.conftest import GUARDIAN
from tests.holiday_drive.conftest import step_data as register_step
from tests.holiday_drive.factories import HolidayCampaignPageFactory
from tests.resources.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db

PROPERTY = settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
TRICKY = ['"', '"""', 'dentist"', "AND", "NEAR(a b)", "a*", "^a", "-a", "(", "a:b", "\x00", "a\x01\x7f", "", " "]
TRICKY += ["99999999999999999999", "-1", "0", "1e30", "nan", "inf", "²", "٣", "x" * 10_000, "%s", "'", "\\", "../"]
TEXT = st.one_of(st.text(max_size=30), st.sampled_from(TRICKY), st.integers().map(str))

SEARCHES = [("/search/", "q"), ("/connection-center/", "q"), ("/es/connection-center/", "q")]
SEARCHES += [(f"/api/hsds/{path}", "search") for path in ("services", "organizations", "taxonomy_terms", "taxonomies")]
DIRECTORY = ["q", "near", "radius", "category", "language", "open_now", "free", "page"]
API = ["search", "page", "per_page", "postcode", "proximity", "modified_after", "taxonomy_id", "taxonomy_term_id"]
API += ["organization_id", "parent_id", "full", "full_service", "top_only", "format"]
API_LISTS = ["services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms"]
APPLY = ["about-guardian_name", "about-zip_code", "about-phone", "about-contact_method", "children-TOTAL_FORMS"]
APPLY += ["children-0-first_name", "children-0-age", "needs-kinds", "needs-children", "needs-urgency"]
APPLY += ["consent-consent", "wizard_goto_step", "add_child"]
REGISTER = ["guardian-guardian_name", "guardian-zip_code", "guardian-referral_code", "children-TOTAL_FORMS"]
REGISTER += ["children-0-first_name", "children-0-age", "children-0-wish_1", "packages-packages"]
REGISTER += ["packages-pickup_slot", "packages-consent", "wizard_goto_step", "add_child"]
FORMS = {
    "/requests/status/": ["reference", "zip_code"],
    "/requests/withdraw/": ["reference", "zip_code", "request_id"],
    "/holiday/pickup/": ["family_number", "contact"],
    "/holiday/pickup/time/": ["pickup_slot"],
    "/i18n/setlang/": ["language", "next"],
    "/accounts/login/": ["login", "password"],
    "/accounts/signup/": ["email", "password1", "password2"],
    "/accounts/password/reset/": ["email"],
}


def fields(names):
    return st.dictionaries(st.sampled_from(names), TEXT, max_size=len(names))


def answers(response):
    assert response.status_code < 500


@pytest.fixture
def site(home, directory):
    """A directory with one program, a Spanish home and an open holiday campaign."""
    ResourcePageFactory(parent=directory, title="Warm coats", summary="coats")
    return HolidayCampaignPageFactory(parent=home)


@PROPERTY
@given(text=TEXT)
def test_no_search_fails_whatever_is_typed(client, site, text):
    for path, name in SEARCHES:
        answers(client.get(path, {name: text}))


@PROPERTY
@given(query=fields(DIRECTORY))
def test_no_directory_filter_fails(client, site, query):
    answers(client.get("/connection-center/", query))


@PROPERTY
@given(path=st.sampled_from(API_LISTS), query=fields(API))
def test_no_hsds_api_parameter_fails(client, site, path, query):
    answers(client.get(f"/api/hsds/{path}", query))


@PROPERTY
@given(step=st.one_of(st.sampled_from(["about", "children", "needs", "consent"]), TEXT), data=fields(APPLY))
@pytest.mark.parametrize("answered", [0, 2])
def test_no_step_of_the_application_fails(client, site, answered, step, data):
    cache.clear()  # rate limits
    client.get("/requests/apply/?restart=1")
    for name, value in [("about", ABOUT), ("children", CHILDREN)][:answered]:
        client.post("/requests/apply/", apply_step(name, value))
    answers(client.post("/requests/apply/", data | {"apply_wizard-current_step": step}))


@PROPERTY
@given(step=st.one_of(st.sampled_from(["guardian", "children", "packages"]), TEXT), data=fields(REGISTER))
@pytest.mark.parametrize("answered", [0, 2])
def test_no_step_of_the_holiday_registration_fails(client, site, answered, step, data):
    cache.clear()
    client.get("/holiday/register/?restart=1")
    for name, value in [("guardian", GUARDIAN), ("children", CHILDREN)][:answered]:
        client.post("/holiday/register/", register_step(name, value))
    answers(client.post("/holiday/register/", data | {"register_wizard-current_step": step}))


@PROPERTY
@given(path=st.sampled_from(list(FORMS)), data=st.data())
def test_no_other_public_form_fails(client, site, path, data):
    cache.clear()
    answers(client.post(path, data.draw(fields(FORMS[path]))))


@pytest.fixture
def household(family):
    return HouseholdFactory(user=family)


@PROPERTY
@given(data=fields(["guardian_name", "phone", "email", "preferred_language", "contact_method"]))
def test_a_familys_contact_form_never_fails(family_client, household, data):
    answers(family_client.post("/my/contact/", data))
