"""Dutch search that finds the same things on SQLite and PostgreSQL.

A query is read as a resident means it: place names ("noord", "de pijp") become a place, filter
words ("gratis") turn their filter on, the staff's synonyms widen a word ("senioren" also finds
"ouderen"), and Dutch stop words ("voor", "mijn") are left out. Each remaining word then matches
the catalogue's words (activities.search_index) at their start, never inside them: whole (best),
as their beginning, as a part of a compound (`cafe` in `taalcafe`, split against the catalogue's
own words, so `oost` never finds `zuidoost`), or by its Dutch stem, which only widens. A word that
matches nothing is split into known parts (`wandelgroep`: `wandel` + `groep`) or corrected to the
nearest catalogue word (`mantlezorg`: `mantelzorg`); if that fails too it only lowers the score.

Ranking adds up, per query word, its best match: title over summary over the rest, whole over
beginning over stem, rare words over common ones. Equal scores take turns between stadsdelen.
"""

import bisect
import math
import re
import unicodedata
from dataclasses import dataclass

import snowballstemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from activities.schedule import DAY_SLUGS

_stemmer = snowballstemmer.stemmer("dutch")
_non_word = re.compile(r"[^a-z0-9]+")
MAX_TERMS = 8
MIN_PREFIX = 3
# PostgreSQL's Dutch stop words (tsearch_data/dutch.stop): they carry no meaning of their own.
STOP_WORDS = frozenset(
    """
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan
    zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft
    hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet
    ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen
    na reeds wil kon niets uw iemand geweest andere
    """.split()  # noqa: SIM905 (101 words read better as text)
)

# Where a word is found (title, summary, the rest) and how (whole, beginning, …) multiply.
FIELD_WEIGHTS = (4.0, 2.0, 1.0)
EXACT, PREFIX, PART, STEM, PART_PREFIX, STEM_PREFIX = 1.0, 0.8, 0.7, 0.7, 0.6, 0.5
SYNONYM = 0.8
TYPO = 0.9
# "… voor mijn vader": the word after a possessive says for whom, not what; it weighs less.
PERSON = 0.3
POSSESSIVES = frozenset(["mijn", "n", "onze", "ons", "zijn", "haar", "jouw", "je"])
# What only widens a word (its stem's or a part's beginning) adds at most this many words: the shortest.
MAX_EXPANSIONS = 60
# Matches scoring under this share of the best are noise for this query (one common word of five).
# A single title or summary word stays well above it: 0.8 x 2 x 0.5 against at most 4.
KEEP_SHARE = 0.1


# Words that say when: a search that has them ("koffie vanmiddag") becomes the search without them and
# these filters, ticked (activities.views), so the page shows them and one tap removes each.
_DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
_PARTS = {"ochtend": "ochtend", "morgen": "ochtend", "middag": "middag", "avond": "avond"}
WHEN_WORDS = {
    ("vandaag",): (("wanneer", "vandaag"),),
    ("vanochtend",): (("wanneer", "vandaag"), ("dagdeel", "ochtend")),
    ("vanmorgen",): (("wanneer", "vandaag"), ("dagdeel", "ochtend")),
    ("vanmiddag",): (("wanneer", "vandaag"), ("dagdeel", "middag")),
    ("vanavond",): (("wanneer", "vandaag"), ("dagdeel", "avond")),
    ("deze", "week"): (("wanneer", "week"),),
    ("weekend",): (("wanneer", "weekend"),),
    ("ochtend",): (("dagdeel", "ochtend"),),
    ("middag",): (("dagdeel", "middag"),),
    ("avond",): (("dagdeel", "avond"),),
    **{words: (("dagdeel", part),) for word, part in _PARTS.items() for words in [(f"{word}s",), ("s", f"{word}s")]},
    **{(day,): (("dag", slug),) for day, slug in zip(_DAYS, DAY_SLUGS, strict=True)},
    **{(f"{day}s",): (("dag", slug),) for day, slug in zip(_DAYS, DAY_SLUGS, strict=True)},
    **{
        (f"{day}{word}",): (("dag", slug), ("dagdeel", part))
        for day, slug in zip(_DAYS, DAY_SLUGS, strict=True)
        for word, part in _PARTS.items()
        if word != "morgen"
    },
}
_LONGEST_WHEN = max(len(words) for words in WHEN_WORDS)
# Words that only lead up to a when-word ("op dinsdag", "in het weekend"): they go with it.
_LEADING = frozenset(["in", "het", "de", "op", "dit", "deze", "elke", "iedere"])


def when_words(query):
    """(the query without the words that say when, the filters they stand for as (name, value) pairs).

    The rest keeps the resident's own spelling; "koffie vanmiddag" is ("koffie", [("wanneer", "vandaag"),
    ("dagdeel", "middag")]).
    """
    tokens = (query or "").split()
    kept, ticks, i = [], [], 0
    while i < len(tokens):
        for length in range(min(_LONGEST_WHEN, len(tokens) - i), 0, -1):
            words = tuple(word for token in tokens[i : i + length] for word in normalize(token).split())
            if words in WHEN_WORDS:
                ticks += [tick for tick in WHEN_WORDS[words] if tick not in ticks]
                while kept and normalize(kept[-1]) in _LEADING:
                    kept.pop()
                i += length
                break
        else:
            kept.append(tokens[i])
            i += 1
    return " ".join(kept), ticks


