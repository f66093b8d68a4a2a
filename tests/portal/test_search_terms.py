"""The one rule for what a search sends to the database: words only, at most 200 characters, no control characters."""

import pytest
from wagtail.models import Page

from portal.search_terms import plain_text, search_words
from tests.factories import StandardPageFactory


def test_it_keeps_only_the_words_around_quotes_and_operators():
    assert search_words('"dentist" (kids*) -braces ^x y:z') == "dentist kids braces x y z"


def test_fts_operators_in_capitals_are_dropped_and_the_same_words_in_lowercase_kept():
    assert search_words("coats AND boots OR NOT NEAR or near not") == "coats boots or near not"


def test_control_characters_separate_words_and_nul_is_gone():
    assert search_words("coats\x00boots\tkids\x7f\u200bshoes") == "coats boots kids shoes"
    assert plain_text("\x00\x01") == ""


def test_it_reads_at_most_200_characters():
    assert plain_text("x" * 10_000) == "x" * 200
    assert len(search_words("ab " * 10_000)) <= 200


def test_letters_of_every_language_are_words_and_look_alikes_fold():
    assert search_words("niño, café; 東京!") == "niño café 東京"
    assert search_words("ｃｏａｔｓ ﬁle x²") == "coats file x2"


def test_plain_text_keeps_punctuation_for_substring_lookups():
    assert plain_text('  H26-0142  "x"\n') == 'H26-0142 "x"'


@pytest.mark.django_db
@pytest.mark.parametrize("query", ['coats"', "NEAR(coats", "\x00coats", "coats AND"])
def test_the_search_backend_reads_any_text_query_as_words(home, query):
    StandardPageFactory(parent=home, title="Coats", slug="coats")
    assert [page.title for page in Page.objects.live().search(query)] == ["Coats"]


@pytest.mark.django_db
def test_the_search_backend_answers_no_results_when_no_word_is_left(home):
    StandardPageFactory(parent=home, title="Coats", slug="coats")
    results = Page.objects.live().search('"" AND ^')
    assert list(results) == [] and results.model is Page
