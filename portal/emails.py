"""Rendering and sending an email from `emails/<template>.txt` and `.html`: families', agencies' and staff's alike.

The .txt half is rendered by the `plain_text` template engine, which escapes nothing: an apostrophe in a
name stays an apostrophe. Subjects never carry a name or a code.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from wagtail.models import Site

from portal.models import SiteSettings


def context_for_emails(context):
    """`context` with what every email and text shows: the office's settings and the site's address."""
    site = Site.objects.filter(is_default_site=True).first()
    office = SiteSettings.for_site(site) if site is not None else None
    return {
        **context,
        "office": office,
        "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        "sender": settings.WAGTAIL_SITE_NAME,
    }


def render_plain_text(template_name, context):
    return render_to_string(template_name, context, using="plain_text")


def render_email(template, subject, context):
    """{"subject", "text", "html"} of `emails/<template>` in the active language."""
    context = context_for_emails(context)
    return {
        "subject": str(subject),
        "text": render_plain_text(f"emails/{template}.txt", context),
        "html": render_to_string(f"emails/{template}.html", context),
    }


def send_rendered(rendered, recipients):
    message = EmailMultiAlternatives(rendered["subject"], rendered["text"], settings.DEFAULT_FROM_EMAIL, recipients)
    message.attach_alternative(rendered["html"], "text/html")
    message.send()


def send_email(template, subject, recipients, context):
    """Render `emails/<template>.txt` and `.html` and send them as one email."""
    send_rendered(render_email(template, subject, context), recipients)