def normalize(text):
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _non_word.sub(" ", stripped.lower()).strip()


def stem(word):
    return _stemmer.stemWord(word)


def words_of(query):
    return normalize(query).split()[:MAX_TERMS]


@dataclass(frozen=True)
class Correction:
    """A typed word that is not in the catalogue, and the catalogue's nearest words, best first."""

    typed: str
    suggestions: tuple
    certain: bool


@dataclass(frozen=True)
class Outcome:
    """What a query means and finds. `ids` is None when it has no words to search for (only a place)."""

    ids: tuple | None
    place: tuple | None  # (facet, slug, name)
    filters: tuple
    corrections: tuple
    words: tuple  # the query's words
    place_words: tuple  # the words that named the place


NOTHING = Outcome(ids=None, place=None, filters=(), corrections=(), words=(), place_words=())


def find(query, index):
    """The query's meaning and its matches in `index` (activities.search_index), best first."""
    words = words_of(query)
    terms, stop_terms, filters, place, place_words, corrections = [], [], [], None, (), []
    i = 0
    while i < len(words):
        for length in range(min(max(index.longest_phrase, 2), len(words) - i), 0, -1):
            phrase = tuple(words[i : i + length])
            if phrase in index.places and (place is None or length > len(place_words)):
                place, place_words = index.places[phrase], phrase
            elif phrase in index.filters:
                filters.append(index.filters[phrase])
            elif phrase in index.synonyms:
                terms.append((phrase, index.synonyms[phrase], _weight(words, i)))
            elif length == 2 and "".join(phrase) in index.frequency:
                # A compound typed apart ("wandel club") is the catalogue's word ("wandelclub").
                joined = "".join(phrase)
                terms.append(((joined,), index.synonym_of_stem.get(stem(joined), ()), _weight(words, i)))
            elif length == 1:
                phrase, alternatives = _with_synonyms(index, phrase[0], corrections)
                term = (phrase, alternatives, _weight(words, i))
                (stop_terms if phrase[0] in STOP_WORDS else terms).append(term)
            else:
                continue
            i += length
            break
    # Only stop words ("voor"): then the resident means them (the beginning of "voorlezen").
    if not terms and place is None and not filters:
        terms = stop_terms
    ids = _ranked(index, terms, corrections) if terms else None
    return Outcome(
        ids=ids,
        place=place,
        filters=tuple(dict.fromkeys(filters)),
        corrections=tuple(corrections),
        words=tuple(words),
        place_words=place_words,
    )


def _with_synonyms(index, word, corrections):
    """(the word, its synonyms' phrases); a typo of a word that is only a synonym ("seniorne", no
    activity says "senioren") is read as that synonym when the catalogue has nothing closer."""
    alternatives = index.synonym_of_stem.get(stem(word), ())
    if alternatives or word in index.known or word in STOP_WORDS or len(word) < 5:
        return (word,), alternatives
    if _matches(index, word) or _nearest(index, word)[0]:
        return (word,), alternatives
    nearest, _distance = _closest(word, index.synonym_words)
    if len(nearest) != 1:
        return (word,), alternatives
    corrections.append(Correction(typed=word, suggestions=(nearest[0],), certain=True))
    return (nearest[0],), index.synonyms[(nearest[0],)]


def _weight(words, i):
    return PERSON if i and words[i - 1] in POSSESSIVES else 1.0


def _ranked(index, terms, corrections):
    total = {}
    for phrase, alternatives, weight in terms:
        best = _phrase_scores(index, phrase, corrections, every_word=False)
        for alternative in alternatives:
            for n, score in _phrase_scores(index, alternative, None, every_word=True, strict=True).items():
                score *= SYNONYM
                if score > best.get(n, 0):
                    best[n] = score
        for n, score in best.items():
            total[n] = total.get(n, 0) + score * weight
    if not total:
        return ()
    floor = max(total.values()) * KEEP_SHARE
    spread, activities = index.spread, index.activities
    # Best score first (to nine decimals: equal but for float noise is equal), then the spread, which
    # differs for every activity, then the position itself; packed in one int per activity, which
    # sorts several times faster than tuples.
    kept = [
        ((-round(score * 1e9) << 64) + spread[n] << _POSITION_BITS) + n for n, score in total.items() if score >= floor
    ]
    kept.sort()
    return tuple([activities[key & _POSITION_MASK][0] for key in kept])


_POSITION_BITS = 24  # room for 16 million positions; a spread fits in 64 bits (search_index._take_turns)
_POSITION_MASK = (1 << _POSITION_BITS) - 1


