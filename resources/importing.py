"""Agencies and programs as rows of a spreadsheet: django-import-export resources.

Each resource loads what it needs to recognise rows (existing records, categories,
languages, agencies) once before the import, so a row costs no lookups. An agency is
recognised by its hsds_id, else by name and ZIP code; a program by its hsds_id, else by
title and agency. `resources.transfer` runs them: a dry run to check a file, or the import,
rolled back whole if any row has a problem.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from import_export import fields, resources
from wagtail.models import Locale
from wagtail.signal_handlers import disable_reference_index_auto_update

from portal import page_cache
from resources.bulk import geocoding_deferred, queue_collected, queue_in_batches, tasks_collected
from resources.columns import (
    ChoiceWidget,
    DayWidget,
    HsdsIdWidget,
    TextWidget,
    YesNoWidget,
    format_hours,
    parse_hours,
    split_list,
)
from resources.models import Agency, Language, ResourceIndexPage, ResourcePage, ServiceCategory
from resources.publishing import ProgramPublisher
from resources.school_import import SchoolResource
from resources.tasks import geocode_agencies, geocode_programs, index_objects


def _text(name):
    return fields.Field(attribute=name, column_name=name, widget=TextWidget())


def _reference(name):
    """A column the resource resolves itself (from what `before_import` loaded), not a model field."""
    return fields.Field(column_name=name)


class DirectoryResource(resources.ModelResource):
    """What agencies and programs share: identity from preloaded rows, blank lines skipped, problems per column."""

    hsds_id = fields.Field(attribute="hsds_id", column_name="hsds_id", widget=HsdsIdWidget(), saves_null_values=False)
    required_columns = ()
    validation_exclude = ()  # fields validated elsewhere, or set only when saving

    def __init__(self, user=None):
        super().__init__()
        self.user = user
        self.saved = []
        self.lines_by_identity = {}

    @classmethod
    def columns(cls):
        return [field.column_name for field in cls.fields.values()]

    @classmethod
    def missing_prerequisites(cls):
        """What must exist before any row can be imported, said for the person importing."""
        return []

    def get_instance(self, instance_loader, row):
        return self.find(row)

    def import_instance(self, instance, row, **kwargs):
        if _is_blank(row):
            return
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        errors.update(self.import_references(instance, row))
        line = kwargs["row_number"] + 1
        identity = instance.hsds_id if instance.pk or _is_present(row.get("hsds_id")) else self.identity(instance)
        if identity in self.lines_by_identity:
            message = f"Line {self.lines_by_identity[identity]} already describes this {self.noun}."
            errors.setdefault(self.identity_column, []).append(message)
        self.lines_by_identity.setdefault(identity, line)
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        return _is_blank(row)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # Unique values are settled from the rows loaded before the import: a check per row would cost a query.
        errors = dict(import_validation_errors or {})
        try:
            instance.full_clean(exclude=[*errors, *self.validation_exclude], validate_unique=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def after_save_instance(self, instance, row, **kwargs):
        self.saved.append(instance)

    def import_references(self, instance, row):
        return {}

    def find_languages(self, value):
        """The languages a cell lists ("en, es"), and a message for each code not known."""
        codes = split_list(value)
        found = [self.languages_by_code[code] for code in codes if code in self.languages_by_code]
        unknown = [code for code in codes if code not in self.languages_by_code]
        return found, [f'Unknown language code "{code}" (use codes such as en, es).' for code in unknown]


def _is_present(value):
    return value is not None and str(value).strip() != ""


def _is_blank(row):
    return not any(_is_present(value) for value in row.values())


def _unique_slug(text, taken, fallback):
    base = slugify(text)[:180] or fallback
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


class AgencyResource(DirectoryResource):
    """Agencies, created and updated in bulk: a few queries per 500 rows."""

    name = _text("name")
    description = _text("description")
    address_1, city, state, zip_code = _text("address_1"), _text("city"), _text("state"), _text("zip_code")
    phone, email, website = _text("phone"), _text("email"), _text("website")
    languages = _reference("languages")
    accessibility = _text("accessibility")
    is_active = fields.Field(attribute="is_active", column_name="is_active", widget=YesNoWidget(default=True))
    is_partner = fields.Field(attribute="is_partner", column_name="is_partner", widget=YesNoWidget(default=False))

    noun, identity_column = "agency", "name"
    required_columns = ("name",)
    validation_exclude = ("slug",)

    class Meta:
        model = Agency
        fields = ("hsds_id", "name", "description", "address_1", "city", "state", "zip_code", "phone", "email")
        fields += ("website", "languages", "accessibility", "is_active", "is_partner")
        import_id_fields = ()
        use_bulk = True
        batch_size = 500
        skip_diff = True

    def before_import(self, dataset, **kwargs):
        agencies = list(Agency.objects.all())
        self.by_hsds_id = {agency.hsds_id: agency for agency in agencies}
        self.by_name_and_zip = {(agency.name.casefold(), agency.zip_code): agency for agency in agencies}
        self.slugs = {agency.slug for agency in agencies}
        self.languages_by_code = {language.code: language for language in Language.objects.all()}

    def find(self, row):
        try:
            hsds_id = HsdsIdWidget().clean(row.get("hsds_id"))
        except ValueError:
            return None  # the hsds_id column reports it
        if hsds_id:
            return self.by_hsds_id.get(hsds_id)
        name, zip_code = (TextWidget().clean(row.get(column)) for column in ("name", "zip_code"))
        return self.by_name_and_zip.get((name.casefold(), zip_code))

    def identity(self, agency):
        return agency.name.casefold(), agency.zip_code

    def import_references(self, agency, row):
        if "languages" not in row:
            return {}
        languages, problems = self.find_languages(row["languages"])
        agency.imported_languages = languages
        return {"languages": problems} if problems else {}

    def before_save_instance(self, agency, row, **kwargs):
        # Bulk saves skip Agency.save(): make its slug here, unique among those loaded.
        if not agency.slug:
            agency.slug = _unique_slug(agency.name, self.slugs, "agency")
        agency.updated_at = timezone.now()  # bulk updates skip auto_now

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """One UPDATE per changed agency: Django's bulk_update builds a CASE per field and row, slower here."""
        names = [name for name in self.columns() if name not in ("hsds_id", "languages")] + ["updated_at"]
        try:
            for agency in self.update_instances:
                Agency.objects.filter(pk=agency.pk).update(**{name: getattr(agency, name) for name in names})
        except Exception as error:
            self.handle_import_error(result, error, raise_errors)
        finally:
            self.update_instances.clear()

    def after_import(self, dataset, result, **kwargs):
        with_languages = [agency for agency in self.saved if hasattr(agency, "imported_languages")]
        Through = Agency.languages.through
        Through.objects.filter(agency__in=with_languages).delete()
        Through.objects.bulk_create(
            Through(agency_id=agency.pk, language_id=language.pk)
            for agency in with_languages
            for language in agency.imported_languages
        )
        if not kwargs.get("dry_run"):  # bulk saves send no post_save: search and geocoding would miss them
            pks = [agency.pk for agency in self.saved]
            queue_in_batches(index_objects, "resources", "agency", ids=pks)
            queue_in_batches(geocode_agencies, ids=pks)

    def dehydrate_languages(self, agency):
        return ", ".join(language.code for language in agency.languages.all())

    def get_queryset(self):
        return Agency.objects.prefetch_related("languages")


