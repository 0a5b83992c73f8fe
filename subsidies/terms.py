"""The Awb's terms, in one place: beslistermijn with suspension, and the bezwaartermijn.

- Awb 4:13: the regeling's term runs from receipt of the aanvraag (eight weeks without one).
- Awb 4:15: asking for an aanvulling suspends it "met ingang van de dag na die waarop het verzoek
  is verstuurd tot de dag waarop de aanvraag is aangevuld of de daarvoor gestelde termijn
  ongebruikt is verstreken": the days from the day after the question up to, not including, the
  day of the answer (or the day after its deadline, when none came) do not count.
- Awb 6:7 and 6:8: bezwaar within six weeks, starting the day after the beschikking is sent.
"""

import datetime

BEZWAAR_WEEKS = 6


def suspended_days(asked_on, due_on, received_on, today):
    """Days an aanvulling held the term still, or None while it is still open."""
    if received_on is not None:
        end = min(received_on, due_on + datetime.timedelta(days=1))
    elif today > due_on:
        end = due_on + datetime.timedelta(days=1)
    else:
        return None
    return max((end - asked_on).days - 1, 0)


def decision_deadline(*, received_on, weeks, aanvullingen, today):
    """The last day to decide, or None while an aanvulling is open (the term stands still).

    `aanvullingen`: (asked_on, due_on, received_on or None) for each question asked.
    """
    deadline = received_on + datetime.timedelta(weeks=weeks)
    for asked_on, due_on, answered_on in aanvullingen:
        days = suspended_days(asked_on, due_on, answered_on, today)
        if days is None:
            return None
        deadline += datetime.timedelta(days=days)
    return deadline


def bezwaar_deadline(verzenddatum):
    """The last day for bezwaar: six weeks from the day after sending ends on this date."""
    return verzenddatum + datetime.timedelta(weeks=BEZWAAR_WEEKS)
