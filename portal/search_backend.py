"""The site's search backend: Wagtail's database backend, with every query string read through search_words.

Our own views clean what visitors type before they search; this also covers the searches Wagtail's admin makes
with the raw text (snippet listings and choosers, the page chooser), so no typed quote or NUL reaches SQLite's
FTS5 or PostgreSQL as syntax. Settings name it in WAGTAILSEARCH_BACKENDS.
"""

from functools import cache

from django.db import connection, connections
from django.db.models import IntegerField, QuerySet
from django.db.models.functions import Cast
from wagtail.search.backends import database
from wagtail.search.query import MATCH_ALL, PlainText

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
def _site_backend(backend_class):
    attributes = {}
    if connection.vendor == "postgresql":  # the test modelsearch's database backend makes
        from portal.search_index import PostgresIndex

        attributes["index_class"] = PostgresIndex  # the same rows, written with a fraction of the CPU
    return type(backend_class.__name__, (WordsOnly, backend_class), attributes)


def SearchBackend(params):  # the name Wagtail looks for in a backend module
    """The database backend for the default database (SQLite FTS5, PostgreSQL...), reading words only.

    Building a backend only reads its settings: building the one the database needs to learn its class is cheap.
    """
    return _site_backend(type(database.SearchBackend(params)))(params)


def ranked_pks(queryset, text):
    """The pks of `queryset`'s rows that match the words of `text`, best match first.

    On SQLite this is one query on the FTS5 index that computes bm25 once per match and keeps, ranks and orders
    only the matches `queryset` allows; Wagtail's own ranked search adds a correlated bm25 subquery for every
    candidate row instead (450 ms p95 on 10,000 programs). Elsewhere the backend's own search ranks
    (PostgreSQL's full text is indexed already).
    """
    words = search_words(text)
    if not words:
        return []
    if connection.vendor == "postgresql":
        # The backend's ranked queryset read as pks: a Page instance for each of a thousand matches costs 30 ms.
        # get_queryset() is public on modelsearch's PostgreSQL results, not on the SearchResults base class.
        return list(queryset.search(words).get_queryset().values_list("pk", flat=True))
    if connection.vendor != "sqlite":
        return [row.pk for row in queryset.only("pk").search(words)]
    matches, compiler = _fts_matches(queryset, words)
    ranked = (
        matches.filter(object_pk__in=queryset.values("pk"))
        .annotate(score=compiler._build_rank_expression(compiler.get_search_vectors(), None))
        .order_by("score", "-object_pk")  # best first, ties newest first: Wagtail's own order
        .values_list("object_pk", "score")
    )
    # Plain rows: Django's per-row converters cost more than the query itself on a thousand matches.
    sql, params = ranked.query.sql_with_params()
    with connections[ranked.db].cursor() as cursor:
        cursor.execute(sql, params)
        return [pk for pk, _score in cursor.fetchall()]


def matching(queryset, text):
    """`queryset` narrowed to the rows that match the words of `text`, unranked: for searches sorted otherwise."""
    words = search_words(text)
    if not words:
        return queryset.none()
    if connection.vendor != "sqlite":
        return queryset.filter(pk__in=ranked_pks(queryset, words))
    matches, _compiler = _fts_matches(queryset, words)
    return queryset.filter(pk__in=matches.values("object_pk"))


def _fts_matches(queryset, words):
    """SQLite: the FTS5 index entries of `queryset`'s model matching `words`, each with its `object_pk`.

    Built from modelsearch's own match expression (the same words, columns and weights as its search), which
    has no public API for the index alone.
    """
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry, SQLiteSearchQueryCompiler
    from modelsearch.utils import get_descendants_content_types_pks

    compiler = SQLiteSearchQueryCompiler(queryset, PlainText(words))
    match = MatchExpression(compiler.FTS_TABLE_FIELDS, compiler.build_search_query(normalize(compiler.query)))
    matches = (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(index_entry__content_type__in=get_descendants_content_types_pks(queryset.model))
        .annotate(object_pk=Cast("index_entry__object_id", IntegerField()))
    )
    return matches, compiler
