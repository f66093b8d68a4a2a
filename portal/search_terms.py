"""What a visitor typed, turned into what a search sends to the database: one rule for every search of the site.

Quotes, operators (AND, OR, NOT, NEAR, *, ^, -, parentheses, colons) and control characters mean something to
SQLite's FTS5 or PostgreSQL's full text search, nothing to a family pasting a phrase; PostgreSQL refuses NUL outright.
"""

import re
import unicodedata

MAX_LENGTH = 200
WORD = re.compile(r"\w+")
# FTS5's operators, which it reads in capitals only; as words they would also be required in every result.
OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def plain_text(text):
    """`text` in at most MAX_LENGTH characters, control and format characters read as spaces, spaces collapsed.

    For substring lookups (`icontains`), which take quotes and operators literally but not NUL.
    NFKC folds look-alikes (full-width letters, ligatures, "²") into the characters the index holds.
    """
    text = unicodedata.normalize("NFKC", (text or "")[:MAX_LENGTH])[:MAX_LENGTH]
    return " ".join("".join(" " if unicodedata.category(c).startswith("C") else c for c in text).split())


def search_words(text):
    """Only the words of `text` (letters, digits), single-spaced: what full text search gets, never syntax."""
    return " ".join(word for word in WORD.findall(plain_text(text)) if word not in OPERATORS)
