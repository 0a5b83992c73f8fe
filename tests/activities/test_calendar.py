"""/activiteiten/<slug>.ics: one weekly recurring event per schedule row, in Amsterdam time."""

import datetime

import pytest
from dateutil.rrule import rrulestr
from django.utils import timezone
from icalendar import Calendar

from activities import schedule
from activities.calendar import as_ics
from activities.models import Activity
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

ICS_DAY = {"ma": "MO", "di": "TU", "wo": "WE", "do": "TH", "vr": "FR", "za": "SA", "zo": "SU"}
WEEKDAY = {"ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6}


def fetch(client, slug):
    response = client.get(f"/activiteiten/{slug}.ics")
    assert response.status_code == 200
    return response, Calendar.from_ical(response.content)


@pytest.fixture
def taalcafe():
    return ActivityFactory(
        slug="meeuw-taalcafe",
        title="Taalcafé De Meeuw",
        summary="Oefen Nederlands met een taalmaatje.",
        location__name="De Meeuw",
        location__street="Meeuwenlaan 1",
        location__postcode="1021 AA",
        schedule=[("di", "10:00", "12:00"), ("do", "19:00", "21:00")],
    )


def test_content_type_and_download_name(client, taalcafe):
    response, _cal = fetch(client, "meeuw-taalcafe")

    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="meeuw-taalcafe.ics"' in response["Content-Disposition"]


def test_one_weekly_event_per_schedule_row(client, taalcafe):
    _response, cal = fetch(client, "meeuw-taalcafe")

    events = cal.walk("VEVENT")
    assert len(events) == 2
    by_day = {event["RRULE"]["BYDAY"][0]: event for event in events}
    assert set(by_day) == {"TU", "TH"}
    for event in events:
        assert event["RRULE"]["FREQ"] == ["WEEKLY"]
        assert str(event["SUMMARY"]) == "Taalcafé De Meeuw"
        assert "Meeuwenlaan 1" in str(event["LOCATION"])
        assert "1021 AA" in str(event["LOCATION"])
        assert "De Meeuw" in str(event["LOCATION"])
        assert str(event["URL"]).endswith("/activiteiten/meeuw-taalcafe/")
    assert len({str(event["UID"]) for event in events}) == 2

    tuesday = by_day["TU"]
    start, end = tuesday.decoded("DTSTART"), tuesday.decoded("DTEND")
    assert start.weekday() == 1
    assert (start.hour, start.minute) == (10, 0)
    assert (end.hour, end.minute) == (12, 0)
    assert str(start.tzinfo) == "Europe/Amsterdam"
    assert tuesday["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    thursday = by_day["TH"].decoded("DTSTART")
    assert (thursday.weekday(), thursday.hour) == (3, 19)


def test_has_a_timezone_definition(client, taalcafe):
    _response, cal = fetch(client, "meeuw-taalcafe")

    timezones = cal.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Amsterdam"]
    assert cal["VERSION"] == "2.0"
    assert "PRODID" in cal


def test_first_occurrence_is_within_the_coming_week(client, taalcafe):
    _response, cal = fetch(client, "meeuw-taalcafe")

    today = timezone.localdate()
    for event in cal.walk("VEVENT"):
        start = event.decoded("DTSTART").date()
        assert today <= start < today + datetime.timedelta(days=7)


@pytest.mark.parametrize("day", list(ICS_DAY))
def test_every_day_maps_to_its_byday(client, day):
    ActivityFactory(slug="elke-dag", schedule=[(day, "09:30", "10:15")])

    _response, cal = fetch(client, "elke-dag")

    (event,) = cal.walk("VEVENT")
    assert event["RRULE"]["BYDAY"] == [ICS_DAY[day]]
    start = event.decoded("DTSTART")
    assert start.weekday() == WEEKDAY[day]
    assert (start.hour, start.minute) == (9, 30)


@pytest.mark.parametrize(
    ("today", "utc_hour"),
    [(datetime.date(2026, 1, 5), 9), (datetime.date(2026, 7, 6), 8)],  # winter CET, summer CEST
)
def test_times_are_amsterdam_wall_clock_in_winter_and_summer(today, utc_hour):
    activity = ActivityFactory(schedule=[("di", "10:00", "12:00")])

    cal = Calendar.from_ical(as_ics(activity, base_url="https://example.org", today=today))

    start = cal.walk("VEVENT")[0].decoded("DTSTART")
    assert start.date() == today + datetime.timedelta(days=1)
    assert start.hour == 10
    assert start.astimezone(datetime.UTC).hour == utc_hour


def test_title_with_special_characters_survives(client):
    ActivityFactory(slug="koor", title='Koor; zingen, eten & "meer"', schedule=[("ma", "19:30", "21:30")])

    _response, cal = fetch(client, "koor")

    assert str(cal.walk("VEVENT")[0]["SUMMARY"]) == 'Koor; zingen, eten & "meer"'


def test_activity_by_appointment_has_no_calendar(client):
    ActivityFactory(slug="op-afspraak", schedule=[])

    assert client.get("/activiteiten/op-afspraak.ics").status_code == 404


@pytest.mark.parametrize("status", [Activity.Status.DRAFT, Activity.Status.ARCHIVED])
def test_unpublished_activity_has_no_calendar(client, status):
    ActivityFactory(slug="niet-openbaar", status=status, schedule=[("di", "10:00", "12:00")])

    assert client.get("/activiteiten/niet-openbaar.ics").status_code == 404


def test_unknown_activity_has_no_calendar(client):
    assert client.get("/activiteiten/bestaat-niet.ics").status_code == 404


def test_an_online_activity_has_its_link_as_location(client):
    ActivityFactory(
        slug="digicafe-online",
        location=None,
        online=True,
        online_url="https://meet.jit.si/digicafe",
        schedule=[("wo", "14:00", "15:00")],
    )
    _response, cal = fetch(client, "digicafe-online")
    (event,) = cal.walk("VEVENT")
    assert str(event["LOCATION"]) == "https://meet.jit.si/digicafe"
    assert "GEO" not in event


# Schedules as people run them: parsed back with icalendar and expanded with dateutil, the .ics holds
# exactly the dates the portal shows.

TODAY = datetime.date(2026, 11, 27)
HOLIDAYS = (
    (datetime.date(2026, 12, 19), datetime.date(2027, 1, 3)),
    (datetime.date(2027, 2, 20), datetime.date(2027, 2, 28)),
)


def expanded(event, last):
    """The event's start times up to `last`, as a calendar app would show them."""
    start = event.decoded("DTSTART")
    if "RRULE" not in event:
        return [start]
    recurrence = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    excluded = set()
    exdates = event.get("EXDATE", [])
    for group in exdates if isinstance(exdates, list) else [exdates]:
        excluded |= {item.dt for item in group.dts}
    end = datetime.datetime.combine(last, datetime.time(23, 59), tzinfo=start.tzinfo)
    return [moment for moment in recurrence.between(start, end, inc=True) if moment not in excluded]


@pytest.fixture
def rules_activity():
    return ActivityFactory(
        slug="buurtkamer",
        schedule=[
            ("di", "10:00", "12:00", {"frequency": "monthly", "week_of_month": 1, "school_holidays": False}),
            ("vr", "19:00", "21:00", {"frequency": "monthly", "week_of_month": -1}),
            ("wo", "14:00", "16:00", {"interval": 2, "starts_on": datetime.date(2026, 12, 2)}),
            ("zo", "10:00", "11:00", {"school_holidays": False, "ends_on": datetime.date(2027, 4, 25)}),
            (None, "13:00", "15:00", {"frequency": "dates", "dates": ["2026-12-05", "2027-01-09"]}),
        ],
    )


def test_rules_holidays_and_single_dates_in_the_ics(rules_activity):
    cal = Calendar.from_ical(as_ics(rules_activity, base_url="https://example.org", today=TODAY, holidays=HOLIDAYS))
    events = cal.walk("VEVENT")

    recurring = {str(event["RRULE"].to_ical().decode()): event for event in events if "RRULE" in event}
    assert set(recurring) == {
        "FREQ=MONTHLY;BYDAY=1TU",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
        "FREQ=WEEKLY;UNTIL=20270425T080000Z;BYDAY=SU",
    }
    singles = sorted(event.decoded("DTSTART") for event in events if "RRULE" not in event)
    assert [moment.isoformat() for moment in singles] == ["2026-12-05T13:00:00+01:00", "2027-01-09T13:00:00+01:00"]
    # The first Tuesday in the kerstvakantie is none; 5 January is after it. The Sundays skip both holidays.
    first_tuesday = recurring["FREQ=MONTHLY;BYDAY=1TU"]
    assert first_tuesday.decoded("DTSTART").isoformat() == "2026-12-01T10:00:00+01:00"
    assert "EXDATE" not in first_tuesday
    sundays = recurring["FREQ=WEEKLY;UNTIL=20270425T080000Z;BYDAY=SU"]
    exdates = sundays["EXDATE"]
    excluded = sorted(item.dt for group in (exdates if isinstance(exdates, list) else [exdates]) for item in group.dts)
    assert [moment.date().isoformat() for moment in excluded] == [
        "2026-12-20",
        "2026-12-27",
        "2027-01-03",
        "2027-02-21",
        "2027-02-28",
    ]
    assert all(str(event["DTSTART"].params["TZID"]) == "Europe/Amsterdam" for event in events)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    assert len({str(event["UID"]) for event in events}) == len(events)


def test_the_ics_expands_to_the_portals_own_dates_across_summer_time(rules_activity):
    last = datetime.date(2027, 11, 30)
    cal = Calendar.from_ical(as_ics(rules_activity, base_url="https://example.org", today=TODAY, holidays=HOLIDAYS))

    from_ics = sorted(moment for event in cal.walk("VEVENT") for moment in expanded(event, last))
    from_model = [start for start, _end in schedule.occurrences(rules_activity.schedule_rules, TODAY, last, HOLIDAYS)]
    assert from_ics == from_model
    assert len(from_model) > 60
    # 10:00 on the Sunday after the clocks move (28 March 2027) is 08:00 UTC, the week before 09:00.
    sundays = {moment.date(): moment for moment in from_ics if moment.weekday() == 6}
    assert sundays[datetime.date(2027, 3, 21)].astimezone(datetime.UTC).hour == 9
    assert sundays[datetime.date(2027, 3, 28)].astimezone(datetime.UTC).hour == 8
    assert max(sundays) == datetime.date(2027, 4, 25)


def test_a_row_that_is_over_has_no_event():
    activity = ActivityFactory(
        schedule=[("di", "10:00", "12:00", {"ends_on": datetime.date(2026, 11, 1)}), ("do", "10:00", "12:00")]
    )

    cal = Calendar.from_ical(as_ics(activity, base_url="https://example.org", today=TODAY, holidays=()))

    assert [event["RRULE"]["BYDAY"] for event in cal.walk("VEVENT")] == [["TH"]]
