"""Background work of the directory: geocoding agencies and programs after they are saved.

A page request never geocodes: saving an agency or a program queues these tasks
(see resources/signals.py). They write coordinates with queryset `.update()`, which
sends no post_save, so geocoding never queues itself again.
"""

import logging
from collections import defaultdict

from django.apps import apps
from django.db import transaction
from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects
from django_tasks import task
from geopy.extra.rate_limiter import RateLimiter
from modelcluster.models import get_all_child_relations
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends

from portal.references import index_references
from resources.geo import ZipGeocoder, get_geocoder, zip_centroid
from resources.models import Agency, ResourcePage

logger = logging.getLogger(__name__)

PLACE_FIELDS = ["pk", "address_1", "city", "state", "zip_code"]


@task()
@transaction.atomic  # one commit for all the updates: on SQLite each commit waits for the disk
def geocode_agencies(agency_ids):
    """Give agencies coordinates, and pass them on to programs that use their location.

    Runs two updates per distinct pair of coordinates, so a whole import costs little more than one agency.
    """
    locate = Locator()
    by_coordinates = defaultdict(list)
    for agency in Agency.objects.filter(pk__in=agency_ids).only(*PLACE_FIELDS):
        by_coordinates[locate(agency, "agency", agency.pk)].append(agency.pk)
    for (latitude, longitude), pks in by_coordinates.items():
        Agency.objects.filter(pk__in=pks).update(latitude=latitude, longitude=longitude)
        ResourcePage.objects.filter(agency__in=pks, use_agency_location=True).update(
            latitude=latitude, longitude=longitude
        )


@task()
@transaction.atomic
def geocode_programs(program_ids):
    """Give programs their own address's coordinates, or copy their agency's.

    One update copies every agency's coordinates; then one update per distinct pair of the others.
    """
    agency = Agency.objects.filter(pk=OuterRef("agency_id"))
    ResourcePage.objects.filter(pk__in=program_ids, use_agency_location=True).update(
        latitude=Subquery(agency.values("latitude")), longitude=Subquery(agency.values("longitude"))
    )
    locate = Locator()
    by_coordinates = defaultdict(list)
    for program in ResourcePage.objects.filter(pk__in=program_ids, use_agency_location=False).only(*PLACE_FIELDS):
        by_coordinates[locate(program, "program", program.pk)].append(program.pk)
    for (latitude, longitude), pks in by_coordinates.items():
        ResourcePage.objects.filter(pk__in=pks).update(latitude=latitude, longitude=longitude)


class Locator:
    """Finds (latitude, longitude) of a place, asking the geocoder once per distinct address."""

    def __init__(self):
        self.geocoder = get_geocoder()
        self.is_offline = isinstance(self.geocoder, ZipGeocoder)
        # Public geocoders allow about one request a second; errors come back to `_ask`, which logs no address.
        self.geocode = (
            self.geocoder.geocode
            if self.is_offline
            else RateLimiter(self.geocoder.geocode, min_delay_seconds=1, swallow_exceptions=False)
        )
        self.answers = {}

    def __call__(self, place, kind, pk):
        query = place.zip_code if self.is_offline or not place.address_1 else place.one_line_address
        if query not in self.answers:
            self.answers[query] = self._ask(query, place.zip_code, kind, pk)
        return self.answers[query]

    def _ask(self, query, zip_code, kind, pk):
        if not query:
            return None, None
        try:
            location = self.geocode(query)
        except Exception as error:  # any geocoder, any failure: the place simply stays without coordinates
            # Ids and the error's type only: addresses stay out of logs.
            logger.warning("Geocoding %s %s failed (%s); it has no coordinates.", kind, pk, type(error).__name__)
            return None, None
        if location is not None:
            return location.latitude, location.longitude
        return zip_centroid(zip_code) or (None, None)  # a street the geocoder does not know: its ZIP's centre


@task()
@transaction.atomic
def index_objects(app_label, model_name, pks):
    """Index objects saved in bulk for search and for Wagtail's references ("used by 3 pages") in one go."""
    model = apps.get_model(app_label, model_name)
    objects = list(model.get_indexed_objects().filter(pk__in=pks))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, objects)
    if ReferenceIndex.is_indexed(model):
        # Wagtail looks through every child relation of an object for references: one query per relation, not per
        # object, and none for a relation whose model cannot hold one.
        prefetch_related_objects(objects, *(_child_rows(relation) for relation in get_all_child_relations(model)))
        index_references(model, objects)


def _child_rows(relation):
    """A child relation to prefetch for the references; not read (empty) when its rows cannot hold any.

    Wagtail's own test says which child models can (a program's comments can, its opening hours cannot); its
    extraction would look through each opening hour of a program and find nothing. It does not look at
    many-to-many fields (categories, languages): they are not read either.
    """
    name, model = relation.get_accessor_name(), relation.related_model
    if ReferenceIndex.model_is_indexable(model, allow_child_models=True):
        return name
    return Prefetch(name, queryset=model.objects.none())
