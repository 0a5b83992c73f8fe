"""iCalendar (RFC 5545) for an activity: one weekly recurring event per schedule row."""

from django.utils import timezone
from icalendar import Calendar, Event, vGeo

from activities.schedule import next_occurrence

ICS_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def as_ics(activity, *, base_url, today=None):
    today = today or timezone.localdate()
    cal = Calendar()
    cal.add("prodid", "-//Gemeente Amsterdam//Sociale Basis activiteiten//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", activity.title)
    location = activity.location
    url = base_url + activity.get_absolute_url()
    # An online activity's LOCATION is its link to join (RFC 5545 allows any text; calendars make it clickable).
    where = location.address if location else (activity.online_url or "Online")
    for slot in activity.schedule.all():
        start, end = next_occurrence(slot, today)
        event = Event()
        event.add("uid", f"{activity.slug}-{ICS_DAYS[slot.day].lower()}-{slot.start:%H%M}@sociale-basis.amsterdam.nl")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("rrule", {"freq": "weekly", "byday": ICS_DAYS[slot.day]})
        event.add("summary", activity.title)
        event.add("description", f"{activity.summary}\n\n{url}")
        event.add("location", where)
        if location and location.lat is not None and location.lon is not None:
            event.add("geo", vGeo((float(location.lat), float(location.lon))))
        event.add("url", url)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
