"""A parent asks for school supplies and clothing for two children, by keyboard only, then checks the status."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.keyboard import activate, tick, type_into
from tests.e2e.screenshots import save_screenshot

pytestmark = pytest.mark.usefixtures("demo_site")

WORDS = {
    "en": {
        "name": "Your name",
        "phone": "Phone number",
        "zip": "ZIP code",
        "continue": "Continue",
        "first_name": "First name",
        "age": "Age",
        "add_child": "Add another child",
        "supplies": "School supplies",
        "clothing": "Clothing",
        "consent": "I agree",
        "send": "Send my request",
        "received": "We received your request",
        "check": "Check my request",
        "code": "Reference code",
        "check_button": "Check",
        "status": "Received",
        "zip_error": "Enter a ZIP code of five digits",
    },
    "es": {
        "name": "Su nombre",
        "phone": "Número de teléfono",
        "zip": "Código postal",
        "continue": "Continuar",
        "first_name": "Nombre",
        "age": "Edad",
        "add_child": "Agregar otro niño",
        "supplies": "Útiles escolares",
        "clothing": "Ropa",
        "consent": "Estoy de acuerdo",
        "send": "Enviar mi solicitud",
        "received": "Recibimos su solicitud",
        "check": "Ver mi solicitud",
        "code": "Código de referencia",
        "check_button": "Ver",
        "status": "Recibida",
        "zip_error": "Escriba un código postal de cinco dígitos",
    },
}


def fill_about(page, words, axe_clean):
    type_into(page, page.get_by_label(words["name"]), "Maria Lopez")
    type_into(page, page.get_by_label(words["phone"]), "410-555-0142")
    activate(page, page.get_by_role("button", name=words["continue"]))
    expect(page.get_by_role("alert")).to_contain_text(words["zip_error"])  # the ZIP was left empty
    axe_clean("about-errors")
    type_into(page, page.get_by_label(words["zip"], exact=True), "21044")
    activate(page, page.get_by_role("button", name=words["continue"]))


def fill_children(page, words):
    type_into(page, page.get_by_label(words["first_name"]).nth(0), "Ana")
    type_into(page, page.get_by_label(words["age"], exact=True).nth(0), "9")
    activate(page, page.get_by_role("button", name=words["add_child"]))
    type_into(page, page.get_by_label(words["first_name"]).nth(1), "Luis")
    type_into(page, page.get_by_label(words["age"], exact=True).nth(1), "6")
    activate(page, page.get_by_role("button", name=words["continue"]))


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("page", ["phone"], indirect=True)
def test_apply_by_keyboard_then_check_the_status(page, axe_clean, language):
    words = WORDS[language]
    page.goto("/requests/apply/")
    if language == "es":
        activate(page, page.get_by_role("button", name="Español"))
    axe_clean("about")
    fill_about(page, words, axe_clean)
    axe_clean("children")
    fill_children(page, words)
    axe_clean("needs")
    tick(page, page.get_by_label(words["supplies"], exact=True))
    tick(page, page.get_by_label(words["clothing"], exact=True))
    tick(page, page.get_by_label("Luis"))  # Ana is not ticked yet either; tick both
    tick(page, page.get_by_label("Ana"))
    activate(page, page.get_by_role("button", name=words["continue"]))
    axe_clean("consent")
    tick(page, page.get_by_label(re.compile(words["consent"])))
    activate(page, page.get_by_role("button", name=words["send"]))

    expect(page.get_by_role("heading", level=1)).to_have_text(words["received"])
    axe_clean("done")
    save_screenshot(page, f"apply-done-{language}")
    code = page.locator(".reference").first.inner_text()
    assert re.fullmatch(r"CC-[2-9A-Z]{4}-[2-9A-Z]{4}", code)
    activate(page, page.get_by_role("link", name=words["check"]))
    type_into(page, page.get_by_label(words["code"]), code)
    type_into(page, page.get_by_label(words["zip"]), "21044")
    activate(page, page.get_by_role("button", name=words["check_button"], exact=True))
    expect(page.get_by_text(code)).to_be_visible()
    expect(page.locator("strong", has_text=words["status"]).first).to_be_visible()
    axe_clean("status")
    save_screenshot(page, f"apply-status-{language}")
