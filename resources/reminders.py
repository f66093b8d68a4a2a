"""The yearly review: email each agency whose programs fall due, once per program, stage and cycle.

Each of the agency's people gets their own email, with a link that shows the agency's programs once without
signing in (resources/review_links.py); changing anything needs them to sign in.

A program falls due LISTING_REVIEW_DUE_MONTHS after its last check and gets a reminder at
LISTING_REMINDER_MONTHS; a ListingReminder row per program, stage and check date is the claim, so a
second run (or a second scheduler) sends nothing, and a new check starts a new cycle.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from portal.emails import send_email
from resources import freshness, review_links
from resources.models import ListingReminder, ResourcePage

NEVER_CHECKED = datetime.date(1900, 1, 1)  # the cycle of a program never checked


def due_programs(today):
    """Live programs (one copy per translation) due for review, with the stage each has reached; one query."""
    programs = (
        ResourcePage.objects.live()
        .filter(freshness.due_for_review(today), agency__is_active=True, locale__language_code=settings.LANGUAGE_CODE)
        .select_related("agency")
        .order_by("agency_id", "title", "pk")
    )
    reminder_before = freshness.months_before(today, settings.LISTING_REMINDER_MONTHS)
    return [
        (
            program,
            ListingReminder.Stage.OVERDUE
            if program.last_verified is None or program.last_verified <= reminder_before
            else ListingReminder.Stage.DUE,
        )
        for program in programs
    ]


def _claim(program, stage):
    """True if this run is the first to remind about this program at this stage in this cycle."""
    try:
        with transaction.atomic():
            ListingReminder.objects.create(
                program=program, stage=stage, verified_on=program.last_verified or NEVER_CHECKED
            )
    except IntegrityError:
        return False
    return True


def contacts_by_language(agency_id):
    """The agency's people with an email address, grouped by the language each chose (English by default)."""
    by_language = defaultdict(list)
    people = get_user_model().objects.filter(agency_memberships__agency_id=agency_id, is_active=True).exclude(email="")
    for email, language in people.order_by("email").values_list("email", "language").distinct():
        by_language[language or settings.LANGUAGE_CODE].append(email)
    return by_language


@task()
def send_listing_reminders():
    """Email each agency with programs newly due or overdue; returns the summary line."""
    today = timezone.localdate()
    by_agency = defaultdict(list)
    for program, stage in due_programs(today):
        by_agency[program.agency].append((program, stage))
    emails = 0
    for agency, due in by_agency.items():
        contacts = contacts_by_language(agency.pk)
        if not contacts:
            continue
        claimed = [(program, stage) for program, stage in due if _claim(program, stage)]
        if not claimed:
            continue
        context = {
            "agency": agency,
            "programs": [program for program, _stage in claimed],
            "is_reminder": any(stage == ListingReminder.Stage.OVERDUE for _p, stage in claimed),
        }
        for language, recipients in sorted(contacts.items()):
            with translation.override(language):
                for recipient in recipients:  # each their own link: it opens once
                    link = {"review_link": review_links.issue(agency)}
                    send_email(
                        "listing_review", _("Please check your Connection Center listings"), [recipient], context | link
                    )
                    emails += 1
    review_links.forget_expired()
    return f"Sent {emails} listing review emails to {len(by_agency)} agencies with programs due."
