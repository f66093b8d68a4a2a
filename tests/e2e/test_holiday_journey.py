"""The holiday drive end to end: a family registers by keyboard only and books a pickup time, in English and in
Spanish; a volunteer at the site checks them in by their code, and a second check-in of the code is refused."""

import re

import pytest
from playwright.sync_api import expect

from holiday_drive import reviewing
from holiday_drive.demo import VOLUNTEER_EMAIL, VOLUNTEER_FIRST_NAME
from holiday_drive.models import HolidayCampaignPage, Registration
from portal.models import User
from tests.e2e.axe import assert_no_serious_violations
from tests.e2e.conftest import VIEWPORTS, sign_in_through_form
from tests.e2e.keyboard import activate, tick, type_into
from tests.e2e.screenshots import save_screenshot

PASSWORD = "journey-password-2026"
GUARDIAN = "Maria Lopez"

ENGLISH = {
    "name": "Your name",
    "phone": "Phone number",
    "zip": "ZIP code",
    "zip_error": "Enter a ZIP code of five digits, like 21044.",
    "continue": "Continue",
    "first_name": "First name",
    "age": "Age",
    "shirt": "Shirt size",
    "wish": "First wish",
    "consent": "I agree that the office keeps these answers for the holiday drive",  # the start of it
    "register": "Register my family",
    "registered": "Your family is registered",
    "choose": "Choose a pickup time",
    "save": "Save my pickup time",
    "saved": "Your pickup time is saved.",
    "pickup": "Your holiday pickup",
    "qr": "QR code of your check-in code %(code)s",
}
SPANISH = {
    "name": "Su nombre",
    "phone": "Número de teléfono",
    "zip": "Código postal",
    "zip_error": "Escriba un código postal de cinco dígitos, como 21044.",
    "continue": "Continuar",
    "first_name": "Nombre",
    "age": "Edad",
    "shirt": "Talla de camisa",
    "wish": "Primer deseo",
    "consent": "Estoy de acuerdo en que la oficina guarde estas respuestas para la campaña de fiestas",
    "register": "Inscribir a mi familia",
    "registered": "Su familia está inscrita",
    "choose": "Elegir un horario de recogida",
    "save": "Guardar mi horario de recogida",
    "saved": "Su horario de recogida está guardado.",
    "pickup": "Su recogida de fiestas",
    "qr": "Código QR de su código de llegada %(code)s",
}
WORDS = {"en": ENGLISH, "es": SPANISH}


@pytest.fixture
def open_places(demo_site):
    """The demo drive is full, with families waiting: raise its cap (ORM) and promote them, as staff would."""
    campaign = HolidayCampaignPage.objects.get(slug="holiday-2026")
    campaign.family_cap = 100
    campaign.save(update_fields=["family_cap"])
    while reviewing.first_waiting(campaign) is not None:
        reviewing.promote_next(campaign)
    assert not campaign.is_full()


def register_by_keyboard(page, say, axe_clean):
    axe_clean("about-you")
    type_into(page, page.get_by_label(say["name"]), GUARDIAN)
    type_into(page, page.get_by_label(say["phone"]), "410-555-0142")
    activate(page, page.get_by_role("button", name=say["continue"]))
    expect(page.get_by_role("alert")).to_contain_text(say["zip_error"])  # the ZIP was left empty
    axe_clean("about-you-errors")
    type_into(page, page.get_by_label(say["zip"], exact=True), "21044")
    activate(page, page.get_by_role("button", name=say["continue"]))

    axe_clean("children")
    type_into(page, page.get_by_label(say["first_name"], exact=True), "Ana")
    type_into(page, page.get_by_label(say["age"], exact=True), "9")
    type_into(page, page.get_by_label(say["shirt"], exact=True), "10")
    type_into(page, page.get_by_label(say["wish"], exact=True), "A red bike")
    activate(page, page.get_by_role("button", name=say["continue"]))

    axe_clean("packages")  # every package is ticked already, and the pickup time is left for later
    tick(page, page.get_by_label(say["consent"]))
    activate(page, page.get_by_role("button", name=say["register"]))
    expect(page.get_by_role("heading", level=1)).to_have_text(say["registered"])
    axe_clean("registered")


