"""The staff monitor at 50,000 published activities and 5,000 aanvragen (issue 11: under a second).

    DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres .venv/bin/python bench/monitor.py [--label NAME]

Makes a throwaway test database next to the one in DATABASE_URL (as bench/worklist.py does),
migrates it, fills it in bulk with 50,000 published activities of 5,000 organisations across the
city (two themes each), and 5,000 granted aanvragen in one ronde per stadsdeel with two planned
activities each, a report obligation each (half of them accepted with a frozen version, some late).
Then fetches /beoordeling/monitor/ through Django's test client as a Noord reviewer and as the
functional administrator (the whole city), plus a filtered view and an XLSX export; writes p50/p95 and
the query count per variant to bench/results/<date>-<label>.md and drops the database.
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

ACTIVITIES = 50_000
ORGANISATIONS = 5_000
AANVRAGEN = 5_000
RUNS = 15
URL = "/beoordeling/monitor/"


def seed():
    from accounts.models import StaffRole, User
    from activities.models import Activity, Bouwsteen, Location, Theme
    from organisations.models import Organisation
    from stadsdelen.models import Gebied, Stadsdeel
    from subsidies.models import (
        Aanvraag,
        Besluit,
        GeplandeActiviteit,
        Regeling,
        ReportObligation,
        ReportVersion,
        Ronde,
        Track,
    )
    from subsidies.workflow import Status

    rng = random.Random(11)
    today = timezone.localdate()
    year = today.year
    stadsdelen = list(Stadsdeel.objects.current())
    gebieden = list(Gebied.objects.current())
    bouwstenen = list(Bouwsteen.objects.all())
    themes = list(Theme.objects.all())
    reviewer = User.objects.create_user("bench.reviewer@example.org", "bench-wachtwoord-2026")
    decider = User.objects.create_user("bench.decider@example.org", "bench-wachtwoord-2026")
    admin = User.objects.create_user("bench.admin@example.org", "bench-wachtwoord-2026", is_superuser=True)
    noord = Stadsdeel.objects.get(slug="noord")
    StaffRole.objects.create(user=reviewer, role=StaffRole.Role.REVIEWER, stadsdeel=noord)
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Organisatie {n}", kvk=f"{30000000 + n}", kind=Organisation.Kind.WELFARE)
        for n in range(ORGANISATIONS)
    )
    locations = Location.objects.bulk_create(
        Location(
            organisation=organisations[n],
            name=f"Plek {n}",
            street=f"Straat {n}",
            postcode="1021 AA",
            gebied=gebieden[n % len(gebieden)],
        )
        for n in range(ORGANISATIONS)
    )
    activities = Activity.objects.bulk_create(
        Activity(
            slug=f"bench-{n}",
            title=f"Activiteit {n}",
            summary="Koffie en hulp in de buurt.",
            organisation=organisations[n % ORGANISATIONS],
            location=locations[n % ORGANISATIONS],
            bouwsteen=bouwstenen[n % len(bouwstenen)],
            status=Activity.Status.PUBLISHED,
            volunteers_wanted="Ja" if n % 5 == 0 else "",
            last_verified=today - datetime.timedelta(days=rng.randrange(0, 400)),
        )
        for n in range(ACTIVITIES)
    )
    Activity.themes.through.objects.bulk_create(
        Activity.themes.through(activity_id=activity.pk, theme_id=theme.pk)
        for activity in activities
        for theme in rng.sample(themes, 2)
    )
    regeling = Regeling.objects.get(slug="sociale-basis")
    track = Track.objects.get(regeling=regeling, slug="incidenteel")
    rondes = {
        stadsdeel.pk: Ronde.objects.create(
            regeling=regeling,
            stadsdeel=stadsdeel,
            name=str(year),
            period_start=datetime.date(year, 1, 1),
            period_end=datetime.date(year, 12, 31),
            opens_on=today - datetime.timedelta(days=300),
            closes_on=today - datetime.timedelta(days=200),
            plafond_cents=50_000_000_00,
        )
        for stadsdeel in stadsdelen
    }
    ronde_list = list(rondes.values())
    aanvragen = Aanvraag.objects.bulk_create(
        Aanvraag(
            dossiernummer=f"SB-MON-{n:05d}",
            organisation=organisations[n % ORGANISATIONS],
            ronde=ronde_list[n % len(ronde_list)],
            track=track,
            projectnaam=f"Project {n}",
            requested_cents=rng.randrange(1_000_00, 50_000_00, 100),
            status=Status.VERLEEND,
            received_on=today - datetime.timedelta(days=250),
            created_by=reviewer,
        )
        for n in range(AANVRAGEN)
    )
    Besluit.objects.bulk_create(
        Besluit(
            aanvraag=aanvraag,
            outcome=Besluit.Outcome.VERLEEND,
            amount_cents=aanvraag.requested_cents,
            motivation="Past bij het uitvoeringsplan.",
            besluitdatum=today - datetime.timedelta(days=200),
            verzenddatum=today - datetime.timedelta(days=200),
            bezwaar_deadline=today - datetime.timedelta(days=158),
            decided_by=decider,
            advised_by=reviewer,
        )
        for aanvraag in aanvragen
    )
    by_stadsdeel = {}
    for gebied in gebieden:
        by_stadsdeel.setdefault(gebied.stadsdeel_id, []).append(gebied)
    planned = GeplandeActiviteit.objects.bulk_create(
        GeplandeActiviteit(
            aanvraag=aanvraag,
            title=f"Activiteit {index}",
            bouwsteen=rng.choice(bouwstenen),
            gebied=rng.choice(by_stadsdeel[aanvraag.ronde.stadsdeel_id]),
            participants=40,
            meetings=45,
            volunteers=6,
        )
        for aanvraag in aanvragen
        for index in range(2)
    )
    obligations = ReportObligation.objects.bulk_create(
        ReportObligation(
            aanvraag=aanvraag,
            kind=ReportObligation.Kind.FINAL,
            period_start=datetime.date(year, 1, 1),
            period_end=datetime.date(year, 12, 31),
            due_on=today - datetime.timedelta(days=30),
            state=ReportObligation.State.ACCEPTED if n % 2 == 0 else ReportObligation.State.OPEN,
            submitted_on=today - datetime.timedelta(days=rng.choice([20, 40])) if n % 2 == 0 else None,
        )
        for n, aanvraag in enumerate(aanvragen)
    )
    planned_by_aanvraag = {}
    for row in planned:
        planned_by_aanvraag.setdefault(row.aanvraag_id, []).append(row)
    ReportVersion.objects.bulk_create(
        ReportVersion(
            obligation=obligation,
            number=1,
            content={
                "texts": {"went_well": "Elke week kwamen er nieuwe buren."},
                "indicators": {"nieuwe-deelnemers": {"value": "30", "explanation": ""}},
                "figures": [
                    {"planned_id": row.pk, "participants": 38, "meetings": 44, "volunteers": 5, "volunteer_hours": 200}
                    for row in planned_by_aanvraag[obligation.aanvraag_id]
                ],
            },
            submitted_by=reviewer,
            outcome=ReportVersion.Outcome.ACCEPTED,
            reviewed_by=decider,
        )
        for obligation in obligations
        if obligation.state == ReportObligation.State.ACCEPTED
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"Noord reviewer": reviewer, "functional administrator (city)": admin}


def measure(client, params):
    return timed_get(client, URL, params, RUNS)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="monitor")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL server: the bench measures what production runs.")
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        users = seed()
        seeded = time.perf_counter() - started
        results = {}
        for who, user in users.items():
            client = Client()
            client.force_login(user)
            variants = {
                "whole monitor": {},
                "one stadsdeel (noord)": {"stadsdeel": "noord"},
                "XLSX of the organisations' freshness": {"tabel": "organisaties", "formaat": "xlsx"},
            }
            for name, params in variants.items():
                client.get(URL, params)  # warm: templates
                results[f"{who}: {name}"] = measure(client, params)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    write(args.label, results, seeded)


def write(label, results, seeded):
    today = datetime.date.today().isoformat()
    lines = [
        f"# Staff monitor at {ACTIVITIES:,} activities and {AANVRAGEN:,} aanvragen ({today})",
        "",
        f"`bench/monitor.py`: {ACTIVITIES:,} published activities of {ORGANISATIONS:,} organisations across the city",
        f"(two themes each), {AANVRAGEN:,} granted aanvragen in one ronde per stadsdeel (two planned activities",
        "each, one report obligation each, half accepted with a frozen version), seeded in bulk in",
        f"{seeded:.0f} s. `/beoordeling/monitor/` fetched {RUNS} times per variant through Django's test client on",
        "PostgreSQL, DEBUG off, this machine.",
        "",
        "| variant | status | queries | p50 ms | p95 ms | max ms |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for name, row in results.items():
        lines.append(
            f"| {name} | {row['status']} | {row['queries']} | {row['p50']:.0f} | {row['p95']:.0f} | {row['max']:.0f} |"
        )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines += [
        "",
        f"Worst p95: **{max(row['p95'] for row in results.values()):.0f} ms** (target: under 1,000 ms).",
        f"Load average when it finished: {load} on {os.cpu_count()} cores (other work on the machine counts too).",
        "",
    ]
    path = ROOT / "bench" / "results" / f"{today}-{label}.md"
    path.write_text("\n".join(lines))
    print("\n".join(lines))
    print(f"written to {path}")


if __name__ == "__main__":
    main()
