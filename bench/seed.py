"""The bench's data: the demo site plus 2,000 agencies and 10,000 programs in and around Howard County.

Programs are written as rows, not through `add_child` and `publish` (about 0.1 s a page
with revisions and search indexing: 17 minutes for 10,000): page rows with their tree
paths computed, then the program rows, categories, languages, hours and closures, then
the search index in batches. They have no revisions; Wagtail serves a live page without one.
"""

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from portal import demo
from resources.demo import parse_hours
from resources.geo import zip_centroid
from resources.models import Agency, Closure, Language, OpeningHours, ResourceIndexPage, ResourcePage, ServiceCategory

AGENCIES = 2_000
PROGRAMS_PER_AGENCY = 5
SLUG_PREFIX = "bench-"  # marks the bench's agencies, so a second run finds them
HOWARD_ZIP_CODES = [
    "21042", "21043", "21044", "21045", "21046", "21029", "21075", "21076", "21794", "21797", "20723", "20759",
    "20763", "20777", "21036", "21104", "21163", "20794", "21723", "21737", "21738", "20701",
]  # fmt: skip
PLACES = [
    "Columbia", "Ellicott City", "Elkridge", "Savage", "Laurel", "Jessup", "Fulton", "Clarksville", "Highland",
    "Woodbine", "Dayton", "Glenelg", "Glenwood", "Marriottsville", "Woodstock", "Hanover", "Patapsco", "Wilde Lake",
    "Long Reach", "Owen Brown", "Hickory Ridge", "River Hill", "Oakland Mills", "Kings Contrivance", "Dorsey",
    "Guilford", "Scaggsville", "Centennial", "Harpers Choice", "Lisbon",
]  # fmt: skip
KINDS = [
    "Family Services", "Community Center", "Neighbors Network", "Food Bank", "Health Clinic", "Youth Center",
    "Helping Hands", "Outreach", "Family Aid", "Mutual Aid", "Resource Center", "Community Church Outreach",
    "Parents Association", "Lions Club",
]  # fmt: skip

# category slug -> (title, summary) pairs; the words families search for are in them.
PROGRAMS = {
    "food-pantry": [
        ("Weekly Food Pantry", "Free groceries every week: canned food, bread, rice, milk and eggs."),
        ("Fresh Produce Market", "Free fresh fruit and vegetables from local farms, every other week."),
    ],
    "meals": [("Community Dinner", "A free hot dinner for families, no questions asked.")],
    "coats": [("Winter Coat Closet", "Warm winter coats, hats, boots and gloves for children.")],
    "school-uniforms": [("School Uniforms and Shoes", "School uniforms, sneakers and gym clothes for students.")],
    "clothing": [("Clothing Closet", "Free clothes and shoes for children and adults.")],
    "school-supplies": [("Back-to-School Backpacks", "A backpack filled with notebooks, pencils and school supplies.")],
    "dental": [("Children's Dental Clinic", "Check-ups, cleanings and fillings, and same-day help for a toothache.")],
    "vision": [("Eye Exams and Glasses", "A free eye exam and a pair of glasses for students.")],
    "hearing": [("Hearing Tests and Hearing Aids", "Hearing tests for children and help paying for hearing aids.")],
    "prescriptions": [("Prescription Help", "Help paying for medicine, inhalers and asthma supplies.")],
    "emergency-medical": [("Urgent Care Fund", "Help with urgent medical bills and same-day sick visits.")],
    "medical": [
        ("Free Shots and Vaccines", "Vaccines children need for school, and flu shots for the family."),
        ("Low-Cost Doctor Visits", "Check-ups and sick visits for children, with fees based on income."),
    ],
    "mental-health": [
        ("Counseling for Children and Teens", "Talk with a counselor about worry, sadness, anger or grief."),
        ("Parent Support Group", "A weekly group where parents share what helps with stress."),
    ],
    "housing": [
        ("Rent Help", "Help with rent, a security deposit or an eviction notice."),
        ("Family Shelter", "Emergency shelter for parents and children with nowhere to stay."),
    ],
    "utilities": [("Energy Bill Help", "Help paying a past-due electric, gas, heating or water bill.")],
    "transportation": [
        ("Bus Passes", "A free monthly bus pass for parents getting to work or appointments."),
        ("Rides to Appointments", "Volunteer drivers take families to the doctor and the dentist."),
    ],
    "holiday": [
        ("Holiday Gifts for Children", "New toys, books and gifts for each child in December."),
        ("Holiday Meal Baskets", "A turkey or ham and all the sides for a holiday dinner."),
    ],
    "other-necessities": [
        ("Diapers and Baby Supplies", "Diapers, wipes and baby formula once a month."),
        ("Furniture Bank", "Beds, tables, chairs and kitchen items for families moving into a home."),
    ],
}
ELIGIBILITY = [
    "Families with children who live in Howard County.",
    "Anyone who needs help. There is no income limit.",
    "Families whose income is low. Ask us if you are not sure.",
    "Students in Howard County public schools and their families.",
]
HOW_TO_APPLY = [
    "Walk in during open hours.",
    "Call to make an appointment.",
    "Ask your school's Pupil Personnel Worker for a referral, or call us.",
    "Sign up at the front desk. It takes about 5 minutes.",
]
DOCUMENTS = ["", "A photo ID\nProof of address", "Proof of income for the last 30 days", "Your child's insurance card"]
SCHEDULES = [
    "Mo-Fr 09:00-17:00",
    "Mo-Fr 08:30-16:30; Sa 09:00-12:00",
    "Tu,Th 15:00-19:00; Sa 09:00-13:00",
    "Mo,We,Fr 10:00-14:00; Th 17:00-20:00 (evening pantry)",
    "Sa 08:00-11:00; We 18:00-20:00",
    "Mo-Th 10:00-18:00",
    "Tu 18:30-20:00",
    "Mo-Su 00:00-23:59",
]
LANGUAGES = ["zh", "ko", "vi", "am", "fr", "ar", "pt"]


