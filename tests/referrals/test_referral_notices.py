"""The referred family's first message goes through portal.notices: by text only when the referrer states the
family agreed to be texted about it, otherwise by email; one segment in both languages, nothing sensitive; and
a school's referral never counts as the family's consent to texts until the family confirms."""

import pytest
from django.core import mail

from portal.models import FamilyNotice
from portal.sms.segments import encoding, segments
from referrals.models import Referral
from tests.referrals.conftest import family_link
from tests.referrals.test_family_link import confirm_data

pytestmark = pytest.mark.django_db
# The site's address as deployed (about this long): the token link must leave room for the words.
SITE = "https://help.example.org"
SENSITIVE = ["Beto", "Rosa", "Quintero", "Running Brook", "vision", "Vision", "glasses", "visión", "21044"]


def texter(**overrides):
    return {"contact_method": "text", "phone": "410-555-0123", "email": "", **overrides}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_family_the_referrer_says_agreed_to_a_text_gets_one_text_of_one_segment(
    refer, text_outbox, settings, language
):
    settings.WAGTAILADMIN_BASE_URL = SITE
    _response, referral = refer(**texter(texts_agreed="on", preferred_language=language))

    assert referral.texts_agreed is True
    assert mail.outbox == []
    [text] = text_outbox
    assert text.to == "+14105550123"
    assert segments(text.body) == 1 and encoding(text.body) == "GSM-7", (len(text.body), text.body)
    assert referral.request.reference in text.body
    assert f"{SITE}/referrals/family/" in text.body
    assert not [word for word in SENSITIVE if word in text.body], text.body
    notice = FamilyNotice.objects.get()
    assert (notice.name, notice.channel, notice.status) == ("referral_received", "text", "sent")


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_family_that_chose_email_gets_the_email_in_its_language(refer, text_outbox, language):
    _response, referral = refer(preferred_language=language)

    assert text_outbox == []
    [email] = mail.outbox
    assert email.to == ["rosa.family@example.org"]
    assert referral.request.reference in email.body
    assert ("Your reference code" in email.body) == (language == "en")
    assert FamilyNotice.objects.get().channel == "email"


def test_without_the_referrers_statement_a_family_that_chose_texts_gets_email_not_a_text(refer, text_outbox):
    _response, referral = refer(**texter(email="rosa.family@example.org"))

    assert referral.texts_agreed is False
    assert text_outbox == []
    assert [message.to for message in mail.outbox] == [["rosa.family@example.org"]]
    assert FamilyNotice.objects.get().channel == "email"


def test_without_the_statement_or_an_email_nothing_is_sent_and_nothing_pretends(refer, text_outbox):
    _response, referral = refer(**texter())
    assert text_outbox == [] and mail.outbox == []
    assert not FamilyNotice.objects.exists()
    assert Referral.objects.get().pk == referral.pk  # the referral itself is saved: the office calls


def test_a_schools_referral_is_not_the_familys_consent_to_texts(refer, text_outbox):
    _response, referral = refer(**texter(texts_agreed="on"))
    household = referral.request.household
    household.refresh_from_db()
    assert household.text_consent_at is None
    household.save()  # a staff edit or an import records nothing either
    household.refresh_from_db()
    assert household.text_consent_at is None


def test_the_confirmation_page_shows_the_consent_wording_and_confirming_texts_records_it(
    refer, family_browser, post, text_outbox
):
    _response, referral = refer(texts_agreed="", preferred_language="en", **texter(email="rosa.family@example.org"))
    link = family_link()
    page = family_browser.get(link).content.decode()
    assert "data rates may apply" in page and "Reply STOP to stop" in page

    post(family_browser, link, confirm_data(referral, **{"family-contact_method": "text"}))

    household = referral.request.household
    household.refresh_from_db()
    assert household.text_consent_at is not None
    assert "Msg & data rates may apply" in household.text_consent_wording


def test_staff_see_whether_the_first_message_could_go_by_text(refer, staff_client, text_outbox):
    _response, referral = refer(**texter(texts_agreed="on"))
    page = staff_client.get(f"/admin/requests/{referral.request_id}/").content.decode()
    assert "the referrer stated the family agreed to a text about this referral" in page
