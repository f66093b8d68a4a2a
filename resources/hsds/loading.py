"""An HSDS dataset into the directory: agencies, programs, categories, languages and hours.

Records are matched by HSDS id, so loading the same dataset twice changes nothing the
second time. Programs are created as drafts under the directory page, and changes to
existing ones saved as draft revisions, unless `publish` is set. A record we cannot
use is reported with its table, id and reason, and skipped.
"""

from collections import Counter, defaultdict

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.db.models import F
from django.utils.text import Truncator, slugify

from resources.bulk import geocoding_deferred, queue_in_batches
from resources.geo import ZipGeocoder, normalize_zip
from resources.hsds.files import Problem
from resources.hsds.records import TAXONOMY_ID, body_text, derived_id
from resources.hsds.values import SUMMARY_LENGTH, iso_date, summary_and_body, weekly_hours
from resources.models import Agency, Language, ResourcePage, ServiceCategory
from resources.tasks import geocode_agencies, geocode_programs

STATUSES = {"active": ResourcePage.Status.ACTIVE, "temporarily closed": ResourcePage.Status.TEMPORARILY_CLOSED}
KEPT_TABLES = {
    "organization", "service", "attribute", "service_at_location", "location", "phone", "address", "schedule",
    "required_document", "language", "accessibility", "taxonomy_term", "cost_option", "taxonomy",
}  # fmt: skip