def is_seeded():
    return Agency.objects.filter(slug__startswith=SLUG_PREFIX).count() >= AGENCIES


def seed(rng):
    """Build the demo site, then add the bench's agencies and programs in bulk; return their program ids."""
    demo.seed()
    index = ResourceIndexPage.objects.get(locale=Locale.get_default())  # not its Spanish translation
    with transaction.atomic():
        agencies = _agencies(rng)
        program_ids = _programs(rng, index, agencies)
    return program_ids


def index_for_search(program_ids, batch_size=500):
    """Index programs for full-text search as Wagtail would on publish, a batch at a time."""
    backend = get_search_backend()
    for start in range(0, len(program_ids), batch_size):
        batch = ResourcePage.objects.filter(pk__in=program_ids[start : start + batch_size])
        backend.add_bulk(ResourcePage, list(batch.select_related("agency").prefetch_related("categories")))


def _agencies(rng):
    languages = {language.code: language.pk for language in Language.objects.all()}
    agencies, agency_languages = [], []
    for number in range(AGENCIES):
        zip_code = rng.choice(HOWARD_ZIP_CODES)
        latitude, longitude = zip_centroid(zip_code)
        name = f"{rng.choice(PLACES)} {rng.choice(KINDS)}"
        agencies.append(
            Agency(
                name=name,
                slug=f"{SLUG_PREFIX}{number:04}-{slugify(name)}",
                description=f"{name} helps families in Howard County.",
                address_1=f"{rng.randint(100, 12999)} {rng.choice(PLACES)} Road",
                city=rng.choice(PLACES),
                zip_code=zip_code,
                latitude=latitude + rng.uniform(-0.02, 0.02),
                longitude=longitude + rng.uniform(-0.02, 0.02),
                phone=f"410-555-01{rng.randint(0, 99):02}",
                email=f"agency{number}@example.org",
                is_partner=rng.random() < 0.3,
            )
        )
        agency_languages.append(_language_codes(rng))
    agencies = Agency.objects.bulk_create(agencies, batch_size=500)
    Through = Agency.languages.through
    Through.objects.bulk_create(
        [
            Through(agency_id=agency.pk, language_id=languages[code])
            for agency, codes in zip(agencies, agency_languages, strict=True)
            for code in codes
        ],
        batch_size=1000,
    )
    return list(zip(agencies, agency_languages, strict=True))


