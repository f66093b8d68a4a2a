"""The demo site plus one persona per role, the objects each owns, and what each must never see."""

import html
import re
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.auth.models import Permission
from django.utils import timezone

from aid_requests.models import AidRequest, Household, Offer
from aid_requests.models.requests import Status
from holiday_drive.models import Adoption, PickupSlot, Registration
from portal.demo import seed
from portal.models import Alert
from portal.roles import STAFF_HOLIDAY_PERMISSIONS
from referrals import referring
from resources.models import Agency, School, SchoolStaffLink, ServiceCategory
from tests.factories import SchoolStaffFactory, UserFactory

ROLES = (
    "anonymous",
    "family",
    "other_family",
    "partner",
    "other_partner",
    "sponsor",
    "other_sponsor",
    "volunteer",
    "holiday_staff",
    "staff",
    "school_staff",
    "other_school_staff",
)
# Each role paired with the one that owns "their" objects: what `partner` gets for its own offer,
# `other_partner` must get for its own, and the same refusals for each other's.
PAIRS = {
    "family": "other_family",
    "partner": "other_partner",
    "sponsor": "other_sponsor",
    "school_staff": "other_school_staff",
}
SWAP = PAIRS | {other: role for role, other in PAIRS.items()}
# How each persona signs in, which allauth's account pages answer to (build() checks both lists): the demo's
# accounts have no usable password outside DEBUG (they sign in by emailed code), the tests' own accounts have one;
# office and partner accounts have an authenticator app.
WITH_PASSWORD = ("other_family", "holiday_staff", "school_staff", "other_school_staff")
WITH_SECOND_FACTOR = ("partner", "other_partner", "holiday_staff", "staff", "school_staff", "other_school_staff")
# Values are matched as whole words; shorter ones (a child's "Ana") would match ordinary words.
MIN_LENGTH = 6


@dataclass
class World:
    users: dict
    objects: dict  # parameter kind -> {"mine": value, "theirs": value} or {None: value}
    forbidden: dict = field(default_factory=dict)  # role -> {value: what it is}

    def leaks(self, role, body):
        """The forbidden values for `role` found in `body`, as "what: value"."""
        pattern, by_form = self._pattern(role)
        if pattern is None:
            return []
        found = {by_form[match] for match in pattern.findall(body)}
        values = self.forbidden[role]
        return [f"{values[value]}: {value}" for value in sorted(found)]

    def _pattern(self, role):
        """One regex of every forbidden value of `role` (and its HTML-escaped form): one pass over each body.

        A value must not continue a longer word or address: "family@example.org" is not in "other-family@example.org".
        """
        cache = self.__dict__.setdefault("_patterns", {})
        if role not in cache:
            by_form = {}
            for value in self.forbidden.get(role, {}):
                by_form.setdefault(value, value)
                by_form.setdefault(html.escape(value), value)
            if not by_form:
                cache[role] = (None, {})
            else:
                forms = sorted(by_form, key=len, reverse=True)
                alternation = "|".join(re.escape(form) for form in forms)
                cache[role] = (re.compile(rf"(?<![\w.+-])(?:{alternation})(?!\w)"), by_form)
        return cache[role]


