"""The shared taxonomy of help and the languages offered, as reference data.

Requests, matching and the directory all speak these slugs; each category maps to
an Open Eligibility term for Open Referral (HSDS) exchange. A migration loads them
and `seed_demo` calls `ensure_reference_data` again on a flushed database.
"""

# (slug, name, one-line description, the nearest Open Eligibility term, children)
CATEGORIES = [
    (
        "clothing",
        "Clothing",
        "Clothes, shoes and coats for children and families.",
        "clothing",
        [
            ("coats", "Coats and winter wear", "Warm coats, hats and gloves.", "clothing"),
            ("school-uniforms", "School clothes and uniforms", "Clothes and shoes for school.", "clothing"),
        ],
    ),
    ("school-supplies", "School supplies", "Backpacks, notebooks and other supplies for class.", "school-supplies", []),
    (
        "food",
        "Food",
        "Groceries, meals and food pantries.",
        "food",
        [
            ("food-pantry", "Food pantries", "Free groceries to take home.", "food-pantry"),
            ("meals", "Free meals", "Hot meals served on site.", "free-meals"),
        ],
    ),
    (
        "medical",
        "Medical help",
        "Doctors, clinics and help paying for care.",
        "health",
        [
            (
                "emergency-medical",
                "Emergency medical help",
                "Urgent care and help with urgent medical bills.",
                "emergency-medical-care",
            ),
            ("dental", "Dental care", "Check-ups, cleanings and dental treatment.", "dental-care"),
            ("vision", "Vision care", "Eye exams and glasses.", "vision-care"),
            ("hearing", "Hearing care", "Hearing tests and hearing aids.", "hearing-care"),
            ("prescriptions", "Prescriptions", "Help paying for medicine.", "prescription-assistance"),
        ],
    ),
    ("mental-health", "Mental health", "Counseling and support for children and parents.", "mental-health-care", []),
    ("housing", "Housing and shelter", "Shelter, rent help and housing advice.", "housing", []),
    ("utilities", "Utilities", "Help paying electric, gas, water and phone bills.", "help-pay-for-utilities", []),
    ("transportation", "Transportation", "Rides, bus passes and help getting to appointments.", "transportation", []),
    ("holiday", "Holiday help", "Holiday meals, gifts and clothing packages.", "holiday-gifts", []),
    ("other-necessities", "Other necessities", "Diapers, hygiene items, furniture and more.", "goods", []),
]

# slug -> (Spanish name, Spanish description); staff may change both in the admin.
SPANISH = {
    "clothing": ("Ropa", "Ropa, zapatos y abrigos para niños y familias."),
    "coats": ("Abrigos y ropa de invierno", "Abrigos, gorros y guantes."),
    "school-uniforms": ("Ropa y uniformes escolares", "Ropa y zapatos para la escuela."),
    "school-supplies": ("Útiles escolares", "Mochilas, cuadernos y otros útiles para la clase."),
    "food": ("Comida", "Alimentos, comidas y despensas de alimentos."),
    "food-pantry": ("Despensas de alimentos", "Alimentos gratis para llevar a casa."),
    "meals": ("Comidas gratis", "Comidas calientes servidas en el lugar."),
    "medical": ("Ayuda médica", "Médicos, clínicas y ayuda para pagar la atención."),
    "emergency-medical": ("Ayuda médica de emergencia", "Atención urgente y ayuda con cuentas médicas urgentes."),
    "dental": ("Atención dental", "Chequeos, limpiezas y tratamiento dental."),
    "vision": ("Atención de la vista", "Exámenes de la vista y anteojos."),
    "hearing": ("Atención del oído", "Pruebas de audición y audífonos."),
    "prescriptions": ("Medicinas recetadas", "Ayuda para pagar medicinas."),
    "mental-health": ("Salud mental", "Consejería y apoyo para niños y padres."),
    "housing": ("Vivienda y refugio", "Refugio, ayuda con la renta y consejos de vivienda."),
    "utilities": ("Servicios públicos", "Ayuda para pagar la luz, el gas, el agua y el teléfono."),
    "transportation": ("Transporte", "Viajes, pases de autobús y ayuda para llegar a las citas."),
    "holiday": ("Ayuda para las fiestas", "Comidas, regalos y paquetes de ropa para las fiestas."),
    "other-necessities": ("Otras necesidades", "Pañales, artículos de higiene, muebles y más."),
}

# (ISO 639-1 code, English name, native name)
LANGUAGES = [
    ("en", "English", "English"),
    ("es", "Spanish", "Español"),
    ("zh", "Chinese", "中文"),
    ("ko", "Korean", "한국어"),
    ("vi", "Vietnamese", "Tiếng Việt"),
    ("fr", "French", "Français"),
    ("ar", "Arabic", "العربية"),
    ("am", "Amharic", "አማርኛ"),
    ("hi", "Hindi", "हिन्दी"),
    ("ur", "Urdu", "اردو"),
    ("pt", "Portuguese", "Português"),
    ("ru", "Russian", "Русский"),
    ("tl", "Tagalog", "Tagalog"),
    ("asl", "American Sign Language", "ASL"),
]


def ensure_reference_data(apps):
    """Create missing categories and languages and fill blank Spanish names; never overwrite staff edits."""
    ServiceCategory = apps.get_model("resources", "ServiceCategory")
    Language = apps.get_model("resources", "Language")
    for order, (slug, name, description, code, children) in enumerate(CATEGORIES):
        parent, _ = ServiceCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "taxonomy_code": code, "sort_order": order}
        )
        for child_order, (child_slug, child_name, child_description, child_code) in enumerate(children):
            ServiceCategory.objects.get_or_create(
                slug=child_slug,
                defaults={
                    "name": child_name,
                    "description": child_description,
                    "taxonomy_code": child_code,
                    "sort_order": child_order,
                    "parent": parent,
                },
            )
    has_spanish = any(field.name == "name_es" for field in ServiceCategory._meta.get_fields())  # from 0004 on
    for slug, (name_es, description_es) in SPANISH.items() if has_spanish else ():
        ServiceCategory.objects.filter(slug=slug, name_es="").update(name_es=name_es)
        ServiceCategory.objects.filter(slug=slug, description_es="").update(description_es=description_es)
    for code, name, native_name in LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name": name, "native_name": native_name})
