"""The read-only Open Referral HSDS 3.0 API (schema/openapi.json) over the published directory.

Every answer is JSON, errors too: a parameter we cannot read is a 400, an id we do not
publish a 404. Lists run a constant number of queries whatever the page size: filters
select one page of ids, then one query and its prefetches load what that page shows.
Records built since the content last changed come from the cache (hsds/cached.py), and
so does the unfiltered list of ids: a page asked for again runs no query.
"""

import datetime
import json
import math
import uuid
from collections import defaultdict
from functools import partial, wraps

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.http import JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from portal.bounded import whole_number
from portal.search_terms import search_words
from resources.coverage import ZipArea, in_area
from resources.geo import bounding_box, haversine_miles, normalize_zip, zip_centroid
from resources.hsds import cached, nested, records
from resources.models import ResourcePage, ServiceCategory

FORMATS = ("json", "ndjson")
NDJSON_CHUNK = 100  # records loaded per batch of queries while streaming
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
METERS_PER_MILE = 1609.344
LARGEST_NUMBER = 999_999_999  # a page past any the API will ever have


class BadParameter(Exception):
    pass


class NotFound(Exception):
    pass


def api_view(view):
    """GET only; BadParameter answers 400 and NotFound 404, each with a JSON error."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = _error(405, "This API is read-only: use GET.")
            response["Allow"] = "GET, HEAD"
            return response
        try:
            return view(request, *args, **kwargs)
        except BadParameter as error:
            return _error(400, str(error))
        except NotFound as error:
            return _error(404, str(error))

    return wrapper


def _error(status, message):
    return JsonResponse({"status": status, "error": message}, status=status)


# The API and its taxonomy


@api_view
def index(request):
    return JsonResponse(
        {"version": records.HSDS_VERSION, "profile": records.PROFILE_URL, "openapi_url": records.OPENAPI_URL}
    )


@api_view
def taxonomies(request):
    _read_format(request.GET)
    words = search_words(request.GET.get("search", "")).lower()
    found = [taxonomy for taxonomy in [records.taxonomy()] if words in taxonomy["name"].lower()]
    return _paged(request, found, lambda page: page)


@api_view
def taxonomy(request, id):
    if _path_id(id) != str(records.TAXONOMY_ID):
        raise NotFound("There is no taxonomy with this id.")
    return JsonResponse(records.taxonomy())


@api_view
def taxonomy_terms(request):
    """Our categories; `search` matches words in their names and descriptions."""
    _read_format(request.GET)
    categories = ServiceCategory.objects.select_related("parent").order_by("parent__sort_order", "sort_order", "pk")
    taxonomy_id = _uuid_parameter(request.GET, "taxonomy_id")
    if taxonomy_id and taxonomy_id != str(records.TAXONOMY_ID):
        categories = categories.none()
    if _boolean(request.GET, "top_only"):
        categories = categories.filter(parent__isnull=True)
    if parent_id := _uuid_parameter(request.GET, "parent_id"):
        categories = categories.filter(parent__hsds_id=parent_id)
    for word in search_words(request.GET.get("search", "")).split():
        categories = categories.filter(Q(name__icontains=word) | Q(description__icontains=word))
    return _paged(request, categories, lambda page: [records.full_taxonomy_term(category) for category in page])


@api_view
def taxonomy_term(request, id):
    category = ServiceCategory.objects.select_related("parent").filter(hsds_id=_path_id(id)).first()
    if category is None:
        raise NotFound("There is no taxonomy term with this id.")
    return JsonResponse(records.full_taxonomy_term(category))


# Organizations


@api_view
def organizations(request):
    """Agencies, flat; with full=true with their services, flat, or full with full_service=true.

    `search` matches words in their names and descriptions.
    """
    _read_format(request.GET)
    full, full_service = _boolean(request.GET, "full"), _boolean(request.GET, "full_service")
    if words := search_words(request.GET.get("search", "")).split():
        agencies = records.published_agencies().order_by("name", "pk")
        for word in words:
            agencies = agencies.filter(Q(name__icontains=word) | Q(description__icontains=word))
        source = agencies.values_list("pk", flat=True)
    else:
        source = cached.agency_ids()
    name = "full-service-organization" if full_service else "full-organization" if full else "organization"
    describe = partial(_describe_organizations, full=full, full_service=full_service)
    return _paged(request, source, lambda ids: cached.agency_records(name, ids, describe))


def _describe_organizations(agencies, full, full_service):
    if not (full or full_service):
        return [records.organization(agency) for agency in agencies]
    programs = defaultdict(list)
    for program in _programs_of(full_service).filter(agency__in=agencies):
        programs[program.agency_id].append(program)
    describe = nested.full_service if full_service else records.service
    return [nested.full_organization(agency, map(describe, programs[agency.pk])) for agency in agencies]


def _programs_of(full_service):
    """Published programs loaded with what their full records read, or only what their service records read."""
    return records.published_programs() if full_service else records.listed_programs()


@api_view
def organization(request, id):
    """An organization with its services: their one-to-one fields, or everything with full_service=true."""
    hsds_id, full_service = _path_id(id), _boolean(request.GET, "full_service")
    name = "organization-with-full-services" if full_service else "organization-with-services"
    result = cached.agency_record(name, hsds_id, partial(_describe_organization, full_service=full_service))
    if result is None:
        raise NotFound("There is no published organization with this id.")
    return JsonResponse(result)


def _describe_organization(agency, full_service):
    describe = nested.full_service if full_service else records.service
    return nested.full_organization(
        agency, [describe(program) for program in _programs_of(full_service).filter(agency=agency)]
    )


# Services and services at locations


@api_view
def services(request):
    """Services with their organization; the filters are those of the specification."""
    full = _boolean(request.GET, "full")
    describe = nested.full_service if full else nested.listed_service
    return _paged(request, _program_ids(request.GET), _records(describe, full))


@api_view
def service(request, id):
    result = cached.program_record(_path_id(id), nested.full_service)
    if result is None:
        raise NotFound("There is no published service with this id.")
    return JsonResponse(result)


@api_view
def services_at_locations(request):
    """Where services are; with `postcode`, those serving it, nearest first, within `proximity` meters if given."""
    full = _boolean(request.GET, "full")
    describe = nested.full_service_at_location if full else nested.listed_service_at_location
    return _paged(request, _program_ids(request.GET, near=_nearness(request.GET)), _records(describe, full))


def _records(describe, full):
    """For a page of programs (pks or search results), their records: kept ones, or `describe`d from programs
    loaded with what their records read."""
    programs = records.published_programs if full else records.listed_programs
    return lambda items: cached.program_records([getattr(item, "pk", item) for item in items], describe, programs)


@api_view
def service_at_location(request, id):
    """A service at its location; a program has one, whose id derives from the program's (found once, then kept)."""
    wanted = uuid.UUID(_path_id(id))
    result = cached.kept(f"full_service_at_location:{wanted}", lambda: _service_at_location(wanted))
    if result is None:
        raise NotFound("There is no published service at location with this id.")
    return JsonResponse(result)


