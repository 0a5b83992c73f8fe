"""/activiteiten/<slug>.ics: one weekly recurring event per schedule row, in Amsterdam time."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

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
