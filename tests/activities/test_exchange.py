"""The catalogue exchange format (DESIGN.md §6): import, export and the open-data API.

An import is all or nothing, keyed on the activity `id`; an export imports again unchanged.
"""

import copy
import datetime
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activities.exchange import ImportFailed, import_catalogue, parse
from activities.models import Activity, Location, ScheduleSlot
from organisations.models import Organisation
from stadsdelen.models import Gebied
from tests.factories import ActivityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

EXPORT_URL = "/api/activiteiten.json"

# The record from DESIGN.md §6, verbatim.
DESIGN_EXAMPLE = """{"activities": [{
  "id": "meeuw-taalcafe",
  "title": "Taalcafé De Meeuw",
  "summary": "Oefen Nederlands met een taalmaatje, bij koffie.",
  "description": "Longer plain-language text.",
  "organisation": {"name": "Huis van de Wijk De Meeuw", "kvk": "12345678"},
  "bouwsteen": "zelfredzaamheid",
  "themes": ["taal", "ontmoeting"],
  "doelgroepen": ["nieuwkomers", "alle-amsterdammers"],
  "location": {"name": "De Meeuw", "street": "Meeuwenlaan 1", "postcode": "1021 AA",
               "gebied": "oud-noord", "lat": 52.389, "lon": 4.912, "wheelchair_accessible": true},
  "schedule": [{"day": "di", "start": "10:00", "end": "12:00"}],
  "free": true, "cost": "",
  "registration_required": false,
  "volunteers_wanted": "",
  "languages": ["ar", "en"],
  "contact": {"email": "taal@example.org", "phone": "020 123 4567"},
  "last_verified": "2026-10-01"
}]}"""


def example_record(**changes):
    """A fresh copy of the DESIGN.md record, with top-level fields replaced."""
    record = copy.deepcopy(json.loads(DESIGN_EXAMPLE)["activities"][0])
    record.update(changes)
    return record


def second_record(**changes):
    """A valid record for another activity, by another organisation, at another place."""
    record = example_record(
        id="wandelclub-buiksloot",
        title="Wandelclub Buiksloot",
        organisation={"name": "Stadsdorp Buiksloot", "kvk": ""},
        bouwsteen="verbondenheid",
        themes=["gezondheid-en-bewegen"],
        location={
            "name": "Het Anker",
            "street": "Buikslotermeerplein 5",
            "postcode": "1025 XL",
            "gebied": "noord-oost",
        },
        schedule=[{"day": "za", "start": "09:30", "end": "11:00"}],
    )
    record.update(changes)
    return record


def counts():
    return {
        "activities": Activity.objects.count(),
        "organisations": Organisation.objects.count(),
        "locations": Location.objects.count(),
        "slots": ScheduleSlot.objects.count(),
    }


def load(*records):
    return import_catalogue(payload=parse(json.dumps({"activities": list(records)})))


def export(client, query=""):
    response = client.get(EXPORT_URL + query)
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content)


def exported_ids(client, query=""):
    return [record["id"] for record in json.loads(export(client, query))["activities"]]


# Import: the happy path --------------------------------------------------------------------------


def test_design_example_imports():
    result = import_catalogue(payload=parse(DESIGN_EXAMPLE))

    assert (result.created, result.updated) == (1, 0)
    activity = Activity.objects.get(slug="meeuw-taalcafe")
    assert activity.status == Activity.Status.PUBLISHED
    assert activity.title == "Taalcafé De Meeuw"
    assert activity.summary == "Oefen Nederlands met een taalmaatje, bij koffie."
    assert activity.description == "Longer plain-language text."
    assert (activity.organisation.name, activity.organisation.kvk) == ("Huis van de Wijk De Meeuw", "12345678")
    assert activity.bouwsteen.slug == "zelfredzaamheid"
    assert {t.slug for t in activity.themes.all()} == {"taal", "ontmoeting"}
    assert {d.slug for d in activity.doelgroepen.all()} == {"nieuwkomers", "alle-amsterdammers"}
    location = activity.location
    assert (location.name, location.street, location.postcode) == ("De Meeuw", "Meeuwenlaan 1", "1021 AA")
    assert location.gebied.slug == "oud-noord"
    assert location.gebied.stadsdeel.slug == "noord"  # the stadsdeel follows from the gebied
    assert (location.lat, location.lon) == (Decimal("52.389"), Decimal("4.912"))
    assert location.wheelchair_accessible is True
    assert [(s.day_slug, f"{s.start:%H:%M}", f"{s.end:%H:%M}") for s in activity.schedule.all()] == [
        ("di", "10:00", "12:00")
    ]
    assert activity.free is True
    assert activity.registration_required is False
    assert activity.languages == ["ar", "en"]
    assert (activity.contact_email, activity.contact_phone) == ("taal@example.org", "020 123 4567")
    assert activity.last_verified == datetime.date(2026, 10, 1)
    # Findable in the catalogue straight away: the search columns were filled.
    assert "taalcafe" in activity.search_title
    assert "nieuwkomers" in activity.search_text