class Loader:
    """Loads one dataset; `run()` returns the counts of what it did and the problems it met."""

    def __init__(self, dataset, index_page, *, publish=False):
        self.dataset = dataset
        self.index_page = index_page
        self.publish = publish
        self.counts = Counter()  # (what happened, kind of thing) -> how many
        self.problems = list(dataset.problems)
        self._indexes = {}
        self.categories = {}  # term id -> ServiceCategory
        self.agencies = {}  # organization id -> Agency
        self.agency_locations = {}  # organization id -> the id of the location that gives the agency's address
        self.to_geocode = defaultdict(set)  # task -> pks saved without coordinates

    def run(self):
        # Coordinates the dataset gives are kept; the geocoder is asked only for places without them.
        with transaction.atomic(), geocoding_deferred():
            self._load_categories()
            for record in self.dataset.records("organization"):
                self._load_agency(record)
            for record in self.dataset.records("service"):
                self._load_program(record)
            for task, pks in self.to_geocode.items():
                queue_in_batches(task, ids=sorted(pks))
        self._report_unused_records()
        return self

    # Reporting

    def problem(self, table, record_id, reason):
        self.problems.append(Problem(table, str(record_id), reason))

    def count(self, what, kind):
        self.counts[what, kind] += 1

    def summary(self):
        parts = []
        for what in ("created", "updated", "unchanged", "matched"):
            kinds = [_counted(n, kind) for (done, kind), n in sorted(self.counts.items()) if done == what]
            if kinds:
                parts.append(f"{what} {', '.join(kinds)}")
        read = sum(len(records) for records in self.dataset.tables.values())
        ignored = {table: len(records) for table, records in self.dataset.tables.items() if table not in KEPT_TABLES}
        if any(ignored.values()):
            tables = ", ".join(sorted(table for table, count in ignored.items() if count))
            ignored_records = _counted(sum(ignored.values()), "records")
            parts.append(f"ignored {ignored_records} of tables the directory does not keep ({tables})")
        done = "; ".join(parts) or "nothing to do"
        return f"Read {_counted(read, 'records')}: {done}; {_counted(len(self.problems), 'problems')}."

    def _report_unused_records(self):
        for attribute in self.dataset.records("attribute"):
            if not self._is_known(attribute["link_id"]):
                self.problem("attribute", attribute["id"], "skipped: its link_id is no record of this dataset")

    def _is_known(self, record_id):
        return any(record_id in records for records in self.dataset.tables.values())

    # Lookups: a table the dataset does not give (`_has`) leaves alone what it would set.

    def _has(self, table):
        return table in self.dataset.present

    def related(self, table, column, value):
        """The records of `table` whose `column` is `value`, through an index built once."""
        if (table, column) not in self._indexes:
            index = defaultdict(list)
            for record in self.dataset.records(table):
                if column in record:
                    index[record[column]].append(record)
            self._indexes[table, column] = index
        return self._indexes[table, column].get(value, [])

    def _text(self, record, column, limit, table):
        text = str(record.get(column, "")).strip()
        if len(text) > limit:
            self.problem(table, record["id"], f"{column} shortened to {limit} characters")
            text = Truncator(text).chars(limit)
        return text

    def _checked(self, value, validator, table, record_id, column):
        value = (value or "").strip()
        try:
            validator(value) if value else None
        except ValidationError:
            self.problem(table, record_id, f"{column} {value!r} left out: it is not valid")
            return ""
        return value

    # Categories

    def _load_categories(self):
        """Every taxonomy term as a category, parents first: an existing one where code or name match."""
        terms = self.dataset.tables["taxonomy_term"]
        pending = list(terms.values())
        while pending:
            ready = [
                term for term in pending if term.get("parent_id") not in terms or term["parent_id"] in self.categories
            ]
            if not ready:
                for term in pending:
                    self.problem("taxonomy_term", term["id"], "skipped: its parent_id makes a loop")
                break
            for term in ready:
                self.categories[term["id"]] = self._load_category(term)
            pending = [term for term in pending if term["id"] not in self.categories]

    def _load_category(self, term):
        name = self._text(term, "name", 80, "taxonomy_term")
        if not name:
            self.problem("taxonomy_term", term["id"], "skipped: it has no name")
            return None
        code = str(term.get("code", "")).strip()
        taxonomy = self._taxonomy_name(term)
        category = ServiceCategory.objects.filter(hsds_id=term["id"]).first()
        if category is None:
            matches = ServiceCategory.objects.order_by(F("parent_id").asc(nulls_first=True), "sort_order")  # top first
            category = (
                (code and matches.filter(slug=slugify(code)).first())
                or (code and taxonomy and matches.filter(taxonomy__iexact=taxonomy, taxonomy_code=code).first())
                or matches.filter(name__iexact=name).first()
            )
            if category:
                self.count("matched", "categories")
                return category  # one of ours: staff edits stay
        fields = {
            "name": name,
            "description": self._text(term, "description", 200, "taxonomy_term"),
            "parent": self._parent_category(term),
        }
        if term.get("taxonomy_id") != str(TAXONOMY_ID):  # a term of another taxonomy keeps its code
            fields.update(taxonomy=taxonomy[:60], taxonomy_code=code[:60])
        if category is None:
            category = ServiceCategory.objects.create(hsds_id=term["id"], slug=_unique_slug(code or name), **fields)
            self.count("created", "categories")
        elif any(getattr(category, field) != value for field, value in fields.items()):
            for field, value in fields.items():
                setattr(category, field, value)
            category.save()
            self.count("updated", "categories")
        else:
            self.count("unchanged", "categories")
        return category

    def _taxonomy_name(self, term):
        taxonomy = self.dataset.get("taxonomy", term.get("taxonomy_id")) or {}
        return str(taxonomy.get("name") or term.get("taxonomy") or "").strip()

    def _parent_category(self, term):
        """Its parent's category, or the top-level one above it: categories have two levels."""
        parent_id = term.get("parent_id")
        if not parent_id:
            return None
        parent = self.categories.get(parent_id) or ServiceCategory.objects.filter(hsds_id=parent_id).first()
        if parent is None:
            self.problem("taxonomy_term", term["id"], f"parent_id {parent_id} is unknown: made a top-level category")
            return None
        return parent.parent or parent

    # Languages

    def _languages(self, records):
        languages = {}
        for record in records:
            code = str(record.get("code", "")).strip().lower()
            name = str(record.get("name", "")).strip()
            language = (code and Language.objects.filter(code=code).first()) or (
                name and Language.objects.filter(name__iexact=name).first()
            )
            if language is None and code and len(code) <= 8:
                language = Language.objects.create(code=code, name=name[:60] or code, native_name=name[:60] or code)
                self.count("created", "languages")
            if language is None:
                self.problem("language", record["id"], "skipped: it has no ISO 639 code")
            else:
                languages[language.pk] = language
        return list(languages.values())

    # Agencies

    def _load_agency(self, record):
        name = self._text(record, "name", 200, "organization")
        if not name:
            self.problem("organization", record["id"], "skipped: it has no name")
            return
        agency = Agency.objects.filter(hsds_id=record["id"]).first()
        created = agency is None
        agency = agency or Agency(hsds_id=record["id"])
        before = None if created else _agency_state(agency)
        agency.name = name
        agency.description = str(record.get("description", "")).strip()
        agency.email = self._checked(record.get("email"), EmailValidator(), "organization", record["id"], "email")
        agency.website = self._checked(record.get("website"), URLValidator(), "organization", record["id"], "website")
        if self._has("phone"):
            agency.phone = self._phone(self.related("phone", "organization_id", record["id"]))
        languages = None  # unchanged
        if location := self._agency_location(record["id"]):
            self.agency_locations[record["id"]] = location["id"]
            self._set_place(agency, location)
            if self._has("language"):
                languages = self._languages(self.related("language", "location_id", location["id"]))
            if self._has("accessibility"):
                notes = [
                    " ".join(str(item.get(column, "")) for column in ("description", "details")).strip()
                    for item in self.related("accessibility", "location_id", location["id"])
                ]
                agency.accessibility = "\n".join(note for note in notes if note)
        self.agencies[record["id"]] = agency
        if not created and before == _agency_state(agency, languages):
            self.count("unchanged", "agencies")
            return
        agency.save()
        if languages is not None:
            agency.languages.set(languages)
        if not agency.has_coordinates:
            self.to_geocode[geocode_agencies].add(agency.pk)
        self.count("created" if created else "updated", "agencies")

    def _agency_location(self, organization_id):
        """The organization's main location: the one we export for it, else its first (with an address)."""
        locations = self.related("location", "organization_id", organization_id)
        ours = _agency_location_id(organization_id)
        with_address = [location for location in locations if self.related("address", "location_id", location["id"])]
        return next((location for location in locations if location["id"] == ours), None) or next(
            iter(with_address + locations), None
        )

    def _set_place(self, place, location):
        """Copy the location's coordinates and first address onto an agency or program; False without a ZIP."""
        latitude, longitude = location.get("latitude"), location.get("longitude")
        if latitude is not None and longitude is not None and not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            self.problem("location", location["id"], "latitude and longitude left out: they are out of range")
            latitude = longitude = None
        place.latitude, place.longitude = latitude, longitude
        if not self._has("address"):
            return bool(place.zip_code)
        addresses = sorted(self.related("address", "location_id", location["id"]), key=_physical_first)
        address = addresses[0] if addresses else {}
        zip_code = normalize_zip(address.get("postal_code", ""))
        if address.get("postal_code") and not zip_code:
            self.problem("address", address["id"], f"postal_code {address['postal_code']!r} is not a US ZIP code")
        known = ZipGeocoder().geocode(zip_code) if zip_code else None
        state = known.raw["state"] if known else str(address.get("state_province", "")).strip()
        place.address_1 = ", ".join(address[key] for key in ("address_1", "address_2") if address.get(key))[:200]
        place.city = address.get("city", "")[:100]
        place.state = state.upper() if len(state) == 2 else ""
        place.zip_code = zip_code or ""
        return bool(zip_code)

    def _phone(self, records):
        for record in records:
            number = record["number"].strip().strip("\"'").strip()
            if record.get("extension") is not None:
                number = f"{number} ext. {record['extension']}"
            if number and len(number) <= 30:
                return number
            self.problem("phone", record["id"], "left out: longer than 30 characters")
        return ""

    # Programs

    def _load_program(self, record):
        service_id, organization_id = record["id"], record["organization_id"]
        agency = self.agencies.get(organization_id) or Agency.objects.filter(hsds_id=organization_id).first()
        if agency is None:
            self.problem("service", service_id, "skipped: its organization is neither in this dataset nor ours")
            return
        if record["status"] not in STATUSES:
            self.problem("service", service_id, f"skipped: it is {record['status']}; we list open programs only")
            return
        existing = ResourcePage.objects.filter(hsds_id=service_id).first()
        page = existing.get_latest_revision_as_object() if existing else ResourcePage(hsds_id=service_id)
        before = _program_state(page) if existing else None
        page.agency = agency
        page.status = STATUSES[record["status"]]
        self._set_program_fields(page, record)
        own_location = self._set_program_place(page, record)
        if self._has("attribute"):
            page.categories = self._program_categories(record)
        if self._has("language"):
            page.languages = self._languages(self._service_related("language", record, own_location))
        if self._has("schedule"):
            hours = self._hours(self._service_related("schedule", record, own_location))
            if before is None or before[-1] != sorted(_hours_state(hours)):
                page.hours = hours
        if before == _program_state(page) and (
            not self.publish or (existing.live and not existing.has_unpublished_changes)
        ):
            self.count("unchanged", "programs")
            return
        try:
            with transaction.atomic():
                if existing is None:
                    page.live = False
                    self.index_page.add_child(instance=page)
                revision = page.save_revision()
                if self.publish:
                    revision.publish()
        except ValidationError as error:
            self.problem("service", service_id, f"skipped: {'; '.join(error.messages)}")
            return
        if not page.use_agency_location and not page.has_coordinates:
            self.to_geocode[geocode_programs].add(page.pk)
        self.count("created" if existing is None else "updated", "programs")

    def _set_program_fields(self, page, record):
        service_id = record["id"]
        page.title = self._text(record, "name", 255, "service")
        page.summary, page.description = summary_and_body(str(record.get("description", "")))
        if not page.summary:
            self.problem("service", service_id, "has no description: its name is the summary")
            page.summary = Truncator(page.title).chars(SUMMARY_LENGTH)
        page.eligibility = str(record.get("eligibility_description", "")).strip()
        page.how_to_apply = str(record.get("application_process", "")).strip()
        page.fees = str(record.get("fees_description") or record.get("fees") or "").strip()
        if self._has("cost_option"):
            costs = self.related("cost_option", "service_id", service_id)
            page.is_free = any(cost.get("amount") == 0 for cost in costs)
        if self._has("required_document"):
            documents = self.related("required_document", "service_id", service_id)
            page.documents = "\n".join(str(item["document"]).strip() for item in documents if item.get("document"))
        if self._has("phone"):
            page.phone = self._phone(self.related("phone", "service_id", service_id))
        page.email = self._checked(record.get("email"), EmailValidator(), "service", service_id, "email")
        page.website = self._checked(record.get("url"), URLValidator(), "service", service_id, "url")[:200]
        page.last_verified = iso_date(record.get("assured_date"))

    def _set_program_place(self, page, record):
        """At its agency's location, or at its own if that has a US ZIP code; returns the own one's id."""
        if not self._has("service_at_location") and page.pk:
            return None
        agency_location = self.agency_locations.get(record["organization_id"]) or _agency_location_id(
            record["organization_id"]
        )
        links = self.related("service_at_location", "service_id", record["id"])
        locations = [self.dataset.get("location", link["location_id"]) for link in links]
        location = next((location for location in locations if location), None)
        page.use_agency_location = location is None or location["id"] == agency_location
        if not page.use_agency_location and not self._set_place(page, location):
            self.problem("service", record["id"], "its location has no US ZIP code: it shows its agency's address")
            page.use_agency_location = True
            page.address_1 = page.city = page.zip_code = ""
        if page.use_agency_location:
            page.latitude, page.longitude = page.agency.latitude, page.agency.longitude
            return None
        return location["id"]

    def _service_related(self, table, record, own_location):
        """Languages or schedules of the service: its own, its service_at_locations' and its own location's."""
        found = list(self.related(table, "service_id", record["id"]))
        for link in self.related("service_at_location", "service_id", record["id"]):
            found += self.related(table, "service_at_location_id", link["id"])
        if own_location:
            found += self.related(table, "location_id", own_location)
        return list({item["id"]: item for item in found}.values())

    def _program_categories(self, record):
        categories = {}
        for attribute in self.related("attribute", "link_id", record["id"]):
            term_id = attribute["taxonomy_term_id"]
            category = self.categories.get(term_id) or ServiceCategory.objects.filter(hsds_id=term_id).first()
            if category is None:
                self.problem("attribute", attribute["id"], f"skipped: taxonomy term {term_id} is unknown")
            else:
                categories[category.pk] = category
        return list(categories.values())

    def _hours(self, schedules):
        """Opening hours from weekly schedules; each other kind is reported and skipped."""
        hours = {}
        for schedule in schedules:
            try:
                for opening in weekly_hours(schedule):
                    hours[opening.weekday, opening.opens, opening.closes] = opening
            except ValueError as error:
                self.problem("schedule", schedule["id"], f"skipped: {error}")
        return list(hours.values())


