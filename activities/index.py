"""The published catalogue as bitsets, to filter and count without SQL.

Every published activity gets a position in title order. Every filter option (a stadsdeel, a
theme, a day, "gratis", …) becomes one Python int whose bit n is set when the activity at
position n has that option. Ticking filters is then `|` within a filter and `&` between
filters, and a count is `int.bit_count()`. All ~75 counts of a catalogue page take about a
millisecond at 50,000 activities; the same counts in SQL took 90–300 ms (bench/results).

An index is built from a few queries (about half a second at 50,000 activities) once per
catalogue version per process, and kept in memory until the version moves on. Without a
version (SQLite, or a transaction that changed the catalogue itself) it is built per request.

An index is never changed once built: a newer one replaces it whole, under a lock, so a request
that holds one (in a threaded server, while another thread builds the next) reads it consistently.
Only the "when" filters depend on the date as well: an index keeps the masks of one date beside its
options (`dated`), made from its distinct schedule rules the first time a request asks for that date.
"""

import bisect
import threading
from collections import defaultdict
from functools import cached_property
from types import MappingProxyType

from django.db import connection
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone

from activities import schedule
from activities.models import DAY_SLUGS, Activity, Bouwsteen, Doelgroep, ScheduleSlot, Theme
from stadsdelen.models import Gebied

FACETS = ["stadsdeel", "gebied", "bouwsteen", "thema", "doelgroep", "wanneer", "dag", "dagdeel"]
# Filters that depend on the date: made per day from the schedule rules (below), not at the build.
DATED = ["wanneer", "dagdeel"]
# Not a filter: which activities have each distinct schedule rule (activities.schedule.Rule).
RULES = "regel"
# Not a filter: the pass of the schedule's filters ticked together (schedule.ROW_FILTERS).
ROWS = "rij"
FLAGS = ["gratis", "toegankelijk", "vrijwilligers"]
# The stadsdeel facet's value for an activity without a place: online.
ONLINE = "online"

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


# Each published activity's facts, as the index reads them.
_COLUMNS = (
    "pk",
    "search_title",
    "title",
    "location__gebied_id",
    "bouwsteen_id",
    "free",
    "location__wheelchair_accessible",
    "volunteers_wanted",
)


def _lookups():
    """What turns the facts' primary keys into the filters' values (slugs)."""
    gebieden = {
        pk: (slug, stadsdeel) for pk, slug, stadsdeel in Gebied.objects.values_list("pk", "slug", "stadsdeel__slug")
    }
    return {
        "gebied": gebieden,
        "bouwsteen": dict(Bouwsteen.objects.values_list("pk", "slug")),
        "thema": dict(Theme.objects.values_list("pk", "slug")),
        "doelgroep": dict(Doelgroep.objects.values_list("pk", "slug")),
    }


def _facts(rows, lookups, whole_catalogue=True):
    """{activity id: (sort key, [(facet or flag, value), ...])} for these rows of published activities.

    The list's order is the search title's (accent-free, lower-case), so a changed activity finds its
    place by comparison, the same as in a full build.
    """
    facts = {}
    for pk, search_title, title, gebied, bouwsteen, free, accessible, volunteers in rows:
        links = [("bouwsteen", lookups["bouwsteen"][bouwsteen])]
        if gebied is None:
            links.append(("stadsdeel", ONLINE))
        else:
            gebied_slug, stadsdeel_slug = lookups["gebied"][gebied]
            links += [("gebied", gebied_slug), ("stadsdeel", stadsdeel_slug)]
        for flag, value in [("gratis", free), ("toegankelijk", accessible), ("vrijwilligers", volunteers)]:
            if value:
                links.append((flag, "1"))
        facts[pk] = ((search_title, title, pk), links)
    many = [
        ("thema", Activity.themes.through.objects, "theme_id"),
        ("doelgroep", Activity.doelgroepen.through.objects, "doelgroep_id"),
    ]
    for facet, manager, column in many:
        pairs = manager.values_list("activity_id", column)
        if not whole_catalogue:
            pairs = pairs.filter(activity_id__in=list(facts))
        # Straight from the link tables: rows of unpublished activities are not in `facts`.
        facet_slugs = lookups[facet]
        for pk, value in pairs:
            fact = facts.get(pk)
            if fact is not None:
                fact[1].append((facet, facet_slugs[value]))
    # The dates as their JSON text: a row is then its own (hashable) key, and only the few hundred
    # distinct rules are read, not 50,000 rows.
    columns = ["dates_text" if field == "dates" else field for field in schedule.Rule.FIELDS]
    slots = ScheduleSlot.objects.annotate(dates_text=Cast("dates", TextField())).values_list("activity_id", *columns)
    if not whole_catalogue:
        slots = slots.filter(activity_id__in=list(facts))
    rules = {}  # the same rule once, however many activities have it
    for row in slots:
        fact = facts.get(row[0])
        if fact is None:
            continue
        values = row[1:]
        rule = rules.get(values)
        if rule is None:
            rule = rules[values] = schedule.Rule.from_values(*values)
        fact[1].append((RULES, rule))
        if rule.day is not None:
            fact[1].append(("dag", DAY_SLUGS[rule.day]))
    return facts


