import pytest

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_the_one_login_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/admin/"


def test_wagtails_own_login_form_redirects_to_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/admin/pages/"


def test_staff_open_the_admin(staff_client):
    response = staff_client.get("/admin/")
    assert response.status_code == 200
    assert "Dashboard" in response.text


def test_a_family_is_refused_the_admin(family_client):
    response = family_client.get("/admin/pages/")
    assert response.status_code == 403
    assert "This area is for office staff" in response.text


def test_an_agency_user_is_refused_the_admin(agency_client):
    assert agency_client.get("/admin/").status_code == 403


def test_a_signed_in_family_is_not_bounced_between_login_and_admin(family_client):
    response = family_client.get("/accounts/login/?next=/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 1