def test_imported_activity_is_public(client):
    import_catalogue(payload=parse(DESIGN_EXAMPLE))

    assert client.get("/activiteiten/meeuw-taalcafe/").status_code == 200
    assert exported_ids(client) == ["meeuw-taalcafe"]


def test_optional_fields_may_be_left_out():
    record = example_record()
    for key in ["description", "cost", "registration_required", "volunteers_wanted", "languages", "contact"]:
        del record[key]
    for key in ["lat", "lon", "wheelchair_accessible"]:
        del record["location"][key]
    record["schedule"] = []  # by appointment
    record["last_verified"] = None

    load(record)

    activity = Activity.objects.get(slug="meeuw-taalcafe")
    assert activity.by_appointment
    assert activity.languages == []
    assert activity.location.lat is None
    assert activity.last_verified is None


def test_postcode_is_normalised():
    load(example_record(location={**example_record()["location"], "postcode": "1021aa"}))

    assert Location.objects.get().postcode == "1021 AA"


def test_reimporting_the_same_file_updates_instead_of_duplicating():
    first = import_catalogue(payload=parse(DESIGN_EXAMPLE))
    before = counts()

    changed = json.loads(DESIGN_EXAMPLE)
    changed["activities"][0]["title"] = "Taalcafé De Meeuw (nieuw)"
    changed["activities"][0]["schedule"] = [{"day": "do", "start": "19:00", "end": "21:00"}]
    second = import_catalogue(payload=parse(json.dumps(changed)))

    assert (first.created, first.updated) == (1, 0)
    assert (second.created, second.updated) == (0, 1)
    assert counts() == before
    activity = Activity.objects.get(slug="meeuw-taalcafe")
    assert activity.title == "Taalcafé De Meeuw (nieuw)"
    assert [s.day_slug for s in activity.schedule.all()] == ["do"]
    assert "nieuw" in activity.search_title


def test_reimport_keeps_the_status_of_an_existing_activity():
    import_catalogue(payload=parse(DESIGN_EXAMPLE))
    Activity.objects.filter(slug="meeuw-taalcafe").update(status=Activity.Status.ARCHIVED)

    import_catalogue(payload=parse(DESIGN_EXAMPLE))

    assert Activity.objects.get(slug="meeuw-taalcafe").status == Activity.Status.ARCHIVED


def test_organisation_is_matched_on_kvk():
    existing = OrganisationFactory(name="Welzijn De Meeuw (oude naam)", kvk="12345678")

    import_catalogue(payload=parse(DESIGN_EXAMPLE))

    assert Organisation.objects.count() == 1
    activity = Activity.objects.get(slug="meeuw-taalcafe")
    assert activity.organisation_id == existing.pk
    existing.refresh_from_db()
    assert existing.name == "Huis van de Wijk De Meeuw"


def test_organisation_without_kvk_is_matched_on_name():
    existing = OrganisationFactory(name="Stadsdorp Buiksloot", kvk="", kind=Organisation.Kind.STADSDORP)
    OrganisationFactory(name="Stadsdorp Elders", kvk="")

    load(second_record(), second_record(id="koffie-buiksloot", title="Koffie in Buiksloot"))

    assert Organisation.objects.count() == 2
    assert set(Activity.objects.values_list("organisation_id", flat=True)) == {existing.pk}
    existing.refresh_from_db()
    assert existing.kind == Organisation.Kind.STADSDORP  # the format has no kind; it is left alone


