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
    SearchVectorExact,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import Case, F, Func, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

_stemmer = snowballstemmer.stemmer("dutch")
_non_word = re.compile(r"[^a-z0-9]+")
MIN_STEM = 3
MAX_TERMS = 8
# to_tsvector('dutch', search_text), as the function of migration 0006 that tells the planner
# what it costs; must match the expression of the index there.
_DUTCH_VECTOR = Func(F("search_text"), function="activities_dutch_vector", output_field=SearchVectorField())
# PostgreSQL's Dutch stop words (tsearch_data/dutch.stop): the word-form match never finds them,
# so for these only the substring match is asked (testing the stop word on every row is costly).
DUTCH_STOP_WORDS = frozenset(
    """
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan
    zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft
    hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet
    ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen
    na reeds wil kon niets uw iemand geweest andere
    """.split()  # noqa: SIM905 (101 words read better as text)
)


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


def filter_queryset(queryset, query, narrowed=False):
    """Only the activities that match every word of the query.

    `narrowed`: other filters (an area, a theme, a day) already limit the list. PostgreSQL
    would then start from those and test the search on each of their rows, recomputing the
    Dutch text vector per row (hundreds of ms at 50,000 activities); instead the matches are
    found through the search indexes first, in a subquery the planner keeps apart (OFFSET 0).
    """
    words = parts(query)
    if not words:
        return queryset
    if narrowed and _is_postgres():
        matches = _match(queryset.model._base_manager.all(), words).values("pk")
        sql, params = matches.query.sql_with_params()
        return queryset.filter(pk__in=RawSQL(f"{sql} OFFSET 0", params))
    return _match(queryset, words)


def _match(queryset, words):
    for word, term in words:
        # Cheapest test first: a row that contains the stem never needs its vector built.
        match = Q(search_text__contains=term)
        if _is_postgres():
            if len(term) >= 4:
                match |= Q(search_title__trigram_word_similar=term)
            if word not in DUTCH_STOP_WORDS:
                match |= Q(SearchVectorExact(_DUTCH_VECTOR, SearchQuery(word, config="dutch")))
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