def _passing(options, facet, value):
    """The activities that ticking `value` of `facet` lets through: for a doelgroep also those for everyone."""
    mask = options[facet].get(value, 0)
    if facet == "doelgroep":
        mask |= options[facet].get(Doelgroep.EVERYONE, 0)
    return mask


def _insert_bit(mask, n):
    low = mask & ((1 << n) - 1)
    return low | ((mask >> n) << (n + 1))


def _remove_bit(mask, n):
    low = mask & ((1 << n) - 1)
    return low | ((mask >> (n + 1)) << n)


class CatalogueIndex:
    generation = None  # set by PerVersion

    def __init__(self, ids, keys, options, lookups, holidays=(), structural=None):
        self.ids = tuple(ids)  # activity ids in list order; the bit positions
        self.keys = tuple(keys)  # each position's sort key
        # {facet or flag: {value: mask}}; a flag's only value is "1"
        self.options = MappingProxyType({name: MappingProxyType(values) for name, values in options.items()})
        self.lookups = lookups
        self.holidays = holidays  # the school holidays the rules pause in; a change to them rebuilds
        # Values made only of what the filters are made of, shared with the indexes updated from this one.
        self._structural = {} if structural is None else structural
        self.all = (1 << len(self.ids)) - 1
        self._dated = (None, None, None)  # (date, masks of the DATED filters on that date, rows on it)

    @cached_property
    def position(self):
        """activity id -> bit position; made when a search or an update first needs it, not on every
        update (a list without a search never does)."""
        return MappingProxyType(dict(zip(self.ids, range(len(self.ids)), strict=True)))

    def structural(self, name, compute):
        """compute(), kept as long as the filters' options stay the same.

        For what is made only of the options and their names (the filter form's labels): an update
        changes activities only and passes these on, and a change to a theme, a gebied or the like
        makes a new index from scratch (changed_since), so they are made again.
        """
        value = self._structural.get(name)
        if value is None:
            value = self._structural[name] = compute()
        return value

    @classmethod
    def build(cls):
        lookups = _lookups()
        facts = _facts(Activity.objects.published().values_list(*_COLUMNS), lookups)
        ordered = sorted(facts.items(), key=lambda item: item[1][0])
        links = {facet: defaultdict(list) for facet in [*FACETS, *FLAGS, RULES] if facet not in DATED}
        for n, (_pk, (_key, activity_links)) in enumerate(ordered):
            for facet, value in activity_links:
                links[facet][value].append(n)
        options = {
            facet: {value: _mask(positions, len(ordered)) for value, positions in values.items()}
            for facet, values in links.items()
        }
        ids, keys = [pk for pk, _fact in ordered], [fact[0] for _pk, fact in ordered]
        return cls(ids, keys, options, lookups, schedule.school_holidays())

    def updated(self, changed):
        """A new index with the activities `changed` as they are now (published or gone); this one stays as it is.

        Each change moves the bits after its position one place, in every option: a few
        milliseconds for a handful of changes at 50,000 activities, where a build takes half a second.
        """
        facts = _facts(
            Activity.objects.published().filter(pk__in=changed).values_list(*_COLUMNS),
            self.lookups,
            whole_catalogue=False,
        )
        if self._unchanged(changed, facts):
            return self
        ids, keys = list(self.ids), list(self.keys)
        options = {facet: dict(values) for facet, values in self.options.items()}
        for n in sorted(self._positions_of(changed), reverse=True):
            del ids[n], keys[n]
            for values in options.values():
                for value, mask in values.items():
                    values[value] = _remove_bit(mask, n)
        for pk, (key, links) in facts.items():
            n = bisect.bisect_left(keys, key)
            ids.insert(n, pk)
            keys.insert(n, key)
            for values in options.values():
                for value, mask in values.items():
                    values[value] = _insert_bit(mask, n)
            for facet, value in links:
                options[facet][value] = options[facet].get(value, 0) | (1 << n)
        return CatalogueIndex(ids, keys, options, self.lookups, self.holidays, self._structural)

    # Beyond this many changed activities, looking for a change costs more than it saves.
    MAX_COMPARED = 20

    def _unchanged(self, changed, facts):
        """Whether the changed activities are here exactly as `facts` has them (a save that changed
        nothing a filter reads: a phone number, a description): then this index is the new one."""
        if len(changed) > self.MAX_COMPARED:
            return False
        for pk in changed:
            found = self._positions_of([pk])
            if not found:
                if pk in facts:  # published since
                    return False
                continue
            n = found[0]
            if pk not in facts or self.keys[n] != facts[pk][0]:
                return False
            here = {
                (facet, value)
                for facet, values in self.options.items()
                for value, mask in values.items()
                if mask >> n & 1
            }
            if here != set(facts[pk][1]):
                return False
        return True

    def stadsdeel_of(self, gebied_slug):
        return next(stadsdeel for slug, stadsdeel in self.lookups["gebied"].values() if slug == gebied_slug)

    def _positions_of(self, pks):
        """The positions of those of `pks` that are in the index; a few are looked up without the map."""
        if len(pks) > 20 or "position" in self.__dict__:
            return [self.position[pk] for pk in pks if pk in self.position]
        found = []
        for pk in pks:
            try:
                found.append(self.ids.index(pk))
            except ValueError:
                continue
        return found

    def mask_of(self, ids):
        return _mask((self.position[pk] for pk in ids if pk in self.position), len(self.ids))

    def dated(self, today):
        """The masks of the DATED filters on `today`: {filter: {value: mask}}.

        Made from the distinct schedule rules (a few hundred at 50,000 activities), so once a day
        per index; a request on another date (after midnight) makes that date's.
        """
        return self._on(today)[0]

    def rows(self, today):
        """{the options a schedule row meets on `today` (schedule.row_options): the activities with such a row}."""
        return self._on(today)[1]

    def _on(self, today):
        date, masks, rows = self._dated
        if date == today:
            return masks, rows
        masks, rows = {facet: {} for facet in DATED}, {}
        for rule, mask in self.options.get(RULES, {}).items():
            options = schedule.row_options(rule, today, self.holidays)
            rows[options] = rows.get(options, 0) | mask
            for facet, value in options:
                if facet in DATED:
                    masks[facet][value] = masks[facet].get(value, 0) | mask
        self._dated = (today, masks, rows)
        return masks, rows

    def select(self, ticked, flags, ranked_ids=None, today=None):
        """The activities that pass every ticked filter, and the count of each option.

        `ticked`: {facet: [values]}, OR-ed within a facet; the schedule's filters (schedule.ROW_FILTERS)
        must be met by one and the same row; `flags`: the ticked flags; `ranked_ids`: the search's
        matches in rank order, or None without a search; `today`: the date the "when" filters look
        from (default: Amsterdam's today). A facet's counts ignore its own selection, so ticking
        another stadsdeel shows what it would add.
        """
        today = today or timezone.localdate()
        options = {**self.options, **self.dated(today)}
        rows = self.rows(today)
        base = self.all if ranked_ids is None else self.mask_of(ranked_ids)
        for flag in flags:
            base &= options[flag].get("1", 0)
        on_rows = {facet: values for facet, values in ticked.items() if values and facet in schedule.ROW_FILTERS}
        passes = {}
        for facet, values in ticked.items():
            if values and facet not in on_rows:
                passes[facet] = 0
                for value in values:
                    passes[facet] |= _passing(options, facet, value)
        if on_rows:
            passes[ROWS] = _meeting(rows, on_rows)

        def passing_all_but(skip):
            mask = base
            for facet, passing in passes.items():
                if facet != skip:
                    mask &= passing
            return mask

        result = passing_all_but(None)
        counts = {}
        for facet in FACETS:
            # Every doelgroep counts the activities for everyone, also one without activities of its own.
            values = self.lookups["doelgroep"].values() if facet == "doelgroep" else options[facet]
            if on_rows and facet in schedule.ROW_FILTERS:
                # What ticking it would give: rows that meet it and the other ticked row filters.
                others = passing_all_but(ROWS)
                rest = {other: chosen for other, chosen in on_rows.items() if other != facet}
                passing = {value: _meeting(rows, rest, (facet, value)) for value in values}
            else:
                others = passing_all_but(facet)
                passing = {value: _passing(options, facet, value) for value in values}
            counts[facet] = {value: count for value, mask in passing.items() if (count := (mask & others).bit_count())}
        for flag in FLAGS:
            counts[flag] = {"1": (result & options[flag].get("1", 0)).bit_count()}
        return Selection(self, result, counts, ranked_ids)


