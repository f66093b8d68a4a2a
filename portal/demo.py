"""The demo site that `manage.py seed_demo` builds; every step finds before it creates."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from aid_requests.backlog import match_backlog
from aid_requests.demo import seed_requests
from holiday_drive.demo import DEMO_USERS as HOLIDAY_DEMO_USERS
from holiday_drive.demo import seed_holiday_drive
from portal.models import HomePage, SiteSettings, StandardPage, User
from portal.roles import AGENCY, STAFF, VOLUNTEER, ensure_groups
from resources.demo import seed_directory, seed_partners

DEMO_PASSWORD = "connection-demo-2026"
DEMO_USERS = [
    ("staff@example.org", STAFF),
    ("agency1@example.org", AGENCY),
    ("agency2@example.org", AGENCY),
    ("family@example.org", "Family"),
    ("sponsor1@example.org", "Sponsor"),
    ("sponsor2@example.org", "Sponsor"),
    ("sponsor3@example.org", "Sponsor"),
    *HOLIDAY_DEMO_USERS,
]
OFFICE_PHONE = "410-313-6822"


def call_to_action(heading, text, label, url):
    return ("call_to_action", {"heading": heading, "text": text, "link_label": label, "page": None, "url": url})


def bullet_list(*items):
    return ("list", {"items": list(items), "numbered": False})


HOME_INTRO = (
    "<p>The Office of Pupil Personnel helps students and their families with what they need to do well "
    "in school. Find help from community agencies near you, ask us for clothing, school supplies or "
    "medical help, and sign up for holiday food and clothing packages.</p>"
)
HOME_ACTIONS = [
    call_to_action(
        "Find help near you",
        "Search the Connection Center for programs by need and ZIP code.",
        "Find resources",
        "/connection-center/",
    ),
    call_to_action(
        "Ask for help",
        "Ask for clothing, school supplies, medical help or other needs for your children.",
        "Ask for help",
        "/requests/apply/",
    ),
    call_to_action(
        "Holiday drive", "Sign up for holiday food and clothing packages for your family.", "Holiday drive", "/holiday/"
    ),
]

PPS_INTRO = (
    "Pupil Personnel Services works with schools, students, parents and community members to spot "
    "and prevent the problems that keep children from doing well in school."
)
PPS_BODY = [
    (
        "paragraph",
        "<p>Pupil Personnel Workers (PPWs) know that missing school, disruption and disrespect hold "
        "students back. They make sure that laws, regulations, school policies and procedures about "
        "students are applied fairly and the same way everywhere, so that every school is safe, caring "
        "and a good place to learn.</p>",
    ),
    ("heading", {"text": "Academic Success", "level": "h2"}),
    ("paragraph", "<p>To help students succeed in school, we:</p>"),
    bullet_list(
        "Meet with students and families when attendance or discipline problems keep coming back.",
        "Hold attendance hearings.",
        "Take cases to District Court when a family breaks the Compulsory Education Law.",
        "Visit homes to bring families into their children's schooling.",
        "Speak up for students and families with the school system and community agencies.",
        "Respond to emergencies that affect a student's or family's welfare.",
        "Counsel and meet with people one to one and in groups.",
        "Support schools during a crisis.",
        "Help place students in alternative education programs.",
        "Arrange home and hospital teaching for students who qualify.",
        "Oversee home schooling cases.",
        "Serve on school problem-solving teams.",
        "Help put Section 504 of federal law into practice.",
        "Take an active part in Individualized Education Program (IEP) meetings.",
        "Manage the cases of students experiencing homelessness.",
        "Provide tutoring for students experiencing homelessness.",
        "Arrange transportation for students experiencing homelessness.",
        "Run workshops on the educational rights of students experiencing homelessness.",
        "Carry out other administrative work on behalf of students.",
    ),
    ("heading", {"text": "Administrative Functions", "level": "h2"}),
    bullet_list(
        "Explain school and county policies and procedures about students.",
        "Train staff on recognizing and reporting child abuse and neglect.",
        "Gather information to confirm that a family truly lives in the county.",
        "Help families enroll several children at once.",
        "Resolve questions of custody and guardianship.",
        "Help with foster placements.",
        "Decide whether students in hardship can enroll through Informal Kinship Care or "
        "Rights and Responsibilities for Caregiver Status.",
        "Watch attendance and help enforce the compulsory attendance law.",
    ),
    ("heading", {"text": "Family Services", "level": "h2"}),
    bullet_list(
        "Help families get enough clothing, school supplies, medical care and other things they need to live.",
        "Serve on school crisis and counseling teams, and connect families with the services that help "
        "an intervention work.",
        "Find money and medical resources for emergency medical care, dental care, vision and hearing care, "
        "and prescriptions.",
        "Make sure many families in need receive food and clothing packages at holiday time.",
        "Run the Connection Center, where community agencies support families in need.",
    ),
    call_to_action(
        "Ask us for help",
        "Families can ask online for clothing, school supplies, medical help and more.",
        "Ask for help",
        "/requests/apply/",
    ),
    ("heading", {"text": "Code of Ethics", "level": "h2"}),
    (
        "paragraph",
        "<p>Pupil Personnel Workers carry out their work honestly and with integrity. They respect "
        "the privacy of the people they serve, and they support and protect everyone's civil and "
        f"human rights.</p><p>To learn more, call the Office of Pupil Personnel at {OFFICE_PHONE}.</p>",
    ),
]


def _ensure_tree():
    """The locales, root page and default site migrations make (a flushed test database lacks them)."""
    Locale.objects.get_or_create(language_code="en")
    Locale.objects.get_or_create(language_code="es")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    return root


def _home(root):
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        # Wagtail's "Welcome" placeholder holds the slug "home"; deleting it also deletes its Site.
        Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
        home = root.add_child(
            instance=HomePage(
                title="Help for students and families", slug="home", intro=HOME_INTRO, actions=HOME_ACTIONS
            )
        )
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": settings.WAGTAIL_SITE_NAME},
    )
    return home


def _standard_page(parent, slug, **fields):
    page = StandardPage.objects.filter(slug=slug, locale=parent.locale_id).first()
    if page is None:
        page = parent.add_child(instance=StandardPage(slug=slug, **fields))
        page.save_revision().publish()
    return page


def _site_settings(site):
    contact = SiteSettings.for_site(site)
    contact.office_name = "Office of Pupil Personnel"
    contact.phone = OFFICE_PHONE
    contact.email = "pupilpersonnel@example.org"
    contact.address = "10910 Clarksville Pike\nEllicott City, MD 21042"
    contact.hours = "Monday to Friday, 8 a.m. to 4:30 p.m."
    contact.save()


def _users():
    for email, role in DEMO_USERS:
        user, _ = User.objects.get_or_create(email=email)
        if settings.DEBUG:
            user.set_password(DEMO_PASSWORD)
        else:
            user.set_unusable_password()
        user.save()
        if role in (STAFF, AGENCY, VOLUNTEER):
            user.groups.add(Group.objects.get(name=role))
        # allauth requires a verified address before anyone signs in.
        user.emailaddress_set.update_or_create(email=email, defaults={"verified": True, "primary": True})


def seed():
    """Build or complete the demo site; return a one-line summary."""
    ensure_groups(apps)
    root = _ensure_tree()
    home = _home(root)
    _standard_page(home, "pupil-personnel-services", title="Pupil Personnel Services", intro=PPS_INTRO, body=PPS_BODY)
    seed_directory(home)
    _site_settings(Site.objects.get(is_default_site=True))
    _users()
    seed_partners(lambda email: User.objects.filter(email=email).first())
    seed_requests(lambda email: User.objects.filter(email=email).first())
    match_backlog()  # the approved demo requests go to their partners, as approving them in the admin would
    seed_holiday_drive(home, lambda email: User.objects.filter(email=email).first())
    from portal.demo_es import seed_spanish  # not at the top: it builds on this module's blocks

    seed_spanish(home)
    return (
        f"Demo site ready: {Page.objects.count()} pages, {User.objects.count()} users, "
        f"groups {', '.join(Group.objects.order_by('name').values_list('name', flat=True))}."
    )
