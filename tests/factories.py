"""Factories for the site shell; each app's tests add theirs beside this file."""

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from portal.models import Alert, HomePage, StandardPage, User
from portal.roles import AGENCY, SCHOOL_STAFF, STAFF

PASSWORD = "a-long-test-password-9"


class UserFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        """allauth lets only people with a verified address sign in."""
        if create:
            user.save()
            EmailAddress.objects.create(user=user, email=user.email, verified=extracted is not False, primary=True)


def _in_group(name):
    """A post-generation step putting the new user in a role's group."""

    def add(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=name))

    return factory.PostGeneration(add)


class StaffFactory(UserFactory):
    role = _in_group(STAFF)


class AgencyUserFactory(UserFactory):
    role = _in_group(AGENCY)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Help for students and families"
    intro = "<p>We help families find what their children need for school.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "About us"
    intro = "Who we are and what we do."

    class Meta:
        model = StandardPage


class AlertFactory(factory.django.DjangoModelFactory):
    message = "The office is closed on Friday."

    class Meta:
        model = Alert


class SchoolStaffFactory(UserFactory):
    """A counselor or nurse in the School staff role; link them to schools with SchoolStaffLinkFactory."""

    role = _in_group(SCHOOL_STAFF)
