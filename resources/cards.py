"""The directory's result cards: each program's card kept in the cache, the parts that change by the minute not.

A card says what the program is (title, agency, summary, categories, phone, "free", "may be out of date"),
which changes only when staff edit content, so its HTML is filed under the content version
(portal.page_cache), the language, the site and the day (staleness is counted in days). Distance and "open now"
are the request's own: they are drawn around the cached HTML at each request
(templates/resources/includes/program_card_now.html). A page whose cards are all cached loads no program.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from portal.page_cache import REFERENCE_SECONDS, content_version
from resources.models import ResourcePage

NOW_SLOT = "<!-- card: now -->"  # where the request's own facts go; escaped content can hold no "<!--"


@dataclass
class Card:
    pk: int
    title: str
    status: str
    head: str  # the card's HTML up to the request's own facts
    tail: str  # and after them
    distance: float | None = None  # miles from the ZIP searched, if any
    open_now: bool = False


def cards(ids, distances, open_now, request=None):
    """The cards of programs `ids`, in order; `distances` {pk: miles}, `open_now` the set of pks open now."""
    host = request.get_host() if request is not None else ""
    prefix = f"card:{content_version()}:{translation.get_language()}:{host}:{timezone.localdate()}:"
    found = cache.get_many([f"{prefix}{pk}" for pk in ids])
    cached = {int(key.removeprefix(prefix)): value for key, value in found.items()}
    missing = [pk for pk in ids if pk not in cached]
    if missing:
        built = _build(missing, request)
        cache.set_many({f"{prefix}{pk}": value for pk, value in built.items()}, REFERENCE_SECONDS)
        cached.update(built)
    return [
        Card(*cached[pk], distance=distances.get(pk), open_now=pk in open_now)
        for pk in ids
        if pk in cached  # a program unpublished since the search read its id
    ]


def _build(ids, request):
    """(pk, title, status, head, tail) of each program, rendered: 2 queries whatever their number."""
    template = get_template("resources/includes/program_card.html")
    programs = ResourcePage.objects.filter(pk__in=ids).select_related("agency").prefetch_related("categories")
    built = {}
    for program in programs:
        html = template.render({"program": program, "now_slot": mark_safe(NOW_SLOT)}, request)
        head, tail = html.split(NOW_SLOT)
        built[program.pk] = (program.pk, program.title, program.status, mark_safe(head), mark_safe(tail))
    return built
