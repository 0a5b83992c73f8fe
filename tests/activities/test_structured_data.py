"""The detail page carries schema.org JSON-LD that search engines and apps can read."""

import datetime
import json
import re

import pytest

from activities.models import Doelgroep, Theme
from tests.factories import ActivityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, slug):
    response = client.get(f"/activiteiten/{slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    blocks = LD_JSON.findall(html)
    assert len(blocks) == 1, blocks
    return json.loads(blocks[0]), html


@pytest.fixture
def taalcafe():
    return ActivityFactory(
        slug="meeuw-taalcafe",
        title="Taalcafé De Meeuw",
        summary="Oefen Nederlands met een taalmaatje.",
        organisation=OrganisationFactory(name="Huis van de Wijk De Meeuw"),
        location__name="De Meeuw",
        location__street="Meeuwenlaan 1",
        location__postcode="1021 AA",
        location__lat="52.389000",
        location__lon="4.912000",
        themes=["taal", "ontmoeting"],
        doelgroepen=["nieuwkomers"],
        languages=["ar", "en"],
        schedule=[("di", "10:00", "12:00"), ("do", "19:00", "21:00")],
    )


def test_event_with_place_and_organizer(client, taalcafe):
    data, _html = json_ld(client, "meeuw-taalcafe")

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Taalcafé De Meeuw"
    assert data["description"] == "Oefen Nederlands met een taalmaatje."
    assert data["url"] == "http://testserver/activiteiten/meeuw-taalcafe/"
    location = data["location"]
    assert location["@type"] == "Place"
    assert location["name"] == "De Meeuw"
    assert location["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Meeuwenlaan 1",
        "postalCode": "1021 AA",
        "addressLocality": "Amsterdam",
        "addressCountry": "NL",
    }
    assert location["geo"] == {"@type": "GeoCoordinates", "latitude": 52.389, "longitude": 4.912}
    assert data["organizer"] == {"@type": "Organization", "name": "Huis van de Wijk De Meeuw"}
    assert data["inLanguage"] == ["nl", "ar", "en"]
    nieuwkomers = Doelgroep.objects.get(slug="nieuwkomers").name
    assert data["audience"] == [{"@type": "Audience", "audienceType": nieuwkomers}]
    themes = Theme.objects.filter(slug__in=["taal", "ontmoeting"]).values_list("name", flat=True)
    assert set(data["keywords"].split(", ")) == set(themes)


def test_weekly_schedule(client, taalcafe):
    data, _html = json_ld(client, "meeuw-taalcafe")

    schedule = data["eventSchedule"]
    assert [row["byDay"] for row in schedule] == ["https://schema.org/Tuesday", "https://schema.org/Thursday"]
    assert [(row["startTime"], row["endTime"]) for row in schedule] == [("10:00", "12:00"), ("19:00", "21:00")]
    for row in schedule:
        assert row["@type"] == "Schedule"
        assert row["repeatFrequency"] == "P1W"
        assert row["scheduleTimezone"] == "Europe/Amsterdam"
    # Event needs a startDate: the next occurrence, in Amsterdam time.
    start = datetime.datetime.fromisoformat(data["startDate"])
    end = datetime.datetime.fromisoformat(data["endDate"])
    assert start.weekday() in (1, 3)
    assert start.utcoffset() in (datetime.timedelta(hours=1), datetime.timedelta(hours=2))
    assert end > start


def test_free_activity(client, taalcafe):
    data, _html = json_ld(client, "meeuw-taalcafe")

    assert data["isAccessibleForFree"] is True
    assert data["offers"]["price"] == "0"
    assert data["offers"]["priceCurrency"] == "EUR"


def test_paid_activity_has_offers(client):
    ActivityFactory(slug="buurtkoor", free=False, cost="€ 5 per maand", schedule=[("ma", "19:30", "21:30")])

    data, _html = json_ld(client, "buurtkoor")

    assert data["isAccessibleForFree"] is False
    assert data["offers"]["@type"] == "Offer"
    assert data["offers"]["description"] == "€ 5 per maand"
    assert data["offers"]["priceCurrency"] == "EUR"


def test_activity_by_appointment_and_without_coordinates(client):
    ActivityFactory(slug="op-afspraak", schedule=[], location__lat=None, location__lon=None)

    data, _html = json_ld(client, "op-afspraak")

    assert data["@type"] == "Event"
    assert "eventSchedule" not in data
    assert "geo" not in data["location"]
    assert data["location"]["address"]["postalCode"] == "1021 AA"


@pytest.mark.parametrize(
    "title",
    [
        "</script><script>alert(1)</script>",
        "</SCRIPT><script>alert(1)</script>",
        "<!-- <script>",
        'Koffie & "thee" <b>gratis</b>',
    ],
)
def test_title_cannot_break_out_of_the_script_block(client, title):
    ActivityFactory(slug="xss", title=title, summary="</script><img src=x onerror=alert(2)>")

    data, html = json_ld(client, "xss")

    assert "</script><script>" not in html.replace("</SCRIPT>", "</script>")
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    # The data survives unchanged for a JSON reader.
    assert data["name"] == title
    assert data["description"] == "</script><img src=x onerror=alert(2)>"


def test_draft_has_no_page(client):
    ActivityFactory(slug="concept", status="draft")

    assert client.get("/activiteiten/concept/").status_code == 404


def test_detail_page_with_a_language_django_does_not_name(client):
    ActivityFactory(slug="tigrinya", languages=["ti"], schedule=[("di", "10:00", "12:00")])

    data, html = json_ld(client, "tigrinya")

    assert data["inLanguage"] == ["nl", "ti"]
    assert "Tigrinya" in html


def test_staff_only_doelgroepen_stay_off_public_pages_and_open_data(client):
    from activities.models import Doelgroep

    hidden = Doelgroep.objects.create(slug="slachtoffers-huiselijk-geweld", name="Slachtoffers", is_public=False)
    activity = ActivityFactory(slug="steunpunt", doelgroepen=["volwassenen"], schedule=[("di", "10:00", "12:00")])
    activity.doelgroepen.add(hidden)

    data, html = json_ld(client, "steunpunt")
    export = b"".join(client.get("/api/activiteiten.json").streaming_content).decode()

    assert [a["audienceType"] for a in data["audience"]] == ["Volwassenen"]
    assert "Slachtoffers" not in html
    assert "slachtoffers-huiselijk-geweld" not in export


def test_an_online_activity_is_an_online_event_at_a_virtual_location(client):
    ActivityFactory(
        slug="digicafe-online", location=None, online=True, online_url="https://meet.jit.si/digicafe", free=True
    )
    data, _html = json_ld(client, "digicafe-online")
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.jit.si/digicafe"}
