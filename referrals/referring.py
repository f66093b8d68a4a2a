"""Making a referral, and the family's answer to it: each in one transaction, each safe to submit twice."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from aid_requests.models import AidRequest, Child, Household, StatusEvent
from aid_requests.models.requests import Status
from aid_requests.workflow import transition
from referrals.models import Referral, token_hash
from referrals.notices import tell_family_of_referral

HOUSEHOLD_FIELDS = ["guardian_name", "phone", "email", "preferred_language", "contact_method", "zip_code"]
CHILD_FIELDS = ["first_name", "age", "grade", "size_top", "size_bottom", "size_shoes", "size_coat"]


class LinkProblem(Exception):
    """The family's link cannot be used: `reason` is "unknown", "used" or "expired"."""

    def __init__(self, reason, referral=None):
        super().__init__(reason)
        self.reason, self.referral = reason, referral


def refer(*, user, family, children, submission_key):
    """Save a referral with its household, children and request (awaiting the family); returns (referral, created).

    `family` and each of `children` are cleaned form data. The same `submission_key` again returns the first one.
    """
    existing = Referral.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            household = Household.objects.create(
                **{field: family[field] for field in HOUSEHOLD_FIELDS}, school=family["school"]
            )
            saved = [Child.objects.create(household=household, **child) for child in children]
            aid_request = AidRequest.objects.create(
                household=household, kind=family["kind"], urgency=family["urgency"], status=Status.AWAITING
            )
            aid_request.children.set(saved)
            StatusEvent.objects.create(
                request=aid_request,
                to_status=Status.AWAITING,
                actor=user,
                note="Referred by a school.",
                visible_to_family=False,
            )
            if family.get("mckinney_vento"):
                household.mark_mckinney_vento(user)
            referral = Referral.objects.create(
                request=aid_request,
                school=family["school"],
                referred_by=user,
                consent_method=family["consent_method"],
                office_note=family["office_note"],
                texts_agreed=family["contact_method"] == Household.ContactMethod.TEXT
                and bool(family.get("texts_agreed")),
                family_name=family["guardian_name"],
                children_summary=summarise(saved),
                submission_key=submission_key,
            )
            transaction.on_commit(lambda: tell_family_of_referral.enqueue(referral.pk))
    except IntegrityError:  # the same form sent twice at once: the other one won
        return Referral.objects.get(submission_key=submission_key), False
    return referral, True


def summarise(children):
    """e.g. "Ana (9), Luis (6)": what the referrer sees of the children afterwards."""
    return ", ".join(f"{child.first_name} ({child.age})" for child in children)[:300]


def open_referral(token, *, lock=False):
    """The referral whose link is `token`, or LinkProblem saying why the link does not work."""
    queryset = Referral.objects.select_related("request__household", "request__kind")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    referral = queryset.filter(token_hash=token_hash(token)).first() if token else None
    if referral is None:
        raise LinkProblem("unknown")
    if referral.is_answered or referral.request.status != Status.AWAITING:
        raise LinkProblem("used", referral)
    if not referral.link_is_open():
        raise LinkProblem("expired", referral)
    return referral


def confirm(token, *, family, children):
    """The family confirms (with their corrections) and consents; the request goes to the office's review.

    `children` maps each child's pk to its corrected fields. Raises LinkProblem if the link was used meanwhile.
    """
    with transaction.atomic():
        referral = open_referral(token, lock=True)
        household = referral.request.household
        for field in HOUSEHOLD_FIELDS:
            setattr(household, field, family[field])
        household.record_consent(True)
        household.agree_to_texts_if_chosen()  # the family form shows the consent wording beside the choice
        household.save()
        for child in household.children.filter(pk__in=children):
            for field, value in children[child.pk].items():
                setattr(child, field, value)
            child.save()
        Referral.objects.filter(pk=referral.pk).update(confirmed_at=timezone.now())
        transition(referral.request, Status.SUBMITTED, note="The family confirmed the referral and agreed to share.")
    return referral


def decline(token):
    """The family says no: the request closes and the referrer sees "declined by the family"."""
    with transaction.atomic():
        referral = open_referral(token, lock=True)
        Referral.objects.filter(pk=referral.pk).update(declined_at=timezone.now())
        transition(
            referral.request, Status.WITHDRAWN, note="The family declined the referral.", visible_to_family=False
        )
    return referral
