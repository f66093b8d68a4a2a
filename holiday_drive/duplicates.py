"""Possible duplicate registrations within a campaign: flagged for staff, never blocked.

Each rule compares a normalised key stored on the registration (or its children) when it
is saved, so a check is indexed lookups in one query, not a scan of the campaign.
"""

import operator
from functools import reduce

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone

from holiday_drive.models import DuplicateFlag, RegisteredChild, Registration

Rule = DuplicateFlag.Rule
# A shared phone (a shelter's, a school office's) can match many families; staff need the first few.
MATCHES_PER_RULE = 20


def phone_key(phone):
    """Digits only, the last ten: "+1 (410) 555-0142" and "410.555.0142" match."""
    digits = "".join(character for character in phone or "" if character.isdigit())
    return digits[-10:] if len(digits) >= 10 else ""


def email_key(email):
    return (email or "").strip().lower()


def name_key(name):
    """Case and spaces do not matter: " maria  LOPEZ" is "maria lopez"."""
    return " ".join((name or "").casefold().split())


def guardian_key(guardian_name, zip_code):
    name = name_key(guardian_name)
    return f"{name}|{zip_code}" if name and zip_code else ""


def child_key(first_name, age, zip_code):
    name = name_key(first_name)
    return f"{name}|{age}|{zip_code}" if name and age is not None and zip_code else ""


def set_keys(registration, household):
    """Copy the household's contact details, normalised, onto the registration (not saved)."""
    registration.phone_key = phone_key(household.phone)
    registration.email_key = email_key(household.email)
    registration.guardian_key = guardian_key(household.guardian_name, household.zip_code)


def flag_duplicates(registration):
    """Flag every earlier-or-later registration of the campaign that this one resembles; safe to run again.

    Runs one query per rule plus one insert; returns this registration's flags.
    """
    flag(registration, registration.children.values_list("match_key", flat=True))
    return list(registration.duplicate_flags.order_by("rule", "resembles__sequence"))


def flag(registration, child_keys):
    """flag_duplicates() for a registration whose children's `match_key`s the caller has in hand; returns nothing.

    One query for every rule: each rule's first matches are a subquery, and each row says which rules it matched.
    """
    others = (
        Registration.objects.filter(campaign_id=registration.campaign_id)
        .exclude(pk=registration.pk)
        .exclude(status=Registration.Status.CANCELLED)
        .order_by("sequence")
    )
    rules = {
        rule: others.filter(**{field: getattr(registration, field)})
        for rule, field in ((Rule.PHONE, "phone_key"), (Rule.EMAIL, "email_key"), (Rule.GUARDIAN_ZIP, "guardian_key"))
        if getattr(registration, field)
    }
    child_keys = [key for key in child_keys if key]
    if child_keys:
        rules[Rule.CHILD_ZIP] = others.filter(
            pk__in=RegisteredChild.objects.filter(match_key__in=child_keys).values("registration_id")
        )
    if not rules:
        return
    matched = {  # named for the rule: a row's columns say which rules it matched
        f"matches_{rule}": ExpressionWrapper(
            Q(pk__in=matches.values("pk")[:MATCHES_PER_RULE]), output_field=BooleanField()
        )
        for rule, matches in rules.items()
    }
    rows = (
        Registration.objects.filter(campaign_id=registration.campaign_id)
        .annotate(**matched)
        .filter(reduce(operator.or_, (Q(**{name: True}) for name in matched)))
        .values_list("pk", *matched)
    )
    DuplicateFlag.objects.bulk_create(
        [
            DuplicateFlag(registration=registration, resembles_id=row[0], rule=rule)
            for row in rows
            for rule, is_match in zip(rules, row[1:], strict=True)
            if is_match
        ],
        ignore_conflicts=True,
    )


def confirm(flag, user):
    """Staff agree it is the same family; what to do with it (cancel one) stays their decision."""
    return _resolve(flag, DuplicateFlag.Status.CONFIRMED, user)


def dismiss(flag, user):
    """Staff say it is a different family; the flag stays as a record."""
    return _resolve(flag, DuplicateFlag.Status.DISMISSED, user)


def _resolve(flag, status, user):
    flag.status, flag.resolved_by, flag.resolved_at = status, user, timezone.now()
    flag.save(update_fields=["status", "resolved_by", "resolved_at"])
    return flag
