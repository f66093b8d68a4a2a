"""Sponsors' rules: who is a sponsor, what a sponsor may see of a family, adopting families, gifts received.

DESIGN.md: sponsors see the anonymous family number and the children's age, sizes and wishes only.
`FamilyForSponsor.of` is that allowlist (plus the packages asked for and, on their own families,
whether the gifts arrived); sponsor templates render from it only, never from a Registration.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy, ngettext

from holiday_drive import statuses
from holiday_drive.models import Adoption, RegisteredChild, Registration, Sponsor

Status = Registration.Status
SIZE_FIELDS = ["size_top", "size_bottom", "size_shoes", "size_coat"]
CHILD_FIELDS = ["registration_id", "letter", "age", *SIZE_FIELDS, "wish_1", "wish_2", "wish_3"]
# What a sponsor brings: a family that asked for food only waits for no sponsor (keep `adopt` in step).
SPONSORED_PACKAGES = Q(wants_gifts=True) | Q(wants_clothing=True)
# Age bands a sponsor may filter by: a family shows when one of its children is in the band.
AGE_BANDS = {
    "0-4": (0, 4, gettext_lazy("Under 5")),
    "5-8": (5, 8, gettext_lazy("5 to 8")),
    "9-12": (9, 12, gettext_lazy("9 to 12")),
    "13-21": (13, 21, gettext_lazy("13 and older")),
}
MOST_CHILDREN_FILTERED = 4  # "4 or more"


@dataclass(frozen=True)
class ChildForSponsor:
    tag: str  # H26-0142-A
    age: int
    sizes: tuple  # (label, size) pairs, only those the family gave
    wishes: tuple


@dataclass(frozen=True)
class FamilyForSponsor:
    """What a sponsor may see of one family; `gifts_received_at` only on the sponsor's own families."""

    registration_id: int
    family_number: str
    packages: tuple  # labels
    children: tuple
    gifts_received_at: datetime | None = None

    @classmethod
    def of(cls, registration, adoption=None):
        """From a registration loaded by `with_children` (no further query)."""
        return cls(
            registration_id=registration.pk,
            family_number=registration.family_number,
            packages=tuple(package.label for package in registration.packages),
            children=tuple(_child(registration.family_number, child) for child in registration.children.all()),
            gifts_received_at=adoption.gifts_received_at if adoption else None,
        )


def _child(family_number, child):
    sizes = tuple(
        (RegisteredChild._meta.get_field(field).verbose_name, getattr(child, field))
        for field in SIZE_FIELDS
        if getattr(child, field)
    )
    return ChildForSponsor(tag=f"{family_number}-{child.letter}", age=child.age, sizes=sizes, wishes=child.wishes[:3])


def sponsor_for(user):
    """The user's sponsor record in the latest live campaign it sponsors, campaign loaded; None if it has none."""
    if not user.is_authenticated:
        return None
    return (
        Sponsor.objects.filter(user=user, campaign__live=True)
        .select_related("campaign")
        .order_by("-campaign__registration_opens", "-pk")
        .first()
    )


def with_children(registrations):
    """Only the allowlisted columns, children in one more query: two queries for any number of families."""
    children = RegisteredChild.objects.only(*CHILD_FIELDS).order_by("letter")
    return registrations.only("pk", "family_number", "wants_food", "wants_clothing", "wants_gifts").prefetch_related(
        Prefetch("children", queryset=children)
    )


def without_a_sponsor(campaign):
    """Confirmed families of the campaign no sponsor has adopted, who asked for what sponsors bring."""
    return Registration.objects.filter(
        SPONSORED_PACKAGES, campaign=campaign, status=Status.CONFIRMED, adoption__isnull=True
    )


def waiting_for_a_sponsor(campaign, *, children=None, age_band=None):
    """Confirmed families of the campaign no sponsor has adopted, who asked for what sponsors bring; oldest first.

    `children` keeps families with that many children (MOST_CHILDREN_FILTERED: that many or more);
    `age_band`, a key of AGE_BANDS, keeps families with a child of that age.
    """
    registrations = without_a_sponsor(campaign)
    if children:
        registrations = registrations.annotate(child_count=Count("children"))
        if children >= MOST_CHILDREN_FILTERED:
            registrations = registrations.filter(child_count__gte=children)
        else:
            registrations = registrations.filter(child_count=children)
    if age_band in AGE_BANDS:
        youngest, oldest, _label = AGE_BANDS[age_band]
        in_band = RegisteredChild.objects.filter(registration=OuterRef("pk"), age__gte=youngest, age__lte=oldest)
        registrations = registrations.filter(Exists(in_band))
    return with_children(registrations.order_by("sequence"))


def adoptions_of(sponsor):
    """The sponsor's adoptions, registration and children loaded; three queries."""
    registrations = with_children(Registration.objects.all())
    return sponsor.adoptions.prefetch_related(Prefetch("registration", queryset=registrations)).order_by(
        "registration__sequence"
    )