def _programs(rng, index, agencies):
    """Pages, then program rows, then their related rows; returns the new programs' ids."""
    categories = {category.slug: category.pk for category in ServiceCategory.objects.all()}
    languages = {language.code: language.pk for language in Language.objects.all()}
    content_type = ContentType.objects.get_for_model(ResourcePage)
    now = timezone.now()
    last_child = index.get_children().order_by("-path").first()
    step = _step_number(last_child.path[-Page.steplen :]) if last_child else 0

    pages, programs = [], []
    for agency, codes in agencies:
        for _ in range(PROGRAMS_PER_AGENCY):
            step += 1
            slugs = rng.sample(list(PROGRAMS), 2 if rng.random() < 0.3 else 1)
            title, summary = rng.choice(PROGRAMS[slugs[0]])
            slug = f"{slugify(title)}-{step}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=index.path + _step_text(step),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    locale_id=index.locale_id,
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
            fees = "" if rng.random() < 0.7 else f"${rng.choice([5, 10, 20, 25])} a visit, less if your income is low."
            programs.append(
                (
                    ResourcePage(
                        agency_id=agency.pk,
                        summary=summary,
                        eligibility=rng.choice(ELIGIBILITY),
                        how_to_apply=rng.choice(HOW_TO_APPLY),
                        documents=rng.choice(DOCUMENTS),
                        fees=fees,
                        is_free=not fees,
                        latitude=agency.latitude,
                        longitude=agency.longitude,
                        phone=agency.phone,
                        email=agency.email,
                        status="temporarily_closed" if rng.random() < 0.02 else "active",
                        last_verified=datetime.date(now.year, rng.randint(1, now.month), rng.randint(1, 28)),
                    ),
                    [categories[slug] for slug in slugs],
                    codes,
                )
            )
    pages = Page.objects.bulk_create(pages, batch_size=500)
    for page, (program, _categories, _codes) in zip(pages, programs, strict=True):
        program.page_ptr_id = program.pk = page.pk
    _insert_program_rows([program for program, _categories, _codes in programs])
    Page.objects.filter(pk=index.pk).update(numchild=index.get_children().count())
    _related_rows(rng, programs, languages)
    return [page.pk for page in pages]


def _insert_program_rows(programs):
    """The resources_resourcepage half of each page: bulk_create refuses multi-table models, so plain SQL."""
    fields = ResourcePage._meta.local_concrete_fields
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(ResourcePage._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [
        [field.get_db_prep_save(getattr(program, field.attname), connection) for field in fields]
        for program in programs
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 1000):
            cursor.executemany(sql, rows[start : start + 1000])


def _related_rows(rng, programs, languages):
    schedules = [parse_hours(schedule) for schedule in SCHEDULES]
    CategoryThrough, LanguageThrough = ResourcePage.categories.through, ResourcePage.languages.through
    category_rows, language_rows, hours_rows, closure_rows = [], [], [], []
    today = timezone.localdate()
    for program, category_ids, codes in programs:
        category_rows += [CategoryThrough(resourcepage_id=program.pk, servicecategory_id=pk) for pk in category_ids]
        language_rows += [LanguageThrough(resourcepage_id=program.pk, language_id=languages[code]) for code in codes]
        hours_rows += [
            OpeningHours(
                program_id=program.pk, sort_order=order, weekday=hours.weekday, opens=hours.opens, closes=hours.closes
            )
            for order, hours in enumerate(rng.choice(schedules))
        ]
        if rng.random() < 0.05:
            starts_on = today + datetime.timedelta(days=rng.randint(-10, 40))
            ends_on = starts_on + datetime.timedelta(days=rng.randint(0, 10))
            closure_rows.append(Closure(program_id=program.pk, starts_on=starts_on, ends_on=ends_on, reason="Repairs"))
    for model, rows in (
        (CategoryThrough, category_rows),
        (LanguageThrough, language_rows),
        (OpeningHours, hours_rows),
        (Closure, closure_rows),
    ):
        model.objects.bulk_create(rows, batch_size=1000)


def _language_codes(rng):
    codes = ["en"]
    if rng.random() < 0.7:
        codes.append("es")
    codes += [code for code in LANGUAGES if rng.random() < 0.06]
    return codes


def _step_text(number):
    """Child number `number` as a treebeard path step: base 36, four characters."""
    digits = ""
    while number:
        number, digit = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[digit] + digits
    return digits.rjust(Page.steplen, Page.alphabet[0])


def _step_number(text):
    number = 0
    for character in text:
        number = number * len(Page.alphabet) + Page.alphabet.index(character)
    return number
