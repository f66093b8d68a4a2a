"""Turning a finished holiday form into a registration: one transaction, queued in order, safe to submit twice."""

import string

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.signal_handlers import disable_reference_index_auto_update

from aid_requests.applications import household_for
from aid_requests.models import Child, Household
from holiday_drive import duplicates, notifications
from holiday_drive.models import HolidayCampaignPage, Package, RegisteredChild, Registration
from holiday_drive.models.campaigns import FAMILY_NUMBER_TRIES
from holiday_drive.models.registrations import new_check_in_code
from holiday_drive.pickups import lock_for_new_place
from portal.references import index_references

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
    now = timezone.now()
    try:
        with transaction.atomic():
            # The family's own rows first: they depend on no other registration, so the campaign's lock below is
            # held for less time at the opening rush (a refused registration rolls them back with the rest).
            household, is_new = _save_household(guardian, user)
            child_records = _save_child_records(household, children, is_new)
            # One registration at a time per campaign: the cap and the next family number depend on the others.
            campaign = HolidayCampaignPage.objects.select_for_update(of=("self",)).get(pk=campaign.pk)
            already = registration_of(user, campaign)
            if already is not None and already.submission_key == submission_key:
                transaction.set_rollback(True)  # this form, sent again: nothing of this sending is kept
                return already
            if already is not None:
                raise AlreadyRegistered(already)
            if not campaign.is_open(now):
                raise RegistrationClosed(_("Registration for this holiday drive is closed."))
            registration = _create(campaign, household, packages, referral_code, submission_key, slot, now)
            registered_children = _register_children(registration, household, children, child_records)
            duplicates.flag(registration, [child.match_key for child in registered_children])
            notifications.tell_family(
                registration, "holiday_waitlisted" if registration.is_waitlisted else "holiday_registered"
            )
    except (IntegrityError, RegistrationClosed):
        # This form sent before (twice at once, or again: its key is unique), the family registered in another
        # tab, or the window closed since this form was first sent.
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
    is_new = household.pk is None
    household.save()
    return household, is_new


def _create(campaign, household, packages, referral_code, submission_key, slot, now):
    """The registration, saved with its pickup time when `slot` still has a place (pickups.lock_for_new_place)."""
    locked = None if slot is None else lock_for_new_place(slot, campaign, now)
    counts = campaign.registration_counts(locked)
    is_full = campaign.is_full(counts)
    # The time may have filled up while the family filled in the form: then they choose another later.
    held = locked if locked is not None and not is_full and counts["booked"] < locked.capacity else None
    family_number, check_in_code = _unused_numbers(campaign, with_check_in_code=held is not None)
    registration = Registration(
        household=household,
        campaign=campaign,
        sequence=(counts["last_sequence"] or 0) + 1,
        family_number=family_number,
        status=Registration.Status.WAITLISTED if is_full else Registration.Status.REGISTERED,
        pickup_slot=held,
        check_in_code=check_in_code,
        referral_code=referral_code,
        submission_key=submission_key,
        consent_given_at=now,
        created_at=now,
        status_changed_at=now,
        **{f"wants_{package.value}": package.value in packages for package in Package},
    )
    duplicates.set_keys(registration, household)
    with disable_reference_index_auto_update():  # Wagtail would queue a task to index it: done here, in one INSERT
        registration.save()
    index_references(Registration, [registration], new=True)
    return registration


def _unused_numbers(campaign, *, with_check_in_code):
    """A new family number (campaign.new_family_number) and, with a pickup time, an unused check-in code.

    Both are checked in one query (pickups.unused_check_in_code checks a code alone); a second try is rare.
    """
    if not with_check_in_code:
        return campaign.new_family_number(), None
    for _attempt in range(FAMILY_NUMBER_TRIES):
        number, code = campaign.random_family_number(), new_check_in_code()
        taken = Q(campaign=campaign, family_number=number) | Q(check_in_code=code)
        if not Registration.objects.filter(taken).exists():
            return number, code
    raise IntegrityError("Could not find an unused family number and check-in code.")


def _save_child_records(household, children, is_new):
    """The household's child record for each child (updated, or added) for next time; returns them in order.

    One insert for any number of children of a new household; a returning one's records are read once.
    """
    known = {} if is_new else {child.first_name.casefold(): child for child in household.children.all()}
    records, added = [], []
    for data in children:
        child = known.get(data["first_name"].casefold()) or Child(household=household)
        child.first_name, child.age = data["first_name"], data["age"]
        for field in SIZE_FIELDS:
            setattr(child, field, data.get(field) or "")
        if child.pk is None:
            added.append(child)
        else:
            child.save()
        records.append(child)
    Child.objects.bulk_create(added)
    return records


def _register_children(registration, household, children, records):
    """This season's children, lettered, each linked to its child record; one insert."""
    return RegisteredChild.objects.bulk_create(
        RegisteredChild(
            registration=registration,
            child=child,
            letter=letter,
            match_key=duplicates.child_key(data["first_name"], data["age"], household.zip_code),
            **{field: data.get(field) or "" for field in CHILD_FIELDS if field != "age"},
            age=data["age"],
        )
        for letter, data, child in zip(LETTERS, children, records, strict=False)
    )