def families_of(sponsor):
    """The sponsor's families, as the sponsor may see them."""
    return [FamilyForSponsor.of(adoption.registration, adoption) for adoption in adoptions_of(sponsor)]


def family_of(sponsor, family_number):
    """One of the sponsor's own families, or None: another sponsor's family is not found, never refused."""
    adoption = adoptions_of(sponsor).filter(registration__family_number=family_number).first()
    return FamilyForSponsor.of(adoption.registration, adoption) if adoption else None


class AdoptionRefused(Exception):
    """Nothing was adopted; the message says why, for the sponsor."""


@dataclass
class AdoptionOutcome:
    adopted: list  # family numbers now the sponsor's
    # How many of the others the sponsor cannot adopt, whatever the reason (adopted by another sponsor first,
    # cancelled, another campaign's, no such id): one count, so posting ids teaches a sponsor nothing about them.
    unavailable: int = 0


def adopt(sponsor, registration_ids, *, user=None):
    """Adopt the chosen families in one transaction; the ones the sponsor cannot adopt are counted, never named.

    Locks the sponsor, then the registrations in id order, so two sponsors choosing the same family queue
    on its row and the second finds it taken; the one-adoption-per-registration constraint backs this up.
    Raises AdoptionRefused, adopting nothing, when the sponsor chose more than it has left to adopt (counting
    every id chosen, adoptable or not, so that the answer does not tell which are).
    """
    chosen = set(registration_ids)
    outcome = AdoptionOutcome(adopted=[])
    with transaction.atomic():
        sponsor = Sponsor.objects.select_for_update().get(pk=sponsor.pk)
        registrations = list(
            Registration.objects.select_for_update()
            .filter(campaign_id=sponsor.campaign_id, pk__in=chosen)
            .order_by("pk")
        )
        adopters = dict(
            Adoption.objects.filter(registration__in=registrations).values_list("registration_id", "sponsor_id")
        )
        # The same form sent twice: those are already theirs, and neither count nor need a place.
        asked = len(chosen) - sum(adopter == sponsor.pk for adopter in adopters.values())
        left = sponsor.families_left()
        if asked > left:
            raise AdoptionRefused(_limit_message(sponsor, left))
        for registration in registrations:
            if (
                _is_waiting(registration)
                and registration.pk not in adopters
                and _adopt_one(sponsor, registration, user)
            ):
                outcome.adopted.append(registration.family_number)
        outcome.unavailable = asked - len(outcome.adopted)
    return outcome


def _is_waiting(registration):
    """Whether the family still waits for a sponsor (keep in step with `waiting_for_a_sponsor`)."""
    return registration.status == Status.CONFIRMED and (registration.wants_gifts or registration.wants_clothing)


def _adopt_one(sponsor, registration, user):
    try:
        with transaction.atomic():
            Adoption.objects.create(sponsor=sponsor, registration=registration, adopted_at=timezone.now())
    except IntegrityError:  # another sponsor's adoption committed without taking the row lock first
        return False
    statuses.move(registration, Status.SPONSORED, by=user)
    return True


def _limit_message(sponsor, left):
    total = sponsor.families_to_adopt
    if left == 0:
        return ngettext(
            "You have adopted the %(total)s family you offered to. To adopt more, please call the office.",
            "You have adopted all %(total)s families you offered to. To adopt more, please call the office.",
            total,
        ) % {"total": total}
    return ngettext(
        "You can choose %(left)s more family. Please choose fewer, or call the office to adopt more.",
        "You can choose %(left)s more families. Please choose fewer, or call the office to adopt more.",
        left,
    ) % {"left": left}


FAMILY_NUMBER = re.compile(r"^([A-Z][A-Z0-9]{0,5})-(\d{1,6})(?:-[A-Z]{1,2})?$")


def normalize_family_number(value):
    """What staff type or read off a gift tag (" h26-142 ", "H26-0142-B") as stored ("H26-0142"), or ""."""
    match = FAMILY_NUMBER.match("".join((value or "").split()).upper())
    return f"{match[1]}-{int(match[2]):04d}" if match else ""


def registration_by_family_number(family_number):
    """The registration with that number (the latest campaign's), its adoption, sponsor and children loaded; or None."""
    return (
        Registration.objects.filter(family_number=normalize_family_number(family_number))
        .select_related("campaign", "adoption__sponsor", "adoption__received_by")
        .prefetch_related("children")
        .order_by("-campaign__registration_opens")
        .first()
    )


def record_gifts_received(adoption, *, by):
    """Record the sponsor's gifts as received (when, by whom) and mark the family ready for pickup.

    Returns False, changing nothing, when they were already recorded.
    """
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=adoption.registration_id)
        adoption = Adoption.objects.select_for_update().get(pk=adoption.pk)
        if adoption.gifts_received_at is not None:
            return False
        adoption.gifts_received_at, adoption.received_by = timezone.now(), by
        adoption.save(update_fields=["gifts_received_at", "received_by"])
        if statuses.can_move(registration, Status.READY):
            statuses.move(registration, Status.READY, by=by)
    return True
