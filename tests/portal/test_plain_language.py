"""Families read the forms under stress, often in a second language: the English must stay plain.

Measured with textstat's Flesch–Kincaid grade over every translatable string that only families see
(found through the catalogue's source references), as one text and string by string.
"""

import re
from pathlib import Path

import polib
import textstat

CATALOG = Path(__file__).resolve().parents[2] / "locale" / "es" / "LC_MESSAGES" / "django.po"
# Where the words families read come from: their templates, forms, views and the fields they fill in.
FAMILY_FACING = re.compile(
    r"^(templates/(aid_requests/(apply|status|my_|withdraw|includes/fulfil)|holiday_drive/(?!sponsor|checkin|admin)"
    r"|portal/|includes/|allauth/|emails/(request|status|pickup))"
    r"|aid_requests/(forms|views|models/(households|requests))\.py"
    r"|holiday_drive/(forms|pickup_forms|views|pickup_views|models/(registrations|campaigns))\.py)"
)
PLACEHOLDER = re.compile(r"<[^>]+>|%\(\w+\)[sd]|\{\w+\}|%s|%d")
GRADE_AIM = 8
GRADE_LIMIT_ONE_STRING = 9  # one sentence's grade is noisy; a long one past this needs rewriting


def family_sentences():
    """Every family-facing string of three words or more, as a sentence, placeholders removed."""
    sentences = []
    for entry in polib.pofile(str(CATALOG)):
        files = [path for path, _ in entry.occurrences]
        if not files or not all(FAMILY_FACING.match(path) for path in files):
            continue
        text = " ".join(PLACEHOLDER.sub(" ", entry.msgid).split())
        if len(text.split()) >= 3:
            sentences.append(text if text[-1] in ".?!:" else f"{text}.")
    return sentences


def test_family_facing_words_read_at_grade_eight_or_below():
    sentences = family_sentences()
    assert len(sentences) > 100  # the forms, status pages and holiday pages, not an empty selection
    assert textstat.flesch_kincaid_grade(" ".join(sentences)) <= GRADE_AIM


def test_no_long_family_facing_sentence_is_hard_to_read():
    hard = [
        (textstat.flesch_kincaid_grade(sentence), sentence)
        for sentence in family_sentences()
        if len(sentence.split()) >= 8 and textstat.flesch_kincaid_grade(sentence) > GRADE_LIMIT_ONE_STRING
    ]
    assert hard == []
