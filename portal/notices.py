"""The one way to tell a family something: by the channel it chose, in its language, with a record of what went.

Apps call `notify("request_received", household, {...})` with a notice's name and its data; no app picks a
channel. A family that chose texts (and agreed to the wording in CONSENT_WORDING) gets
`texts/<name>.txt`, sent by the task queue; everyone else with an email address gets `emails/<template>`.
When a text fails for good (the provider refuses it, it is not delivered, the number replied STOP) the
family gets the email instead, when it gave one. Each text and email is a FamilyNotice staff see.
"""

import logging
import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from portal import sms
from portal.emails import context_for_emails, render_email, render_plain_text, send_rendered
from portal.models import FamilyNotice, TextOptOut
from portal.sms.segments import GSM_BASIC, GSM_EXTENDED

logger = logging.getLogger(__name__)

TEXT = "text"  # Household.ContactMethod.TEXT: the base layer reads the value, it does not import the app

# Shown where a family chooses texts, and stored with the household in the words it read.
CONSENT_WORDING = _(
    "If you choose text messages, the Connection Center will text you news about your request or "
    "holiday registration: about 2 to 6 messages each. Msg & data rates may apply. "
    "Reply STOP to stop, HELP for help."
)


@dataclass(frozen=True)
class Notice:
    subject: str
    email_template: str


NOTICES = {
    "request_received": Notice(_("We received your request for help"), "request_received"),
    "status_update": Notice(_("News about your request for help"), "status_update"),
    "holiday_registered": Notice(_("You are registered for the holiday drive"), "holiday_update"),
    "holiday_waitlisted": Notice(_("You are on the holiday drive's waiting list"), "holiday_update"),
    "holiday_promoted": Notice(_("A place opened for you in the holiday drive"), "holiday_update"),
    "holiday_confirmed": Notice(_("Your holiday registration is confirmed"), "holiday_update"),
    "pickup_booked": Notice(_("Your holiday pickup time"), "pickup_booked"),
    "pickup_changed": Notice(_("Your holiday pickup time changed"), "pickup_booked"),
    "pickup_reminder": Notice(_("Your holiday pickup is tomorrow"), "pickup_reminder"),
    "referral_received": Notice(_("Your child’s school asked us to help your family"), "referral_for_family"),
}


def texts_turned_off(phone):
    return TextOptOut.objects.filter(phone=phone).exists()


def can_text(household, agreed=False):
    """True when the family chose texts, agreed to them, and its number has not asked to stop.

    `agreed`: someone recorded the family's agreement to this one text (a school's referral) before the
    family agreed to texts in general.
    """
    return (
        household.contact_method == TEXT
        and bool(household.phone)
        and (agreed or household.text_consent_at is not None)
        and not texts_turned_off(household.phone)
    )


def to_gsm(body):
    """The text in the GSM alphabet, so one segment holds 160 characters, not 70: letters it lacks lose
    their accent (á → a, as providers' "smart encoding" does); anything else becomes "?"."""
    characters = []
    for character in body:
        if character in GSM_BASIC or character in GSM_EXTENDED:
            characters.append(character)
            continue
        plain = unicodedata.normalize("NFD", character)[0]
        characters.append(plain if plain in GSM_BASIC else {"“": '"', "”": '"', "’": "'", "–": "-"}.get(character, "?"))
    return "".join(characters)


def render_text(name, household, context):
    """The text of notice `name` for the household, in the active language and the GSM alphabet."""
    context = context_for_emails({**context, "household": household})
    return to_gsm(" ".join(render_plain_text(f"texts/{name}.txt", context).split()))


def notify(name, household, context, *, may_text=None):
    """Send the family notice `name` with `context`; returns the FamilyNotice, or None when there is no way to reach it.

    `may_text`: None follows the family's own consent; True means the family agreed to this one text (see
    can_text); False sends email only. Call it once the data it tells about is committed (from a task, or
    transaction.on_commit).
    """
    notice = NOTICES[name]
    with translation.override(household.preferred_language or settings.LANGUAGE_CODE):
        email = None
        if household.email:
            email = {
                "to": household.email,
                **render_email(
                    notice.email_template, notice.subject, {**context, "household": household, "notice": name}
                ),
            }
        if household.contact_method == TEXT and household.phone and may_text is not False:
            body = render_text(name, household, context)
            record = FamilyNotice.objects.create(
                household=household,
                name=name,
                channel=FamilyNotice.Channel.TEXT,
                to=household.phone,
                body=body,
                fallback_email=email,
            )
            if can_text(household, agreed=bool(may_text)):
                deliver_text.enqueue(record.pk)
            else:
                _give_up(record, FamilyNotice.Status.OPTED_OUT, "Texts are turned off for this number.")
            return record
    if email is None:
        return None
    return _send_email(household.pk, name, email)


