"""The holiday drive's part of a household's data (aid_requests.privacy): registrations and their children."""

from django.db.models import Max, OuterRef, Subquery

from aid_requests import privacy
from holiday_drive.models import RegisteredChild, Registration

Status = Registration.Status
CLOSED = [Status.PICKED_UP, Status.NO_SHOW, Status.CANCELLED]


def open_households():
    return Registration.objects.exclude(status__in=CLOSED).values("household_id")


def last_closed():
    return Subquery(
        Registration.objects.filter(household=OuterRef("pk"))
        .order_by()
        .values("household")
        .annotate(last=Max("status_changed_at"))
        .values("last")
    )


def records(households):
    registrations = (
        Registration.objects.filter(household__in=households)
        .select_related("campaign", "pickup_slot__site")
        .prefetch_related("children")
        .order_by("created_at")
    )
    child_fields = ["first_name", "age", "size_top", "size_bottom", "size_shoes", "size_coat", "wishes"]
    return [
        {
            "family_number": registration.family_number,
            "household": registration.household_id,
            "campaign": registration.campaign.title,
            "status": registration.get_status_display(),
            "packages": [package.label for package in registration.packages],
            "pickup": str(registration.pickup_slot) if registration.pickup_slot else None,
            "check_in_code": registration.check_in_code,
            "picked_up_at": registration.picked_up_at,
            "created_at": registration.created_at,
            "children": [
                {name: getattr(child, name) for name in child_fields} for child in registration.children.all()
            ],
        }
        for registration in registrations
    ]


def anonymise(ids):
    registrations = Registration.objects.filter(household_id__in=ids)
    # The check-in code would still open the pickup pages; the keys are normalised contact details.
    registrations.update(check_in_code=None, phone_key="", email_key="", guardian_key="")
    RegisteredChild.objects.filter(registration__in=registrations).update(
        first_name="", wish_1="", wish_2="", wish_3="", match_key=""
    )


def register():
    privacy.register(
        privacy.Part(
            name="holiday_registrations",
            open_households=open_households,
            last_closed=last_closed,
            records=records,
            anonymise=anonymise,
        )
    )