def build():
    """Seed the demo site and return the World; about 10 s on SQLite."""
    seed()
    from portal.models import User

    users = {
        "anonymous": None,
        "family": User.objects.get(email="family@example.org"),
        "partner": User.objects.get(email="agency1@example.org"),
        "other_partner": User.objects.get(email="agency2@example.org"),
        "sponsor": User.objects.get(email="sponsor1@example.org"),
        "other_sponsor": User.objects.get(email="sponsor2@example.org"),
        "volunteer": User.objects.get(email="volunteer@example.org"),
        "staff": User.objects.get(email="staff@example.org"),
    }
    users["other_family"] = UserFactory(email="other-family@example.org")
    other_household = Household.objects.filter(user=None, requests__isnull=False).order_by("pk").first()
    other_household.user = users["other_family"]
    other_household.save(update_fields=["user"])
    holiday_staff = UserFactory(email="seasonal@example.org", enrolled=True)
    names = [dotted.split(".")[1] for dotted in [*STAFF_HOLIDAY_PERMISSIONS, "wagtailadmin.access_admin"]]
    holiday_staff.user_permissions.set(Permission.objects.filter(codename__in=names))
    users["holiday_staff"] = holiday_staff
    referrals = {}
    for role, school in zip(PAIRS_OF("school_staff"), ("Running Brook Elementary", "Wilde Lake Middle"), strict=True):
        users[role] = SchoolStaffFactory(email=f"{role.replace('_', '-')}@school.example.org")
        SchoolStaffLink.objects.create(user=users[role], school=School.objects.create(name=school, code=school[:4]))
        referrals[role] = _referral(users[role], guardian_name=f"Guardian of {school}")
    Alert.objects.get_or_create(message="The office is closed on Friday.")  # so that alerts' admin pages have one

    for role in PAIRS_OF("partner"):
        _accepted_offer_for(users[role])
    objects = {
        # The offer each partner accepted, its request not yet closed: a closed, expired or declined one is
        # rightly a 404 on its own agency's pages.
        "offer": _pair(
            Offer.objects.filter(
                agency__memberships__user=users[role], status=Offer.Status.ACCEPTED, request__status=Status.ACCEPTED
            )
            for role in PAIRS_OF("partner")
        ),
        "referral": {"mine": referrals["school_staff"].pk, "theirs": referrals["other_school_staff"].pk},
        # An account the partner account chooser offers (a partner's, never a family's)
        "partner_account": {None: users["partner"].pk},
        "agency": _pair(Agency.objects.filter(memberships__user=users[role]) for role in PAIRS_OF("partner")),
        "adopted_family": {
            "mine": _adopted(users["sponsor"]).registration.family_number,
            "theirs": _adopted(users["other_sponsor"]).registration.family_number,
        },
        "aid_request": {None: AidRequest.objects.filter(household__user=users["family"]).first().pk},
        "registration": {None: Registration.objects.order_by("pk").first().pk},
        "slot": {None: PickupSlot.objects.order_by("pk").first().pk},
    }
    objects["offer"] = {key: offer.pk for key, offer in objects["offer"].items()}
    objects["agency"] = {key: agency.slug for key, agency in objects["agency"].items()}
    world = World(users=users, objects=objects)
    world.forbidden = _forbidden(users)
    _check_sign_in(users)
    return world


def first_pk(model_label):
    """The id of one object of a model ("app_label.model_name"), for the admin's views of one object."""
    return apps.get_model(model_label).objects.order_by("pk").values_list("pk", flat=True).first()


def _check_sign_in(users):
    """WITH_PASSWORD and WITH_SECOND_FACTOR say true of the personas, as the table relies on them."""
    signed_in = {role: user for role, user in users.items() if user is not None}
    assert {role for role, user in signed_in.items() if user.has_usable_password()} == set(WITH_PASSWORD)
    enrolled = set(Authenticator.objects.filter(type=Authenticator.Type.TOTP).values_list("user", flat=True))
    assert {role for role, user in signed_in.items() if user.pk in enrolled} == set(WITH_SECOND_FACTOR)


def _referral(user, guardian_name):
    """A referral `user` made from their school, as the referral form would save it."""
    school = School.objects.get(staff_links__user=user)
    family = {
        "guardian_name": guardian_name,
        "phone": "",
        "email": f"{guardian_name.lower().replace(' ', '.')}@example.org",
        "preferred_language": "en",
        "contact_method": Household.ContactMethod.EMAIL,
        "zip_code": "21044",
        "school": school,
        "kind": ServiceCategory.objects.get(slug="vision"),
        "urgency": "routine",
        "consent_method": "in_person",
        "office_note": "",
    }
    children = [{"first_name": f"Referred{school.code}", "age": 8, "grade": "3"}]
    referral, _ = referring.refer(user=user, family=family, children=children, submission_key=uuid.uuid4())
    return referral


