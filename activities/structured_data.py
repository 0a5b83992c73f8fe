"""schema.org JSON-LD for an activity page, so search engines and apps can read it."""

import json

from django.utils import timezone

from activities import schedule

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Keep `</script>` and friends out of the data block.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _place(location):
    place = {
        "@type": "Place",
        "name": location.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": location.street,
            "postalCode": location.postcode,
            "addressLocality": location.city,
            "addressCountry": "NL",
        },
    }
    if location.lat is not None and location.lon is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": float(location.lat), "longitude": float(location.lon)}
    return place


def as_json_ld(activity, request, today=None, holidays=None):
    today = today or timezone.localdate()
    holidays = schedule.school_holidays() if holidays is None else holidays
    if activity.online:
        # schema.org wants a url on a VirtualLocation; without a link to join, the activity's page says how.
        url = activity.online_url or request.build_absolute_uri(activity.get_absolute_url())
        place = {"@type": "VirtualLocation", "url": url}
    else:
        # A draft without a place yet (seen in the organisation's preview) has none.
        place = _place(activity.location) if activity.location else None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activity.title,
        "description": activity.summary,
        "url": request.build_absolute_uri(activity.get_absolute_url()),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{'Online' if activity.online else 'Offline'}EventAttendanceMode",
        "organizer": {"@type": "Organization", "name": activity.organisation.name},
        "isAccessibleForFree": activity.free,
        "inLanguage": ["nl", *activity.languages],
        "keywords": ", ".join(theme.name for theme in activity.themes.all()),
        "audience": [{"@type": "Audience", "audienceType": group.name} for group in activity.public_doelgroepen],
    }
    if place:
        data["location"] = place
    if activity.free:
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "EUR"}
    elif activity.cost:
        data["offers"] = {"@type": "Offer", "description": activity.cost, "priceCurrency": "EUR"}
    rules = activity.schedule_rules
    repeating = [rule for rule in rules if rule.frequency != schedule.DATES]
    if repeating:
        data["eventSchedule"] = [_schedule(rule) for rule in repeating]
    found = schedule.next_occurrence(rules, today, holidays)
    if found is not None:
        data["startDate"], data["endDate"] = (moment.isoformat() for moment in found)
    return json.dumps(data, ensure_ascii=False).translate(_ESCAPES)


def _schedule(rule):
    item = {
        "@type": "Schedule",
        "byDay": f"https://schema.org/{SCHEMA_DAYS[rule.day]}",
        "startTime": rule.start.strftime("%H:%M"),
        "endTime": rule.end.strftime("%H:%M"),
        "repeatFrequency": f"P{rule.interval}W",
        "scheduleTimezone": "Europe/Amsterdam",
    }
    if rule.frequency == schedule.MONTHLY:
        item["repeatFrequency"] = "P1M"
        item["byMonthWeek"] = rule.week_of_month
    if rule.starts_on:
        item["startDate"] = rule.starts_on.isoformat()
    if rule.ends_on:
        item["endDate"] = rule.ends_on.isoformat()
    return item