def _phrase_scores(index, phrase, corrections, every_word, strict=False):
    """Per position, the score of a phrase: its words' average, or (`every_word`) their least.

    `strict`: only the catalogue's words that match directly; a synonym is never split or corrected,
    or `wandelgroep` as a synonym of `wandelen` would find every `groep`.
    """
    words = [word for word in phrase if word not in STOP_WORDS] or list(phrase)
    if strict:
        scores = [_scores(index, _matches(index, word)) for word in words]
    else:
        scores = [_word_scores(index, word, corrections) for word in words]
    if len(scores) == 1:
        return scores[0]
    if every_word:
        common = set.intersection(*(set(found) for found in scores))
        return {n: min(found[n] for found in scores) for n in common}
    combined = {}
    for found in scores:
        for n, score in found.items():
            combined[n] = combined.get(n, 0) + score / len(scores)
    return combined


def _word_scores(index, word, corrections, typos=True):
    """Per position, the best score of one query word."""
    matches = _matches(index, word)
    if matches:
        return _scores(index, matches)
    pieces = index.split(word)
    if len(pieces) > 1 and all(piece in index.known or piece in index.stem_heads for piece in pieces):
        return _compound_scores(index, word, pieces)
    if typos:
        suggestions, certain = _nearest(index, word)
        if suggestions:
            if corrections is not None:
                corrections.append(Correction(typed=word, suggestions=suggestions, certain=certain))
            found = {}
            for suggestion in suggestions:
                for n, score in _word_scores(index, suggestion, None, typos=False).items():
                    score *= TYPO
                    if score > found.get(n, 0):
                        found[n] = score
            return found
    if len(pieces) > 1:
        return _compound_scores(index, word, pieces)
    return {}


def _compound_scores(index, word, pieces):
    """A compound typed whole finds what its parts find, each part weighing as much as its share of letters."""
    found = {}
    for piece in pieces:
        share = len(piece) / len(word)
        for n, score in _word_scores(index, piece, None, typos=False).items():
            found[n] = found.get(n, 0) + score * share
    return found


def _starting_with(sorted_words, beginning, limit=None):
    start = bisect.bisect_left(sorted_words, beginning)
    found = []
    for candidate in sorted_words[start:]:
        if not candidate.startswith(beginning):
            break
        found.append(candidate)
    if limit is not None and len(found) > limit:
        found = sorted(found, key=len)[:limit]
    return found


def _matches(index, word):
    """{catalogue word: how well it matches}: whole, beginning, compound part, stem."""
    matches = {}

    def add(candidates, weight):
        for candidate in candidates:
            if weight > matches.get(candidate, 0):
                matches[candidate] = weight

    if word in index.frequency:
        add([word], EXACT)
    if len(word) >= MIN_PREFIX:
        add(_starting_with(index.vocabulary, word), PREFIX)
        add(index.parts.get(word, ()), PART)
        if len(word) >= 4:
            for part in _starting_with(index.part_list, word, MAX_EXPANSIONS):
                add(index.parts[part], PART_PREFIX)
    word_stem = stem(word)
    add(index.stems.get(word_stem, ()), STEM)
    if len(word_stem) >= 4 and word_stem != word:
        add(_starting_with(index.vocabulary, word_stem, MAX_EXPANSIONS), STEM_PREFIX)
    return matches


def _scores(index, matches):
    found = {}
    size = index.size
    for candidate, weight in matches.items():
        # Rare words tell more than common ones: a word in every activity weighs half.
        rarity = 0.5 + 0.5 * math.log((size + 1) / index.frequency[candidate]) / math.log(size + 1)
        for field, postings in enumerate(index.postings):
            positions = postings.get(candidate)
            if positions is None:
                continue
            score = FIELD_WEIGHTS[field] * weight * rarity
            for n in positions:
                if score > found.get(n, 0):
                    found[n] = score
    return found


def _nearest(index, word):
    """The catalogue's words one typo from `word` (two for long words), most common first, and
    whether the correction is certain (one nearest word, one typo away)."""
    if len(word) < 5 or word.isdigit():
        return (), False
    closest, distance = _closest(word, index.typo_choices)
    best = sorted(closest, key=lambda choice: (-index.weight_of(choice), choice))
    return tuple(best[:3]), len(best) == 1 and distance == 1


def _closest(word, choices):
    """The `choices` nearest to `word` within one typo (two for long words), and their distance."""
    limit = 1 if len(word) < 8 else 2
    found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
    if not found:
        return [], None
    nearest = min(distance for _choice, distance, _n in found)
    return [choice for choice, distance, _n in found if distance == nearest], nearest


def filter_queryset(queryset, query):
    """The activities of `queryset` that the query finds, in the place it names (the open-data export)."""
    # Here, not at the top: the search index reads the models, which use normalize() from this module.
    from activities.catalogue_cache import catalogue_version
    from activities.search_index import search_index

    outcome = find(query, search_index(catalogue_version()))
    if outcome.ids is not None:
        queryset = queryset.filter(pk__in=outcome.ids)
    if outcome.place is not None:
        facet, slug, _name = outcome.place
        lookup = "location__gebied__slug" if facet == "gebied" else "location__gebied__stadsdeel__slug"
        queryset = queryset.filter(**{lookup: slug})
    return queryset
