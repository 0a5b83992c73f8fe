"""The catalogue's words, held in memory per catalogue version: what a search matches against.

Built in Python from the published activities, so a search finds exactly the same on SQLite (the
quick start) and PostgreSQL (production); no database's text functions decide what matches.
Per word and per field (title, summary, the rest) the positions of the activities that have it,
plus what the matching needs around the words: their Dutch stems, the parts of compounds (split
against the catalogue's own words, so `taalcafe` is `taal` + `cafe`), how many activities have
each word, the staff's synonyms and the city's place names.

Like the filter index (activities.index) it is made at most once per catalogue version per process,
from the previous one and the activities changed since when it can (a few milliseconds, where a
build takes a second at 50,000 activities), and every time without a version (SQLite).
"""

import bisect
from array import array
from types import MappingProxyType

from activities.index import PerVersion
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
# An updated index keeps the positions of activities that left it empty; past this share it is built anew.
MAX_EMPTY_SHARE = 0.2

_COLUMNS = ("pk", "search_title", "summary", "search_text", "location__gebied__stadsdeel_id", "last_verified")


class Vocabulary:
    """What the matching needs around a set of words; it changes only when the set does."""

    def __init__(self, words, places):
        self.words = frozenset(words)
        self.sorted = sorted(self.words)
        stems = {}
        for word in self.sorted:
            if len(word) >= 4:
                stems.setdefault(stem(word), []).append(word)
        self.stems = MappingProxyType(stems)
        known = {word for word in self.words if len(word) >= MIN_PART}
        split_heads = {s for s in stems if len(s) >= MIN_PART}
        # A place's name is one name: `zuidoost` is not `zuid` + `oost`.
        place_words = {word for phrase in places for word in phrase}
        pieces = {}
        for word in self.sorted:
            if word not in place_words:
                word_pieces = split_compound(word, known, split_heads)
                if len(word_pieces) > 1:
                    pieces[word] = word_pieces
        self.pieces = MappingProxyType(pieces)
        parts = {}  # compound part (not the first) -> the words it is part of
        for word, word_pieces in pieces.items():
            for piece in word_pieces[1:]:
                parts.setdefault(piece, []).append(word)
        self.parts = MappingProxyType(parts)
        self.part_list = sorted(parts)
        all_pieces = {piece for word_pieces in pieces.values() for piece in word_pieces}
        self.known = self.words | all_pieces
        self.stem_heads = frozenset(stems)
        # What a typo is corrected to: the catalogue's words and the parts of its compounds.
        self.typo_choices = sorted(word for word in self.known if len(word) >= 4)


