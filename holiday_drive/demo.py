"""The demo holiday drive for `seed_demo`: open whenever it is seeded, with families in every state."""

import uuid
from datetime import datetime, time, timedelta

from django.utils import timezone

from holiday_drive import pickups, registering
from holiday_drive.models import Adoption, DistributionSite, HolidayCampaignPage, PickupSlot, Registration, Sponsor
from holiday_drive.models.registrations import new_check_in_code
from portal.roles import VOLUNTEER
from resources.models import Agency

Status = Registration.Status

# The volunteer who checks families in at a site; portal.demo creates the account (a usable password only with DEBUG).
VOLUNTEER_EMAIL = "volunteer@example.org"
VOLUNTEER_FIRST_NAME = "Robin"
DEMO_USERS = [(VOLUNTEER_EMAIL, VOLUNTEER)]

INTRO = (
    "<p>Every December the Office of Pupil Personnel makes sure families in need receive food and clothing "
    "packages and gifts for their children. Register your family, choose a time to pick up, and a sponsor "
    "from our community may choose your children's wishes.</p>"
)
BODY = [
    ("heading", {"text": "How it works", "level": "h2"}),
    (
        "list",
        {
            "items": [
                "Register your family and each child, with sizes and up to three wishes.",
                "Choose a time to pick up your packages at a site near you.",
                "Come at your time with your check-in code.",
            ],
            "numbered": True,
        },
    ),
    ("paragraph", "<p>Sponsors see only your family number and your children's ages, sizes and wishes.</p>"),
]
# The campaign page in Spanish (portal.demo_es translates it): its text only, the drive stays the English page's.
TITLE_ES = "Campaña de fiestas 2026"
SLUG_ES = "fiestas-2026"
INTRO_ES = (
    "<p>Cada diciembre, la Oficina de Personal Estudiantil se asegura de que las familias que lo necesitan "
    "reciban paquetes de comida y ropa, y regalos para sus niños. Inscriba a su familia, elija una hora para "
    "recoger sus paquetes, y es posible que un patrocinador de nuestra comunidad elija los deseos de sus niños.</p>"
)
BODY_ES = [
    ("heading", {"text": "Cómo funciona", "level": "h2"}),
    (
        "list",
        {
            "items": [
                "Inscriba a su familia y a cada niño, con sus tallas y hasta tres deseos.",
                "Elija una hora para recoger sus paquetes en un lugar cerca de usted.",
                "Venga a su hora con su código de llegada.",
            ],
            "numbered": True,
        },
    ),
    (
        "paragraph",
        "<p>Los patrocinadores solo ven el número de su familia y la edad, las tallas y los deseos de sus niños.</p>",
    ),
]
SITES = [
    (
        "Oakland Mills Community Center",
        "5851 Robert Oliver Place\nColumbia, MD 21045",
        "21045",
        "Bags are in the gym, in rows by family number. Families come in by the side door.",
    ),
    (
        "Elkridge Family Resource Hub",
        "6540 Washington Boulevard\nElkridge, MD 21075",
        "21075",
        "Bags are on the tables along the back wall. Families wait in the lobby.",
    ),
]
# (site index, days from today, hour): two slots yesterday for the families who came or did not.
SLOTS = [(0, -1, 10), (0, -1, 11), (0, 20, 10), (0, 20, 11), (0, 20, 12)] + [
    (1, 20, 14),
    (1, 20, 15),
    (1, 21, 10),
    (1, 21, 11),
    (1, 21, 12),
]
SPONSORS = [
    (Sponsor.Kind.AGENCY, "Winter Lights Holiday Project", "Grace Kim", "sponsor1@example.org", 5),
    (Sponsor.Kind.BUSINESS, "Patapsco Hardware & Supply", "Tom Alvarez", "sponsor2@example.org", 4),
    (Sponsor.Kind.CONGREGATION, "Grace Fellowship Church", "Ruth Owens", "sponsor3@example.org", 3),
]
GUARDIANS = [
    "Angela Brooks", "Luis Herrera", "Mei Chen", "Fatima Yusuf", "Daniel Okafor", "Priya Patel", "Carmen Reyes",
    "James Walker", "Hoa Tran", "Sara Haile", "Marcus Green", "Elena Popescu", "Ji-woo Park", "Tasha Johnson",
    "Omar Farouk", "Lucia Gomez", "Kevin O'Neil", "Nadia Rahman", "Samuel Mensah", "Rachel Stein", "Diego Morales",
    "Aisha Bello", "Linh Pham", "Brenda Hughes", "Yusuf Ali", "Gloria Vargas", "Peter Novak", "Keisha Lewis",
    "Tomas Silva",
]  # fmt: skip
CHILDREN = [
    "Ava", "Noah", "Liam", "Zoe", "Mia", "Eli", "Nora", "Leo", "Ivy", "Omar", "Ruby", "Jada", "Owen", "Lena", "Kai",
    "Maya", "Theo", "Aria", "Jonah", "Iris", "Malik", "Elsa", "Rafael", "Nina", "Caleb", "Sana", "Felix", "Hana",
    "Isaac", "Lola", "Amir", "Tessa", "Ezra", "Yara", "Milo", "Dina", "Gabe", "Rosa", "Tariq", "Wren", "Adam", "Lily",
    "Jamal", "Chloe", "Hugo", "Leah", "Andre", "Mina", "Oscar", "Tara", "Ian", "Nadia", "Reza", "Gwen", "Luca", "Ama",
    "Ben", "Dalia", "Kofi", "Sofie",
]  # fmt: skip
ZIP_CODES = ["21044", "21045", "21046", "21075", "20723"]
SIZES = [("6", "6", "12", "6"), ("10", "10", "2", "10"), ("M", "14", "6", "M"), ("L", "32x30", "10", "L")]
WISHES = [("A warm coat", "Lego set", "Storybooks"), ("Art supplies", "Soccer ball", ""), ("Headphones", "", "")]
CAP = 24
DUPLICATE_OF = 3  # the last family gives the same phone number as the third: one flag for staff to resolve

