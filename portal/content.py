"""The office's own content, in English and Spanish: what `setup_site` publishes on a new site.

Written in our own words from the office's public page (shared/reference); the facts carry over: the list of
services and the office's phone number. Staff edit the pages in Wagtail afterwards; `setup_site` never
writes over their edits.
"""

OFFICE_NAME = "Office of Pupil Personnel"
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

HOME = {"title": "Help for students and families", "slug": "home", "intro": HOME_INTRO, "actions": HOME_ACTIONS}
PPS = {"title": "Pupil Personnel Services", "slug": "pupil-personnel-services", "intro": PPS_INTRO, "body": PPS_BODY}

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
