"""Pages in Spanish: their URLs under /es/, the language switcher, and the language remembered."""

from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, Page

from holiday_drive.models import HolidayCampaignPage
from holiday_drive.models.campaigns import current_campaign
from portal.demo_es import translate
from tests.factories import StandardPageFactory
from tests.holiday_drive.factories import HolidayCampaignPageFactory

pytestmark = pytest.mark.django_db
COOKIE = settings.LANGUAGE_COOKIE_NAME


@pytest.fixture
def spanish():
    return Locale.objects.get(language_code="es")


@pytest.fixture
def spanish_home(home, spanish):
    return translate(home, spanish, title="Ayuda para estudiantes y familias")


@pytest.fixture
def about(home, spanish_home, spanish):
    """An English page whose Spanish translation has its own slug."""
    page = StandardPageFactory(parent=home, title="About us", slug="about-us")
    translate(page, spanish, title="Quiénes somos", slug="quienes-somos")
    return page


def test_the_spanish_home_is_at_es_in_spanish(client, spanish_home):
    html = client.get("/es/").text
    assert '<html lang="es">' in html
    assert "<h1>Ayuda para estudiantes y familias</h1>" in html
    assert "Saltar al contenido principal" in html


def test_the_english_home_keeps_its_url(client, spanish_home):
    html = client.get("/").text
    assert '<html lang="en">' in html and "<h1>Help for students and families</h1>" in html


def test_a_visitor_who_chose_spanish_lands_on_the_spanish_home(client, spanish_home):
    client.cookies[COOKIE] = "es"
    response = client.get("/")
    assert response.status_code == 302 and response.url == "/es/"
    assert "<h1>Ayuda para estudiantes y familias</h1>" in client.get(response.url).text


def test_an_english_page_without_translation_shows_in_spanish_around_it(client, home, spanish_home):
    StandardPageFactory(parent=home, title="Only in English", slug="only-english")
    client.cookies[COOKIE] = "es"
    html = client.get("/only-english/").text
    assert "<h1>Only in English</h1>" in html and "Pedir ayuda" in html


def test_switching_to_spanish_on_a_page_goes_to_its_translation(client, about):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/about-us/"})
    assert response.status_code == 302 and response.url == "/es/quienes-somos/"
    assert response.cookies[COOKIE].value == "es"
    assert "<h1>Quiénes somos</h1>" in client.get(response.url).text


def test_switching_to_english_on_a_spanish_page_goes_back(client, about):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/es/quienes-somos/"})
    assert response.url == "/about-us/"
    assert "<h1>About us</h1>" in client.get(response.url).text


def test_switching_on_a_page_without_translation_stays_on_it(client, home, spanish_home):
    StandardPageFactory(parent=home, title="Only in English", slug="only-english")
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/only-english/"})
    assert response.url == "/only-english/"
    assert client.get(response.url).status_code == 200


def test_the_choice_is_remembered_for_a_year(client, home):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/requests/apply/"})
    assert response.cookies[COOKIE]["max-age"] == 365 * 24 * 60 * 60
    assert '<html lang="es">' in client.get("/requests/apply/").text


def test_opening_a_spanish_page_keeps_the_rest_of_the_site_in_spanish(client, spanish_home):
    response = client.get("/es/")
    assert response.cookies[COOKIE].value == "es"
    assert '<html lang="es">' in client.get("/requests/apply/").text
    assert client.get("/").url == "/es/"


def test_a_signed_in_family_gets_its_language_back_at_sign_in(family_client, family, password, home):
    family_client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    family.refresh_from_db()
    assert family.language == "es"
    family_client.logout()  # and its cookies, as on another device
    assert COOKIE not in family_client.cookies
    response = family_client.post("/accounts/login/", {"login": family.email, "password": password})
    assert response.status_code == 302 and response.cookies[COOKIE].value == "es"


def test_signing_in_records_the_language_in_use(client, family, password, home):
    client.cookies[COOKIE] = "es"
    client.post("/accounts/login/", {"login": family.email, "password": password})
    family.refresh_from_db()
    assert family.language == "es"


def test_site_search_shows_the_pages_of_the_visitor_s_language(client, home, spanish_home, spanish):
    page = StandardPageFactory(parent=home, title="Backpacks for school", slug="backpacks")
    translate(page, spanish, title="Mochilas (backpacks) para la escuela")
    assert 'href="/backpacks/"' in client.get("/search/?q=backpacks").text
    client.cookies[COOKIE] = "es"
    html = client.get("/search/?q=backpacks").text
    assert 'href="/es/backpacks/"' in html and 'href="/backpacks/"' not in html


def test_a_spanish_campaign_page_shows_the_drive_itself(client, home, spanish_home, spanish):
    campaign = HolidayCampaignPageFactory(parent=home)
    translate(campaign, spanish, title="Campaña de fiestas 2026", slug="fiestas-2026")
    HolidayCampaignPage.objects.filter(pk=campaign.pk).update(registration_closes=timezone.now())  # staff close it
    html = client.get("/es/fiestas-2026/").text
    assert "La inscripción está cerrada." in html and "Inscribir a mi familia" not in html
    HolidayCampaignPage.objects.filter(pk=campaign.pk).update(registration_closes=timezone.now() + timedelta(days=40))
    assert current_campaign() == campaign  # registrations go to the drive, never to its translation


def test_staff_see_the_translate_action_in_the_admin(staff_client, home):
    page = StandardPageFactory(parent=home, title="About us", slug="about-us")
    html = staff_client.get(f"/admin/pages/{page.pk}/edit/").text
    assert f'href="/admin/translation/submit/page/{page.pk}/"' in html
    assert ">Translate<" in html or "Translate this page" in html


def test_the_demo_has_every_public_page_in_spanish(client):
    call_command("seed_demo", stdout=StringIO())
    english = Page.objects.live().public().filter(depth__gt=1, locale__language_code="en")
    missing = [page.url_path for page in english if not page.get_translations().live().exists()]
    assert missing == [] and english.count() > 40
    html = client.get("/es/fiestas-2026/").text
    assert "Campaña de fiestas 2026" in html and "Inscribir a mi familia" in html
    assert "<h2>Éxito escolar</h2>" in client.get("/es/servicios-de-personal-estudiantil/").text
