import factory

from aid_requests.models import AidRequest, Child, Household
from resources.models import ServiceCategory


class HouseholdFactory(factory.django.DjangoModelFactory):
    guardian_name = "Maria Lopez"
    phone = "410-555-0142"
    email = factory.Sequence(lambda n: f"family{n}@example.org")
    zip_code = "21044"
    street_address = "12 Quiet Lane"
    is_homeless = True
    consent_to_share = True

    class Meta:
        model = Household

    @factory.post_generation
    def text_consent(household, create, extracted, **kwargs):
        """A family that chose texts did so on a form showing the consent wording; `text_consent=False` for none."""
        if create and extracted is not False and household.text_consent_at is None:
            household.agree_to_texts_if_chosen()
            if household.text_consent_at is not None:
                household.save(update_fields=["text_consent_at", "text_consent_wording"])


class ChildFactory(factory.django.DjangoModelFactory):
    household = factory.SubFactory(HouseholdFactory)
    first_name = "Ana"
    age = 9
    grade = "4"
    size_top = "10"

    class Meta:
        model = Child


class AidRequestFactory(factory.django.DjangoModelFactory):
    household = factory.SubFactory(HouseholdFactory)
    kind = factory.LazyFunction(lambda: ServiceCategory.objects.get(slug="clothing"))

    class Meta:
        model = AidRequest
        skip_postgeneration_save = True

    @factory.post_generation
    def children(aid_request, create, extracted, **kwargs):
        if create:
            aid_request.children.set(extracted or [ChildFactory(household=aid_request.household)])


def approved_request(kind="clothing", **household):
    """A request staff have approved, from a household in 21044 that agreed to share; pass household fields."""
    aid_request = AidRequestFactory(
        household=HouseholdFactory(**household), kind=ServiceCategory.objects.get(slug=kind)
    )
    AidRequest.objects.filter(pk=aid_request.pk).update(status="approved")
    aid_request.status = "approved"
    return aid_request
