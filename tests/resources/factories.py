"""Factories for the directory: agencies, categories, the directory page and its programs."""

import datetime

import factory
import wagtail_factories

from resources.geo import zip_centroid
from resources.models import (
    Agency,
    AgencyCapacity,
    AgencyMembership,
    Closure,
    Language,
    OpeningHours,
    ResourceIndexPage,
    ResourcePage,
    School,
    SchoolStaffLink,
    ServiceCategory,
)


class ServiceCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")

    class Meta:
        model = ServiceCategory
        django_get_or_create = ["slug"]


class LanguageFactory(factory.django.DjangoModelFactory):
    code = "es"
    name = "Spanish"
    native_name = "Español"

    class Meta:
        model = Language
        django_get_or_create = ["code"]


class AgencyFactory(factory.django.DjangoModelFactory):
    """An agency in Columbia, MD, with the ZIP centroid as its coordinates (as the geocoder gives them)."""

    name = factory.Sequence(lambda n: f"Community Agency {n}")
    phone = "410-555-0100"
    address_1 = "5500 Main Street"
    city = "Columbia"
    state = "MD"
    zip_code = "21044"
    latitude = factory.LazyAttribute(lambda agency: (zip_centroid(agency.zip_code) or (None, None))[0])
    longitude = factory.LazyAttribute(lambda agency: (zip_centroid(agency.zip_code) or (None, None))[1])

    class Meta:
        model = Agency


class PartnerAgencyFactory(AgencyFactory):
    """A partner taking clothing requests from all of Howard County, five at a time; pass `serves` slugs to change."""

    is_partner = True
    service_area_counties = "Howard County"

    class Meta:
        model = Agency
        skip_postgeneration_save = True

    @factory.post_generation
    def serves(agency, create, extracted, **kwargs):
        if create:
            agency.categories_served.set(ServiceCategory.objects.filter(slug__in=extracted or ["clothing"]))

    @factory.post_generation
    def speaks(agency, create, extracted, **kwargs):
        if create and extracted:
            agency.languages.set(Language.objects.filter(code__in=extracted))


class AgencyCapacityFactory(factory.django.DjangoModelFactory):
    agency = factory.SubFactory(PartnerAgencyFactory)
    category = factory.LazyFunction(lambda: ServiceCategory.objects.get(slug="clothing"))
    max_open = 5

    class Meta:
        model = AgencyCapacity


class AgencyMembershipFactory(factory.django.DjangoModelFactory):
    agency = factory.SubFactory(PartnerAgencyFactory)
    role = AgencyMembership.Role.COORDINATOR

    class Meta:
        model = AgencyMembership


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Connection Center"
    slug = "connection-center"

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    """A published program; coordinates default to its agency's."""

    title = factory.Sequence(lambda n: f"Program {n}")
    agency = factory.SubFactory(AgencyFactory)
    summary = "Help for families."
    latitude = factory.LazyAttribute(lambda program: program.agency.latitude)
    longitude = factory.LazyAttribute(lambda program: program.agency.longitude)

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    @factory.post_generation
    def categories(program, create, extracted, **kwargs):
        if create and extracted:
            program.categories.set(extracted)
            program.save()

    @factory.post_generation
    def languages(program, create, extracted, **kwargs):
        if create and extracted:
            program.languages.set(extracted)
            program.save()


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    weekday = 0
    opens = datetime.time(9)
    closes = datetime.time(17)

    class Meta:
        model = OpeningHours


class ClosureFactory(factory.django.DjangoModelFactory):
    starts_on = factory.LazyFunction(datetime.date.today)
    ends_on = factory.LazyFunction(datetime.date.today)
    reason = "a staff training day"

    class Meta:
        model = Closure


class SchoolFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Oakland Mills School {n}")
    code = factory.Sequence(lambda n: f"{1000 + n}")
    level = School.Level.ELEMENTARY
    zip_code = "21045"

    class Meta:
        model = School


class SchoolStaffLinkFactory(factory.django.DjangoModelFactory):
    school = factory.SubFactory(SchoolFactory)

    class Meta:
        model = SchoolStaffLink
