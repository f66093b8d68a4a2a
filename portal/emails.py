"""The one way the site sends an email: `emails/<template>.txt` and `.html` rendered into one message."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from wagtail.models import Site

from portal.models import SiteSettings


def send_email(template, subject, recipients, context):
    """Render `emails/<template>.txt` and `.html` and send them as one email; every app's emails go through here."""
    site = Site.objects.get(is_default_site=True)
    context = {**context, "office": SiteSettings.for_site(site), "site_url": settings.WAGTAILADMIN_BASE_URL}
    text = render_to_string(f"emails/{template}.txt", context)
    html = render_to_string(f"emails/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, recipients)
    message.attach_alternative(html, "text/html")
    message.send()
