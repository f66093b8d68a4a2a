"""The provider's calls back to us: replies from families (/texts/inbound/) and delivery reports (/texts/status/).

Both check Twilio's X-Twilio-Signature against TWILIO_AUTH_TOKEN before anything else (403 and no change
otherwise); that check is why they may skip Django's CSRF check. Both are rate-limited per client address.
"""

import unicodedata

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from portal import notices, phones, ratelimit
from portal.emails import context_for_emails
from portal.models import TextOptOut

# The words carriers and providers treat as opt-out, opt-in and help, with their Spanish forms.
STOP_WORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"}
STOP_WORDS_ES = {"PARAR", "ALTO", "DETENER", "CANCELAR", "BAJA", "BASTA"}
START_WORDS = {"START", "YES", "UNSTOP", "OPTIN"}
START_WORDS_ES = {"COMENZAR", "INICIAR", "SI", "EMPEZAR", "ALTA"}
HELP_WORDS = {"HELP", "INFO"}
HELP_WORDS_ES = {"AYUDA"}


def signature_is_valid(request):
    token = settings.TWILIO_AUTH_TOKEN
    signature = request.headers.get("X-Twilio-Signature", "")
    if not (token and signature):
        return False
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + request.get_full_path()
    return RequestValidator(token).validate(url, request.POST.dict(), signature)


def provider_only(view):
    """Rate limit, then the signature check, then the view; CSRF-exempt because the signature is the check."""

    @csrf_exempt
    @require_POST
    def checked(request):
        if ratelimit.is_limited(request, "texts", settings.SMS_WEBHOOK_POSTS_PER_MINUTE):
            return HttpResponse(status=429)
        if not signature_is_valid(request):
            return HttpResponseForbidden()
        return view(request)

    return checked


def keyword(body):
    """The first word of a reply, capitals without accents: "  sí " is "SI"."""
    words = body.split()
    if not words:
        return ""
    plain = unicodedata.normalize("NFD", words[0].upper())
    return "".join(character for character in plain if character.isalnum())


@provider_only
def inbound(request):
    """A family's reply: STOP turns texts off for its number, START back on, HELP says who we are."""
    word = keyword(request.POST.get("Body", ""))
    phone = phones.normalize(request.POST.get("From", ""))
    language = "es" if word in STOP_WORDS_ES | START_WORDS_ES | HELP_WORDS_ES else "en"
    if phone and word in STOP_WORDS | STOP_WORDS_ES:
        notices.stop_texts(phone, TextOptOut.Source.REPLY)
    elif phone and word in START_WORDS | START_WORDS_ES:
        notices.start_texts(phone)
    with translation.override(language):
        answer = reply_for(word)
    twiml = MessagingResponse()
    twiml.message(answer)
    return HttpResponse(str(twiml), content_type="text/xml")


def reply_for(word):
    context = context_for_emails({})
    office_phone = getattr(context["office"], "phone", "") or ""
    if word in STOP_WORDS | STOP_WORDS_ES:
        text = _("%(sender)s: you will get no more texts from us. Reply START to get them again.")
    elif word in START_WORDS | START_WORDS_ES:
        text = _("%(sender)s: texts are on again. Reply STOP to stop, HELP for help.")
    elif word in HELP_WORDS | HELP_WORDS_ES and office_phone:
        text = _(
            "%(sender)s: news about your request or holiday registration. Help: call %(phone)s or see "
            "%(site_url)s. Msg & data rates may apply. Reply STOP to stop."
        )
    elif word in HELP_WORDS | HELP_WORDS_ES:
        text = _(
            "%(sender)s: news about your request or holiday registration. Help: %(site_url)s. "
            "Msg & data rates may apply. Reply STOP to stop."
        )
    elif office_phone:
        text = _("%(sender)s: nobody reads replies to this number. Please call %(phone)s.")
    else:
        text = _("%(sender)s: nobody reads replies to this number. Please see %(site_url)s.")
    return notices.to_gsm(text % {**context, "phone": office_phone})


@provider_only
def delivery_status(request):
    """A delivery report: a text that failed is shown to staff and its email goes instead."""
    notices.record_delivery(
        request.POST.get("MessageSid", ""), request.POST.get("MessageStatus", ""), request.POST.get("ErrorCode", "")
    )
    return HttpResponse(status=204)
