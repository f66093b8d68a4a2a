"""Queue geocoding when an agency or a program is saved, once the save is committed.

Wagtail publishes a page by saving it, so a published program's live row gets its
coordinates the same way. Imports defer this (see resources/bulk.py) and queue one
task per batch of rows instead.
"""

from django.db.models.signals import post_save
from wagtail.signals import page_published, workflow_approved

from resources.bulk import is_geocoding_deferred, queue_in_batches
from resources.listings import WORKFLOW_NAME, confirm, keep_latest_check
from resources.models import Agency, ListingCheck, ResourcePage
from resources.tasks import geocode_agencies, geocode_programs

LOCATION_FIELDS = {"address_1", "city", "state", "zip_code", "use_agency_location", "agency"}


def _location_may_have_changed(raw, update_fields):
    # Wagtail saves revision bookkeeping with update_fields that never touch the address.
    if raw or is_geocoding_deferred():
        return False
    return update_fields is None or bool(LOCATION_FIELDS & set(update_fields))


def agency_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if _location_may_have_changed(raw, update_fields):
        queue_in_batches(geocode_agencies, ids=[instance.pk])


def program_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if _location_may_have_changed(raw, update_fields):
        queue_in_batches(geocode_programs, ids=[instance.pk])


def program_published(sender, instance, **kwargs):
    keep_latest_check(instance)


def change_approved(sender, instance, user=None, **kwargs):
    """Staff approved an agency's proposal: it is published, and its details count as checked today."""
    if instance.workflow.name != WORKFLOW_NAME:
        return
    program = instance.content_object.specific  # the state holds the base Page
    if isinstance(program, ResourcePage):
        confirm(program, user, ListingCheck.Kind.CHANGE_APPROVED)


def connect():
    post_save.connect(agency_saved, sender=Agency, dispatch_uid="resources.geocode_agency")
    post_save.connect(program_saved, sender=ResourcePage, dispatch_uid="resources.geocode_program")
    page_published.connect(program_published, sender=ResourcePage, dispatch_uid="resources.keep_latest_check")
    workflow_approved.connect(change_approved, dispatch_uid="resources.listing_change_approved")
