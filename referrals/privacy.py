"""Referrals' part of a household's data (aid_requests.privacy): what the referrer typed about the family.

A referral is a request, so it is open and closed with it; anonymising blanks the referrer's snapshot
(the family's name, the children, the note) and keeps the school, the dates and how the family agreed.
"""

from aid_requests import privacy
from referrals.models import Referral


def records(households):
    referrals = Referral.objects.filter(request__household__in=households).select_related("school", "request")
    return [
        {
            "reference": referral.request.reference,
            "household": referral.request.household_id,
            "school": referral.school.name,
            "how_the_family_agreed": referral.get_consent_method_display(),
            "family_name_as_referred": referral.family_name,
            "children_as_referred": referral.children_summary,
            "created_at": referral.created_at,
            "confirmed_at": referral.confirmed_at,
            "declined_at": referral.declined_at,
        }
        for referral in referrals.order_by("created_at")
    ]


def anonymise(household_ids):
    Referral.objects.filter(request__household_id__in=household_ids).update(
        family_name="", children_summary="", office_note="", token_hash=None
    )


def register():
    # No cases of its own: a referral is a request, opened and closed with it (the requests part).
    privacy.register(privacy.Part(name="referrals", records=records, anonymise=anonymise))
