"""schema.org JSON-LD for an activity page, so search engines and apps can read it."""

import json

from django.utils import timezone

from activities.schedule import next_occurrence

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


def as_json_ld(activity, request, today=None):
    today = today or timezone.localdate()
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
    slots = list(activity.schedule.all())
    if slots:
        data["eventSchedule"] = [
            {
                "@type": "Schedule",
                "byDay": f"https://schema.org/{SCHEMA_DAYS[slot.day]}",
                "startTime": slot.start.strftime("%H:%M"),
                "endTime": slot.end.strftime("%H:%M"),
                "repeatFrequency": "P1W",
                "scheduleTimezone": "Europe/Amsterdam",
            }
            for slot in slots
        ]
        first_start, first_end = min(next_occurrence(slot, today) for slot in slots)
        data["startDate"] = first_start.isoformat()
        data["endDate"] = first_end.isoformat()
    return json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
