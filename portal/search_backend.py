"""The site's search backend: Wagtail's database backend, with every query string read through search_words.

Our own views clean what visitors type before they search; this also covers the searches Wagtail's admin makes
with the raw text (snippet listings and choosers, the page chooser), so no typed quote or NUL reaches SQLite's
FTS5 or PostgreSQL as syntax. Settings name it in WAGTAILSEARCH_BACKENDS.
"""

from functools import cache

from django.db import connection, connections
from django.db.models import BooleanField, F, Func, IntegerField, QuerySet
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from wagtail.search.backends import database, get_search_backend
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

    One query on the index that ranks only the matches `queryset` allows, with the backend's own match and rank
    expressions, ordered as Wagtail orders (best first, ties newest first). On SQLite Wagtail's own ranked search
    adds a correlated bm25 subquery for every candidate row instead (450 ms p95 on 10,000 programs); on
    PostgreSQL it joins every program to the index before matching and parses the words again for each row.
    """
    words = search_words(text)
    if not words:
        return []
    if connection.vendor not in INDEXES:
        return [row.pk for row in queryset.only("pk").search(words)]
    matches, score = INDEXES[connection.vendor](queryset, words)
    best_first = "score" if connection.vendor == "sqlite" else "-score"  # bm25 is lower for a better match
    ranked = (
        matches.filter(object_pk__in=queryset.values("pk"))
        .annotate(score=score)
        .order_by(best_first, "-object_pk")  # ties newest first: Wagtail's own order
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
    if connection.vendor not in INDEXES:
        return queryset.filter(pk__in=ranked_pks(queryset, words))
    matches, _score = INDEXES[connection.vendor](queryset, words)
    return queryset.filter(pk__in=matches.values("object_pk"))


def _fts_matches(queryset, words):
    """SQLite: the FTS5 index entries of `queryset`'s model matching `words`, each with its `object_pk`, and the
    backend's rank expression (bm25) over them.

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
    return matches, compiler._build_rank_expression(compiler.get_search_vectors(), None)


class _Once(Func):
    """A subquery PostgreSQL evaluates once per search: `to_tsquery(text)` is only STABLE, so written inline it is
    parsed and stemmed again for every row it is compared with or ranked against."""

    template = "(SELECT %(expressions)s)"


class _OncePerSearch:
    """Mixin for modelsearch's PostgreSQL query compiler: every tsquery it builds is computed once."""

    def build_tsquery(self, query, config=None):
        from django.contrib.postgres.search import SearchQueryField

        return _Once(super().build_tsquery(query, config=config), output_field=SearchQueryField())


@cache
def _once_per_search(compiler_class):
    return type(compiler_class.__name__, (_OncePerSearch, compiler_class), {})


def _tsvector_matches(queryset, words):
    """PostgreSQL: the index entries of `queryset`'s model matching `words`, each with its `object_pk`, and the
    backend's rank expression over them.

    Read from the index table first (its `title || body` GIN index, migration resources 0005), so PostgreSQL
    ranks the matches and looks each up among the allowed programs, instead of joining every program to the index.
    """
    from django.contrib.postgres.search import SearchVectorField
    from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresSearchQueryCompiler
    from modelsearch.utils import get_descendants_content_types_pks

    compiler = _once_per_search(PostgresSearchQueryCompiler)(queryset, PlainText(words))
    config = compiler.get_config(get_search_backend())
    # The index entry's columns under the names modelsearch's get_index_vectors() reaches them through the model.
    document = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
    matches = (
        IndexEntry.objects.filter(content_type__in=get_descendants_content_types_pks(queryset.model))
        .filter(_Matches(document, compiler.build_tsquery(compiler.query, config=config)))
        .annotate(object_pk=Cast("object_id", IntegerField()))
    )
    score = compiler._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], config)
    return matches, score


class _Matches(Func):
    """`document @@ query`, with a query the lookup `document=query` would wrap again in plainto_tsquery()."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


# The index each database's backend searches: its entries matching some words, and their rank.
INDEXES = {"sqlite": _fts_matches, "postgresql": _tsvector_matches}