def _meeting(rows, ticked, option=None):
    """The activities with a row that meets every ticked row filter (and has `option`, when given)."""
    mask = 0
    for options, activities in rows.items():
        if (option is None or option in options) and schedule.meets(options, ticked):
            mask |= activities
    return mask


# Older changes are gone from activities_catalogue_change (migration 0012): an index further behind is rebuilt.
KEPT_VERSIONS = 1000
# Beyond this many changed activities a rebuild costs less than moving bits.
MAX_UPDATED = 1000


def changed_since(built, version):
    """The ids of the published activities that versions after `built` up to `version` changed, or
    None when those changes also touched what the filters are made of (then the index is rebuilt)."""
    with connection.cursor() as cursor:
        cursor.execute(
            # Not the rows that change an activity's page only (an organisation's name: migration 0021).
            "SELECT DISTINCT activity_id FROM activities_catalogue_change"
            " WHERE version > %s AND version <= %s AND facts",
            [built, version],
        )
        changed = {pk for (pk,) in cursor.fetchall()}
    return None if None in changed else changed


class PerVersion:
    """What a process keeps of the catalogue at one version: at most one made per version, from the
    previous one and the activities changed since (`kind.updated(changed)`) when it can, else built
    from scratch (`kind.build()`); every time without a version. The one made is never changed: a
    newer one replaces it whole, under a lock, so a request that holds one reads it consistently.

    An update that finds the changed activities as they were returns the same one, and its
    `generation` (the version whose catalogue it holds) stays: what is derived from it alone can be
    kept under that instead of the catalogue's version (the search's matches: selectors.searched).
    """

    def __init__(self, kind):
        self.kind = kind
        self.latest = {}  # database name -> (version, the one made)
        self.making = threading.Lock()

    def __call__(self, version):
        if version is None:
            return self.kind.build()
        database = connection.settings_dict["NAME"]
        built, made = self.latest.get(database, (None, None))
        # Versions only grow; a request still reading an older one may use the newer one.
        if built is not None and version <= built:
            return made
        # One thread makes it; the others wait for it rather than make the same again.
        with self.making:
            built, made = self.latest.get(database, (None, None))
            if built is None or version > built:
                following = self._next(made, built, version)
                if following is not made:
                    # Set before any other request sees it; it says what it holds, as of which version.
                    following.generation = version
                made = following
                self.latest[database] = (version, made)
        return made

    def _next(self, made, built, version):
        if made is None or version - built > KEPT_VERSIONS:
            return self.kind.build()
        changed = changed_since(built, version)
        if changed is None or len(changed) > MAX_UPDATED:
            return self.kind.build()
        return made.updated(changed) if changed else made


catalogue_index = PerVersion(CatalogueIndex)
