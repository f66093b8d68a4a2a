"""The holiday drive's part of a household's data (aid_requests.privacy): registrations and their children."""

from aid_requests import privacy
from holiday_drive.models import RegisteredChild, Registration
from holiday_drive.statuses import FINAL


def open_registrations():
    return Registration.objects.exclude(status__in=FINAL)  # picked up, no-show, cancelled: nothing more happens


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
            cases=lambda: Registration.objects.all(),
            open_cases=open_registrations,
            records=records,
            anonymise=anonymise,
        )
    )
