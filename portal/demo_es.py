"""The demo site in Spanish: the demo's programs and holiday drive translated as staff translate a page, then
their text written over. The office's own pages (home, Pupil Personnel Services, the directory) are translated by
`setup_site`, which the demo builds on.
"""

from wagtail.models import Locale, Page

from holiday_drive import demo as holiday_demo
from holiday_drive.models import HolidayCampaignPage
from portal.site_setup import translate
from resources.demo_data_es import CLOSURE_REASONS_ES, HOURS_NOTES_ES, PROGRAMS_ES
from resources.models import Closure, OpeningHours, ResourceIndexPage, ResourcePage


def seed_spanish(home):
    """Give the demo's programs and holiday drive under `home` their Spanish translations; return how many it made."""
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    before = Page.objects.filter(locale=spanish).count()
    directory = ResourceIndexPage.objects.child_of(home).first()
    if directory is not None:
        programs = ResourcePage.objects.child_of(directory).filter(slug__in=PROGRAMS_ES)
        for program in programs.prefetch_related("hours", "closures"):
            translate(program, spanish, **PROGRAMS_ES[program.slug], **_program_children(program))
    campaign = HolidayCampaignPage.objects.child_of(home).filter(slug="holiday-2026").first()
    if campaign is not None:
        translate(
            campaign,
            spanish,
            title=holiday_demo.TITLE_ES,
            slug=holiday_demo.SLUG_ES,
            intro=holiday_demo.INTRO_ES,
            body=holiday_demo.BODY_ES,
        )
    return Page.objects.filter(locale=spanish).count() - before


def _program_children(program):
    """A program's opening hours and closures, with their notes and reasons in Spanish."""
    hours = [
        OpeningHours(
            weekday=opening.weekday,
            opens=opening.opens,
            closes=opening.closes,
            note=HOURS_NOTES_ES.get(opening.note, opening.note),
        )
        for opening in program.hours.all()
    ]
    closures = [
        Closure(
            starts_on=closure.starts_on,
            ends_on=closure.ends_on,
            reason=CLOSURE_REASONS_ES.get(closure.reason, closure.reason),
        )
        for closure in program.closures.all()
    ]
    return {"hours": hours, "closures": closures}