def test_organisation_name_match_ignores_case():
    existing = OrganisationFactory(name="Stadsdorp Buiksloot", kvk="")

    load(second_record(organisation={"name": "stadsdorp buiksloot", "kvk": ""}))

    assert Organisation.objects.count() == 1
    assert Activity.objects.get().organisation_id == existing.pk


def test_one_organisation_and_location_for_several_records():
    load(
        example_record(),
        example_record(id="meeuw-koffie", title="Koffieochtend De Meeuw"),
        example_record(id="meeuw-computerhulp", title="Computerhulp De Meeuw"),
    )

    assert counts()["activities"] == 3
    assert Organisation.objects.count() == 1
    assert Location.objects.count() == 1


# Import: every bad record rejects the whole file and names the record and field ----------------


def _set(path, value):
    """A change to a record: set `location.postcode` (dotted) or `schedule[0].start`."""

    def change(record):
        target = record
        parts = path.replace("[0]", ".0").split(".")
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        last = parts[-1]
        target[int(last) if last.isdigit() else last] = value

    return change


def _drop(path):
    def change(record):
        target = record
        parts = path.split(".")
        for part in parts[:-1]:
            target = target[part]
        del target[parts[-1]]

    return change


_MONTHLY_EVERY_2 = {"day": "di", "every": 2, "week_of_month": 1, "start": "10:00", "end": "12:00", "from": "2026-12-01"}
_UNTIL_BEFORE_FROM = {"day": "di", "start": "10:00", "end": "12:00", "from": "2027-01-10", "until": "2027-01-03"}
_DATES_AS_TEXT = {"dates": "2026-12-05", "start": "10:00", "end": "12:00"}
_IMPOSSIBLE_DATE = {"dates": ["2026-12-05", "2026-02-30"], "start": "10:00", "end": "12:00"}

