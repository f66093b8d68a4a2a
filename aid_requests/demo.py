"""Demo households and requests for `seed_demo`, in the states staff meet every day."""

from aid_requests.models import AidRequest, Child, Household, StatusEvent
from aid_requests.models.requests import Status, Urgency
from aid_requests.workflow import transition
from resources.models import ServiceCategory

# (guardian, email, language, ZIP, school, children as (name, age, grade, top, shoes), needs as (kind, urgency, path))
HOUSEHOLDS = [
    (
        "Rosa Martinez",
        "family@example.org",
        "es",
        "21044",
        "Bryant Woods Elementary",
        [("Sofia", 8, "3", "8", "1"), ("Mateo", 12, "7", "M", "6")],
        [("school-supplies", Urgency.ROUTINE, [Status.IN_REVIEW, Status.APPROVED]), ("vision", Urgency.URGENT, [])],
    ),
    (
        "Denise Carter",
        "demo-family-2@example.org",
        "en",
        "21045",
        "Oakland Mills Middle",
        [("Jaylen", 13, "8", "L", "9")],
        [("clothing", Urgency.URGENT, [])],
    ),
    (
        "Thi Nguyen",
        "demo-family-3@example.org",
        "en",
        "21043",
        "Ellicott Mills Middle",
        [("An", 11, "6", "S", "4")],
        [("dental", Urgency.EMERGENCY, [Status.IN_REVIEW])],
    ),
    (
        "Amina Bekele",
        "demo-family-4@example.org",
        "en",
        "20723",
        "Laurel Woods Elementary",
        [("Hana", 6, "1", "6", "12"), ("Yonas", 9, "4", "10", "2")],
        [("food", Urgency.ROUTINE, [Status.DECLINED]), ("clothing", Urgency.ROUTINE, [])],
    ),
    (
        "Kevin Brooks",
        "demo-family-5@example.org",
        "en",
        "21046",
        "Hammond High",
        [("Tyler", 15, "10", "L", "10")],
        [("prescriptions", Urgency.URGENT, [Status.IN_REVIEW, Status.APPROVED])],
    ),
]
DECLINE_NOTE = "A food pantry near you can help faster: see the Connection Center. Call us if it does not work out."


def seed_requests(user_for_email):
    """Create the demo households once (found again by email); `user_for_email` links the demo family's account."""
    for guardian, email, language, zip_code, school, children, needs in HOUSEHOLDS:
        if Household.objects.filter(email=email).exists():
            continue
        household = Household.objects.create(
            guardian_name=guardian,
            email=email,
            phone="410-555-0150",
            preferred_language=language,
            zip_code=zip_code,
            schools=school,
            user=user_for_email(email),
            consent_to_share=True,
        )
        household.record_consent(True)
        household.save()
        saved = [
            Child.objects.create(
                household=household,
                first_name=name,
                age=age,
                grade=grade,
                school=school,
                size_top=top,
                size_shoes=shoes,
            )
            for name, age, grade, top, shoes in children
        ]
        for slug, urgency, path in needs:
            aid_request = AidRequest.objects.create(
                household=household,
                kind=ServiceCategory.objects.get(slug=slug),
                urgency=urgency,
                details="Demo request.",
            )
            aid_request.children.set(saved)
            StatusEvent.objects.create(request=aid_request, to_status=Status.SUBMITTED)
            for status in path:
                transition(aid_request, status, note=DECLINE_NOTE if status == Status.DECLINED else "")
    return AidRequest.objects.count()
