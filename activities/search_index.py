"""The catalogue's words, held in memory per catalogue version: what a search matches against.

Built in Python from the published activities, so a search finds exactly the same on SQLite (the
quick start) and PostgreSQL (production); no database's text functions decide what matches.
Per word and per field (title, summary, the rest) the positions of the activities that have it,
plus what the matching needs around the words: their Dutch stems, the parts of compounds (split
against the catalogue's own words, so `taalcafe` is `taal` + `cafe`), how many activities have
each word, the staff's synonyms and the city's place names.

Like the filter index (activities.index) it is made at most once per catalogue version per process,
and every time without a version (SQLite).
"""

import threading
from array import array
from types import MappingProxyType

from django.db import connection

from activities.models import Activity, Synonym
from activities.search import STOP_WORDS, normalize, stem
from stadsdelen.models import Gebied, Stadsdeel, Wijk

TITLE, SUMMARY, TEXT = 0, 1, 2
# A compound part shorter than this is too often a coincidence (`de`, `en`).
MIN_PART = 3
# Endings that make a word, not a compound: `eenzaam|heid` is not eenzaam + another word.
SUFFIXES = frozenset(["heid", "heden", "ing", "ingen", "lijk", "lijke", "tje", "tjes", "je", "jes", "ers", "ster"])
# Dutch joins compound parts with these (vrijwilliger-s-werk, boek-en-kast).
LINKS = ("s", "e", "en")


def _positions(values):
    return array("I", values)


class SearchIndex:
    def __init__(self, *, ids, spread, postings, frequency, stems, pieces, synonyms, filters, places):
        self.ids = tuple(ids)  # activity ids; a position is an index into this
        self.spread = spread  # per position, its place in a list that alternates stadsdelen (ties)
        self.postings = postings  # per field: {word: positions}
        self.frequency = MappingProxyType(frequency)  # word -> number of activities that have it
        self.vocabulary = sorted(frequency)
        self.stems = MappingProxyType(stems)  # stem -> words with that stem
        parts = {}  # compound part (not the first) -> the words it is part of
        piece_frequency = {}  # any compound part -> activities with a word it is part of
        for word, word_pieces in pieces.items():
            for position, piece in enumerate(word_pieces):
                piece_frequency[piece] = piece_frequency.get(piece, 0) + frequency[word]
                if position:
                    parts.setdefault(piece, []).append(word)
        self.parts = MappingProxyType(parts)
        self.part_list = sorted(parts)
        self.piece_frequency = MappingProxyType(piece_frequency)
        self.known = frozenset(self.frequency) | frozenset(piece_frequency)
        self.stem_heads = frozenset(stems)
        # What a typo is corrected to: the catalogue's words and the parts of its compounds.
        self.typo_choices = sorted(word for word in self.frequency.keys() | piece_frequency.keys() if len(word) >= 4)
        self.synonyms = synonyms  # phrase (tuple of words) -> its group's other phrases
        self.synonym_of_stem = MappingProxyType(
            {stem(phrase[0]): others for phrase, others in synonyms.items() if len(phrase) == 1}
        )
        self.filters = filters  # phrase -> filter name
        self.places = places  # phrase -> (facet, slug, name)
        self.longest_phrase = max((len(p) for p in [*synonyms, *filters, *places]), default=1)

    def split(self, word):
        return split_compound(word, self.known, self.stem_heads)

    def weight_of(self, word):
        return self.frequency.get(word, 0) + self.piece_frequency.get(word, 0)

    @classmethod
    def build(cls):
        rows = (
            Activity.objects.published()
            .values_list(
                "pk", "search_title", "summary", "search_text", "location__gebied__stadsdeel_id", "last_verified"
            )
            .order_by("pk")
        )
        ids, stadsdelen, verified = [], [], []
        lists = ({}, {}, {})
        frequency = {}
        for n, (pk, title, summary, text, stadsdeel, last_verified) in enumerate(rows):
            ids.append(pk)
            stadsdelen.append(stadsdeel)
            verified.append(last_verified)
            title_words = set(title.split()) - STOP_WORDS
            summary_words = set(normalize(summary).split()) - STOP_WORDS - title_words
            text_words = set(text.split()) - STOP_WORDS - title_words - summary_words
            for field, words in ((TITLE, title_words), (SUMMARY, summary_words), (TEXT, text_words)):
                postings = lists[field]
                for word in words:
                    postings.setdefault(word, []).append(n)
                    frequency[word] = frequency.get(word, 0) + 1
        postings = tuple(
            MappingProxyType({word: _positions(found) for word, found in field.items()}) for field in lists
        )
        stems = {}
        for word in frequency:
            if len(word) >= 4:
                stems.setdefault(stem(word), []).append(word)
        places = _places()
        known = {word for word in frequency if len(word) >= MIN_PART}
        stem_heads = {s for s in stems if len(s) >= MIN_PART}
        # A place's name is one name: `zuidoost` is not `zuid` + `oost`.
        place_words = {word for phrase in places for word in phrase}
        pieces = {}
        for word in frequency:
            if word not in place_words:
                word_pieces = split_compound(word, known, stem_heads)
                if len(word_pieces) > 1:
                    pieces[word] = word_pieces
        synonyms, filters = _synonyms()
        return cls(
            ids=ids,
            spread=_spread(stadsdelen, verified),
            postings=postings,
            frequency=frequency,
            stems=stems,
            pieces=pieces,
            synonyms=synonyms,
            filters=filters,
            places=places,
        )


