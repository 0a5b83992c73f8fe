"""The catalogue's result cards, each rendered once and kept in this process until its activity changes.

A card is the same on every page that lists its activity. Kept under the catalogue's version, one
organisation's edit would throw away every card and make the next pages render all of theirs again;
instead, when the version moves on, only the cards of the activities that versions changed
(activities_catalogue_change, as the filter index reads them) are dropped. A card may say when the
activity is next, so a new day starts afresh.
"""

import threading

from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from activities.catalogue_cache import CACHE_SECONDS
from activities.index import KEPT_VERSIONS, changed_since

_kept_at = {}  # database name -> (version, date) of the cards this process keeps
_catching_up = threading.Lock()


def _key(database, pk):
    return f"card:{database}:{pk}"


def _usable(database, version):
    """Whether the kept cards are those of `version`: first dropping the ones changed since they were kept."""
    today = timezone.localdate()
    with _catching_up:
        kept_version, kept_date = _kept_at.get(database, (None, None))
        if kept_version == version and kept_date == today:
            return True
        # A request that read an older version than another one already did: it renders its own.
        if kept_version is not None and version < kept_version and kept_date == today:
            return False
        changed = None
        if kept_version is not None and kept_date == today and version - kept_version <= KEPT_VERSIONS:
            changed = changed_since(kept_version, version)
        if changed is None:
            caches["cards"].clear()
        else:
            caches["cards"].delete_many([_key(database, pk) for pk in changed])
        _kept_at[database] = (version, today)
        return True


def kept_cards(ids, version):
    """{activity id: card} of the cards this process keeps for these ids at `version`."""
    if version is None:
        return {}
    database = connection.settings_dict["NAME"]
    if not _usable(database, version):
        return {}
    keys = {pk: _key(database, pk) for pk in ids}
    found = caches["cards"].get_many(list(keys.values()))
    return {pk: found[key] for pk, key in keys.items() if key in found}


def keep_cards(cards, version):
    """Keep {activity id: card}, rendered from the catalogue at `version` or later."""
    if version is None:
        return
    database = connection.settings_dict["NAME"]
    with _catching_up:
        # Not if another request moved the cards on to a newer version meanwhile: these may predate it.
        if _kept_at.get(database, (None, None)) == (version, timezone.localdate()):
            caches["cards"].set_many({_key(database, pk): card for pk, card in cards.items()}, CACHE_SECONDS)