def _send_email(household_id, name, email):
    send_rendered(email, [email["to"]])
    return FamilyNotice.objects.create(
        household_id=household_id,
        name=name,
        channel=FamilyNotice.Channel.EMAIL,
        to=email["to"],
        status=FamilyNotice.Status.SENT,
    )


@task()
def deliver_text(notice_id):
    """Send one queued text; retried a few minutes apart while the provider cannot take it, never when it refuses.

    Each try is claimed by a conditional update, so two workers never send the same text twice.
    """
    record = FamilyNotice.objects.get(pk=notice_id)
    claimed = FamilyNotice.objects.filter(
        pk=notice_id, status=FamilyNotice.Status.QUEUED, attempts=record.attempts
    ).update(attempts=record.attempts + 1)
    if not claimed:
        return record.status
    record.attempts += 1
    if texts_turned_off(record.to):
        _give_up(record, FamilyNotice.Status.OPTED_OUT, "Texts are turned off for this number.")
        return record.status
    try:
        provider_id = sms.send_text(record.to, record.body)
    except sms.PermanentTextError as error:
        _give_up(record, FamilyNotice.Status.FAILED, str(error))
    except sms.TemporaryTextError as error:
        if record.attempts >= settings.SMS_SEND_ATTEMPTS:
            _give_up(record, FamilyNotice.Status.FAILED, str(error))
        else:
            FamilyNotice.objects.filter(pk=notice_id).update(error=str(error)[:200])
            _retry(record)
    else:
        _set_status(record, FamilyNotice.Status.SENT, provider_id=provider_id, error="")
    return record.status


def _retry(record):
    if deliver_text.get_backend().supports_defer:
        later = timezone.now() + timedelta(minutes=2**record.attempts)
        deliver_text.using(run_after=later).enqueue(record.pk)
    else:  # the immediate backend of development and tests: try again at once
        deliver_text.enqueue(record.pk)


def _set_status(record, status, **fields):
    record.status, record.status_changed_at = status, timezone.now()
    for field, value in fields.items():
        setattr(record, field, value)
    record.save(update_fields=["status", "status_changed_at", *fields])


def _give_up(record, status, error):
    """Record why the text did not go and send the email instead, once, when there is one."""
    with transaction.atomic():
        email = record.fallback_email
        _set_status(record, status, error=error[:200], fallback_email=None)
    logger.info("text notice %s not sent: %s", record.pk, status)
    if email:
        _send_email(record.household_id, record.name, email)


# Twilio's words for a text's fate, as the delivery reports say them.
DELIVERED, UNDELIVERED = {"delivered", "read"}, {"failed", "undelivered"}


def record_delivery(provider_id, provider_status, error_code=""):
    """A delivery report from the provider: staff see a failure, and the family gets the email instead."""
    record = FamilyNotice.objects.filter(provider_id=provider_id, channel=FamilyNotice.Channel.TEXT).first()
    if record is None or record.status in {FamilyNotice.Status.FAILED, FamilyNotice.Status.OPTED_OUT}:
        return record
    if provider_status in DELIVERED:
        _set_status(record, FamilyNotice.Status.DELIVERED, fallback_email=None)
    elif provider_status in UNDELIVERED:
        _give_up(record, FamilyNotice.Status.FAILED, f"Not delivered (provider error {error_code or 'unknown'}).")
    return record


def stop_texts(phone, source):
    """No more texts to `phone` until it replies START or the family turns texts back on."""
    TextOptOut.objects.get_or_create(phone=phone, defaults={"source": source})


def start_texts(phone):
    TextOptOut.objects.filter(phone=phone).delete()


def for_staff(household, limit=50):
    """What the staff page of one family shows (includes/admin_family_notices.html): its notices and opt-out."""
    return {
        "notices": list(FamilyNotice.objects.filter(household=household)[:limit]),
        "texts_opt_out": TextOptOut.objects.filter(phone=household.phone).first() if household.phone else None,
    }
