"""Full-text search over Chinese text of every length, on SQLite FTS5.

FTS5's trigram tokenizer cannot match queries of one or two characters, and most Chinese words and
names are that short (GOTCHAS.md). So the text is indexed as overlapping character bigrams
("党员大会" → "党员 员大 大会 会_") with the plain unicode61 tokenizer: a query of two or more
characters is the phrase of its bigrams, a single character is a prefix query ('党*'), which
matches because every character starts one token (the last one with a "_" pad).

Text is cut into terms at spaces and punctuation, which unicode61 would otherwise cut inside a
bigram ("会，" would become the token "会" and match every 会). A query of several terms
("韩 慧", "会议，记录") finds records holding all of them.

Ranking by FTS5's bm25 costs ~100 ms when a common word matches 50 000 records (measured), so
``search`` takes the newest matches by rowid and the caller ranks those few in Python.

Each row keeps the branch of its record in an UNINDEXED column (schema 0006): FTS5 checks it
on the rows the match found, so one branch never sees another's hits.
"""

from __future__ import annotations

import re
import unicodedata
from enum import IntEnum

TABLE = "search_index"
_SEPARATORS = re.compile(r"[\W_]+")  # anything but letters, digits and CJK characters


class SearchKind(IntEnum):
    """What an index entry points at, beside the record's id (search_entries.kind). A new
    kind is a new value: stored entries keep theirs."""

    MEMBER = 0
    MEETING = 1
    TALK = 2
    EVALUATION = 3
    SURVEY = 4


def fold(value: str) -> str:
    """Text as it is compared: full-width forms made half-width, letters lower case."""
    return unicodedata.normalize("NFKC", value).casefold()


def terms(value: str) -> list[str]:
    """The runs of letters, digits and characters between spaces and punctuation."""
    return [term for term in _SEPARATORS.split(fold(value)) if term]


def bigrams(value: str) -> list[str]:
    return [
        token
        for term in terms(value)
        for token in [*(term[i : i + 2] for i in range(len(term) - 1)), term[-1] + "_"]
    ]


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH text for a user's query; None when nothing searchable is left."""
    phrases = [
        f'"{term}"*' if len(term) == 1 else '"' + " ".join(bigrams(term)[:-1]) + '"'
        for term in terms(query)
    ]
    return " AND ".join(phrases) or None
