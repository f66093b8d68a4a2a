"""Each page of the registration costs a constant number of SQL queries, whatever the number of pickup times."""

import re

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult
from wagtail.models import ReferenceIndex

from holiday_drive.models import PickupSlot, Registration
from tests.holiday_drive.conftest import CHILDREN, GUARDIAN, step_data
from tests.holiday_drive.factories import PickupSlotFactory

pytestmark = pytest.mark.django_db

# The aim, for every page: at most 15 queries as production runs (sessions in Redis, here the memory cache;
# tasks queued in the database for the worker). The last step saves the family: the household, the registration on
# its pickup time, two children, the duplicate checks, its references (a pickup time's usage page lists it) and the
# queued notice.
MOST_QUERIES = 15


@pytest.fixture(autouse=True)
def as_in_production(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # Each app process keeps the content types it has read (the references name them); tests start without.
    ContentType.objects.get_for_models(*apps.get_models())


def queries_by_step(client):
    """Register one family as a browser does, choosing the first time offered; each page's query count."""
    counts = {}

    def counted(step, send):
        with CaptureQueriesContext(connection) as captured:
            response = send()
        counts[step] = len(captured)
        return response

    counted("form", lambda: client.get("/holiday/register/?restart=1"))
    counted("guardian", lambda: client.post("/holiday/register/", step_data("guardian", GUARDIAN)))
    page = counted("children", lambda: client.post("/holiday/register/", step_data("children", CHILDREN)))
    slot = re.search(r'name="packages-pickup_slot" value="(\d+)"', page.text).group(1)
    packages = {"packages": ["food"], "pickup_slot": slot, "consent": "on"}
    counted("packages", lambda: client.post("/holiday/register/", step_data("packages", packages)))
    counted("done", lambda: client.get("/holiday/register/done/"))
    assert Registration.objects.get().pickup_slot_id == int(slot)
    return counts


@pytest.mark.parametrize("slots", [2, 60])
def test_every_page_of_the_registration_stays_within_its_queries(client, campaign, slots):
    PickupSlotFactory.create_batch(slots, campaign=campaign)
    counts = queries_by_step(client)
    assert len(counts) == 5 and max(counts.values()) <= MOST_QUERIES, str(counts)


def test_a_hundred_pickup_times_cost_no_more_queries_than_two(client, campaign):
    PickupSlotFactory.create_batch(2, campaign=campaign)
    queries_by_step(client)  # the first visit fills the caches (site settings, notices)
    few = queries_by_step(new_family(client))
    PickupSlotFactory.create_batch(98, campaign=campaign)
    queries_by_step(new_family(client))  # new times are a change: the first visit after it fills the caches again
    assert queries_by_step(new_family(client)) == few


def new_family(client):
    Registration.objects.all().delete()
    client.cookies.clear()
    return client


def test_the_saving_step_indexes_the_registration_itself_and_queues_only_the_family_s_notice(
    client, campaign, django_capture_on_commit_callbacks
):
    """Wagtail would queue a task a registration for its references: at the opening rush, one per family."""
    PickupSlotFactory.create_batch(2, campaign=campaign)
    with django_capture_on_commit_callbacks(execute=True):
        queries_by_step(client)
    registration = Registration.objects.get()
    queued = [(task.task_path, task.args_kwargs["args"][:2]) for task in DBTaskResult.objects.all()]
    assert ("holiday_drive.notifications.send_registration_notice", [registration.pk, "holiday_registered"]) in queued
    assert not [args for path, args in queued if path.startswith("wagtail.") and args[1] == "registration"]
    slot = PickupSlot.objects.get(pk=registration.pickup_slot_id)
    assert [usage.object_id for usage in ReferenceIndex.get_references_to(slot)] == [str(registration.pk)]
    assert str(registration.pk) in {usage.object_id for usage in ReferenceIndex.get_references_to(campaign)}


def test_the_confirmation_reads_the_registration_with_its_time_and_children_in_two_queries(client, campaign):
    PickupSlotFactory.create_batch(2, campaign=campaign)
    assert queries_by_step(client)["done"] == 2