# (test id, change to a valid record, field named in the message, words in the message)
ERROR_CASES = [
    ("unknown-theme", _set("themes", ["taal", "breien"]), "themes", "breien"),
    ("unknown-doelgroep", _set("doelgroepen", ["katten"]), "doelgroepen", "katten"),
    ("unknown-bouwsteen", _set("bouwsteen", "gezelligheid"), "bouwsteen", "gezelligheid"),
    ("unknown-gebied", _set("location.gebied", "amsterdam-noord"), "location.gebied", "amsterdam-noord"),
    ("stadsdeel-as-gebied", _set("location.gebied", "noord"), "location.gebied", "noord"),
    ("missing-title", _drop("title"), "title", "ontbreekt"),
    ("empty-title", _set("title", "  "), "title", "leeg"),
    ("title-too-long", _set("title", "x" * 121), "title", "te lang"),
    ("missing-summary", _drop("summary"), "summary", "ontbreekt"),
    ("missing-organisation", _drop("organisation"), "organisation", "ontbreekt"),
    ("missing-organisation-name", _drop("organisation.name"), "organisation.name", "ontbreekt"),
    ("missing-location", _drop("location"), "location", "ontbreekt"),
    ("missing-postcode", _drop("location.postcode"), "location.postcode", "ontbreekt"),
    ("missing-street", _drop("location.street"), "location.street", "ontbreekt"),
    ("missing-free", _drop("free"), "free", "ontbreekt"),
    ("free-as-text", _set("free", "ja"), "free", "true of false"),
    ("title-as-number", _set("title", 42), "title", "tekst"),
    ("themes-as-text", _set("themes", "taal"), "themes", "lijst"),
    ("schedule-as-object", _set("schedule", {"day": "di"}), "schedule", "lijst"),
    ("location-as-text", _set("location", "De Meeuw"), "location", "object"),
    ("lat-as-word", _set("location.lat", "noord"), "location.lat", "getal"),
    ("lat-outside-amsterdam", _set("location.lat", 48.85), "location.lat", "Amsterdam"),
    ("lat-not-a-number", _set("location.lat", float("nan")), "location.lat", "getal"),
    ("wheelchair-as-text", _set("location.wheelchair_accessible", "ja"), "location.wheelchair_accessible", "true"),
    ("bad-time", _set("schedule[0].start", "25:00"), "schedule[0].start", "uu:mm"),
    ("time-with-dot", _set("schedule[0].start", "10.00"), "schedule[0].start", "uu:mm"),
    ("time-with-newline", _set("schedule[0].start", "10:00\n"), "schedule[0].start", "uu:mm"),
    ("end-before-start", _set("schedule[0].end", "09:00"), "schedule[0].end", "later"),
    ("end-equals-start", _set("schedule[0].end", "09:30"), "schedule[0].end", "later"),
    ("missing-end", _set("schedule", [{"day": "di", "start": "10:00"}]), "schedule[0].end", "ontbreekt"),
    ("bad-day", _set("schedule[0].day", "dinsdag"), "schedule[0].day", "dinsdag"),
    ("day-as-number", _set("schedule[0].day", 1), "schedule[0].day", "tekst"),
    ("bad-postcode", _set("location.postcode", "1021"), "location.postcode", "4 cijfers en 2 letters"),
    ("postcode-letters-first", _set("location.postcode", "AA 1021"), "location.postcode", "4 cijfers"),
    ("bad-kvk", _set("organisation.kvk", "1234"), "organisation.kvk", "8 cijfers"),
    ("kvk-with-letters", _set("organisation.kvk", "1234567a"), "organisation.kvk", "8 cijfers"),
    ("bad-language", _set("languages", ["nld"]), "languages", "nld"),
    ("language-as-name", _set("languages", ["Engels"]), "languages", "Engels"),
    ("language-with-newline", _set("languages", ["en\n"]), "languages", "taalcode"),
    ("bad-id", _set("id", "Taalcafé De Meeuw"), "id", "kleine letters"),
    ("id-with-newline", _set("id", "meeuw-taalcafe-2\n"), "id", "kleine letters"),
    ("reserved-id", _set("id", "afdrukken"), "id", "gereserveerd"),
    ("bad-email", _set("contact.email", "taal-at-example.org"), "contact.email", "e-mailadres"),
    ("bad-date", _set("last_verified", "01-10-2026"), "last_verified", "jjjj-mm-dd"),
    ("every-three-weeks", _set("schedule[0].every", 3), "schedule[0].every", "1 (elke week) of 2"),
    ("every-as-text", _set("schedule[0].every", "2"), "schedule[0].every", "1 (elke week) of 2"),
    ("every-other-week-without-from", _set("schedule[0].every", 2), "schedule[0].from", "welke weken"),
    ("fifth-week-of-month", _set("schedule[0].week_of_month", 5), "schedule[0].week_of_month", "-1"),
    ("monthly-every-other", _set("schedule[0]", _MONTHLY_EVERY_2), "schedule[0].every", "per maand"),
    ("bad-from", _set("schedule[0].from", "02-12-2026"), "schedule[0].from", "jjjj-mm-dd"),
    ("until-before-from", _set("schedule[0]", _UNTIL_BEFORE_FROM), "schedule[0].until", "begindatum"),
    ("dates-and-day", _set("schedule[0].dates", ["2026-12-05"]), "schedule[0].day", "losse data"),
    ("no-dates", _set("schedule[0]", {"dates": [], "start": "10:00", "end": "12:00"}), "schedule[0].dates", "1 tot"),
    ("dates-as-text", _set("schedule[0]", _DATES_AS_TEXT), "schedule[0].dates", "lijst"),
    ("impossible-date", _set("schedule[0]", _IMPOSSIBLE_DATE), "schedule[0].dates", "2026-02-30"),
    ("unknown-schedule-key", _set("schedule[0].weekly", True), "schedule[0].weekly", "onbekend veld"),
    ("holidays-as-text", _set("schedule[0].school_holidays", "nee"), "schedule[0].school_holidays", "true of false"),
]


def bad_record(change):
    record = second_record()
    change(record)
    return record


@pytest.mark.parametrize(
    ("change", "field", "words"), [case[1:] for case in ERROR_CASES], ids=[case[0] for case in ERROR_CASES]
)
def test_bad_second_record_rejects_the_whole_file(change, field, words):
    """The first record is fine and would be written if the import were not one transaction."""
    ActivityFactory(slug="meeuw-taalcafe", title="Oude titel")
    before = counts()
    record = bad_record(change)

    with pytest.raises(ImportFailed) as failure:
        load(example_record(title="Nieuwe titel"), record)

    message = str(failure.value)
    label = 'Activiteit 2 ("wandelclub-buiksloot")' if record.get("id") == "wandelclub-buiksloot" else "Activiteit 2"
    assert message.startswith(label), message
    assert f'veld "{field}"' in message, message
    assert words in message, message
    assert counts() == before
    assert Activity.objects.get(slug="meeuw-taalcafe").title == "Oude titel"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_set("themes", ["breien"]), "themes"),
        (_drop("title"), "title"),
        (_set("schedule[0].end", "09:00"), "schedule[0].end"),
    ],
)
def test_bad_first_record_is_named_with_its_number_and_id(change, field):
    record = example_record()
    change(record)

    with pytest.raises(ImportFailed, match="^" + re.escape(f'Activiteit 1 ("meeuw-taalcafe"), veld "{field}"')):
        load(record, second_record())

    assert counts()["activities"] == 0


