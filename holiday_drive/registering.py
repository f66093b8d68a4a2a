"""Turning a finished holiday form into a registration: one transaction, queued in order, safe to submit twice."""

import contextlib
import string

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from aid_requests.applications import household_for
from aid_requests.models import Child, Household
from holiday_drive import duplicates, notifications
from holiday_drive.models import HolidayCampaignPage, Package, RegisteredChild, Registration
from holiday_drive.pickups import BookingError, book

GUARDIAN_FIELDS = ["guardian_name", "phone", "email", "preferred_language", "contact_method", "zip_code"]
SCHOOL_FIELDS = ["school", "schools"]
SIZE_FIELDS = ["size_top", "size_bottom", "size_shoes", "size_coat"]
CHILD_FIELDS = ["first_name", "age", *SIZE_FIELDS, "wish_1", "wish_2", "wish_3"]
LETTERS = string.ascii_uppercase


class RegistrationRefused(Exception):
    """Why the registration was not saved, in words for the family."""


class RegistrationClosed(RegistrationRefused):
    pass


class AlreadyRegistered(RegistrationRefused):
    def __init__(self, registration):
        self.registration = registration
        super().__init__(
            _("You are already registered for this holiday drive. Your family number is %(number)s.")
            % {"number": registration.family_number}
        )


def registration_of(user, campaign):
    """The signed-in family's registration for the campaign (through any of its households), or None."""
    if user is None or not user.is_authenticated:
        return None
    return Registration.objects.filter(campaign=campaign, household__user=user).first()


def register(campaign, *, guardian, children, packages, submission_key, referral_code=None, slot=None, user=None):
    """Save a household's registration with its children in one transaction and return it.

    `guardian` and each of `children` are cleaned form data; `packages` holds Package values.
    Past the family cap the registration is waitlisted; otherwise it books `slot` when there
    is still room (when not, it is saved without one and the family chooses later).
    Submitting the same `submission_key` again returns the first registration.
    Raises RegistrationClosed outside the window and AlreadyRegistered for a family registered before.
    """
    earlier = Registration.objects.filter(submission_key=submission_key).first()
    if earlier is not None:
        return earlier
    now = timezone.now()
    try:
        with transaction.atomic():
            # One registration at a time per campaign: the cap and the next family number depend on the others.
            campaign = HolidayCampaignPage.objects.select_for_update(of=("self",)).get(pk=campaign.pk)
            if not campaign.is_open(now):
                raise RegistrationClosed(_("Registration for this holiday drive is closed."))
            already = registration_of(user, campaign)
            if already is not None:
                raise AlreadyRegistered(already)
            household = _save_household(guardian, user)
            registration = _create(campaign, household, packages, referral_code, submission_key, now)
            for letter, data in zip(LETTERS, children, strict=False):
                _save_child(registration, household, letter, data)
            duplicates.flag_duplicates(registration)
            if slot is not None and not registration.is_waitlisted:
                # The time may have filled up while the family filled in the form: then they choose another later.
                with contextlib.suppress(BookingError):
                    registration = book(registration, slot, now=now, tell_family=False)
            notifications.tell_family(
                registration, "holiday_waitlisted" if registration.is_waitlisted else "holiday_registered"
            )
    except IntegrityError:  # the same form sent twice at once, or the family registered in another tab
        earlier = Registration.objects.filter(submission_key=submission_key).first()
        if earlier is not None:
            return earlier
        already = registration_of(user, campaign)
        if already is not None:
            raise AlreadyRegistered(already) from None
        raise
    return registration


def _save_household(guardian, user):
    signed_in = user if user is not None and user.is_authenticated else None
    household = household_for(signed_in) or Household(user=signed_in)
    for field in GUARDIAN_FIELDS:
        setattr(household, field, guardian[field])
    for field in SCHOOL_FIELDS:  # asked by the form; callers that do not ask keep what the household had
        if field in guardian:
            setattr(household, field, guardian[field])
    household.agree_to_texts_if_chosen()  # the guardian form shows the consent wording beside the choice
    household.save()
    return household


def _create(campaign, household, packages, referral_code, submission_key, now):
    sequence = (campaign.registrations.aggregate(last=Max("sequence"))["last"] or 0) + 1
    registration = Registration(
        household=household,
        campaign=campaign,
        sequence=sequence,
        family_number=campaign.new_family_number(),
        status=Registration.Status.WAITLISTED if campaign.is_full() else Registration.Status.REGISTERED,
        referral_code=referral_code,
        submission_key=submission_key,
        consent_given_at=now,
        created_at=now,
        status_changed_at=now,
        **{f"wants_{package.value}": package.value in packages for package in Package},
    )
    duplicates.set_keys(registration, household)
    registration.save()
    return registration


def _save_child(registration, household, letter, data):
    """This season's child, linked to the household's child record (updated, or added) for next time."""
    child = household.children.filter(first_name__iexact=data["first_name"]).first() or Child(household=household)
    child.first_name, child.age = data["first_name"], data["age"]
    for field in SIZE_FIELDS:
        setattr(child, field, data.get(field) or "")
    child.save()
    return RegisteredChild.objects.create(
        registration=registration,
        child=child,
        letter=letter,
        match_key=duplicates.child_key(data["first_name"], data["age"], household.zip_code),
        **{field: data.get(field) or "" for field in CHILD_FIELDS if field != "age"},
        age=data["age"],
    )
