"""What a real office's site needs before anyone uses it, and nothing fake: `manage.py setup_site`.

Every step finds before it creates and reports what it created, so running it again changes no row, and a
page or setting that staff have edited is left as they left it. `seed_demo` builds the demo on top of it.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupPagePermission, Locale, Page, Site

from portal import content
from portal.models import HomePage, SiteSettings, StandardPage
from portal.roles import ensure_groups
from resources.content import DIRECTORY_ES, directory_page
from resources.models import Language, ServiceCategory
from resources.taxonomy import ensure_reference_data


def setup_site():
    """Build or complete the office's site; return what was created, one line each (empty when nothing)."""
    done = []
    spanish = ensure_foundations(done)
    home = _home(done)
    _default_site(home, done)
    pps = _standard_page(home, content.PPS, done)
    directory, created = directory_page(home)
    if created:
        done.append(f"Published the directory page {directory.url}.")
    for page, fields in ((home, content.HOME_ES), (pps, content.PPS_ES), (directory, DIRECTORY_ES)):
        _translation(page, spanish, fields, done)
    _site_settings(Site.objects.get(is_default_site=True), done)
    return done


def ensure_foundations(done):
    """What the migrations make (locales, the page and collection roots, the groups, the kinds of help and
    languages), made again if a flush emptied them; return the Spanish locale."""
    _english, spanish = _locales(done)
    _roots(done)  # before the roles: the staff group's page and collection permissions hang on the roots
    _roles(done)
    _reference_data(done)
    return spanish


def _roles(done):
    """The staff, partner agency and volunteer groups with their permissions (portal.roles is the one rule)."""

    def count():
        return (
            Group.objects.count(),
            Permission.objects.count(),
            Group.permissions.through.objects.count(),
            GroupPagePermission.objects.count(),
        )

    before = count()
    ensure_groups(apps)
    if count() != before:
        names = ", ".join(Group.objects.order_by("name").values_list("name", flat=True))
        done.append(f"Created or completed the groups and their permissions: {names}.")


def _reference_data(done):
    """The kinds of help and the languages the directory and the forms offer."""
    before = (ServiceCategory.objects.count(), Language.objects.count())
    ensure_reference_data(apps)
    if (ServiceCategory.objects.count(), Language.objects.count()) != before:
        done.append("Added the kinds of help and the languages.")


def _locales(done):
    locales = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            done.append(f"Added the language {code!r} for pages.")
        locales.append(locale)
    return locales


def _roots(done):
    """The page tree's and the collections' roots, which Wagtail's migrations make: a flushed database has none."""
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root", locale=Locale.get_default())
        done.append("Made the root of the page tree.")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
        done.append("Made the root collection.")


def _home(done):
    """The office's home page; Wagtail's "Welcome to your new Wagtail site!" placeholder gives way to it."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # The placeholder is a plain Page holding the slug "home"; deleting it also deletes the Site pointing at it.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()
    home = root.add_child(instance=HomePage(**content.HOME))
    home.save_revision().publish()
    done.append("Published the home page.")
    return home


def _default_site(home, done):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=settings.WAGTAIL_SITE_NAME
        )
        done.append("Made the home page the root of the default site.")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save(update_fields=["root_page"])
        done.append("Made the home page the root of the default site.")


def _standard_page(parent, fields, done):
    page = StandardPage.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if page is None:
        page = parent.add_child(instance=StandardPage(**fields))
        page.save_revision().publish()
        done.append(f"Published the page {page.url}.")
    return page


def _translation(page, locale, fields, done):
    if page.get_translation_or_none(locale) is None:
        translation = translate(page, locale, **fields)
        translation.refresh_from_db()  # its URL follows the slug it was given after copying
        done.append(f"Published the {locale.get_display_name()} page {translation.url}.")


def translate(page, locale, **fields):
    """The page's translation into `locale`; the first time, copied as staff's "Translate" copies it (Wagtail's
    copy_for_translation), given `fields` and published."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
    return translation


def _site_settings(site, done):
    """The office's name and phone in every page's footer, unless staff have already filled them in."""
    contact = SiteSettings.for_site(site)
    blank = [name for name in ("office_name", "phone") if not getattr(contact, name)]
    if blank:
        values = {"office_name": content.OFFICE_NAME, "phone": content.OFFICE_PHONE}
        for name in blank:
            setattr(contact, name, values[name])
        contact.save()
        done.append("Filled in the office's " + " and ".join(name.replace("_", " ") for name in blank) + ".")
