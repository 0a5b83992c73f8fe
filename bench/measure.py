"""Fetch every page type once (a few variants each) through Django's test client, against the
benchmark's database and settings, and record its queries, status, HTML size and time.

Also picks the fixture the load generator needs: slugs of published activities, the filter
values, the demo organisation's id. Writes one JSON file (--out).

Run by bench/run with DJANGO_SETTINGS_MODULE=portal.settings_production and DATABASE_URL set.
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings_production")

import django  # noqa: E402

django.setup()

import pages  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from activities.models import Activity, Bouwsteen, Doelgroep, Theme  # noqa: E402
from activities.selectors import warm_catalogue  # noqa: E402
from audit.models import AuditEvent  # noqa: E402
from organisations.models import Membership  # noqa: E402
from stadsdelen.models import Gebied, Stadsdeel  # noqa: E402

ORG_USER = "org.noord@demo.nl"
STAFF_USER = "beoordelaar.noord@demo.nl"
TIMED_RUNS = 3


def put_back_what_earlier_runs_took_off(user):
    """The load's writes take the demo organisation's activities off the site and put them back; a run
    that ends in between leaves them off, and run after run there would be fewer to write to."""
    taken_off = AuditEvent.objects.filter(actor=user, action=AuditEvent.Action.UNPUBLISH).values_list(
        "object_id", flat=True
    )
    Activity.objects.filter(pk__in=[int(pk) for pk in taken_off], status=Activity.Status.DRAFT).update(
        status=Activity.Status.PUBLISHED
    )


def fixture():
    rng = random.Random(2026)
    put_back_what_earlier_runs_took_off(User.objects.get(email=ORG_USER))
    published = list(Activity.objects.published().order_by("pk").values_list("slug", flat=True))
    membership = Membership.objects.filter(user__email=ORG_USER).order_by("pk").first()
    if membership is None:
        sys.exit(f"{ORG_USER} has no organisation: was the database filled with seed_demo?")
    return {
        "stadsdelen": list(Stadsdeel.objects.current().values_list("slug", flat=True)),
        "gebieden": list(Gebied.objects.current().order_by("code").values_list("slug", flat=True)),
        "bouwstenen": list(Bouwsteen.objects.values_list("slug", flat=True)),
        "themes": list(Theme.objects.values_list("slug", flat=True)),
        "doelgroepen": list(Doelgroep.objects.filter(is_public=True).values_list("slug", flat=True)),
        "slugs": rng.sample(published, min(500, len(published))),
        "organisation_id": membership.organisation_id,
        "org_activities": list(
            Activity.objects.published()
            .filter(organisation_id=membership.organisation_id)
            .order_by("pk")
            .values_list("pk", flat=True)[:20]
        ),
        "users": {"org": ORG_USER, "staff": STAFF_USER},
        "counts": {
            "activities": Activity.objects.count(),
            "published": len(published),
            "organisations": Activity.organisation.field.related_model.objects.count(),
        },
    }


def clients():
    backend = "django.contrib.auth.backends.ModelBackend"
    result = {None: Client()}
    for role, email in [("org", ORG_USER), ("staff", STAFF_USER)]:
        client = Client()
        client.force_login(User.objects.get(email=email), backend=backend)
        result[role] = client
    return result


def fetch(client, path, headers):
    # secure=True: as behind the TLS proxy of production (secure cookies, HSTS).
    response = client.get(path, headers=headers, secure=True)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


RESULT_COUNT = re.compile(rb"(\d+) activiteit(?:en)? gevonden")


def _results(body):
    """The number of results a catalogue page reports (None for other pages)."""
    match = RESULT_COUNT.search(body)
    return int(match.group(1)) if match else None


class Changes:
    """Changes as an organisation makes them, to the published activities last in title order, so
    they are on none of the pages measured and no page pays for making their cards again.

    - `take_off()`: one taken off the site (as the load's writes do): the filters, the counts and
      the search change; `put_back()` publishes it again, and this process takes that in;
    - `save()`: another saved again with nothing an index reads changed (as a phone number).
    """

    def __init__(self):
        last = Activity.objects.published().order_by("-search_title", "-title", "-pk").values_list("pk", flat=True)
        self.taken_off, self.saved = last[:2]

    def take_off(self):
        # As gunicorn.conf.py does for a worker, and so every change before is taken in: "after a
        # change" measures an update for this one, not this process's first build.
        warm_catalogue()
        Activity.objects.filter(pk=self.taken_off).update(status=Activity.Status.DRAFT)

    def put_back(self):
        Activity.objects.filter(pk=self.taken_off).update(status=Activity.Status.PUBLISHED)
        warm_catalogue()

    def save(self):
        with connection.cursor() as cursor:
            cursor.execute("UPDATE activities_activity SET updated_at = now() WHERE id = %s", [self.saved])


def timed(client, path, headers):
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        status, body = fetch(client, path, headers)
    return (time.perf_counter() - start) * 1000, len(captured.captured_queries), status, body


def measure(fx):
    by_role = clients()
    changes = Changes()
    result = {}
    for page_type in pages.PAGE_TYPES:
        rows = []
        for path, headers, login in pages.variants(page_type, fx):
            client = by_role[login]
            # After a change to the catalogue ("cold"): its version moves on, as the triggers of
            # migration 0005 do at every commit, so no page of the old one is served, and this
            # process updates its filter and search indexes. Then, the activity back, after a save
            # that changed nothing the indexes read: they stay, the page is made again.
            changes.take_off()
            cold_ms, cold_queries, _status, _body = timed(client, path, headers)
            changes.put_back()
            changes.save()
            saved_ms, _queries, _status, _body = timed(client, path, headers)
            # A page nobody asked for before in this version ("miss"): the filter index, a search's
            # matches and the filter options are there, the rendered page is not (the unknown
            # parameter makes the address new and changes nothing else).
            miss_path = path + ("&" if "?" in path else "?") + f"bench-miss={len(rows)}-{time.time_ns()}"
            miss_ms, miss_queries, _status, _body = timed(client, miss_path, headers)
            with CaptureQueriesContext(connection) as captured:
                status, body = fetch(client, path, headers)
            # Copy now: the next request's request_started signal empties the connection's log.
            queries = list(captured.captured_queries)
            times = []
            for _ in range(TIMED_RUNS):
                start = time.perf_counter()
                fetch(client, path, headers)
                times.append((time.perf_counter() - start) * 1000)
            rows.append(
                {
                    "url": path,
                    "htmx": bool(headers),
                    "status": status,
                    "bytes": len(body),
                    "results": _results(body),
                    "queries": len(queries),
                    "queries_cold": cold_queries,
                    "ms_cold": cold_ms,
                    "ms_saved": saved_ms,
                    "queries_miss": miss_queries,
                    "ms_miss": miss_ms,
                    "sql": [{"sql": q["sql"][:4000], "ms": float(q["time"]) * 1000} for q in queries],
                    "ms": statistics.median(times),
                }
            )
            print(
                f"  {page_type:20} {status} {len(queries):3} queries ({cold_queries} cold) "
                f"{len(body) / 1024:7.1f} KB {statistics.median(times):7.1f} ms  {path}",
                file=sys.stderr,
            )
        result[page_type] = rows
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    fx = fixture()
    # Every run starts from an empty shared cache (a kept --db still has the last run's), so the
    # cache's own housekeeping (culling when full) never lands in the query counts.
    cache.clear()
    data = {"fixture": fx, "pages": measure(fx)}
    Path(args.out).write_text(json.dumps(data, indent=1))


if __name__ == "__main__":
    main()
