"""Which reports a besluit asks for, by track: half-yearly (H1 due mid-July, H2 at the end of January,
as the ronde says), one final report, or a short statement for klein initiatief."""

import datetime

from dateutil.relativedelta import relativedelta
from django.db import transaction

from subsidies.models import Aanvraag, ReportObligation, Track

# A final report or statement is due this long after the subsidy period ends.
FINAL_REPORT_AFTER = relativedelta(weeks=13)


def report_date(text, year):
    """A ronde's report date ("15-07", day and month) in `year`."""
    day, month = (int(part) for part in text.split("-"))
    return datetime.date(year, month, day)


def planned_obligations(*, track, ronde, start, end):
    """(kind, period start, period end, due on, is final) for a subsidy from `start` to `end`."""
    if track.accountability != Track.Accountability.HALF_YEARLY:
        statement = track.accountability == Track.Accountability.STATEMENT
        kind = ReportObligation.Kind.STATEMENT if statement else ReportObligation.Kind.FINAL
        return [(kind, start, end, end + FINAL_REPORT_AFTER, True)]
    periods = []
    half = datetime.date(start.year, 1 if start.month <= 6 else 7, 1)
    while half <= end:
        half_end = half + relativedelta(months=6) - datetime.timedelta(days=1)
        if half.month == 1:
            due = report_date(ronde.h1_report_due, half.year)
        else:
            due = report_date(ronde.h2_report_due, half.year + 1)
        periods.append([ReportObligation.Kind.HALF_YEAR, max(half, start), min(half_end, end), due, False])
        half += relativedelta(months=6)
    periods[-1][4] = True
    return [tuple(period) for period in periods]


def obligations_create(*, aanvraag, besluit):
    """Called in the besluit's transaction; the unique period makes a second call create nothing."""
    made = []
    for kind, start, end, due, final in planned_obligations(
        track=aanvraag.track, ronde=aanvraag.ronde, start=besluit.ingangsdatum, end=besluit.vervaldatum
    ):
        obligation, created = ReportObligation.objects.get_or_create(
            aanvraag=aanvraag,
            period_start=start,
            defaults={"kind": kind, "period_end": end, "due_on": due, "is_final": final},
        )
        if created:
            made.append(obligation)
    return made


@transaction.atomic
def obligations_reschedule(*, ronde):
    """After a ronde's report dates change: open obligations move, submitted ones never do."""
    moved = 0
    for aanvraag in Aanvraag.objects.filter(ronde=ronde, obligations__state=ReportObligation.State.OPEN).distinct():
        besluit = aanvraag.besluit
        due = {
            start: due
            for _kind, start, _end, due, _final in planned_obligations(
                track=aanvraag.track, ronde=ronde, start=besluit.ingangsdatum, end=besluit.vervaldatum
            )
        }
        for obligation in aanvraag.obligations.select_for_update().filter(state=ReportObligation.State.OPEN):
            if obligation.period_start in due and obligation.due_on != due[obligation.period_start]:
                obligation.due_on = due[obligation.period_start]
                obligation.save(update_fields=["due_on"])
                moved += 1
    return moved