def split_compound(word, known, stems=frozenset()):
    """`word` as its compound parts, split against `known` words: ['huiswerk', 'begeleiding'].

    A split needs one known side and a real word on the other (not an ending like `-heid`); both
    sides known beats one, then the longer known part. A head that is only a stem (`wandel`) needs a
    known tail: every word's own stem is a head of it (`samenvat|ting`). A word that does not split
    is [word].
    """
    best, best_rank = [word], None
    if len(word) < 2 * MIN_PART + 1:
        return best
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if tail in SUFFIXES or head in SUFFIXES:
            continue
        tail_known = tail in known
        head_known = head in known or any(head.endswith(link) and head[: -len(link)] in known for link in LINKS)
        head_known = head_known or (tail_known and head in stems)
        if not (head_known or tail_known) or (not head_known and len(head) < 4) or (not tail_known and len(tail) < 4):
            continue
        rank = (head_known and tail_known, max(len(head) if head_known else 0, len(tail) if tail_known else 0))
        if best_rank is None or rank > best_rank:
            rest = [tail] if tail_known else split_compound(tail, known, stems)
            best, best_rank = [head, *rest], rank
    return best


def _spread(stadsdelen, verified):
    """Per position, where it comes among equals: stadsdelen take turns, the most recently checked first.

    Twenty near-identical activities then never bury the one in the resident's own neighbourhood under
    an alphabetical run of others.
    """
    by_freshness = sorted(
        range(len(stadsdelen)), key=lambda n: (verified[n] is None, verified[n] and -verified[n].toordinal(), n)
    )
    turn, keys = {}, [0] * len(stadsdelen)
    for n in by_freshness:
        turn[stadsdelen[n]] = turn.get(stadsdelen[n], -1) + 1
        keys[n] = (turn[stadsdelen[n]], stadsdelen[n] or 0)
    order = sorted(range(len(stadsdelen)), key=keys.__getitem__)
    spread = [0] * len(stadsdelen)
    for rank, n in enumerate(order):
        spread[n] = rank
    return spread


def _synonyms():
    """{phrase: other phrases of its groups}, {phrase: filter} from the staff's synonyms."""
    groups, filters = {}, {}
    for synonym in Synonym.objects.order_by("pk"):
        phrases = [tuple(phrase.split()) for phrase in synonym.phrases]
        for phrase in phrases:
            if synonym.filter:
                filters[phrase] = synonym.filter
            else:
                groups.setdefault(phrase, set()).update(other for other in phrases if other != phrase)
    return {phrase: tuple(sorted(others)) for phrase, others in groups.items()}, filters


def _places():
    """{phrase: (facet, slug, name)} for every stadsdeel, gebied and wijk name and each part of one.

    `Oud-West, De Baarsjes` is found as `oud west`, `de baarsjes` and `baarsjes`; a wijk stands for
    its gebied (locations know their gebied). A longer name wins over its parts in the query.
    """
    places = {}

    def add(name, facet, slug, label):
        phrases = [normalize(name), *(normalize(part) for part in name.split(","))]
        for phrase in phrases:
            words = tuple(phrase.split())
            if words and words[0] == "de" and len(words) > 1:
                places.setdefault(words[1:], (facet, slug, label))
            if words:
                places.setdefault(words, (facet, slug, label))

    for slug, name in Stadsdeel.objects.current().order_by("code").values_list("slug", "name"):
        add(name, "stadsdeel", slug, name)
    gebieden = {}
    for pk, slug, name in Gebied.objects.current().order_by("code").values_list("pk", "slug", "name"):
        gebieden[pk] = (slug, name)
        add(name, "gebied", slug, name)
    for gebied_id, name in Wijk.objects.current().order_by("code").values_list("gebied_id", "name"):
        if gebied_id in gebieden:
            slug, gebied_name = gebieden[gebied_id]
            add(name, "gebied", slug, gebied_name)
    return places


_latest = {}  # database name -> (version, index)
_building = threading.Lock()


def search_index(version):
    """The search index of the catalogue at `version`, built at most once per version in this process."""
    if version is None:
        return SearchIndex.build()
    database = connection.settings_dict["NAME"]
    built, index = _latest.get(database, (None, None))
    if built is not None and version <= built:
        return index
    with _building:
        built, index = _latest.get(database, (None, None))
        if built is None or version > built:
            index = SearchIndex.build()
            _latest[database] = (version, index)
    return index