class ProgramResource(DirectoryResource):
    """Programs as published pages under the directory, with a revision each; a few queries a row."""

    title = _text("title")
    agency = _reference("agency")
    categories = _reference("categories")
    summary, eligibility = _text("summary"), _text("eligibility")
    how_to_apply, documents, fees = _text("how_to_apply"), _text("documents"), _text("fees")
    is_free = fields.Field(attribute="is_free", column_name="is_free", widget=YesNoWidget(default=False))
    languages = _reference("languages")
    address_1, city, state, zip_code = _text("address_1"), _text("city"), _text("state"), _text("zip_code")
    phone, email, website = _text("phone"), _text("email"), _text("website")
    status = fields.Field(
        attribute="status", column_name="status", widget=ChoiceWidget(ResourcePage.Status, ResourcePage.Status.ACTIVE)
    )
    last_verified = fields.Field(attribute="last_verified", column_name="last_verified", widget=DayWidget())
    hours = _reference("hours")

    noun, identity_column = "program", "title"
    required_columns = ("title", "agency", "categories")
    # The page's place in the tree is set when it is added under the directory.
    validation_exclude = ("path", "depth", "url_path", "slug", "content_type", "draft_title", "translation_key")
    validation_exclude += ("agency", "locale")  # found among the rows loaded before the import
    # Set by Wagtail, never by a file: checking that each still exists would cost queries a row.
    validation_exclude += ("owner", "latest_revision", "live_revision", "locked_by", "alias_of")

    class Meta:
        model = ResourcePage
        fields = ("hsds_id", "title", "agency", "categories", "summary", "eligibility", "how_to_apply", "documents")
        fields += ("fees", "is_free", "languages", "address_1", "city", "state", "zip_code", "phone", "email")
        fields += ("website", "status", "last_verified", "hours")
        import_id_fields = ()
        skip_diff = True
        use_bulk, batch_size = True, 500

    @classmethod
    def missing_prerequisites(cls):
        if ResourceIndexPage.objects.exists():
            return []
        return ["There is no directory page to add programs to: create the Connection Center page first."]

    def before_import(self, dataset, **kwargs):
        self.locale = Locale.get_default()
        self.index_page = ResourceIndexPage.objects.get(locale=self.locale)  # translations are made in Wagtail
        programs = ResourcePage.objects.values_list("pk", "hsds_id", "title", "agency_id")
        self.pk_by_hsds_id = {hsds_id: pk for pk, hsds_id, _title, _agency in programs}
        self.pk_by_title_and_agency = {(title.casefold(), agency): pk for pk, _hsds, title, agency in programs}
        self.slugs = set(self.index_page.get_children().values_list("slug", flat=True))
        agencies = list(Agency.objects.only("pk", "name", "hsds_id"))
        self.agencies_by_hsds_id = {str(agency.hsds_id): agency for agency in agencies}
        self.agencies_by_name = {}
        for agency in agencies:
            self.agencies_by_name.setdefault(agency.name.casefold(), []).append(agency)
        self.queued, self.publisher = [], None
        self.categories_by_slug = {category.slug: category for category in ServiceCategory.objects.all()}
        self.languages_by_code = {language.code: language for language in Language.objects.all()}
        # The programs the file updates, in one query per 500 rather than one per row.
        pks = {self._pk(dict(zip(dataset.headers, row, strict=True))) for row in dataset} - {None}
        pks = sorted(pks)
        self.programs_by_pk = {}
        for start in range(0, len(pks), 500):
            self.programs_by_pk.update(ResourcePage.objects.in_bulk(pks[start : start + 500]))

    def find(self, row):
        return self.programs_by_pk.get(self._pk(row))

    def _pk(self, row):
        """The pk of the program a row describes, or None for a new one."""
        try:
            hsds_id = HsdsIdWidget().clean(row.get("hsds_id"))
        except ValueError:
            return None
        if hsds_id:
            return self.pk_by_hsds_id.get(hsds_id)
        agency = self._agency(row.get("agency"))
        title = TextWidget().clean(row.get("title"))
        return self.pk_by_title_and_agency.get((title.casefold(), agency.pk)) if isinstance(agency, Agency) else None

    def init_instance(self, row=None):
        return ResourcePage(locale=self.locale)

    def identity(self, program):
        return program.title.casefold(), program.agency_id

    def import_references(self, program, row):
        # Categories, languages and hours wait beside the page: ProgramPublisher writes them for many pages at once.
        errors, program.imported_relations = {}, {}
        agency = self._agency(row.get("agency"))
        if isinstance(agency, str):
            errors["agency"] = [agency]
        else:
            program.agency = agency
        slugs = split_list(row.get("categories"))
        unknown = [slug for slug in slugs if slug not in self.categories_by_slug]
        if unknown or not slugs:
            errors["categories"] = [f'Unknown category "{slug}".' for slug in unknown] or ["Give one category or more."]
        else:
            program.imported_relations["categories"] = [self.categories_by_slug[slug] for slug in slugs]
        if "languages" in row:
            program.imported_relations["languages"], problems = self.find_languages(row["languages"])
            errors.update({"languages": problems} if problems else {})
        if "hours" in row:
            try:
                program.imported_relations["hours"] = parse_hours(row["hours"])
            except ValueError as error:
                errors["hours"] = [str(error)]
        if "zip_code" in row:
            program.use_agency_location = not program.zip_code  # no ZIP of its own: it is where its agency is
        return errors

    def _agency(self, value):
        """The agency a cell names (by hsds_id or name), or a message saying why there is none."""
        value = TextWidget().clean(value)
        if not value:
            return "Name the program's agency."
        if value in self.agencies_by_hsds_id:
            return self.agencies_by_hsds_id[value]
        named = self.agencies_by_name.get(value.casefold(), [])
        if len(named) > 1:
            return f'{len(named)} agencies are called "{value}": use the agency\'s hsds_id instead.'
        return named[0] if named else f'No agency called "{value}": import the agency first.'

    def before_save_instance(self, program, row, **kwargs):
        program.slug = program.slug or _unique_slug(program.title, self.slugs, "program")

    # Meta.use_bulk: import-export hands the rows over 500 at a time, without a savepoint around each row
    # (the page's own save has one); these publish them. A dry run writes nothing.

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        self._publish(self.create_instances, True, dry_run, raise_errors, result)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        self._publish(self.update_instances, False, dry_run, raise_errors, result)

    def _publish(self, programs, is_create, dry_run, raise_errors, result):
        try:
            # Once a row has a problem the whole file is rolled back: saving more would be wasted.
            if programs and not dry_run and not result.has_errors() and not result.has_validation_errors():
                self.publisher = self.publisher or ProgramPublisher(self.index_page, self.user)
                # Geocoding and indexing are queued for the whole file in after_import. Wagtail would queue
                # the reference index of the page and of each of its opening hours; index_objects does the page once.
                with geocoding_deferred(), disable_reference_index_auto_update(), tasks_collected(self.queued):
                    for program in programs:
                        self.publisher.save(program, is_create)
        except Exception as error:
            self.handle_import_error(result, error, raise_errors)
        finally:
            programs.clear()

    def import_data(self, *args, **kwargs):
        # Each page saved moves the page cache's content version: once for the whole file is enough.
        with page_cache.changes_collected():
            return super().import_data(*args, **kwargs)

    def after_import(self, dataset, result, **kwargs):
        if self.publisher and not result.has_errors() and not result.has_validation_errors():
            with tasks_collected(self.queued):
                self.publisher.finish()
            queue_collected(self.queued)
            queue_in_batches(geocode_programs, ids=[program.pk for program in self.saved])

    def get_queryset(self):
        # One row a program: its translations are the same program.
        programs = ResourcePage.objects.filter(locale=Locale.get_default())
        return programs.select_related("agency").prefetch_related("categories", "languages", "hours")

    def before_export(self, queryset, **kwargs):
        names = Agency.objects.values_list("name", flat=True)
        counts = {}
        for name in names:
            counts[name.casefold()] = counts.get(name.casefold(), 0) + 1
        self.shared_names = {name for name, count in counts.items() if count > 1}

    def dehydrate_agency(self, program):
        # A name two agencies share would not say which one: write the hsds_id then.
        shared = program.agency.name.casefold() in getattr(self, "shared_names", set())
        return str(program.agency.hsds_id) if shared else program.agency.name

    def dehydrate_categories(self, program):
        return ", ".join(category.slug for category in program.categories.all())

    def dehydrate_languages(self, program):
        return ", ".join(language.code for language in program.languages.all())

    def dehydrate_hours(self, program):
        return format_hours(program.hours.all())

    def dehydrate_address_1(self, program):
        return "" if program.use_agency_location else program.address_1

    def dehydrate_city(self, program):
        return "" if program.use_agency_location else program.city

    def dehydrate_state(self, program):
        return "" if program.use_agency_location else program.state

    def dehydrate_zip_code(self, program):
        return "" if program.use_agency_location else program.zip_code


RESOURCES = {"agencies": AgencyResource, "programs": ProgramResource, "schools": SchoolResource}
