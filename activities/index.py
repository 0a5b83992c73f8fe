"""The published catalogue as bitsets, to filter and count without SQL.

Every published activity gets a position in title order. Every filter option (a stadsdeel, a
theme, a day, "gratis", …) becomes one Python int whose bit n is set when the activity at
position n has that option. Ticking filters is then `|` within a filter and `&` between
filters, and a count is `int.bit_count()`. All ~75 counts of a catalogue page take about a
millisecond at 50,000 activities; the same counts in SQL took 90–300 ms (bench/results).

An index is built from four queries (about half a second at 50,000 activities) once per
catalogue version per process, and kept in memory until the version moves on. Without a
version (SQLite, or a transaction that changed the catalogue itself) it is built per request.

An index is never changed once built: a newer one replaces it whole, under a lock, so a request
that holds one (in a threaded server, while another thread builds the next) reads it consistently.
"""

import threading
from collections import defaultdict
from types import MappingProxyType

from django.db import connection

from activities.models import DAY_SLUGS, Activity, Bouwsteen, Doelgroep, ScheduleSlot, Theme
from stadsdelen.models import Gebied

FACETS = ["stadsdeel", "gebied", "bouwsteen", "thema", "doelgroep", "dag"]
FLAGS = ["gratis", "toegankelijk", "vrijwilligers"]

# Number of set bits in each byte value: how a page skips the results before it, a byte at a time.
_BITS_IN_BYTE = [bin(value).count("1") for value in range(256)]


def _mask(positions, size):
    bits = bytearray((size + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(bits, "little")


class Selection:
    """The result of some ticked filters: which activities, how many, and the count per option."""

    def __init__(self, index, result, counts, ranked_ids):
        self.index = index
        self.result = result
        self.counts = counts
        self.total = result.bit_count()
        self.ranked_ids = ranked_ids

    def ids(self, start, stop):
        """The activity ids from `start` to `stop` in the list's order: title, or search rank."""
        bits = self.result.to_bytes(len(self.index.ids) // 8 + 1, "little")
        if self.ranked_ids is not None:
            # The matches may come from another version than the index: ids it lacks are not in the result.
            position = self.index.position
            found = []
            for pk in self.ranked_ids:
                n = position.get(pk)
                if n is not None and bits[n >> 3] >> (n & 7) & 1:
                    found.append(pk)
            return found[start:stop]
        ids, seen = [], 0
        for byte_number, byte in enumerate(bits):
            if not byte:
                continue
            in_byte = _BITS_IN_BYTE[byte]
            if seen + in_byte <= start:
                seen += in_byte
                continue
            for bit in range(8):
                if byte >> bit & 1:
                    if start <= seen < stop:
                        ids.append(self.index.ids[byte_number * 8 + bit])
                    seen += 1
            if seen >= stop:
                break
        return ids


class CatalogueIndex:
    def __init__(self, ids, options, position):
        self.ids = tuple(ids)  # activity ids in title order; the bit positions
        self.position = MappingProxyType(position)  # activity id -> bit position
        # {facet or flag: {value: mask}}; a flag's only value is "1"
        self.options = MappingProxyType({name: MappingProxyType(values) for name, values in options.items()})
        self.all = (1 << len(ids)) - 1

    @classmethod
    def build(cls):
        rows = list(
            Activity.objects.published()
            .order_by("title", "pk")
            .values_list(
                "pk",
                "location__gebied_id",
                "bouwsteen_id",
                "free",
                "location__wheelchair_accessible",
                "volunteers_wanted",
            )
        )
        ids = [row[0] for row in rows]
        position = {pk: n for n, pk in enumerate(ids)}
        gebieden = {
            pk: (slug, stadsdeel) for pk, slug, stadsdeel in Gebied.objects.values_list("pk", "slug", "stadsdeel__slug")
        }
        slugs = {
            "bouwsteen": dict(Bouwsteen.objects.values_list("pk", "slug")),
            "thema": dict(Theme.objects.values_list("pk", "slug")),
            "doelgroep": dict(Doelgroep.objects.values_list("pk", "slug")),
            "dag": dict(enumerate(DAY_SLUGS)),
        }
        links = {facet: defaultdict(list) for facet in [*FACETS, *FLAGS]}
        for n, (_pk, gebied, bouwsteen, free, accessible, volunteers) in enumerate(rows):
            gebied_slug, stadsdeel_slug = gebieden[gebied]
            links["gebied"][gebied_slug].append(n)
            links["stadsdeel"][stadsdeel_slug].append(n)
            links["bouwsteen"][slugs["bouwsteen"][bouwsteen]].append(n)
            if free:
                links["gratis"]["1"].append(n)
            if accessible:
                links["toegankelijk"]["1"].append(n)
            if volunteers:
                links["vrijwilligers"]["1"].append(n)
        # Straight from the link tables: rows of unpublished activities have no position.
        many = [
            ("thema", Activity.themes.through.objects.values_list("activity_id", "theme_id")),
            ("doelgroep", Activity.doelgroepen.through.objects.values_list("activity_id", "doelgroep_id")),
            ("dag", ScheduleSlot.objects.values_list("activity_id", "day")),
        ]
        for facet, pairs in many:
            facet_links, facet_slugs = links[facet], slugs[facet]
            for pk, value in pairs:
                n = position.get(pk)
                if n is not None:
                    facet_links[facet_slugs[value]].append(n)
        options = {
            facet: {value: _mask(positions, len(ids)) for value, positions in values.items()}
            for facet, values in links.items()
        }
        return cls(ids, options, position)

    def mask_of(self, ids):
        return _mask((self.position[pk] for pk in ids if pk in self.position), len(self.ids))

    def select(self, ticked, flags, ranked_ids=None):
        """The activities that pass every ticked filter, and the count of each option.

        `ticked`: {facet: [values]}, OR-ed within a facet; `flags`: the ticked flags;
        `ranked_ids`: the search's matches in rank order, or None without a search. A facet's
        counts ignore its own selection, so ticking another stadsdeel shows what it would add.
        """
        base = self.all if ranked_ids is None else self.mask_of(ranked_ids)
        for flag in flags:
            base &= self.options[flag].get("1", 0)
        passes = {}
        for facet, values in ticked.items():
            if values:
                passes[facet] = 0
                for value in values:
                    passes[facet] |= self.options[facet].get(value, 0)

        def passing_all_but(skip):
            mask = base
            for facet, passing in passes.items():
                if facet != skip:
                    mask &= passing
            return mask

        result = passing_all_but(None)
        counts = {}
        for facet in FACETS:
            others = passing_all_but(facet)
            counts[facet] = {
                value: count for value, mask in self.options[facet].items() if (count := (mask & others).bit_count())
            }
        for flag in FLAGS:
            counts[flag] = {"1": (result & self.options[flag].get("1", 0)).bit_count()}
        return Selection(self, result, counts, ranked_ids)


_latest = {}  # database name -> (version, index)
_building = threading.Lock()


def catalogue_index(version):
    """The index of the catalogue at `version`, built at most once per version in this process."""
    if version is None:
        return CatalogueIndex.build()
    database = connection.settings_dict["NAME"]
    built, index = _latest.get(database, (None, None))
    # Versions only grow; a request still reading an older one may use the newer index.
    if built is not None and version <= built:
        return index
    # One thread builds; the others wait for it rather than build the same index again.
    with _building:
        built, index = _latest.get(database, (None, None))
        if built is None or version > built:
            index = CatalogueIndex.build()
            _latest[database] = (version, index)
    return index
