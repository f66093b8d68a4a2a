"""The demo directory in Spanish: the text families read on each program's Spanish page, keyed by program slug.

portal.demo_es copies each program for translation (as staff do with "Translate") and writes this text over
the copy; everything else (agency, categories, hours, place) stays as in demo_data. Plain Spanish, "usted".
"""

# The documents many programs ask for, as in demo_data.
ID = "Una identificación con foto del padre, la madre o el tutor"
ADDRESS = "Un comprobante de domicilio, como un contrato de alquiler o una factura de luz o agua"
CHILDREN = "Algo que muestre la edad de cada niño, como el acta de nacimiento o la identificación escolar"
INCOME = "Comprobantes de ingresos de los últimos 30 días, como talones de pago o una carta de beneficios"
INSURANCE = "La tarjeta de Medical Assistance o del seguro médico de su hijo, si la tiene"

# Notes on opening hours and reasons for closures, in Spanish.
HOURS_NOTES_ES = {
    "evening pantry": "despensa de la tarde",
    "walk-ins only": "solo sin cita",
    "evening pickup": "para recoger por la tarde",
    "phone line open day and night": "teléfono abierto de día y de noche",
}
CLOSURE_REASONS_ES = {
    "Thanksgiving": "Día de Acción de Gracias",
    "Staff training": "Capacitación del personal",
    "Winter break": "Vacaciones de invierno",
    "Building repairs": "Reparaciones del edificio",
}

