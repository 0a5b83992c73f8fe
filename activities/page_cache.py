"""Whole catalogue pages for visitors, cached under the catalogue's version (or, for an activity's
page, under the last version that changed that activity).

A visitor without a session or a pending message gets the same page as every other such
visitor for the same address, so the rendered page (some 20 ms of template work) is kept
under the catalogue's version: any committed change to the catalogue moves the version on,
and the next request renders afresh. Logged-in users and anyone with a message to see always
get a fresh page.

The view sees the canonical query string only (activities.filters.canonical_params), and a page
is kept under that: parameters the catalogue does not know, their order or a repeated value never
make another entry. A view marks a page that is not canonical itself (a value no filter knows, a
page number past the end) with `Cache-Control: no-store`, and it is not kept.

A kept page is kept gzipped, compressed once when it is made: a browser that accepts gzip (nearly
every one) gets those bytes, some 8 KB where the page is 50 KB, which counts on a phone's connection
and in the app servers' memory. Only these pages are compressed: they hold nothing secret of a
visitor (no session, no CSRF token), so compression cannot leak one (BREACH).
"""

import gzip
import re
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from activities import catalogue_cache
from activities.catalogue_cache import cache_key, catalogue_version
from activities.filters import canonical_params

# Response headers a cached page keeps; the middleware adds the rest (CSP, security) on every hit.
KEPT_HEADERS = ["Content-Type", "Content-Language", "Vary", "Access-Control-Allow-Origin", "HX-Push-Url"]
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def wants_fragment(request):
    """An htmx update asks for the results fragment; a history restore needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def is_anonymous_visitor(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and CookieStorage.cookie_name not in request.COOKIES


def cache_for_visitors(view=None, *, stamp=None):
    """Keep the page under the catalogue's version, or under `stamp(**the view's arguments)` for a page
    that depends on less than the whole catalogue (an activity's page: catalogue_cache.activity_stamp).
    A stamp of None: not kept."""
    if view is None:
        return lambda view: cache_for_visitors(view, stamp=stamp)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.GET = canonical_params(request.GET)
        # Templates read the address too (get_full_path), so it must not differ either.
        request.META["QUERY_STRING"] = request.GET.urlencode()
        if request.method != "GET" or not is_anonymous_visitor(request):
            return view(request, *args, **kwargs)
        # None also inside a transaction that changed the catalogue: nothing may be kept then.
        version = catalogue_version()
        if version is not None and stamp is not None:
            version = stamp(**kwargs)
        if version is None:
            return view(request, *args, **kwargs)
        address = request.build_absolute_uri(request.path)
        # Per day too: pages show the next dates, and "vandaag" moves on at midnight.
        day = timezone.localdate().isoformat()
        kept_by = "catalogue" if stamp is None else stamp.__name__
        query = request.GET.urlencode()
        key = cache_key(version, "gzipped page", kept_by, day, address, query, wants_fragment(request))
        stored = catalogue_cache.get(key)
        if stored is None:
            response = view(request, *args, **kwargs)
            if not _may_keep(request, response):
                patch_vary_headers(response, ["Cookie"])
                return response
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            stored = (headers, gzip.compress(response.content, mtime=0))
            catalogue_cache.put(key, stored)
        return _kept_page(request, *stored)

    return wrapper


def _may_keep(request, response):
    # A page that set a cookie or used a CSRF token belongs to this visitor alone.
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "no-store" not in response.get("Cache-Control", "")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def _kept_page(request, headers, compressed):
    if _ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(compressed, headers=headers)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(compressed), headers=headers)
    patch_vary_headers(response, ["Cookie", "Accept-Encoding"])
    return response
