"""The site's search backend: Wagtail's database backend, with every query string read through search_words.

Our own views clean what visitors type before they search; this also covers the searches Wagtail's admin makes
with the raw text (snippet listings and choosers, the page chooser), so no typed quote or NUL reaches SQLite's
FTS5 or PostgreSQL as syntax. Settings name it in WAGTAILSEARCH_BACKENDS.
"""

from functools import cache

from django.db.models import QuerySet
from wagtail.search.backends import database
from wagtail.search.query import MATCH_ALL

from portal.search_terms import search_words


class WordsOnly:
    """Mixin for a search backend: a query given as text is searched for its words only."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str) and query:
            query = search_words(query)
            if not query:  # only syntax was typed: no results, still of the model (Wagtail's listings read it)
                query = MATCH_ALL
                model_or_queryset = _queryset(model_or_queryset).none()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


def _queryset(model_or_queryset):
    return model_or_queryset if isinstance(model_or_queryset, QuerySet) else model_or_queryset.objects.all()


@cache
def _words_only(backend_class):
    return type(backend_class.__name__, (WordsOnly, backend_class), {})


def SearchBackend(params):  # the name Wagtail looks for in a backend module
    """The database backend for the default database (SQLite FTS5, PostgreSQL...), reading words only.

    Building a backend only reads its settings: building the one the database needs to learn its class is cheap.
    """
    return _words_only(type(database.SearchBackend(params)))(params)