def test_unknown_slug_lists_the_known_ones():
    with pytest.raises(ImportFailed) as failure:
        load(example_record(themes=["breien"]))

    assert "taal" in str(failure.value)
    assert "ontmoeting" in str(failure.value)


def test_retired_gebied_is_rejected():
    current = Gebied.objects.get(slug="oud-noord")
    Gebied.objects.create(
        stadsdeel=current.stadsdeel,
        code="OLD1",
        slug="oud-gebied",
        name="Oud gebied",
        valid_until=datetime.date(2022, 3, 23),
    )
    record = example_record(location={**example_record()["location"], "gebied": "oud-gebied"})

    with pytest.raises(ImportFailed, match=re.escape('veld "location.gebied"')):
        load(record)


def test_duplicate_id_in_file():
    with pytest.raises(ImportFailed) as failure:
        load(example_record(), second_record(), example_record(title="Nog eens"))

    message = str(failure.value)
    assert message.startswith('Activiteit 3 ("meeuw-taalcafe"), veld "id"'), message
    assert "activiteit 1" in message
    assert counts()["activities"] == 0


def test_record_that_is_not_an_object():
    with pytest.raises(ImportFailed, match=r"^Activiteit 2: moet een object zijn"):
        load(example_record(), "meeuw-taalcafe")

    assert counts()["activities"] == 0


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"activities": [}', "regel 1, kolom 17"),
        ('{"activities": [\n  {"id": "a",\n   "title": "x",,\n  }\n]}', "regel 3, kolom"),
        ("", "regel 1, kolom 1"),
    ],
)
def test_malformed_json_names_line_and_column(text, where):
    with pytest.raises(ImportFailed, match="geen geldige JSON") as failure:
        parse(text)

    assert where in str(failure.value)


@pytest.mark.parametrize("text", ["[]", '{"activiteiten": []}', '{"activities": {}}', "42"])
def test_document_without_activities_list(text):
    with pytest.raises(ImportFailed, match='lijst "activities"'):
        parse(text)


def test_import_with_existing_duplicate_locations_reuses_one():
    """Locations have no unique key; two identical rows (e.g. entered twice by hand) must not break an import."""
    gebied = Gebied.objects.get(slug="oud-noord")
    organisation = OrganisationFactory(name="Huis van de Wijk De Meeuw", kvk="12345678")
    place = {"name": "De Meeuw", "street": "Meeuwenlaan 1", "postcode": "1021 AA", "gebied": gebied}
    for _ in range(2):
        Location.objects.create(
            organisation=organisation, lat="52.389000", lon="4.912000", wheelchair_accessible=True, **place
        )

    import_catalogue(payload=parse(DESIGN_EXAMPLE))

    assert Location.objects.count() == 2
    assert Activity.objects.get().location == Location.objects.order_by("pk").first()


def test_import_never_changes_another_organisations_location():
    """A file naming a place another organisation uses gets a location of its own; the other's stays as it was."""
    gebied = Gebied.objects.get(slug="oud-noord")
    other = ActivityFactory(
        location__name="De Meeuw",
        location__street="Meeuwenlaan 1",
        location__postcode="1021 AA",
        location__gebied_slug="oud-noord",
        location__wheelchair_accessible=False,
    )
    other.location.organisation = other.organisation
    other.location.save()

    import_catalogue(payload=parse(DESIGN_EXAMPLE))

    other.location.refresh_from_db()
    assert other.location.wheelchair_accessible is False
    imported = Activity.objects.get(slug="meeuw-taalcafe").location
    assert imported != other.location
    assert (imported.gebied, imported.wheelchair_accessible) == (gebied, True)


# Export and round trip -----------------------------------------------------------------------------


