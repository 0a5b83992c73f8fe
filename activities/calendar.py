"""iCalendar (RFC 5545) for an activity, in Amsterdam time: per schedule row one recurring event (RRULE
with its INTERVAL, an ordinal BYDAY for "the first Tuesday", UNTIL, and an EXDATE for each date in a
school holiday when the row pauses then), and one event per date of a row of single dates."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event, vGeo

from activities import schedule

ICS_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _recurring(rule, today, holidays):
    """(first start, RRULE, EXDATEs) of a repeating row from `today` on, or None when it is over."""
    until = datetime.datetime.combine(rule.ends_on, rule.start) if rule.ends_on else None
    anchor = datetime.datetime.combine(rule.first_date(today), rule.start)
    first = rule.recurrence(anchor, until).after(datetime.datetime.combine(today, datetime.time()), inc=True)
    if first is None:
        return None
    byday = ICS_DAYS[rule.day]
    recur = {"freq": "weekly", "byday": byday}
    if rule.frequency == schedule.MONTHLY:
        recur = {"freq": "monthly", "byday": f"{rule.week_of_month}{byday}"}
    elif rule.interval > 1:
        recur["interval"] = rule.interval
    if until is not None:
        # With a DTSTART in a time zone, UNTIL is in UTC (RFC 5545, 3.3.10).
        recur["until"] = until.replace(tzinfo=schedule.AMSTERDAM).astimezone(datetime.UTC)
    paused = []
    if not rule.school_holidays:
        for holiday_first, holiday_last in holidays:
            if holiday_last >= first.date():
                paused += schedule.dates_between(rule, max(holiday_first, first.date()), holiday_last)
    exdates = [datetime.datetime.combine(date, rule.start, tzinfo=schedule.AMSTERDAM) for date in paused]
    return first.replace(tzinfo=schedule.AMSTERDAM), recur, exdates


def as_ics(activity, *, base_url, today=None, holidays=None):
    today = today or timezone.localdate()
    holidays = schedule.school_holidays() if holidays is None else holidays
    cal = Calendar()
    cal.add("prodid", "-//Gemeente Amsterdam//Sociale Basis activiteiten//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", activity.title)
    location = activity.location
    # An online activity's LOCATION is its link to join (RFC 5545 allows any text; calendars make it clickable).
    where = location.address if location else (activity.online_url or "Online")
    url = base_url + activity.get_absolute_url()

    def event(uid, start, end):
        event = Event()
        event.add("uid", f"{activity.slug}-{uid}@sociale-basis.amsterdam.nl")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", activity.title)
        event.add("description", f"{activity.summary}\n\n{url}")
        event.add("location", where)
        if location and location.lat is not None and location.lon is not None:
            event.add("geo", vGeo((float(location.lat), float(location.lon))))
        event.add("url", url)
        cal.add_component(event)
        return event

    for slot in activity.schedule.all():
        rule = slot.rule
        duration = datetime.datetime.combine(today, rule.end) - datetime.datetime.combine(today, rule.start)
        if rule.frequency == schedule.DATES:
            for date in rule.dates:
                start = datetime.datetime.combine(date, rule.start, tzinfo=schedule.AMSTERDAM)
                event(f"{date:%Y%m%d}-{rule.start:%H%M}", start, start + duration)
            continue
        found = _recurring(rule, today, holidays)
        if found is None:
            continue
        start, recur, exdates = found
        uid = f"{ICS_DAYS[rule.day].lower()}-{rule.start:%H%M}"
        if rule.frequency == schedule.MONTHLY or rule.interval > 1:
            uid += f"-{recur['byday'].lower()}-{rule.interval}"
        recurring = event(uid, start, start + duration)
        recurring.add("rrule", recur)
        if exdates:
            recurring.add("exdate", exdates)
    cal.add_missing_timezones()
    return cal.to_ical()