# Per program: title, summary, eligibility, how_to_apply, documents (one per line) and fees (empty: free).
PROGRAMS_ES = {
    "free-clothes-for-school-age-children": {
        "title": "Ropa gratis para niños en edad escolar",
        "summary": "Escoja ropa y zapatos gratis para sus niños, desde la talla 4 hasta tallas de adulto.",
        "eligibility": "Familias con niños en las escuelas públicas del condado de Howard. No hay límite de ingresos.",
        "how_to_apply": "Venga sin cita durante el horario de atención. Cada niño puede venir una vez al mes. "
        "Un(a) trabajador(a) de Personal Estudiantil también puede enviarnos una referencia.",
        "documents": "",
        "fees": "",
    },
    "winter-coat-closet": {
        "title": "Abrigos de invierno",
        "summary": "Un abrigo de invierno, un gorro y guantes para cada niño, gratis.",
        "eligibility": "Niños desde bebés hasta los 18 años que viven en el condado de Howard.",
        "how_to_apply": "Venga con sus niños para que se prueben los abrigos. Abierto de octubre a marzo.",
        "documents": "",
        "fees": "",
    },
    "weekly-food-pantry": {
        "title": "Despensa de comida semanal",
        "summary": "Comida gratis cada semana: comida enlatada, pan, frutas y verduras frescas, y leche.",
        "eligibility": "Cualquier persona que vive en el condado de Howard y necesita comida. "
        "Puede venir una vez por semana.",
        "how_to_apply": "Venga durante el horario de atención. La primera vez, llena un formulario corto en la "
        "entrada. Toma unos 5 minutos.",
        "documents": ADDRESS,
        "fees": "",
    },
    "weekend-food-bags-for-students": {
        "title": "Bolsas de comida de fin de semana para estudiantes",
        "summary": "Una bolsa de comidas fáciles que su hijo lleva a casa el viernes para el fin de semana.",
        "eligibility": "Estudiantes que reciben comidas escolares gratis o a precio reducido.",
        "how_to_apply": "Pida al consejero de la escuela o al trabajador(a) de Personal Estudiantil que inscriba a "
        "su hijo. Las bolsas se entregan en la escuela.",
        "documents": "",
        "fees": "",
    },
    "childrens-dental-check-ups": {
        "title": "Chequeos dentales para niños",
        "summary": "Chequeos, limpiezas y empastes para niños y adolescentes. Gratis con Medical Assistance.",
        "eligibility": "Niños hasta los 20 años. Las familias sin seguro dental pagan menos si tienen ingresos bajos.",
        "how_to_apply": "Llame para hacer una cita. Díganos si su hijo tiene dolor para atenderlo antes.",
        "documents": f"{INSURANCE}\n{INCOME}",
        "fees": "De $10 a $40 por visita, según sus ingresos. Gratis con Medical Assistance.",
    },
    "same-day-help-for-a-toothache": {
        "title": "Ayuda el mismo día para un dolor de muelas",
        "summary": "Atención el mismo día cuando un niño tiene dolor de muelas, un diente roto o la cara hinchada.",
        "eligibility": "Cualquier niño o adolescente con dolor. No necesita ser paciente nuestro.",
        "how_to_apply": "Venga sin cita antes de las 10 de la mañana. Atendemos a los niños en el orden en que llegan.",
        "documents": INSURANCE,
        "fees": "$25, o gratis si no puede pagar.",
    },
    "free-eye-exams-and-glasses-for-students": {
        "title": "Exámenes de la vista y lentes gratis para estudiantes",
        "summary": "Un examen de la vista y un par de lentes gratis para estudiantes que no pasaron la prueba de "
        "la vista de la escuela.",
        "eligibility": "Estudiantes de kínder a 12.º grado cuya familia no puede pagar los lentes.",
        "how_to_apply": "Pida a la enfermera de la escuela que nos envíe la nota de la prueba de la vista. "
        "Después, llame para hacer una cita.",
        "documents": f"La nota de la prueba de la vista de la escuela\n{INSURANCE}",
        "fees": "",
    },
    "replacement-glasses": {
        "title": "Lentes de reemplazo",
        "summary": "Lentes nuevos cuando los lentes de su hijo se rompieron o se perdieron.",
        "eligibility": "Estudiantes que recibieron lentes de nosotros en los últimos dos años.",
        "how_to_apply": "Llámenos. Traiga los lentes rotos si todavía los tiene.",
        "documents": "",
        "fees": "",
    },
    "hearing-tests-for-children": {
        "title": "Pruebas de audición para niños",
        "summary": "Una prueba completa de audición con un especialista (audiólogo), y los resultados explicados "
        "con palabras sencillas.",
        "eligibility": "Niños y adolescentes enviados por su escuela o su médico.",
        "how_to_apply": "Llame para hacer una cita. Los intérpretes de lengua de señas son gratis; pídalos al llamar.",
        "documents": f"La nota de la escuela o del médico\n{INSURANCE}",
        "fees": "",
    },
    "hearing-aid-bank": {
        "title": "Banco de audífonos",
        "summary": "Audífonos limpios y ajustados para niños que los necesitan y no pueden conseguirlos "
        "de otra manera.",
        "eligibility": "Niños hasta los 18 años con una prueba de audición de los últimos 6 meses.",
        "how_to_apply": "Llámenos. Le pediremos los resultados de la prueba de audición y haremos una cita para "
        "ajustar el audífono.",
        "documents": "Los resultados de la prueba de audición de su hijo",
        "fees": "$25 por el ajuste. No lo cobramos si usted no puede pagar.",
    },
    "prescription-help-fund": {
        "title": "Fondo de ayuda para recetas médicas",
        "summary": "Paga las medicinas que su hijo necesita cuando usted no puede pagarlas, hasta 30 días cada vez.",
        "eligibility": "Familias con niños y con ingresos bajos o medios. Pregúntenos si no está seguro.",
        "how_to_apply": "Llámenos con el nombre de la medicina y de su farmacia. Le pagamos directamente a la "
        "farmacia, muchas veces el mismo día.",
        "documents": f"La receta o el nombre de la medicina\n{INCOME}",
        "fees": "",
    },
    "inhalers-and-asthma-supplies": {
        "title": "Inhaladores y materiales para el asma",
        "summary": "Inhaladores, espaciadores y materiales para máquinas de respirar para niños con asma.",
        "eligibility": "Niños con asma cuya familia no puede pagar estos materiales.",
        "how_to_apply": "Llámenos. El médico de su hijo o la enfermera de la escuela también pueden llamar por usted.",
        "documents": "La receta",
        "fees": "",
    },
    "family-emergency-shelter": {
        "title": "Refugio de emergencia para familias",
        "summary": "Un lugar seguro donde quedarse para padres e hijos que perdieron su casa.",
        "eligibility": "Familias con niños menores de 18 años que no tienen un lugar seguro donde dormir esta noche.",
        "how_to_apply": "Llámenos a cualquier hora, de día o de noche. Si no tenemos lugar, le ayudamos a "
        "encontrar otro.",
        "documents": f"{ID}, si la tiene\nCualquier papel de su arrendador o del tribunal",
        "fees": "",
    },
    "help-for-students-without-a-steady-home": {
        "title": "Ayuda para estudiantes sin un hogar estable",
        "summary": "Ayuda para seguir en la misma escuela, transporte a la escuela y útiles escolares para "
        "estudiantes sin hogar.",
        "eligibility": "Estudiantes que viven en un refugio, un motel o un carro, o con otra familia porque "
        "perdieron su casa.",
        "how_to_apply": "Hable con el trabajador(a) de Personal Estudiantil de su escuela, o llámenos. "
        "Nosotros lo organizamos con la escuela.",
        "documents": "",
        "fees": "",
    },
    "rent-help-and-eviction-advice": {
        "title": "Ayuda con el alquiler y consejos sobre desalojos",
        "summary": "Consejos gratis si está atrasado con el alquiler, recibió un aviso de desalojo o necesita "
        "un nuevo lugar para vivir.",
        "eligibility": "Personas que alquilan una vivienda en el condado de Howard.",
        "how_to_apply": "Llame para hablar con un consejero de vivienda. Traiga las cartas de su arrendador o "
        "del tribunal.",
        "documents": f"Su contrato de alquiler\nLas cartas de su arrendador o del tribunal\n{INCOME}",
        "fees": "",
    },
    "first-months-rent-fund": {
        "title": "Fondo para el primer mes de alquiler",
        "summary": "Ayuda a pagar el primer mes de alquiler o el depósito para que su familia se mude a un "
        "hogar seguro.",
        "eligibility": "Familias con niños que encontraron un hogar que pueden pagar después del primer mes.",
        "how_to_apply": "Este fondo está en pausa hasta que llegue dinero nuevo en enero de 2027. Llámenos para "
        "ponerle en la lista.",
        "documents": f"{ID}\nEl nuevo contrato de alquiler o una carta del arrendador\n{INCOME}",
        "fees": "",
    },
    "rides-to-medical-appointments": {
        "title": "Transporte a citas médicas",
        "summary": "Transporte gratis al médico, al dentista y a la clínica para padres e hijos.",
        "eligibility": "Familias del condado de Howard que no tienen carro o no pueden manejar hasta la cita.",
        "how_to_apply": "Llame al menos 3 días antes de su cita. Díganos cuántos asientos para niños necesita.",
        "documents": "",
        "fees": "",
    },
    "bus-passes-for-families": {
        "title": "Pases de autobús para familias",
        "summary": "Un pase de autobús mensual gratis para un padre o una madre que busca trabajo o va a citas.",
        "eligibility": "Padres o tutores de niños en edad escolar que viven en el condado de Howard.",
        "how_to_apply": "Venga durante el horario de atención. Puede recibir un pase al mes, hasta por 3 meses.",
        "documents": f"{ID}\n{ADDRESS}",
        "fees": "",
    },
    "heating-and-electric-bill-help": {
        "title": "Ayuda con las facturas de calefacción y luz",
        "summary": "Ayuda a pagar una factura atrasada de calefacción, gas o luz, y puede evitar un corte "
        "del servicio.",
        "eligibility": "Familias del condado de Howard con un aviso de corte o una factura atrasada.",
        "how_to_apply": "Llame o venga sin cita. Si ya le cortaron la luz, díganoslo de inmediato.",
        "documents": f"Su factura más reciente o el aviso de corte\n{ID}\n{INCOME}",
        "fees": "",
    },
    "water-bill-help": {
        "title": "Ayuda con la factura del agua",
        "summary": "Un pago único para una factura atrasada de agua o alcantarillado.",
        "eligibility": "Familias con niños que recibieron un aviso de pago atrasado del agua o del alcantarillado.",
        "how_to_apply": "Llámenos para hacer una cita. Hacer la solicitud toma unos 20 minutos.",
        "documents": f"Su factura del agua\n{ID}\n{INCOME}",
        "fees": "",
    },
    "counseling-for-children-and-teens": {
        "title": "Consejería para niños y adolescentes",
        "summary": "Hable con un consejero sobre preocupaciones, tristeza, enojo, pérdidas o problemas en casa "
        "o en la escuela.",
        "eligibility": "Niños de 5 a 18 años y sus padres.",
        "how_to_apply": "Llame para hacer una primera cita. Los consejeros hablan coreano y chino, además de inglés.",
        "documents": INSURANCE,
        "fees": "Desde $5 por visita, según sus ingresos. Aceptamos Medical Assistance.",
    },
    "parent-support-group": {
        "title": "Grupo de apoyo para padres",
        "summary": "Un grupo semanal gratis donde los padres comparten lo que les ayuda con el estrés, el sueño "
        "y los problemas de los adolescentes.",
        "eligibility": "Cualquier padre, madre o persona que cuida a un niño. No tiene que inscribirse.",
        "how_to_apply": "Solo venga el martes por la tarde. El cuidado de niños es gratis; llame un día antes si "
        "lo necesita.",
        "documents": "",
        "fees": "",
    },
    "same-day-help-for-a-child-in-crisis": {
        "title": "Ayuda el mismo día para un niño en crisis",
        "summary": "Si su hijo está en crisis, un consejero puede verlo hoy. Si hay peligro ahora mismo, "
        "llame al 988 o al 911.",
        "eligibility": "Niños y jóvenes hasta los 21 años que viven en el condado de Howard.",
        "how_to_apply": "Llámenos y diga que es urgente, o venga sin cita durante el horario de atención.",
        "documents": "",
        "fees": "",
    },
    "counseling-at-school": {
        "title": "Consejería en la escuela",
        "summary": "Un consejero se reúne con su hijo en la escuela, durante el día escolar.",
        "eligibility": "Estudiantes de las escuelas públicas del condado de Howard.",
        "how_to_apply": "Pida una referencia al consejero de la escuela o al trabajador(a) de Personal Estudiantil.",
        "documents": INSURANCE,
        "fees": "Gratis con Medical Assistance; si no, desde $5 por visita, según sus ingresos.",
    },
    "back-to-school-backpacks": {
        "title": "Mochilas para el regreso a clases",
        "summary": "Una mochila con cuadernos, lápices, carpetas y otros útiles para cada niño.",
        "eligibility": "Estudiantes de kínder a 12.º grado en el condado de Howard.",
        "how_to_apply": "Llámenos para inscribirse. Recójala en nuestra oficina de Elkridge o en la escuela de "
        "su hijo.",
        "documents": "",
        "fees": "",
    },
    "supplies-for-special-classes": {
        "title": "Materiales para clases especiales",
        "summary": "Calculadoras, materiales de arte y ropa de educación física que pide una clase, gratis o "
        "prestados por el año.",
        "eligibility": "Estudiantes cuya familia no puede comprar lo que necesita una clase.",
        "how_to_apply": "Traiga o envíe la lista de materiales del maestro. Damos lo que tengamos ese día.",
        "documents": "La lista de materiales del maestro",
        "fees": "",
    },
    "saturday-food-pantry": {
        "title": "Despensa de comida de los sábados",
        "summary": "Comida gratis los sábados por la mañana y los miércoles por la tarde.",
        "eligibility": "Familias que viven en los códigos postales que atendemos.",
        "how_to_apply": "Venga durante el horario de atención y regístrese en la entrada.",
        "documents": ADDRESS,
        "fees": "",
    },
    "family-food-and-clothing-day": {
        "title": "Día de comida y ropa para la familia",
        "summary": "Comida y ropa usada en buen estado para toda la familia, cada sábado y martes por la tarde.",
        "eligibility": "Familias que viven en el oeste del condado de Howard.",
        "how_to_apply": "Venga sin cita. Traiga bolsas si puede.",
        "documents": ADDRESS,
        "fees": "",
    },
    "holiday-food-baskets": {
        "title": "Canastas de comida para las fiestas",
        "summary": "Una canasta de comida para las fiestas con un pavo o un jamón y todos los acompañantes, para "
        "el Día de Acción de Gracias y diciembre.",
        "eligibility": "Familias con niños que viven en el oeste del condado de Howard.",
        "how_to_apply": "Inscríbase antes del 1 de diciembre para una canasta de diciembre. Le llamamos con una "
        "hora para recogerla.",
        "documents": f"{ADDRESS}\n{CHILDREN}",
        "fees": "",
    },
    "holiday-gifts-for-children": {
        "title": "Regalos de fiestas para niños",
        "summary": "Juguetes y libros nuevos y un conjunto de ropa abrigada para cada niño, regalados por "
        "patrocinadores de la comunidad.",
        "eligibility": "Familias con niños de hasta 17 años que viven en el condado de Howard y necesitan ayuda "
        "esta temporada.",
        "how_to_apply": "Inscríbase antes del 5 de diciembre. Después, elija una hora para recoger sus regalos en "
        "nuestro local de Columbia.",
        "documents": f"{ID}\n{ADDRESS}\n{CHILDREN}",
        "fees": "",
    },
    "holiday-meal-boxes": {
        "title": "Cajas de comida para las fiestas",
        "summary": "Una caja con todo para una cena de fiestas para su familia, para recoger en diciembre.",
        "eligibility": "Cualquier familia del condado de Howard que necesite ayuda con una comida de fiestas.",
        "how_to_apply": "Llámenos o inscríbase en la entrada antes del 12 de diciembre.",
        "documents": ADDRESS,
        "fees": "",
    },
    "family-help-in-korean-chinese-and-vietnamese": {
        "title": "Ayuda para familias en coreano, chino y vietnamita",
        "summary": "Un trabajador social que habla su idioma le ayuda a encontrar comida, atención médica y "
        "ayuda con la escuela.",
        "eligibility": "Cualquier familia que habla coreano, chino o vietnamita en casa.",
        "how_to_apply": "Llame o venga sin cita. Puede hablar con nosotros en su idioma desde el principio.",
        "documents": "",
        "fees": "",
    },
    "health-insurance-sign-up-help": {
        "title": "Ayuda para inscribirse en un seguro médico",
        "summary": "Ayuda para inscribir a sus niños en Medical Assistance o en otro plan de salud de bajo costo.",
        "eligibility": "Familias con niños que no tienen seguro médico.",
        "how_to_apply": "Llame para hacer una cita. La inscripción toma más o menos una hora.",
        "documents": f"{ID}\n{CHILDREN}\n{INCOME}",
        "fees": "",
    },
    "newcomer-family-support": {
        "title": "Apoyo para familias recién llegadas",
        "summary": "Ropa, pañales, artículos de cocina y ayuda amable para familias recién llegadas a los "
        "Estados Unidos.",
        "eligibility": "Familias que llegaron a los Estados Unidos en los últimos 3 años.",
        "how_to_apply": "Llame o venga sin cita. Hablamos amárico, árabe, francés e inglés.",
        "documents": "",
        "fees": "",
    },
    "thursday-community-dinner": {
        "title": "Cena comunitaria de los jueves",
        "summary": "Una cena caliente gratis cada jueves por la noche. Todos son bienvenidos.",
        "eligibility": "Todas las personas. No tiene que inscribirse.",
        "how_to_apply": "Solo venga. La cena se sirve hasta las 7:30 de la noche.",
        "documents": "",
        "fees": "",
    },
    "mobile-clinic-sick-visits-and-school-physicals": {
        "title": "Clínica móvil: consultas por enfermedad y exámenes físicos escolares",
        "summary": "Vea a una enfermera o a un médico por un niño enfermo o por un examen físico escolar, en la "
        "camioneta de la clínica cerca de usted.",
        "eligibility": "Niños y padres sin un médico regular. No se necesita seguro médico.",
        "how_to_apply": "Acérquese a la camioneta, o llame para reservar una hora.",
        "documents": INSURANCE,
        "fees": "",
    },
    "free-shots-and-vaccines": {
        "title": "Vacunas gratis",
        "summary": "Vacunas gratis que los niños necesitan para la escuela, y vacunas contra la gripe para toda "
        "la familia.",
        "eligibility": "Niños y adultos, con o sin seguro médico.",
        "how_to_apply": "Venga sin cita el miércoles. Traiga el registro de vacunas de su hijo si lo tiene.",
        "documents": "El registro de vacunas de su hijo",
        "fees": "",
    },
    "emergency-help-with-bills": {
        "title": "Ayuda de emergencia con las facturas",
        "summary": "Un pago único para el alquiler, la luz o el gas cuando una familia tiene una emergencia.",
        "eligibility": "Familias con niños que tienen una factura o un alquiler atrasado y perdieron ingresos "
        "de repente.",
        "how_to_apply": "Llame para hacer una cita con un trabajador social. La mayoría de las familias recibe "
        "respuesta en 3 días.",
        "documents": f"{ID}\nLa factura atrasada o el aviso del alquiler\n{INCOME}",
        "fees": "",
    },
    "diapers-and-baby-supplies": {
        "title": "Pañales y artículos para bebés",
        "summary": "Pañales, toallitas y fórmula para bebés, una vez al mes para cada bebé o niño pequeño.",
        "eligibility": "Familias con niños menores de 3 años.",
        "how_to_apply": "Venga sin cita durante el horario de atención.",
        "documents": CHILDREN,
        "fees": "",
    },
    "clothing-room": {
        "title": "Cuarto de ropa",
        "summary": "Ropa y zapatos gratis para niños y adultos, también ropa para entrevistas de trabajo.",
        "eligibility": "Cualquier persona que necesite ropa.",
        "how_to_apply": "Venga sin cita. Cada persona puede llevarse hasta 5 prendas cada mes.",
        "documents": "",
        "fees": "",
    },
    "woodstock-family-pantry": {
        "title": "Despensa familiar de Woodstock",
        "summary": "Comida gratis dos veces por semana. Cerrada por reparaciones del edificio hasta enero de 2027.",
        "eligibility": "Familias que viven en el norte del condado de Howard.",
        "how_to_apply": "Mientras estamos cerrados, la despensa Harvest Hands Food Pantry de Columbia atiende a "
        "nuestras familias.",
        "documents": ADDRESS,
        "fees": "",
    },
    "low-cost-doctor-visits": {
        "title": "Consultas médicas de bajo costo",
        "summary": "Consultas médicas para niños enfermos y chequeos, con medicinas de bajo costo de nuestra "
        "propia farmacia.",
        "eligibility": "Familias con o sin seguro médico. Si sus ingresos son bajos, paga menos.",
        "how_to_apply": "Llame para hacer una cita. Atendemos el mismo día a los niños enfermos.",
        "documents": f"{INSURANCE}\n{INCOME}",
        "fees": "$20 por visita, menos si sus ingresos son bajos.",
    },
    "neighbor-rides-and-errands": {
        "title": "Transporte y mandados con vecinos",
        "summary": "Un voluntario le lleva a la tienda, a la farmacia o a la escuela de su hijo.",
        "eligibility": "Familias de Highland, Fulton, Clarksville y lugares cercanos que no tienen carro.",
        "how_to_apply": "Llame al menos 2 días antes.",
        "documents": "",
        "fees": "",
    },
    "school-uniforms-and-shoes": {
        "title": "Uniformes escolares y zapatos",
        "summary": "Uniformes escolares, tenis y ropa de educación física para niños de primaria a secundaria.",
        "eligibility": "Estudiantes cuya familia no puede comprar ropa para la escuela ahora.",
        "how_to_apply": "Venga sin cita con su hijo, o pida a la escuela que nos envíe las tallas de su hijo.",
        "documents": "",
        "fees": "",
    },
}