@pytest.fixture
def varied_catalogue():
    """Activities that between them use every field of the format."""
    informal = OrganisationFactory(name="Stadsdorp Buiksloot", kvk="", kind=Organisation.Kind.STADSDORP)
    ActivityFactory(
        slug="meeuw-taalcafe",
        title="Taalcafé De Meeuw",
        summary="Oefen Nederlands met een taalmaatje, bij koffie.",
        description="Kom binnen.\nIedereen is welkom, ook als je net begint.",
        bouwsteen_slug="zelfredzaamheid",
        themes=["taal", "ontmoeting"],
        doelgroepen=["nieuwkomers", "alle-amsterdammers"],
        schedule=[("di", "10:00", "12:00"), ("do", "19:00", "21:00")],
        location__wheelchair_accessible=True,
        languages=["ar", "en"],
        contact_email="taal@example.org",
        contact_phone="020 123 4567",
        volunteers_wanted="Taalmaatjes: praat een uur per week mee.",
    )
    ActivityFactory(
        slug="buurtkoor-zuid",
        title='Buurtkoor "Zuid" & vrienden',
        bouwsteen_slug="verbondenheid",
        themes=["kunst-en-cultuur"],
        location__gebied_slug="de-pijp-rivierenbuurt",
        location__postcode="1073 AB",
        location__lat=None,
        location__lon=None,
        free=False,
        cost="€ 5 per maand",
        registration_required=True,
        schedule=[
            ("ma", "19:30", "21:30"),
            ("di", "10:00", "12:00", {"frequency": "monthly", "week_of_month": 1}),
            ("vr", "19:00", "21:00", {"frequency": "monthly", "week_of_month": -1, "school_holidays": False}),
            (
                "wo",
                "14:00",
                "16:00",
                {"interval": 2, "starts_on": datetime.date(2026, 12, 2), "ends_on": datetime.date(2027, 6, 30)},
            ),
            (None, "13:00", "15:00", {"frequency": "dates", "dates": ["2026-12-05", "2027-01-09"]}),
        ],
        last_verified=None,
    )
    ActivityFactory(
        slug="maatjes-buiksloot",
        title="Maatjesproject Buiksloot",
        organisation=informal,
        bouwsteen_slug="samenredzaamheid",
        doelgroepen=["ouderen"],
        location__gebied_slug="noord-oost",
    )
    ActivityFactory(slug="concept", title="Nog niet klaar", status=Activity.Status.DRAFT)


def test_export_shape(client, varied_catalogue):
    response = client.get(EXPORT_URL)

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(b"".join(response.streaming_content))
    records = {record["id"]: record for record in data["activities"]}
    assert list(records) == ["buurtkoor-zuid", "maatjes-buiksloot", "meeuw-taalcafe"]
    taal = records["meeuw-taalcafe"]
    assert set(taal) == set(example_record())
    assert taal["schedule"] == [
        {"day": "di", "start": "10:00", "end": "12:00"},
        {"day": "do", "start": "19:00", "end": "21:00"},
    ]
    assert taal["location"]["gebied"] == "oud-noord"
    assert taal["location"]["lat"] == 52.389
    assert records["buurtkoor-zuid"]["location"]["lat"] is None
    assert records["buurtkoor-zuid"]["last_verified"] is None
    assert records["maatjes-buiksloot"]["organisation"] == {"name": "Stadsdorp Buiksloot", "kvk": ""}
    assert records["maatjes-buiksloot"]["schedule"] == []


def test_export_of_schedules_as_people_run_them(client, varied_catalogue):
    """The first shape ({"day", "start", "end"}) still means weekly; the other kinds add keys."""
    records = {record["id"]: record for record in json.loads(export(client))["activities"]}

    assert records["buurtkoor-zuid"]["schedule"] == [
        {"day": "ma", "start": "19:30", "end": "21:30"},
        {"day": "di", "week_of_month": 1, "start": "10:00", "end": "12:00"},
        {"day": "wo", "every": 2, "start": "14:00", "end": "16:00", "from": "2026-12-02", "until": "2027-06-30"},
        {"day": "vr", "week_of_month": -1, "start": "19:00", "end": "21:00", "school_holidays": False},
        {"dates": ["2026-12-05", "2027-01-09"], "start": "13:00", "end": "15:00"},
    ]