def PAIRS_OF(role):  # noqa: N802 - reads as a constant list of the pair
    return (role, PAIRS[role])


def _pair(querysets):
    """The first object of the role's queryset and of its pair's, never one both share."""
    mine, theirs = (queryset.order_by("pk") for queryset in querysets)
    return {"mine": mine.exclude(pk__in=theirs).first(), "theirs": theirs.exclude(pk__in=mine).first()}


def _accepted_offer_for(user):
    """An offer this partner accepted, so its pages show a family's first name and contact, as they may."""
    agency = Agency.objects.filter(memberships__user=user).exclude(memberships__user__in=_others(user)).first()
    if not Offer.objects.filter(agency=agency, status=Offer.Status.ACCEPTED, request__status=Status.ACCEPTED).exists():
        aid_request = AidRequest.objects.filter(offers__isnull=True, referral=None).order_by("pk").first()
        AidRequest.objects.filter(pk=aid_request.pk).update(status=Status.ACCEPTED)
        now = timezone.now()
        Offer.objects.create(
            request=aid_request,
            agency=agency,
            rank=1,
            status=Offer.Status.ACCEPTED,
            answered_at=now,
            deadline=now + timedelta(days=2),
        )


def _others(user):
    from portal.models import User

    return User.objects.filter(agency_memberships__isnull=False).exclude(pk=user.pk)


def _adopted(user):
    return Adoption.objects.filter(sponsor__user=user).order_by("pk").first()


def _household_values(households):
    values = {}
    for household in households.prefetch_related("children"):
        for what in ("guardian_name", "phone", "email", "street_address"):
            value = getattr(household, what)
            if value and len(value) >= MIN_LENGTH:
                values[value] = f"household {what}"
        for child in household.children.all():
            if len(child.first_name) >= MIN_LENGTH:
                values[child.first_name] = "child's first name"
    return values


def _codes(requests=None, registrations=None):
    requests = AidRequest.objects.all() if requests is None else requests
    registrations = Registration.objects.all() if registrations is None else registrations
    values = {code: "reference code" for code in requests.values_list("reference", flat=True) if code}
    values |= {code: "check-in code" for code in registrations.values_list("check_in_code", flat=True) if code}
    return values


def _forbidden(users):
    """What each role must never read, whatever page it opens."""
    everything = _household_values(Household.objects.all()) | _codes()
    for child_name in Registration.objects.values_list("children__first_name", flat=True):
        if child_name and len(child_name) >= MIN_LENGTH:
            everything[child_name] = "registered child's first name"
    own = {
        role: _household_values(Household.objects.filter(user=users[role]))
        | _codes(
            AidRequest.objects.filter(household__user=users[role]),
            Registration.objects.filter(household__user=users[role]),
        )
        for role in ("family", "other_family")
    }
    # School staff read what they entered about the families they referred, and nothing of anyone else.
    own |= {
        role: _household_values(Household.objects.filter(requests__referral__referred_by=users[role]))
        for role in PAIRS_OF("school_staff")
    }
    # Partners see a family's first name and chosen contact once they accepted: never full names or addresses.
    partner_forbidden = {value: what for value, what in everything.items() if what != "household phone"}
    partner_forbidden = {v: w for v, w in partner_forbidden.items() if w not in ("household email",)}
    holiday_households = Household.objects.filter(holiday_registrations__isnull=False)
    return {
        "anonymous": everything,
        "family": {v: w for v, w in everything.items() if v not in own["family"]},
        "other_family": {v: w for v, w in everything.items() if v not in own["other_family"]},
        "partner": partner_forbidden,
        "other_partner": partner_forbidden,
        "sponsor": everything,
        "other_sponsor": everything,
        "volunteer": everything,
        "holiday_staff": _household_values(Household.objects.exclude(pk__in=holiday_households))
        | _codes(registrations=Registration.objects.none()),
        "staff": {},
        **{role: {v: w for v, w in everything.items() if v not in own[role]} for role in PAIRS_OF("school_staff")},
    }