# Statuses by family number (1 is the demo family's own registration); the rest stay as registered or waitlisted.
PICKED_UP, NO_SHOW, CANCELLED = [2, 3, 4], [5], [6]
SPONSORED, READY, CONFIRMED = [7, 8, 9, 10], [11, 12, 13], [1, 14, 15, 16, 17, 18]
ADOPTED = PICKED_UP + SPONSORED + READY
BOOKED_LATER = [1, *SPONSORED, *READY, 14, 15, 16]


def seed_holiday_drive(home, user_for_email):
    """Create the "Holiday 2026" drive once (found again by its slug); `user_for_email` finds demo accounts."""
    campaign = HolidayCampaignPage.objects.filter(slug="holiday-2026").first() or _campaign(home)
    if not campaign.pickup_slots.exists():
        _slots(campaign)
    if not campaign.sponsors.exists():
        for kind, name, contact, email, families in SPONSORS:
            Sponsor.objects.create(
                campaign=campaign,
                kind=kind,
                agency=Agency.objects.filter(name=name).first() if kind == Sponsor.Kind.AGENCY else None,
                name=name,
                contact_name=contact,
                contact_email=email,
                user=user_for_email(email),
                families_to_adopt=families,
            )
    volunteer = user_for_email(VOLUNTEER_EMAIL)
    if volunteer is not None and not volunteer.first_name:
        volunteer.first_name = VOLUNTEER_FIRST_NAME  # check-in says who handed a family's bags over, by first name
        volunteer.save(update_fields=["first_name"])
    if not campaign.registrations.exists():
        _registrations(campaign, user_for_email)
    return campaign


def _at(days, hour):
    """A round local time `days` from today, so the demo is open whenever it is seeded."""
    return timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=days), time(hour)))


def _campaign(home):
    campaign = home.add_child(
        instance=HolidayCampaignPage(
            title="Holiday 2026",
            slug="holiday-2026",
            year=2026,
            intro=INTRO,
            body=BODY,
            registration_opens=_at(-7, 8),
            registration_closes=_at(14, 17),
            family_cap=CAP,
            family_number_prefix="H26",
            gift_dropoff_deadline=_at(17, 17),
        )
    )
    campaign.save_revision().publish()
    return campaign