def _service_at_location(wanted):
    for pk, hsds_id in records.live_programs().values_list("pk", "hsds_id"):
        if records.derived_id(hsds_id, "service_at_location") == wanted:
            program = records.published_programs().filter(pk=pk).first()
            return program and nested.full_service_at_location(program)
    return None


def _program_ids(query, near=None):
    """The pks of matching published programs: by title, by relevance with `search`, or nearest first.

    Filters keep to lists of ids so that Wagtail search can run on what they leave; without any, the list
    comes from the cache.
    """
    _read_format(query)
    narrowed = []  # a list of pks for each filter
    if term_id := _uuid_parameter(query, "taxonomy_term_id"):
        through = ResourcePage.categories.through.objects.filter(
            Q(servicecategory__hsds_id=term_id) | Q(servicecategory__parent__hsds_id=term_id)
        )
        narrowed.append(list(through.values_list("resourcepage_id", flat=True)))
    taxonomy_id = _uuid_parameter(query, "taxonomy_id")
    if taxonomy_id and taxonomy_id != str(records.TAXONOMY_ID):
        narrowed.append([])
    if organization_id := _uuid_parameter(query, "organization_id"):
        of_agency = ResourcePage.objects.filter(agency__hsds_id=organization_id)
        narrowed.append(list(of_agency.values_list("pk", flat=True)))
    if moment := _moment(query, "modified_after"):
        modified = ResourcePage.objects.filter(records.modified_since(moment))
        narrowed.append(list(modified.values_list("pk", flat=True)))
    words = search_words(query.get("search", ""))
    if not (narrowed or words or near):
        return cached.program_ids()
    programs = records.live_programs()
    for ids in narrowed:
        programs = programs.filter(id__in=ids)
    distances = near(programs) if near else None
    if distances is None:
        return programs.search(words) if words else programs.order_by("title", "pk").values_list("pk", flat=True)
    programs = programs.filter(id__in=list(distances))
    matching = {program.pk for program in programs.search(words)} if words else set(distances)
    return sorted(matching, key=lambda pk: (distances[pk] is None, distances[pk] or 0, pk))


def _nearness(query):
    """From `postcode` (and `proximity` in meters), a function giving program pk -> miles (or None) of those kept."""
    postcode, proximity = query.get("postcode", "").strip(), query.get("proximity", "").strip()
    if not postcode:
        if proximity:
            raise BadParameter("proximity needs a postcode to measure from.")
        return None
    zip_code = normalize_zip(postcode)
    if zip_code is None:
        raise BadParameter("postcode must be a five-digit US ZIP code.")
    origin = zip_centroid(zip_code)
    meters = _positive_number(proximity, "proximity") if proximity else None
    if meters is not None and origin is None:
        raise BadParameter(f"We do not know where ZIP code {zip_code} is, so proximity cannot be measured.")

    def near(programs):
        if meters is not None:
            south, north, west, east = bounding_box(*origin, meters / METERS_PER_MILE)
            programs = programs.filter(latitude__range=(south, north), longitude__range=(west, east))
        return _serving(programs, zip_code, origin, meters / METERS_PER_MILE if meters is not None else None)

    return near