class SearchIndex:
    generation = None  # set by activities.index.PerVersion

    def __init__(
        self,
        *,
        activities,
        position,
        members,
        spread,
        postings,
        frequency,
        synonyms,
        filters,
        places,
        vocabulary=None,
        synonym_of_stem=None,
    ):
        # Per position: (activity id, stadsdeel id, freshness, (title words, summary words, other words)),
        # or None where an activity left an updated index.
        self.activities = activities
        self.position = position  # activity id -> its position
        self.size = len(position)
        self.members = MappingProxyType(members)  # stadsdeel id -> the positions of its activities
        self.spread = spread  # per position, its place among equals (see _take_turns)
        self.postings = postings  # per field: {word: positions, ascending}
        self.frequency = MappingProxyType(frequency)  # word -> number of activities that have it
        if vocabulary is None or vocabulary.words != frequency.keys():
            vocabulary = Vocabulary(frequency, places)
        self.vocabulary_of = vocabulary
        self.vocabulary = vocabulary.sorted
        self.stems = vocabulary.stems
        self.parts = vocabulary.parts
        self.part_list = vocabulary.part_list
        self.known = vocabulary.known
        self.stem_heads = vocabulary.stem_heads
        self.typo_choices = vocabulary.typo_choices
        piece_frequency = {}  # any compound part -> activities with a word it is part of
        for word, word_pieces in vocabulary.pieces.items():
            for piece in word_pieces:
                piece_frequency[piece] = piece_frequency.get(piece, 0) + frequency[word]
        self.piece_frequency = MappingProxyType(piece_frequency)
        self.synonyms = synonyms  # phrase (tuple of words) -> its group's other phrases
        if synonym_of_stem is None:
            synonym_of_stem = {stem(phrase[0]): others for phrase, others in synonyms.items() if len(phrase) == 1}
        self.synonym_of_stem = MappingProxyType(synonym_of_stem)
        # The one-word synonyms a typo may be read as ("seniorne": senioren).
        self.synonym_words = sorted(phrase[0] for phrase in synonyms if len(phrase) == 1 and len(phrase[0]) >= 5)
        self.filters = filters  # phrase -> filter name
        self.places = places  # phrase -> (facet, slug, name)
        self.longest_phrase = max((len(p) for p in [*synonyms, *filters, *places]), default=1)

    def split(self, word):
        return split_compound(word, self.known, self.stem_heads)

    def weight_of(self, word):
        return self.frequency.get(word, 0) + self.piece_frequency.get(word, 0)

    @classmethod
    def build(cls):
        activities, lists, frequency = [], ({}, {}, {}), {}
        for row in Activity.objects.published().values_list(*_COLUMNS).order_by("pk"):
            _add(row, activities, lists, frequency)
        synonyms, filters = _synonyms()
        members, spread = {}, [0] * len(activities)
        for n, activity in enumerate(activities):
            members.setdefault(activity[1], []).append(n)
        for positions in members.values():
            _take_turns(activities, positions, spread)
        return cls(
            activities=activities,
            position={activity[0]: n for n, activity in enumerate(activities)},
            members=members,
            spread=spread,
            postings=tuple(
                MappingProxyType({word: array("I", found) for word, found in field.items()}) for field in lists
            ),
            frequency=frequency,
            synonyms=synonyms,
            filters=filters,
            places=_places(),
        )

    def updated(self, changed):
        """A new index with the activities `changed` as they are now (published or gone); this one stays as it is.

        A changed activity leaves its position empty and comes back at the end, so only the
        positions of its own words are copied; the words around them are made again only when a
        word appears in or leaves the catalogue.
        """
        rows = list(Activity.objects.published().filter(pk__in=changed).values_list(*_COLUMNS).order_by("pk"))
        if self._unchanged(changed, rows):
            return self
        activities, position = list(self.activities), dict(self.position)
        touched = set()  # the stadsdelen whose activities take turns anew
        postings = tuple(dict(field) for field in self.postings)
        frequency = dict(self.frequency)
        for pk in changed:
            n = position.pop(pk, None)
            if n is None:
                continue
            for field, words in enumerate(activities[n][3]):
                for word in words:
                    positions = postings[field][word]
                    at = bisect.bisect_left(positions, n)
                    positions = positions[:at] + positions[at + 1 :]
                    if positions:
                        postings[field][word] = positions
                    else:
                        del postings[field][word]
                    frequency[word] -= 1
                    if not frequency[word]:
                        del frequency[word]
            touched.add(activities[n][1])
            activities[n] = None
        added = ({}, {}, {})
        for row in rows:
            position[row[0]] = len(activities)
            _add(row, activities, added, frequency)
            touched.add(row[4])
        if len(activities) - len(position) > MAX_EMPTY_SHARE * len(activities):
            return type(self).build()
        members, spread = dict(self.members), self.spread + [0] * (len(activities) - len(self.spread))
        for stadsdeel in touched:
            members[stadsdeel] = [n for n in members.get(stadsdeel, ()) if activities[n]]
            members[stadsdeel] += [
                n for n in range(len(self.activities), len(activities)) if activities[n][1] == stadsdeel
            ]
            _take_turns(activities, members[stadsdeel], spread)
        for field, found in enumerate(added):
            for word, positions in found.items():
                postings[field][word] = postings[field].get(word, array("I")) + array("I", positions)
        return type(self)(
            activities=activities,
            position=position,
            members=members,
            spread=spread,
            postings=tuple(MappingProxyType(field) for field in postings),
            frequency=frequency,
            synonyms=self.synonyms,
            filters=self.filters,
            places=self.places,
            vocabulary=self.vocabulary_of,
            synonym_of_stem=self.synonym_of_stem,
        )

    def _unchanged(self, changed, rows):
        """Whether the changed activities are here exactly as `rows` have them (a save that changed no
        word, place or date the search reads): then this index is the new one, and so are its matches."""
        found = {row[0]: _entry(row) for row in rows}
        for pk in changed:
            n = self.position.get(pk)
            if n is None:
                if pk in found:  # published since
                    return False
            elif pk not in found or not _same(self.activities[n], found[pk]):
                return False
        return True


def _entry(row):
    """(id, stadsdeel, freshness, its words per field) of a published activity: all the search reads of it."""
    pk, title, summary, text, stadsdeel, last_verified = row
    title_words = frozenset(title.split()) - STOP_WORDS
    summary_words = frozenset(normalize(summary).split()) - STOP_WORDS - title_words
    text_words = frozenset(text.split()) - STOP_WORDS - title_words - summary_words
    fields = (tuple(title_words), tuple(summary_words), tuple(text_words))
    return (pk, stadsdeel, _freshness(last_verified, pk), fields)


def _same(entry, other):
    return entry[:3] == other[:3] and all(
        frozenset(words) == frozenset(others) for words, others in zip(entry[3], other[3], strict=True)
    )


def _add(row, activities, lists, frequency):
    """Put one published activity at the next position: its facts, and its words in `lists` and `frequency`."""
    n = len(activities)
    entry = _entry(row)
    activities.append(entry)
    for field, words in enumerate(entry[3]):
        for word in words:
            lists[field].setdefault(word, []).append(n)
            frequency[word] = frequency.get(word, 0) + 1


def _take_turns(activities, positions, spread):
    """Set the place among equals of one stadsdeel's activities: the stadsdelen take turns, each
    with its most recently checked first, so twenty near-identical activities never bury the one
    in the resident's own neighbourhood under an alphabetical run of others."""
    for turn, n in enumerate(sorted(positions, key=lambda n: activities[n][2])):
        spread[n] = turn << 32 | (activities[n][1] or 0)


def _freshness(last_verified, pk):
    """A number that sorts the most recently checked activity first, never-checked ones last."""
    days_ago = 1_000_000 - last_verified.toordinal() if last_verified else 1_000_000
    return days_ago << 32 | pk


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


search_index = PerVersion(SearchIndex)