def _slots(campaign):
    sites = []
    for name, address, zip_code, notes in SITES:
        site, _ = DistributionSite.objects.get_or_create(
            name=name, defaults={"address": address, "zip_code": zip_code, "notes": notes}
        )
        sites.append(site)
    for site_index, days, hour in SLOTS:
        starts = _at(days, hour)
        PickupSlot.objects.create(
            campaign=campaign, site=sites[site_index], starts_at=starts, ends_at=starts + timedelta(hours=1), capacity=5
        )


def _registrations(campaign, user_for_email):
    family = user_for_email("family@example.org")
    if registering.household_for(family) is not None:
        _register(campaign, None, family, 0)
    for index, name in enumerate(GUARDIANS, start=1):
        phone = f"443-555-{200 + (DUPLICATE_OF if index == len(GUARDIANS) else index):04d}"
        guardian = {"guardian_name": name, "phone": phone, "email": "", "zip_code": ZIP_CODES[index % len(ZIP_CODES)]}
        _register(campaign, guardian, None, index)
    registrations = {registration.sequence: registration for registration in campaign.registrations.all()}
    _pick_up_and_miss(campaign, registrations, user_for_email(VOLUNTEER_EMAIL))
    future = list(campaign.pickup_slots.filter(starts_at__gt=timezone.now()))
    for position, sequence in enumerate(BOOKED_LATER):
        pickups.book(registrations[sequence], future[position % len(future)])
    for statuses, status in ((SPONSORED, Status.SPONSORED), (READY, Status.READY), (CONFIRMED, Status.CONFIRMED)):
        Registration.objects.filter(campaign=campaign, sequence__in=statuses).update(status=status)
    Registration.objects.filter(campaign=campaign, sequence__in=CANCELLED).update(status=Status.CANCELLED)
    _adopt(campaign, registrations, user_for_email("staff@example.org"))


def _register(campaign, guardian, user, index):
    """One family through the real registration, so numbers, waiting list and duplicate flags are the real ones."""
    household = registering.household_for(user)
    if household is not None:
        guardian = {field: getattr(household, field) for field in registering.GUARDIAN_FIELDS}
        children = [
            _child(child.first_name, child.age, index + offset) for offset, child in enumerate(household.children.all())
        ]
    else:
        guardian = {"preferred_language": "en", "contact_method": "phone", **guardian}
        children = [
            _child(CHILDREN[2 * index + offset], 4 + (index * 3 + offset * 5) % 13, index + offset)
            for offset in range(1 + index % 2)
        ]
    registering.register(
        campaign,
        guardian=guardian,
        children=children,
        packages=["food", "clothing", "gifts"] if index % 4 else ["food", "gifts"],
        submission_key=uuid.uuid4(),
        user=user,
    )


def _child(first_name, age, variant):
    top, bottom, shoes, coat = SIZES[variant % len(SIZES)]
    wishes = WISHES[variant % len(WISHES)]
    return {
        "first_name": first_name,
        "age": age,
        **dict(zip(registering.SIZE_FIELDS, (top, bottom, shoes, coat), strict=True)),
        **dict(zip(["wish_1", "wish_2", "wish_3"], wishes, strict=True)),
    }


def _pick_up_and_miss(campaign, registrations, volunteer):
    """Yesterday's families: past slots cannot be booked any more, so they are set directly."""
    past = list(campaign.pickup_slots.filter(starts_at__lt=timezone.now()).order_by("starts_at"))
    for position, sequence in enumerate(PICKED_UP + NO_SHOW):
        registration = registrations[sequence]
        registration.pickup_slot = past[position % len(past)]
        registration.check_in_code = new_check_in_code()
        if sequence in PICKED_UP:
            registration.status = Status.PICKED_UP
            registration.picked_up_at = registration.pickup_slot.starts_at + timedelta(minutes=10 + position)
            registration.checked_in_by = volunteer
        else:
            registration.status = Status.NO_SHOW
        registration.save()


def _adopt(campaign, registrations, staff):
    """Sponsors in turn, each up to its pledge; gifts are in for the families picked up or ready."""
    places = [sponsor for sponsor in campaign.sponsors.all() for _ in range(sponsor.families_to_adopt)]
    for sponsor, sequence in zip(places, ADOPTED, strict=False):
        received = sequence in PICKED_UP + READY
        Adoption.objects.create(
            sponsor=sponsor,
            registration=registrations[sequence],
            gifts_received_at=timezone.now() - timedelta(days=2) if received else None,
            received_by=staff if received else None,
        )