def test_imported_schedules_read_as_entered():
    year = timezone.localdate().year  # single dates in this year read without it
    schedule = [
        {"day": "di", "start": "10:00", "end": "12:00"},
        {"day": "vr", "week_of_month": -1, "start": "19:00", "end": "21:00", "school_holidays": False},
        {"day": "wo", "every": 2, "from": "2026-12-02", "start": "14:00", "end": "16:00"},
        {"dates": [f"{year}-12-17", f"{year}-12-03", f"{year}-12-10"], "start": "13:00", "end": "15:00"},
    ]
    load(example_record(schedule=schedule))

    activity = Activity.objects.get(slug="meeuw-taalcafe")
    assert [str(slot) for slot in activity.schedule.all()] == [
        "Elke dinsdag, 10:00–12:00",
        "Om de week op woensdag, 14:00–16:00, vanaf 2 december 2026",
        "Elke laatste vrijdag van de maand, 19:00–21:00, niet in de schoolvakanties",
        "Op 3, 10 en 17 december, 13:00–15:00",
    ]


def test_export_of_an_empty_catalogue_is_valid_json(client):
    data = json.loads(export(client))
    assert data["activities"] == [] and data["count"] == 0 and data["next"] is None


def test_round_trip_into_an_empty_database(client, varied_catalogue):
    first = export(client)
    Activity.objects.all().delete()
    Location.objects.all().delete()
    Organisation.objects.all().delete()

    result = import_catalogue(payload=parse(first.decode()))

    assert (result.created, result.updated) == (3, 0)
    assert ScheduleSlot.objects.count() == 7
    assert export(client) == first


def test_round_trip_into_the_same_database_changes_nothing(client, varied_catalogue):
    first = export(client)
    before = counts()

    result = import_catalogue(payload=parse(first.decode()))

    assert (result.created, result.updated) == (0, 3)
    assert counts() == before
    assert export(client) == first


def test_export_of_the_design_example_equals_the_example(client):
    """Themes and doelgroepen are sets: the export lists them in the kader's order."""
    import_catalogue(payload=parse(DESIGN_EXAMPLE))

    (exported,) = json.loads(export(client))["activities"]
    expected = example_record()
    for key in ["themes", "doelgroepen"]:
        assert sorted(exported.pop(key)) == sorted(expected.pop(key))
    assert exported == expected


def online_record(**changes):
    record = second_record(
        id="digicafe-online",
        title="Digicafé online",
        location=None,
        online=True,
        online_url="https://meet.jit.si/digicafe-noord",
    )
    record.update(changes)
    return record


def test_an_online_activity_has_no_location_and_its_link(client):
    load(online_record())
    activity = Activity.objects.get(slug="digicafe-online")
    assert (activity.online, activity.location, activity.online_url) == (
        True,
        None,
        "https://meet.jit.si/digicafe-noord",
    )
    (exported,) = json.loads(export(client))["activities"]
    assert exported["location"] is None
    assert (exported["online"], exported["online_url"]) == (True, "https://meet.jit.si/digicafe-noord")
    assert list(exported)[-2:] == ["online", "online_url"]


def test_round_trip_with_an_online_activity(client, varied_catalogue):
    load(online_record(), online_record(id="belcirkel", title="Belcirkel", online_url=""))
    first = export(client)
    assert b'"location": null' in first and b'"online": true' in first

    import_catalogue(payload=parse(first.decode()))
    assert export(client) == first

    Activity.objects.all().delete()
    Location.objects.all().delete()
    Organisation.objects.all().delete()
    result = import_catalogue(payload=parse(first.decode()))
    assert (result.created, result.updated) == (5, 0)
    assert export(client) == first


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (online_record(location={"name": "x"}), "location"),
        (online_record(online=False, online_url=""), "location"),
        (second_record(online_url="https://meet.jit.si/x"), "online_url"),
        (online_record(online_url="geen link"), "online_url"),
        (online_record(online="ja"), "online"),
    ],
)
def test_an_online_record_that_contradicts_itself_is_rejected(record, field):
    with pytest.raises(ImportFailed, match=f'veld "{field}"'):
        load(record)
    assert not Activity.objects.exists()


# The open-data API: same filters as the catalogue ------------------------------------------------------


