"""A nurse refers a family: what is saved, what the family gets, and bad input that saves nothing."""

import pytest
from django.core import mail

from aid_requests.models import AidRequest, Household
from referrals.models import Referral
from tests.referrals.conftest import family_link, referral_data

pytestmark = pytest.mark.django_db


def test_a_referral_waits_for_the_family_who_gets_a_short_message_with_a_link(refer, nurse, school):
    response, referral = refer()

    assert response.status_code == 302 and response.url == f"/referrals/{referral.pk}/"
    aid_request = referral.request
    assert aid_request.status == "awaiting" and aid_request.kind.slug == "vision"
    household = aid_request.household
    assert household.school == school and household.preferred_language == "es"
    assert household.consent_to_share is False  # only the family gives it
    assert [child.first_name for child in aid_request.children.all()] == ["Beto"]
    assert referral.referred_by == nurse and referral.consent_method == "in_person"
    [message] = mail.outbox
    assert message.to == ["rosa.family@example.org"]
    assert "Rosa" not in message.subject and aid_request.reference not in message.subject
    assert aid_request.reference in message.body and "/referrals/family/" in message.body
    # Short and free of sensitive details: no child, no kind of help, no school, no office note.
    for private in ("Beto", "vision", "Vision", "Running Brook", "Squints"):
        assert private not in message.body
    assert "Hola" in message.body  # in the family's language


def test_the_referrer_is_sent_to_the_referral_which_says_it_waits_for_the_family(refer, nurse_client):
    response, referral = refer()
    page = nurse_client.get(response.url).content.decode()
    assert "Waiting for the family" in page and "Rosa Quintero" in page
    assert referral.request.reference not in page  # with the ZIP it would open the family's own status page


def test_a_double_submit_makes_one_referral_and_one_message(post, nurse_client, school):
    data = referral_data(school)
    first = post(nurse_client, "/referrals/new/", data)
    second = post(nurse_client, "/referrals/new/", data)
    assert Referral.objects.count() == 1 and AidRequest.objects.count() == 1 and Household.objects.count() == 1
    assert first.url == second.url
    assert len(mail.outbox) == 1


def test_a_referral_without_any_contact_is_refused_and_saves_nothing(refer):
    response, referral = refer(email="", phone="")
    assert response.status_code == 200 and referral is None
    assert "Give the family’s mobile phone or email address" in response.content.decode()
    assert Household.objects.count() == 0 and not mail.outbox


def test_texts_need_a_phone_number(refer):
    response, referral = refer(contact_method="text", phone="")
    assert referral is None
    assert "Enter the family’s mobile phone, or choose email." in response.content.decode()


def test_an_unknown_school_or_one_the_referrer_is_not_linked_to_is_refused(refer, other_school):
    for school_id in (str(other_school.pk), "999999", "99999999999999999999", "abc"):
        response, referral = refer(school=school_id)
        assert response.status_code == 200 and referral is None
        assert "Choose one of your schools from the list." in response.content.decode()
    assert Household.objects.count() == 0


def test_the_referrer_must_state_how_the_family_agreed(refer):
    response, referral = refer(consent_stated=None, consent_method=None)
    page = response.content.decode()
    assert referral is None
    assert "Say how the family agreed." in page and "only when they agreed" in page


def test_clothing_needs_a_size_and_a_grade_alone_gives_an_age(refer):
    response, referral = refer(kind="clothing")
    assert referral is None and "Clothing needs at least one size." in response.content.decode()

    response, referral = refer(**{"kind": "clothing", "children-0-age": "", "children-0-size_top": "10"})
    child = referral.request.children.get()
    assert child.age == 8 and child.grade == "3"  # the usual age at the start of grade 3


def test_a_child_needs_an_age_or_a_grade(refer):
    response, referral = refer(**{"children-0-age": "", "children-0-grade": ""})
    assert referral is None and "Enter the child’s age or grade." in response.content.decode()


def test_a_tampered_form_key_saves_nothing(refer):
    response, referral = refer(submission_key="not-a-key")
    assert referral is None and "This form is too old" in response.content.decode()


def test_the_form_works_in_spanish(nurse_client, school):
    nurse_client.cookies["django_language"] = "es"
    page = nurse_client.get("/referrals/new/").content.decode()
    assert "Remitir a una familia" in page and school.name in page


def test_the_link_the_family_gets_is_single_use_and_names_nothing(refer):
    refer()
    link = family_link()
    token = link.removeprefix("/referrals/family/").strip("/")
    assert len(token) >= 22  # 128 random bits, short enough for the link to fit in one text
    assert Referral.objects.get().token_hash != token  # only its hash is stored


def test_a_phone_number_is_read_as_the_application_reads_it(refer):
    response, referral = refer(phone="410-55")
    assert referral is None and Household.objects.count() == 0
    assert "This phone number is too short" in response.content.decode()

    _response, referral = refer(phone="(410) 555-0123")
    assert referral.request.household.phone == "+14105550123"
