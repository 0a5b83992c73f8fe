"""What is derived from the public catalogue, cached under the catalogue's version.

PostgreSQL triggers move the version on at every committed change to the catalogue (migration
0005), so a key that holds the version can never serve stale data: after a change, the next
request simply finds nothing under the new version.

Two tiers: this process's memory (`caches["local"]`) in front of the cache every app server
shares (`caches["default"]`, a PostgreSQL table in production). A value found in the shared
cache is copied to the local one, so a popular page costs no cache query at all, and a page
rendered by one worker serves all the others.

Every key also holds the release (`release()`): the shared cache outlives a deploy, and a page the
previous release made may read differently or link static files (hashed names) the new one no
longer has.
"""

import functools
import hashlib
import pickle
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection

# Long enough to serve a busy hour, short enough that versions nobody asks for leave the cache.
CACHE_SECONDS = 60 * 30
CACHE_PREFIX = "catalogue:v1"
# A value larger than this (a search matching most of the catalogue) is kept in this process only:
# with the shared cache's entry limit it bounds the table's size.
SHARED_VALUE_BYTES = 256 * 1024


def catalogue_version():
    """The catalogue's version, or None where nothing derived from it may be cached.

    None on SQLite (no version triggers there), and inside a transaction that has changed the
    catalogue itself: those changes are not committed, so no cached copy has them.
    """
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT version, current_setting('activities.catalogue_dirty', true) FROM activities_catalogue_version"
        )
        row = cursor.fetchone()
    if row is None or row[1] == "on":
        return None
    return row[0]


def activity_stamp(slug):
    """The last catalogue version that changed the published activity with this slug, or every
    activity's page (a row without an activity: a rebuild, or an organisation's change, migration
    0021), from activities_catalogue_change; None when there is no such activity.

    What its page shows changes only then, so the page can be kept under this stamp while other
    activities change. Changes older than the table keeps count as one before its oldest row: that
    value only grows as rows go, so it never repeats an earlier stamp of a since-changed activity.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT greatest(
                (SELECT max(version) FROM activities_catalogue_change WHERE activity_id = activity.id),
                (SELECT max(version) FROM activities_catalogue_change WHERE activity_id IS NULL),
                (SELECT min(version) - 1 FROM activities_catalogue_change),
                0
            )
            FROM activities_activity activity WHERE activity.slug = %s
            """,
            [slug],
        )
        row = cursor.fetchone()
    return None if row is None else row[0]


@functools.cache
def release():
    """What this deploy makes its pages with: settings.RELEASE (an image tag, say), or else a digest of
    the portal's own code, templates and static files' manifest, read once per process."""
    if settings.RELEASE:
        return settings.RELEASE
    digest = hashlib.sha256()
    for path in sorted(_release_files()):
        digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _release_files():
    base = Path(settings.BASE_DIR)
    folders = [
        Path(app.path)
        for app in apps.get_app_configs()
        if Path(app.path).is_relative_to(base) and "site-packages" not in Path(app.path).parts
    ]
    folders += [Path(folder) for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    for folder in folders:
        for pattern in ("*.py", "*.html", "*.txt"):
            yield from folder.rglob(pattern)
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        yield manifest


def cache_key(version, *parts):
    digest = hashlib.sha256(repr((connection.settings_dict["NAME"], release(), parts)).encode()).hexdigest()
    return f"{CACHE_PREFIX}:{version}:{digest}"


def get(key):
    value = caches["local"].get(key)
    if value is None:
        value = cache.get(key)
        if value is not None:
            caches["local"].set(key, value, CACHE_SECONDS)
    return value


def put(key, value):
    caches["local"].set(key, value, CACHE_SECONDS)
    if len(pickle.dumps(value, pickle.HIGHEST_PROTOCOL)) <= SHARED_VALUE_BYTES:
        cache.set(key, value, CACHE_SECONDS)


def cached(version, key_parts, compute):
    """compute(), cached under the catalogue's version; computed every time without one."""
    if version is None:
        return compute()
    key = cache_key(version, *key_parts)
    value = get(key)
    if value is None:
        value = compute()
        put(key, value)
    return value