def load_dataset(dataset, index_page, *, publish=False):
    return Loader(dataset, index_page, publish=publish).run()


def _counted(number, kind):
    singular = {"agencies": "agency", "categories": "category", "programs": "program", "languages": "language"}
    return f"{number} {kind if number != 1 else singular.get(kind, kind.removesuffix('s'))}"


def _agency_location_id(organization_id):
    return str(derived_id(organization_id, "location"))


def _physical_first(address):
    return address.get("address_type") != "physical"


def _unique_slug(text):
    base = slugify(text)[:55] or "category"
    slug, number = base, 2
    while ServiceCategory.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _agency_state(agency, languages=None):  # languages: as they will be, if they change
    fields = ("name", "description", "email", "website", "phone", "address_1", "city", "state", "zip_code")
    values = tuple(getattr(agency, field) for field in fields + ("latitude", "longitude", "accessibility"))
    codes = sorted(language.code for language in (agency.languages.all() if languages is None else languages))
    return values + tuple(codes)


def _hours_state(hours):
    return [(opening.weekday, opening.opens, opening.closes, opening.note) for opening in hours]


def _program_state(page):
    """What loading sets on a program, to tell whether anything changed; hours last."""
    fields = (
        "title", "summary", "eligibility", "how_to_apply", "fees", "is_free", "documents", "email", "website", "phone",
        "status", "last_verified", "agency_id", "use_agency_location", "address_1", "city", "state", "zip_code",
        "latitude", "longitude",
    )  # fmt: skip
    return (
        tuple(getattr(page, field) for field in fields),
        body_text(page.description),
        sorted(category.pk for category in page.categories.all()),
        sorted(language.pk for language in page.languages.all()),
        sorted(_hours_state(page.hours.all())),
    )