def _serving(programs, zip_code, origin, within_miles):
    """Program pk -> miles from `origin` (None if unknown) of programs whose service area holds the ZIP."""
    zip_area = ZipArea.of(zip_code)
    area = ResourcePage.ServiceArea
    rows = programs.values_list(
        "pk", "service_area", "service_area_zip_codes", "service_area_radius_miles", "service_area_county",
        "use_agency_location", "state", "agency__state", "latitude", "longitude",
    )  # fmt: skip
    serving = {}
    for pk, kind, zip_codes, radius, county, at_agency, own_state, agency_state, latitude, longitude in rows:
        miles = haversine_miles(*origin, latitude, longitude) if origin and latitude is not None else None
        if within_miles is not None and (miles is None or miles > within_miles):
            continue
        # A program serves one kind of area: only that part of the rule applies.
        if in_area(
            zip_area,
            zip_codes=zip_codes if kind == area.ZIP_CODES else "",
            radius=radius if kind == area.RADIUS else None,
            counties=county if kind == area.COUNTY else "",
            miles=miles,
            state=agency_state if at_agency else own_state,
        ):
            serving[pk] = miles
    return serving


# Paging and parameters


def _paged(request, source, describe):
    """One page of `source` (a queryset, search results or a list) as HSDS pages it; `describe` makes its records.

    With `format=ndjson`, every record instead, one JSON document a line, streamed without pages.
    """
    if _read_format(request.GET) == "ndjson":
        return StreamingHttpResponse(_ndjson(source, describe), content_type="application/x-ndjson")
    page_number = _whole_number(request.GET, "page", 1, minimum=1)
    per_page = _whole_number(request.GET, "per_page", DEFAULT_PER_PAGE, minimum=1, maximum=MAX_PER_PAGE)
    total = len(source) if isinstance(source, list) else source.count()
    start = (page_number - 1) * per_page
    contents = describe(list(source[start : start + per_page]) if start < total else [])
    total_pages = math.ceil(total / per_page)
    return JsonResponse(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page_number,
            "size": len(contents),
            "first_page": page_number == 1,
            "last_page": page_number >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


def _ndjson(source, describe):
    """Each record of `source` as a line; a constant number of queries per NDJSON_CHUNK records."""
    total = len(source) if isinstance(source, list) else source.count()
    for start in range(0, total, NDJSON_CHUNK):
        for item in describe(list(source[start : start + NDJSON_CHUNK])):
            yield json.dumps(item, cls=DjangoJSONEncoder) + "\n"


def _whole_number(query, name, default, *, minimum, maximum=None):
    raw = query.get(name, "").strip()
    if not raw:
        return default
    number = whole_number(raw, minimum=minimum, maximum=maximum or LARGEST_NUMBER)
    if number is None:
        limit = f" to {maximum}" if maximum else " or more"
        raise BadParameter(f"{name} must be a whole number from {minimum}{limit}.")
    return number


def _positive_number(raw, name):
    try:
        number = float(raw)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number <= 0:
        raise BadParameter(f"{name} must be a positive number.")
    return number


def _boolean(query, name):
    raw = query.get(name, "").strip().lower()
    if raw not in ("", "true", "false", "1", "0"):
        raise BadParameter(f"{name} must be true or false.")
    return raw in ("true", "1")


def _uuid(value, name):
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise BadParameter(f"{name} must be a UUID, like 3fa85f64-5717-4562-b3fc-2c963f66afa6.") from None


def _path_id(value):
    """An id in the path: ours are UUIDs, so anything else is an id we do not publish (404, as any unknown id)."""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise NotFound("There is nothing with this id.") from None


def _uuid_parameter(query, name):
    raw = query.get(name, "").strip()
    return _uuid(raw, name) if raw else None


def _moment(query, name):
    """A date-time parameter; a date alone means its midnight, and a time without offset is local time."""
    raw = query.get(name, "").strip()
    if not raw:
        return None
    try:
        # A "+" of an offset arrives as a space when the client did not encode it.
        moment = parse_datetime(raw) or parse_datetime(raw.replace(" ", "+"))
        if moment is None and (day := parse_date(raw)):
            moment = datetime.datetime.combine(day, datetime.time())
        if moment is not None:
            moment = moment if timezone.is_aware(moment) else timezone.make_aware(moment)
            moment.astimezone(datetime.UTC)  # as the database will store it: years 1 to 9999
    except (ValueError, OverflowError):
        moment = None
    if moment is None:
        raise BadParameter(f"{name} must be an ISO 8601 date-time, like 2026-01-31T09:00:00Z.")
    return moment


def _read_format(query):
    """JSON unless `format=ndjson`; missing or empty means the default, as the OpenAPI file says."""
    value = query.get("format", "").strip().lower() or "json"
    if value not in FORMATS:
        raise BadParameter("format must be json or ndjson.")
    return value