def book_the_first_pickup_time(page, say, axe_clean):
    activate(page, page.get_by_role("link", name=say["choose"]))
    expect(page.get_by_role("heading", level=1)).to_have_text(say["choose"])
    axe_clean("choose-pickup")
    tick(page, page.get_by_role("radio").first)  # none is chosen yet, so Tab lands on the soonest time
    activate(page, page.get_by_role("button", name=say["save"]))
    expect(page.get_by_role("heading", level=1)).to_have_text(say["pickup"])
    expect(page.get_by_text(say["saved"])).to_be_visible()


@pytest.mark.usefixtures("open_places")
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_a_family_registers_and_books_by_keyboard_then_a_volunteer_checks_them_in(
    page, browser, live_server, axe_clean, language
):
    say = WORDS[language]
    page.goto("/holiday/register/")
    if language == "es":
        activate(page, page.get_by_role("button", name="Español"))
        expect(page.locator("html")).to_have_attribute("lang", "es")
    register_by_keyboard(page, say, axe_clean)
    book_the_first_pickup_time(page, say, axe_clean)

    registration = Registration.objects.get(household__guardian_name=GUARDIAN)
    code = registration.check_in_code
    assert re.fullmatch(r"[2-9A-Z]{6}", code) and registration.pickup_slot is not None
    expect(page.get_by_text(registration.family_number)).to_be_visible()
    expect(page.locator("strong", has_text=code)).to_be_visible()
    expect(page.get_by_role("img", name=say["qr"] % {"code": code})).to_be_visible()
    axe_clean("confirmation")
    save_screenshot(page, f"holiday-pickup-confirmation-{language}")

    # The office checks every registration before the pickup days (the admin's Confirm, tested in tests/holiday_drive).
    reviewing.confirm(registration)
    volunteer = browser.new_context(base_url=live_server.url, **VIEWPORTS["phone"])
    check_in_twice(volunteer.new_page(), code, registration.family_number, language)
    volunteer.close()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.PICKED_UP
    assert registration.checked_in_by.email == VOLUNTEER_EMAIL


def check_in_twice(page, code, family_number, language):
    """The volunteer types the code and marks the family picked up; the same code again is refused."""
    sign_in(page, VOLUNTEER_EMAIL)
    page.goto("/holiday/checkin/")

    def axe_clean(label):  # the fixture checks the family's page; the volunteer has a browser context of their own
        assert_no_serious_violations(page, f"holiday-journey-volunteer-{language}-{label}")

    axe_clean("checkin")
    look_up(page, code)
    expect(page.get_by_role("heading", level=2, name=f"Family {family_number}")).to_be_visible()
    axe_clean("checkin-found")
    activate(page, page.get_by_role("button", name="Mark picked up"))
    expect(page.get_by_text(f"Family {family_number} is picked up.")).to_be_visible()
    axe_clean("checkin-picked-up")

    look_up(page, code)
    already = f"Family {family_number} was already picked up on"
    expect(page.get_by_role("status").filter(has_text=already)).to_contain_text(f"by {VOLUNTEER_FIRST_NAME}.")
    expect(page.get_by_role("button", name="Mark picked up")).to_have_count(0)
    axe_clean("checkin-again")


def look_up(page, code):
    type_into(page, page.get_by_label("Check-in code"), code.lower())  # as typed in a hurry: case does not matter
    activate(page, page.get_by_role("button", name="Find", exact=True))


def sign_in(page, email):
    user = User.objects.get(email=email)
    user.set_password(PASSWORD)  # the demo passwords work only with DEBUG on
    user.save()
    sign_in_through_form(page, email, PASSWORD)
