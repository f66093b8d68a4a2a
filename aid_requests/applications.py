"""Turning a finished application into a household, its children and one request per need."""

from django.db import IntegrityError, transaction

from aid_requests.models import AidRequest, Child, Household, StatusEvent
from aid_requests.models.requests import Status
from aid_requests.notifications import send_confirmation

HOUSEHOLD_FIELDS = [
    "guardian_name",
    "phone",
    "email",
    "preferred_language",
    "contact_method",
    "zip_code",
    "street_address",
    "school",
    "schools",
    "is_homeless",
    "has_free_meals",
]
CHILD_FIELDS = ["first_name", "age", "grade", "school", "size_top", "size_bottom", "size_shoes", "size_coat", "notes"]


def household_for(user):
    """The household a signed-in family applied with before, or None."""
    if user is None or not user.is_authenticated:
        return None
    return user.households.order_by("-updated_at").first()


def submit(*, about, children, needs, user=None, submission_key):
    """Save the application in one transaction and return its requests.

    `about` and each of `children` are cleaned form data; `needs` holds the chosen
    kinds, the indexes of the children they cover, urgency and details. Submitting
    the same `submission_key` again returns the first submission's requests.
    """
    existing = list(AidRequest.objects.filter(submission_key=submission_key).order_by("pk"))
    if existing:
        return existing
    try:
        with transaction.atomic():
            household = _save_household(about, user)
            saved_children = [_save_child(household, data) for data in children]
            covered = [saved_children[int(index)] for index in needs["children"]]
            requests = []
            for kind in needs["kinds"]:
                aid_request = AidRequest.objects.create(
                    household=household,
                    kind=kind,
                    details=needs["details"],
                    urgency=needs["urgency"],
                    submission_key=submission_key,
                )
                aid_request.children.set(covered)
                StatusEvent.objects.create(request=aid_request, to_status=Status.SUBMITTED, actor=household.user)
                requests.append(aid_request)
            transaction.on_commit(lambda: send_confirmation.enqueue(household.pk))
    except IntegrityError:  # the same form submitted twice at once: the other submit won
        return list(AidRequest.objects.filter(submission_key=submission_key).order_by("pk"))
    return requests


def _save_household(about, user):
    household = household_for(user) or Household(user=user if user and user.is_authenticated else None)
    for field in HOUSEHOLD_FIELDS:
        setattr(household, field, about[field])
    household.record_consent(True)
    household.agree_to_texts_if_chosen()
    household.save()
    return household


def _save_child(household, data):
    """Update the child with the same first name (a returning family), or add one."""
    child = household.children.filter(first_name__iexact=data["first_name"]).first() or Child(household=household)
    for field in CHILD_FIELDS:
        setattr(child, field, data[field])
    child.save()
    return child
