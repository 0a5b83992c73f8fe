"""Dutch search that finds the same things on SQLite and PostgreSQL.

Both sides are reduced to accent-free lower-case text; each query word is cut to its
Dutch stem and matched as a substring, so `cafe` finds Café, `taal` finds Taalcafé
and `wandelen` finds Wandelclub. PostgreSQL adds trigram indexes that make the
substring match fast, typo tolerance on titles, and similarity in the ranking.
"""

import re
import unicodedata

import snowballstemmer
from django.contrib.postgres.search import (
    SearchQuery,
    SearchVector,
    SearchVectorExact,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When

_stemmer = snowballstemmer.stemmer("dutch")
_non_word = re.compile(r"[^a-z0-9]+")
MIN_STEM = 3
MAX_TERMS = 8
# Must match the expression of the index in migration 0003.
_DUTCH_VECTOR = SearchVector("search_text", config="dutch")


def normalize(text):
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _non_word.sub(" ", stripped.lower()).strip()


def parts(query):
    """Each query word with its Dutch stem: `Wandelen in Noord` -> [('wandelen', 'wandel'), ...]."""
    result = []
    for word in normalize(query).split()[:MAX_TERMS]:
        stem = _stemmer.stemWord(word)
        result.append((word, stem if len(stem) >= MIN_STEM else word))
    return result


def terms(query):
    return [stem for _word, stem in parts(query)]


def _is_postgres():
    return connection.vendor == "postgresql"


def filter_queryset(queryset, query):
    for word, term in parts(query):
        match = Q(search_text__contains=term)
        if _is_postgres():
            match |= Q(SearchVectorExact(_DUTCH_VECTOR, SearchQuery(word, config="dutch")))
            if len(term) >= 4:
                match |= Q(search_title__trigram_word_similar=term)
        queryset = queryset.filter(match)
    return queryset


def rank_queryset(queryset, query):
    """Title matches first, then the rest; on PostgreSQL similarity breaks ties."""
    stems = terms(query)
    if not stems:
        return queryset
    score = Value(0)
    for term in stems:
        score = score + Case(
            When(search_title__startswith=term, then=Value(4)),
            When(search_title__contains=f" {term}", then=Value(3)),
            When(search_title__contains=term, then=Value(2)),
            default=Value(0),
            output_field=IntegerField(),
        )
    queryset = queryset.annotate(search_score=score)
    ordering = [F("search_score").desc()]
    if _is_postgres():
        queryset = queryset.annotate(similarity=TrigramWordSimilarity(" ".join(stems), "search_title"))
        ordering.append(F("similarity").desc())
    return queryset.order_by(*ordering, "title", "pk")
