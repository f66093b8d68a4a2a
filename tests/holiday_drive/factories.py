from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from holiday_drive import duplicates
from holiday_drive.models import (
    Adoption,
    DistributionSite,
    HolidayCampaignPage,
    PickupSlot,
    ReferralCode,
    RegisteredChild,
    Registration,
    Sponsor,
)
from tests.aid_requests.factories import HouseholdFactory


class HolidayCampaignPageFactory(wagtail_factories.PageFactory):
    """A campaign open from yesterday for a month; pass `parent`."""

    title = "Holiday 2026"
    slug = "holiday-2026"
    year = 2026
    intro = "<p>Food, clothing and gifts for families in December.</p>"
    registration_opens = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    registration_closes = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    family_cap = 100
    family_number_prefix = "H26"
    gift_dropoff_deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))

    class Meta:
        model = HolidayCampaignPage


class ReferralCodeFactory(factory.django.DjangoModelFactory):
    code = "BRYANT-26"
    issued_to = "Bryant Woods Elementary"

    class Meta:
        model = ReferralCode


class DistributionSiteFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Community Center {n}")
    address = "5851 Robert Oliver Place\nColumbia, MD 21045"
    zip_code = "21045"
    notes = "Bags in the gym."

    class Meta:
        model = DistributionSite


class PickupSlotFactory(factory.django.DjangoModelFactory):
    """A one-hour slot a week from now; pass `campaign`."""

    site = factory.SubFactory(DistributionSiteFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda slot: slot.starts_at + timedelta(hours=1))
    capacity = 5

    class Meta:
        model = PickupSlot


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration queued in order, a random family number, its household's duplicate keys; pass `campaign`."""

    household = factory.SubFactory(
        HouseholdFactory,
        guardian_name=factory.Sequence(lambda n: f"Guardian {n}"),
        phone=factory.Sequence(lambda n: f"410-555-{n % 10000:04d}"),
    )
    sequence = factory.Sequence(lambda n: n + 1)
    wants_food = True
    wants_gifts = True

    class Meta:
        model = Registration

    @factory.lazy_attribute
    def family_number(self):
        return self.campaign.new_family_number()

    @factory.lazy_attribute
    def phone_key(self):
        return duplicates.phone_key(self.household.phone)

    @factory.lazy_attribute
    def email_key(self):
        return duplicates.email_key(self.household.email)

    @factory.lazy_attribute
    def guardian_key(self):
        return duplicates.guardian_key(self.household.guardian_name, self.household.zip_code)


class RegisteredChildFactory(factory.django.DjangoModelFactory):
    registration = factory.SubFactory(RegistrationFactory)
    letter = "A"
    first_name = "Ana"
    age = 9
    size_top = "10"
    wish_1 = "A red bike"
    match_key = factory.LazyAttribute(
        lambda child: duplicates.child_key(child.first_name, child.age, child.registration.household.zip_code)
    )

    class Meta:
        model = RegisteredChild


class SponsorFactory(factory.django.DjangoModelFactory):
    kind = Sponsor.Kind.BUSINESS
    name = factory.Sequence(lambda n: f"Main Street Hardware {n}")
    contact_name = "Tom Alvarez"
    contact_email = factory.Sequence(lambda n: f"sponsor{n}@business.example.org")
    families_to_adopt = 3

    class Meta:
        model = Sponsor


class AdoptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adoption
