"""The demo site in Spanish: every public page translated as staff translate one, then its text written over.

Each page is copied with Wagtail's copy_for_translation (what simple_translation's "Translate" runs), given
its Spanish text and published; a page that already has its Spanish translation is left alone.
"""

from wagtail.models import Locale, Page

from holiday_drive import demo as holiday_demo
from holiday_drive.models import HolidayCampaignPage
from portal.demo import OFFICE_PHONE, bullet_list, call_to_action
from portal.models import StandardPage
from resources.demo_data_es import CLOSURE_REASONS_ES, DIRECTORY_ES, HOURS_NOTES_ES, PROGRAMS_ES
from resources.models import Closure, OpeningHours, ResourceIndexPage, ResourcePage

HOME_ES = {
    "title": "Ayuda para estudiantes y familias",
    "intro": (
        "<p>La Oficina de Personal Estudiantil ayuda a los estudiantes y a sus familias con lo que necesitan "
        "para que les vaya bien en la escuela. Encuentre ayuda de agencias de la comunidad cerca de usted, "
        "pídanos ropa, útiles escolares o ayuda médica, e inscríbase para recibir paquetes de comida y ropa "
        "en las fiestas.</p>"
    ),
    "actions": [
        call_to_action(
            "Encuentre ayuda cerca de usted",
            "Busque programas en el Connection Center según lo que necesita y su código postal.",
            "Buscar recursos",
            "/es/connection-center/",
        ),
        call_to_action(
            "Pida ayuda",
            "Pida ropa, útiles escolares, ayuda médica u otras cosas que necesitan sus niños.",
            "Pedir ayuda",
            "/requests/apply/",
        ),
        call_to_action(
            "Campaña de fiestas",
            "Inscríbase para recibir paquetes de comida y ropa para su familia en las fiestas.",
            "Campaña de fiestas",
            "/holiday/",
        ),
    ],
}

PPS_ES = {
    "title": "Servicios de Personal Estudiantil",
    "slug": "servicios-de-personal-estudiantil",
    "intro": (
        "Los Servicios de Personal Estudiantil trabajan con las escuelas, los estudiantes, los padres y la "
        "comunidad para descubrir y prevenir los problemas que no dejan a los niños salir bien en la escuela."
    ),
    "body": [
        (
            "paragraph",
            "<p>Los trabajadores de Personal Estudiantil (PPW) saben que faltar a la escuela, las interrupciones "
            "y la falta de respeto no dejan avanzar a los estudiantes. Se aseguran de que las leyes, las reglas, "
            "las políticas y los procedimientos escolares sobre los estudiantes se apliquen de forma justa y de la "
            "misma manera en todas partes, para que cada escuela sea un lugar seguro y acogedor donde se aprende "
            "bien.</p>",
        ),
        ("heading", {"text": "Éxito escolar", "level": "h2"}),
        ("paragraph", "<p>Para ayudar a los estudiantes a salir bien en la escuela, nosotros:</p>"),
        bullet_list(
            "Nos reunimos con los estudiantes y sus familias cuando los problemas de asistencia o de disciplina "
            "se repiten.",
            "Hacemos audiencias de asistencia.",
            "Llevamos casos al Tribunal de Distrito cuando una familia no cumple la ley de educación obligatoria.",
            "Visitamos los hogares para que las familias participen en la educación de sus hijos.",
            "Defendemos a los estudiantes y a las familias ante el sistema escolar y las agencias de la comunidad.",
            "Respondemos a emergencias que afectan el bienestar de un estudiante o de una familia.",
            "Damos consejería y nos reunimos con personas, una por una y en grupos.",
            "Apoyamos a las escuelas durante una crisis.",
            "Ayudamos a colocar a estudiantes en programas de educación alternativa.",
            "Organizamos la enseñanza en casa o en el hospital para los estudiantes que califican.",
            "Supervisamos los casos de educación en el hogar.",
            "Participamos en los equipos escolares que buscan soluciones a los problemas.",
            "Ayudamos a aplicar la Sección 504 de la ley federal.",
            "Participamos activamente en las reuniones del Programa de Educación Individualizado (IEP).",
            "Llevamos los casos de los estudiantes sin hogar.",
            "Damos clases de apoyo a los estudiantes sin hogar.",
            "Organizamos el transporte de los estudiantes sin hogar.",
            "Damos talleres sobre los derechos educativos de los estudiantes sin hogar.",
            "Hacemos otros trabajos administrativos en favor de los estudiantes.",
        ),
        ("heading", {"text": "Funciones administrativas", "level": "h2"}),
        bullet_list(
            "Explicamos las políticas y los procedimientos de la escuela y del condado sobre los estudiantes.",
            "Enseñamos al personal a reconocer y reportar el abuso y el descuido de niños.",
            "Reunimos información para confirmar que una familia de verdad vive en el condado.",
            "Ayudamos a las familias a inscribir a varios niños a la vez.",
            "Resolvemos preguntas sobre la custodia y la tutela.",
            "Ayudamos con las colocaciones en hogares de crianza.",
            "Decidimos si los estudiantes en situación difícil pueden inscribirse por medio de Informal Kinship "
            "Care (cuidado informal por familiares) o de Rights and Responsibilities for Caregiver Status "
            "(derechos y responsabilidades de quien cuida al niño).",
            "Vigilamos la asistencia y ayudamos a cumplir la ley de asistencia obligatoria.",
        ),
        ("heading", {"text": "Servicios para familias", "level": "h2"}),
        bullet_list(
            "Ayudamos a las familias a conseguir suficiente ropa, útiles escolares, atención médica y otras cosas "
            "que necesitan para vivir.",
            "Participamos en los equipos escolares de crisis y de consejería, y ponemos a las familias en contacto "
            "con los servicios que ayudan a que una intervención funcione.",
            "Buscamos dinero y recursos médicos para atención médica de emergencia, atención dental, atención de "
            "la vista y del oído, y recetas médicas.",
            "Nos aseguramos de que muchas familias que lo necesitan reciban paquetes de comida y ropa en las fiestas.",
            "Dirigimos el Connection Center, donde agencias de la comunidad apoyan a las familias que lo necesitan.",
        ),
        call_to_action(
            "Pídanos ayuda",
            "Las familias pueden pedir por internet ropa, útiles escolares, ayuda médica y más.",
            "Pedir ayuda",
            "/requests/apply/",
        ),
        ("heading", {"text": "Código de ética", "level": "h2"}),
        (
            "paragraph",
            "<p>Los trabajadores de Personal Estudiantil hacen su trabajo con honestidad e integridad. Respetan "
            "la privacidad de las personas a quienes sirven, y apoyan y protegen los derechos civiles y humanos "
            "de todos.</p><p>Para saber más, llame a la Oficina de Personal Estudiantil al "
            f"{OFFICE_PHONE}.</p>",
        ),
    ],
}


def seed_spanish(home):
    """Give every public page under `home` (and `home` itself) its Spanish translation; return how many it made."""
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    before = Page.objects.filter(locale=spanish).count()
    translate(home, spanish, **HOME_ES)
    pps = StandardPage.objects.child_of(home).filter(slug="pupil-personnel-services").first()
    if pps is not None:
        translate(pps, spanish, **PPS_ES)
    directory = ResourceIndexPage.objects.child_of(home).first()
    if directory is not None:
        translate(directory, spanish, **DIRECTORY_ES)
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


def translate(page, locale, **fields):
    """The page's translation into `locale`; the first time, copied as "Translate" copies it, given `fields`
    and published."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
    return translation


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
