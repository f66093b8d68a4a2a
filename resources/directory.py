"""Finding programs: the directory's query logic, in one place a test can call directly.

A search runs a constant number of SQL queries whatever it finds: the filters and
the full-text search select one page of ids, one query says which are open now, and
the cards not yet cached load their programs with their agency and categories (resources/cards.py).
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.page_cache import reference
from portal.search_backend import matching, ranked_pks
from resources import freshness
from resources.cards import cards
from resources.filters import DEFAULT_RADIUS_MILES, DirectoryFilterForm
from resources.geo import bounding_box, distances_miles, zip_centroid
from resources.models import Closure, Language, OpeningHours, ResourcePage, ServiceCategory

PER_PAGE = 20


@dataclass
class SearchResult:
    form: DirectoryFilterForm
    page: object  # a Paginator page of resources.cards.Card, each with `distance` in miles or None
    categories: list
    notices: list = field(default_factory=list)
    origin: str = ""  # the ZIP distances are measured from

    @property
    def filters(self):
        return self.form.filters()

    @property
    def is_landing(self):
        """No filter chosen (the distance alone is not a search): show the category chips."""
        return not any(value for name, value in self.filters.items() if name != "radius")


class DirectorySearch:
    def __init__(self, index_page, query, now=None, hide_stale=False, request=None):
        self.index_page = index_page
        self.request = request  # the cards' links are relative to its site
        self.hide_stale = hide_stale  # leave out stale programs if staff chose so (resources/freshness.py)
        self.query = query
        self.now = timezone.localtime(now or timezone.now())

    def run(self):
        # Both lists change only when staff edit the directory: read from the cache (see portal.page_cache).
        categories = reference("directory-categories", lambda: list(ServiceCategory.objects.select_related("parent")))
        languages = reference(
            "directory-languages", lambda: list(Language.objects.filter(programs__isnull=False).distinct())
        )
        form = DirectoryFilterForm(self.query, categories=categories, languages=languages)
        filters = form.filters()
        notices = self._notices(form)

        programs = self._filtered(filters, categories)
        origin = zip_centroid(filters["near"]) if filters["near"] else None
        if filters["near"] and origin is None:
            notices.append(
                _("We could not find ZIP code %(zip)s. Showing programs everywhere.") % {"zip": filters["near"]}
            )
        distances = {}
        if origin:
            # Near a ZIP: by distance. Words only narrow the set (in the same query), so relevance is not computed.
            nearby = matching(programs, filters["q"]) if filters["q"] else programs
            distances = self._within_radius(nearby, origin, filters["radius"] or DEFAULT_RADIUS_MILES)
            source = sorted(distances, key=lambda pk: (distances[pk], pk))
        elif filters["q"]:
            source = ranked_pks(programs, filters["q"])
        else:
            source = programs.order_by("title", "pk").values_list("pk", flat=True)
        page = Paginator(source, PER_PAGE).get_page(self.query.get("page"))
        page.object_list = self._load([getattr(item, "pk", item) for item in page.object_list], distances)
        top_level = [category for category in categories if category.parent_id is None]
        return SearchResult(form=form, page=page, categories=top_level, notices=notices, origin=filters["near"])

    def _filtered(self, filters, categories):
        # A translated directory's programs are its own children, so each language lists only its own copies.
        programs = ResourcePage.objects.live().public().descendant_of(self.index_page)
        if self.hide_stale:
            programs = freshness.shown(programs)
        if filters["category"]:
            # A kind of help includes its subcategories. Their ids come from the cached list the form checked the
            # slugs against, so the search's SQL reads only the program-category table, not the categories.
            slugs = filters["category"]
            chosen = [
                category.pk
                for category in categories
                if category.slug in slugs or (category.parent_id and category.parent.slug in slugs)
            ]
            through = ResourcePage.categories.through.objects.filter(servicecategory__in=chosen)
            programs = programs.filter(id__in=through.values("resourcepage_id"))
        if filters["language"]:
            through = ResourcePage.languages.through.objects.filter(language__code=filters["language"])
            programs = programs.filter(id__in=through.values("resourcepage_id"))
        if filters["free"]:
            programs = programs.filter(is_free=True)
        if filters["open_now"]:
            programs = programs.filter(id__in=self._open_now())
        return programs

    def _open_now(self):
        """Ids (a subquery) of programs open at this minute: their hours, no closure today, not paused."""
        today, now = self.now.date(), self.now.time()
        open_now = OpeningHours.objects.filter(
            weekday=today.weekday(), opens__lte=now, closes__gt=now, program__status=ResourcePage.Status.ACTIVE
        ).exclude(program__in=Closure.objects.filter(starts_on__lte=today, ends_on__gte=today).values("program"))
        return open_now.values("program_id")

    def _within_radius(self, programs, origin, radius):
        """Program id -> miles, for programs within `radius`; SQL keeps only a bounding box's candidates."""
        south, north, west, east = bounding_box(*origin, radius)
        candidates = list(
            programs.filter(latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east)
            .order_by()  # sorted by distance below: no sort by tree path in SQL
            .values_list("pk", "latitude", "longitude")
        )
        miles = distances_miles(*origin, [(latitude, longitude) for _pk, latitude, longitude in candidates])
        return {
            pk: distance for (pk, _lat, _lng), distance in zip(candidates, miles, strict=True) if distance <= radius
        }

    def _load(self, ids, distances):
        """The cards of one page, in order: 1 query, and 2 more if any card is not cached."""
        if not ids:
            return []
        # The open-now filter's own rule, asked of this page's programs only: no hours nor closures to load.
        open_now = set(self._open_now().filter(program_id__in=ids).values_list("program_id", flat=True))
        return cards(ids, distances, open_now, self.request)

    @staticmethod
    def _notices(form):
        notices = []
        if form.bad_zip:
            notices.append(
                _("“%(zip)s” is not a ZIP code. Enter five digits, like 21044. Showing programs everywhere.")
                % {"zip": form.bad_zip}
            )
        for slug in form.unknown_categories:
            notices.append(_("We don’t have a kind of help called “%(slug)s”, so we left it out.") % {"slug": slug})
        return notices
