"""The Connection Center's own page: its text in English and Spanish, and the one place that creates it.

`setup_site` calls `directory_page` on a new site, and the demo directory fills the same page.
"""

from resources.models import ResourceIndexPage

INTRO = (
    "Find free and low-cost help near you: food, clothes, school supplies, health care, housing and more. "
    "Search by what you need, your ZIP code and the language you speak. Every program here is run by a "
    "community agency, and you can call or visit them directly."
)

DIRECTORY = {"title": "Connection Center", "slug": "connection-center", "intro": INTRO}

DIRECTORY_ES = {
    "title": "Connection Center",
    "intro": "Encuentre ayuda gratis o de bajo costo cerca de usted: comida, ropa, útiles escolares, salud, "
    "vivienda y más. Busque por lo que necesita, su código postal y el idioma que habla. Cada programa lo "
    "ofrece una agencia de la comunidad, y usted puede llamarla o visitarla directamente.",
}


def directory_page(home):
    """The directory under `home` (not its Spanish translation); created and published the first time.

    Returns the page and whether it was created.
    """
    index = ResourceIndexPage.objects.filter(locale=home.locale_id).first()
    if index is not None:
        return index, False
    index = home.add_child(instance=ResourceIndexPage(**DIRECTORY))
    index.save_revision().publish()
    return index, True