@pytest.fixture
def filter_catalogue():
    ActivityFactory(
        slug="wandelclub-noord",
        title="Wandelclub Noord",
        themes=["gezondheid-en-bewegen"],
        doelgroepen=["ouderen"],
        schedule=[("di", "10:00", "11:30")],
        location__gebied_slug="oud-noord",
        location__wheelchair_accessible=True,
        volunteers_wanted="Wandelleider gezocht.",
    )
    ActivityFactory(
        slug="taalcafe-noord",
        title="Taalcafé Noord",
        themes=["taal", "ontmoeting"],
        doelgroepen=["nieuwkomers"],
        bouwsteen_slug="zelfredzaamheid",
        schedule=[("wo", "10:00", "12:00")],
        location__gebied_slug="noord-west",
    )
    ActivityFactory(
        slug="koor-zuid",
        title="Buurtkoor Zuid",
        themes=["kunst-en-cultuur", "ontmoeting"],
        free=False,
        cost="€ 5",
        schedule=[("di", "19:30", "21:30")],
        location__gebied_slug="oud-zuid",
    )
    ActivityFactory(slug="concept-noord", title="Wandelclub concept", status=Activity.Status.DRAFT, themes=["taal"])
    ActivityFactory(slug="archief-noord", title="Wandelclub archief", status=Activity.Status.ARCHIVED, themes=["taal"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["koor-zuid", "taalcafe-noord", "wandelclub-noord"]),
        ("?stadsdeel=noord", ["taalcafe-noord", "wandelclub-noord"]),
        ("?stadsdeel=zuid", ["koor-zuid"]),
        ("?stadsdeel=noord&stadsdeel=zuid", ["koor-zuid", "taalcafe-noord", "wandelclub-noord"]),
        ("?gebied=noord-west", ["taalcafe-noord"]),
        ("?bouwsteen=zelfredzaamheid", ["taalcafe-noord"]),
        ("?thema=taal", ["taalcafe-noord"]),
        ("?thema=ontmoeting", ["koor-zuid", "taalcafe-noord"]),
        ("?thema=taal&thema=ontmoeting", ["koor-zuid", "taalcafe-noord"]),
        ("?doelgroep=ouderen", ["wandelclub-noord"]),
        ("?dag=di", ["koor-zuid", "wandelclub-noord"]),
        ("?gratis=1", ["taalcafe-noord", "wandelclub-noord"]),
        ("?toegankelijk=1", ["wandelclub-noord"]),
        ("?vrijwilligers=1", ["wandelclub-noord"]),
        ("?q=wandelen", ["wandelclub-noord"]),
        ("?q=cafe", ["taalcafe-noord"]),
        ("?q=wandel&stadsdeel=zuid", []),
        ("?stadsdeel=noord&dag=di", ["wandelclub-noord"]),
    ],
)
def test_export_filters(client, filter_catalogue, query, expected):
    assert exported_ids(client, query) == expected


def test_drafts_and_archived_activities_are_never_exported(client, filter_catalogue):
    for query in ["", "?thema=taal", "?q=wandelclub", "?stadsdeel=noord"]:
        ids = exported_ids(client, query)
        assert "concept-noord" not in ids
        assert "archief-noord" not in ids


@pytest.mark.parametrize(
    ("query", "field"),
    [("?thema=breien", "thema"), ("?stadsdeel=amsterdam-noord", "stadsdeel"), ("?dag=dinsdag", "dag")],
)
def test_unknown_filter_value_is_a_400_with_errors(client, filter_catalogue, query, field):
    response = client.get(EXPORT_URL + query)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    errors = json.loads(response.content)["errors"]
    assert list(errors) == [field]
    assert errors[field] and all(isinstance(message, str) for message in errors[field])


def _export_queries(client):
    with CaptureQueriesContext(connection) as queries:
        body = export(client)
    return len(queries), len(json.loads(body)["activities"])


def test_export_runs_a_constant_number_of_queries(client):
    def make(n, offset):
        for i in range(n):
            ActivityFactory(
                slug=f"a-{offset + i}",
                themes=["taal", "sport"],
                doelgroepen=["ouderen"],
                schedule=[("ma", "10:00", "11:00"), ("vr", "14:00", "15:00")],
            )

    make(3, 0)
    few, n_few = _export_queries(client)
    make(27, 100)
    many, n_many = _export_queries(client)

    assert (n_few, n_many) == (3, 30)
    assert many == few
