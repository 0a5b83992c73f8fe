"""The staff work list at 5,000 aanvragen in one stadsdeel (issue 10: under 300 ms).

    DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres .venv/bin/python bench/worklist.py [--label NAME]

Makes a throwaway test database next to the one in DATABASE_URL (as the test runner does),
migrates it, fills it with 5,000 submitted aanvragen of 500 organisations in Noord (rows in bulk:
the services would take minutes and the list reads the same rows), then fetches the list as a Noord
reviewer through Django's test client: unfiltered (sorted on the beslistermijn), filtered,
sorted in SQL, a later page, and the CSV and XLSX exports of a filtered list. Writes p50/p95 and
the query count per variant to bench/results/<date>-worklist.md and drops the database.
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.timing import timed_get  # noqa: E402

AANVRAGEN = 5_000
ORGANISATIONS = 500
RUNS = 30
VARIANTS = {
    "unfiltered, by beslistermijn": {},
    "status + bouwsteen": {"status": ["in_behandeling", "advies"], "bouwsteen": "BOUWSTEEN"},
    "organisation name, sorted by amount": {"organisatie": "organisatie 1", "sorteer": "-bedrag"},
    "overdue only": {"termijn": "te-laat"},
    "page 40": {"page": "40", "sorteer": "dossiernummer"},
    "CSV of gebied": {"gebied": "GEBIED", "formaat": "csv"},
    "XLSX of in behandeling": {"status": "in_behandeling", "formaat": "xlsx"},
}


def seed():
    from accounts.models import StaffRole, User
    from activities.models import Bouwsteen
    from organisations.models import Organisation
    from stadsdelen.models import Gebied, Stadsdeel
    from subsidies.models import Aanvraag, Aanvulling, GeplandeActiviteit, Regeling, Ronde, Track
    from subsidies.workflow import Status

    rng = random.Random(10)
    today = timezone.localdate()
    noord = Stadsdeel.objects.get(slug="noord")
    regeling = Regeling.objects.get(slug="sociale-basis")
    tracks = list(Track.objects.filter(regeling=regeling))
    rondes = [
        Ronde.objects.create(
            regeling=regeling,
            stadsdeel=noord,
            name=str(year),
            period_start=datetime.date(year, 1, 1),
            period_end=datetime.date(year, 12, 31),
            opens_on=today - datetime.timedelta(days=200),
            closes_on=today + datetime.timedelta(days=30),
            plafond_cents=50_000_000_00,
        )
        for year in (today.year, today.year + 1)
    ]
    reviewer = User.objects.create_user("bench.reviewer@example.org", "bench-wachtwoord-2026")
    StaffRole.objects.create(user=reviewer, role=StaffRole.Role.REVIEWER, stadsdeel=noord)
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Organisatie {n}", kvk=f"{20000000 + n}", kind=Organisation.Kind.WELFARE)
        for n in range(ORGANISATIONS)
    )
    statuses = [Status.INGEDIEND, Status.IN_BEHANDELING, Status.AANVULLING_GEVRAAGD, Status.ADVIES, Status.VERLEEND]
    aanvragen = Aanvraag.objects.bulk_create(
        Aanvraag(
            dossiernummer=f"SB-BENCH-{n:05d}",
            organisation=organisations[n % ORGANISATIONS],
            ronde=rondes[n % 2],
            track=tracks[n % len(tracks)],
            projectnaam=f"Project {n}",
            summary="Een buurtkamer met koffie en hulp bij formulieren.",
            requested_cents=rng.randrange(500_00, 80_000_00, 100),
            status=statuses[n % len(statuses)],
            received_on=today - datetime.timedelta(days=rng.randrange(0, 90)),
            created_by=reviewer,
        )
        for n in range(AANVRAGEN)
    )
    Aanvulling.objects.bulk_create(
        Aanvulling(
            aanvraag=aanvraag,
            question="Stuur de begroting mee.",
            asked_by=reviewer,
            asked_on=aanvraag.received_on + datetime.timedelta(days=2),
            due_on=aanvraag.received_on + datetime.timedelta(days=16),
            received_on=None
            if aanvraag.status == Status.AANVULLING_GEVRAAGD
            else aanvraag.received_on + datetime.timedelta(days=9),
        )
        for aanvraag in aanvragen
        if aanvraag.pk % 3 == 0 or aanvraag.status == Status.AANVULLING_GEVRAAGD
    )
    bouwstenen = list(Bouwsteen.objects.all())
    gebieden = list(Gebied.objects.filter(stadsdeel=noord))
    GeplandeActiviteit.objects.bulk_create(
        GeplandeActiviteit(
            aanvraag=aanvraag,
            title=f"Activiteit {index}",
            bouwsteen=rng.choice(bouwstenen),
            gebied=rng.choice(gebieden),
            participants=40,
        )
        for aanvraag in aanvragen
        for index in range(2)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return reviewer, bouwstenen[0].pk, gebieden[0].pk


def measure(client, params):
    return timed_get(client, "/beoordeling/aanvragen/", params, RUNS)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="worklist")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL server: the bench measures what production runs.")
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        reviewer, bouwsteen, gebied = seed()
        seeded = time.perf_counter() - started
        client = Client()
        client.force_login(reviewer)
        results = {}
        for name, params in VARIANTS.items():
            params = {
                key: {"BOUWSTEEN": bouwsteen, "GEBIED": gebied}.get(value, value) if isinstance(value, str) else value
                for key, value in params.items()
            }
            client.get("/beoordeling/aanvragen/", params)  # warm: templates, filter choices
            results[name] = measure(client, params)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    write(args.label, results, seeded)


def write(label, results, seeded):
    today = datetime.date.today().isoformat()
    lines = [
        f"# Staff work list at {AANVRAGEN:,} aanvragen ({today})",
        "",
        f"`bench/worklist.py`: {AANVRAGEN:,} submitted aanvragen of {ORGANISATIONS} organisations, all in Noord",
        f"(two planned activities each, an aanvulling for a third), seeded in {seeded:.1f} s; a Noord reviewer",
        f"fetches `/beoordeling/aanvragen/` {RUNS} times per variant through Django's test client, on PostgreSQL,",
        "DEBUG off, this machine. The beslistermijn of every filtered row is worked out in Python (the terms",
        "module), so it can be filtered and sorted on.",
        "",
        "| variant | status | queries | p50 ms | p95 ms | max ms |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for name, row in results.items():
        lines.append(
            f"| {name} | {row['status']} | {row['queries']} | {row['p50']:.0f} | {row['p95']:.0f} | {row['max']:.0f} |"
        )
    pages = [row["p95"] for name, row in results.items() if "CSV" not in name and "XLSX" not in name]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines += [
        "",
        f"Worst p95 of the list pages: **{max(pages):.0f} ms** (target: under 300 ms).",
        f"Load average when it finished: {load} on {os.cpu_count()} cores (other work on the machine counts too).",
        "",
    ]
    path = ROOT / "bench" / "results" / f"{today}-{label}.md"
    path.write_text("\n".join(lines))
    print("\n".join(lines))
    print(f"written to {path}")


if __name__ == "__main__":
    main()
