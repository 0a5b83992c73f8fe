"""The catalogue exchange format (DESIGN.md §6): import and export.

An import is all or nothing: every record is checked before anything is written,
and the writes run in one transaction. Records are keyed on their `id`, so
importing the same file twice updates instead of duplicating.
"""

import datetime
import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import islice

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction

from activities.models import (
    DAY_SLUGS,
    RESERVED_SLUGS,
    Activity,
    Bouwsteen,
    Doelgroep,
    ScheduleSlot,
    Theme,
)
from activities.schedule import DATES, MONTHLY, WEEKLY, Rule
from activities.services import ActivityData, Place, ScheduleRow, activity_import
from organisations.services import organisation_for_import
from stadsdelen.models import Gebied

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SCHEDULE_KEYS = {"day", "every", "week_of_month", "dates", "start", "end", "from", "until", "school_holidays"}
WEEKS_OF_MONTH = {1, 2, 3, 4, -1}
MAX_DATES = 100
_POSTCODE = re.compile(r"^(\d{4}) ?([A-Za-z]{2})$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# The format nests five deep (document, list, record, schedule, slot); far deeper is not an export.
MAX_DEPTH = 20
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


class ImportFailed(Exception):
    """The file cannot be imported; the message names the record and field."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0


# Export -----------------------------------------------------------------------------------------


# The columns of an activity that its record needs.
_EXPORT_COLUMNS = [
    "pk",
    "slug",
    "title",
    "summary",
    "description",
    "organisation__name",
    "organisation__kvk",
    "bouwsteen__slug",
    "location__name",
    "location__street",
    "location__postcode",
    "location__gebied__slug",
    "location__lat",
    "location__lon",
    "location__wheelchair_accessible",
    "free",
    "cost",
    "registration_required",
    "volunteers_wanted",
    "languages",
    "contact_email",
    "contact_phone",
    "last_verified",
    "online",
    "online_url",
]
EXPORT_CHUNK = 1000


def _record(row, themes, doelgroepen, schedule):
    lat, lon, last_verified = row["location__lat"], row["location__lon"], row["last_verified"]
    record = {
        "id": row["slug"],
        "title": row["title"],
        "summary": row["summary"],
        "description": row["description"],
        "organisation": {"name": row["organisation__name"], "kvk": row["organisation__kvk"]},
        "bouwsteen": row["bouwsteen__slug"],
        "themes": themes,
        "doelgroepen": doelgroepen,
        "location": {
            "name": row["location__name"],
            "street": row["location__street"],
            "postcode": row["location__postcode"],
            "gebied": row["location__gebied__slug"],
            "lat": float(lat) if lat is not None else None,
            "lon": float(lon) if lon is not None else None,
            "wheelchair_accessible": row["location__wheelchair_accessible"],
        }
        if row["location__name"] is not None
        else None,
        "schedule": schedule,
        "free": row["free"],
        "cost": row["cost"],
        "registration_required": row["registration_required"],
        "volunteers_wanted": row["volunteers_wanted"],
        "languages": list(row["languages"]),
        "contact": {"email": row["contact_email"], "phone": row["contact_phone"]},
        "last_verified": last_verified.isoformat() if last_verified else None,
    }
    # Only online records carry these, so the files of places-only catalogues stay as they were.
    if row["online"]:
        record["online"] = True
        record["online_url"] = row["online_url"]
    return record


def _slot_record(frequency, day, start, end, interval, week_of_month, dates, starts_on, ends_on, school_holidays):
    """A schedule row; a weekly one without end or pause is the format's first shape, {"day", "start", "end"}."""
    item = {}
    if frequency == DATES:
        item["dates"] = list(dates)
    else:
        item["day"] = DAY_SLUGS[day]
    if interval != 1:
        item["every"] = interval
    if frequency == MONTHLY:
        item["week_of_month"] = week_of_month
    item["start"], item["end"] = f"{start:%H:%M}", f"{end:%H:%M}"
    if starts_on:
        item["from"] = starts_on.isoformat()
    if ends_on:
        item["until"] = ends_on.isoformat()
    if not school_holidays:
        item["school_holidays"] = False
    return item


def _grouped(pairs):
    grouped = {}
    for pk, value in pairs:
        grouped.setdefault(pk, []).append(value)
    return grouped


# The open data's licence, in every answer of the API: anyone may reuse the catalogue without asking.
LICENCE = {
    "name": "CC0 1.0 Universeel (Publiek Domein)",
    "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
}


def stream_export(queryset, about=None):
    """Yield the JSON document piece by piece, so 50,000 activities never sit in memory at once.

    `about` are keys before the list (count, paging links, licence); an import reads only "activities".
    Plain rows instead of model instances (four queries per 1,000 activities): building a dozen
    objects per activity made exporting a gebied take a second.
    """
    yield "{" + "".join(
        f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}, " for key, value in (about or {}).items()
    )
    yield '"activities": ['
    separator = "\n"
    rows = queryset.values(*_EXPORT_COLUMNS).iterator(chunk_size=EXPORT_CHUNK)
    while chunk := list(islice(rows, EXPORT_CHUNK)):
        ids = [row["pk"] for row in chunk]
        themes = _grouped(
            Activity.themes.through.objects.filter(activity_id__in=ids)
            .order_by("theme__order", "theme__name")
            .values_list("activity_id", "theme__slug")
        )
        doelgroepen = _grouped(
            Activity.doelgroepen.through.objects.filter(activity_id__in=ids, doelgroep__is_public=True)
            .order_by("doelgroep__order", "doelgroep__name")
            .values_list("activity_id", "doelgroep__slug")
        )
        schedule = _grouped(
            (pk, _slot_record(*values))
            for pk, *values in ScheduleSlot.objects.filter(activity_id__in=ids)
            .order_by("day", "start", "pk")
            .values_list("activity_id", *Rule.FIELDS)
        )
        records = []
        for row in chunk:
            pk = row["pk"]
            item = _record(row, themes.get(pk, []), doelgroepen.get(pk, []), schedule.get(pk, []))
            records.append(json.dumps(item, ensure_ascii=False))
        # One piece per chunk: a write to the client per record costs more than the record.
        yield separator + ",\n".join(records)
        separator = ",\n"
    yield "\n]}\n"


def dumps_errors(errors):
    return json.dumps({"errors": {field: [str(e) for e in messages] for field, messages in errors.items()}})


# Import -----------------------------------------------------------------------------------------


class _Checker:
    """Checks one record and turns its values into Python ones, naming the field on failure."""

    def __init__(self, index, raw, lookups):
        self.raw = raw
        self.lookups = lookups
        ident = raw.get("id") if isinstance(raw, dict) else None
        self.where = f"Activiteit {index}" + (f' ("{ident}")' if isinstance(ident, str) and ident else "")

    def fail(self, field, message):
        raise ImportFailed(f'{self.where}, veld "{field}": {message}')

    def get(self, container, key, field, kind, required=True, default=None):
        if key not in container or container[key] is None:
            if required:
                self.fail(field, "ontbreekt.")
            return default
        value = container[key]
        if kind is bool and not isinstance(value, bool):
            self.fail(field, "moet true of false zijn.")
        if kind is str and not isinstance(value, str):
            self.fail(field, "moet tekst zijn.")
        if kind is list and not isinstance(value, list):
            self.fail(field, "moet een lijst zijn.")
        if kind is dict and not isinstance(value, dict):
            self.fail(field, "moet een object zijn.")
        return value

    def text(self, container, key, field, max_length, required=True):
        value = self.get(container, key, field, str, required=required, default="").strip()
        # JSON can spell both (\u0000, a lone \ud800); PostgreSQL stores neither and would fail the import.
        if "\x00" in value or (not value.isascii() and _LONE_SURROGATE.search(value)):
            self.fail(field, "bevat een teken dat niet in een tekst mag (zoals \\u0000). Haal het weg.")
        if required and not value:
            self.fail(field, "mag niet leeg zijn.")
        if len(value) > max_length:
            self.fail(field, f"is te lang ({len(value)} tekens, hoogstens {max_length}).")
        return value

    def slug(self, field, value, table):
        if not isinstance(value, str) or value not in table:
            self.fail(field, f'onbekende waarde "{value}". Kies uit: {", ".join(sorted(table))}.')
        return table[value]

    def coordinate(self, container, key, field, low, high):
        value = container.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            self.fail(field, "moet een getal zijn.")
        try:
            number = Decimal(str(value)).quantize(Decimal("0.000001"))
        except InvalidOperation:
            self.fail(field, "moet een getal zijn.")
        if not number.is_finite():  # JSON as Python reads it allows NaN, which cannot be compared
            self.fail(field, "moet een getal zijn.")
        if not low <= number <= high:
            self.fail(field, f"ligt niet in Amsterdam (tussen {low} en {high}).")
        return number

    def location(self, location, lookups):
        postcode = self.text(location, "postcode", "location.postcode", 7)
        match = _POSTCODE.fullmatch(postcode)
        if not match:
            self.fail("location.postcode", "schrijf 4 cijfers en 2 letters, bijvoorbeeld 1021 AA.")
        return {
            "name": self.text(location, "name", "location.name", 200),
            "street": self.text(location, "street", "location.street", 200),
            "postcode": f"{match.group(1)} {match.group(2).upper()}",
            "gebied": self.slug("location.gebied", location.get("gebied"), lookups["gebied"]),
            "lat": self.coordinate(location, "lat", "location.lat", Decimal("52.2"), Decimal("52.5")),
            "lon": self.coordinate(location, "lon", "location.lon", Decimal("4.7"), Decimal("5.2")),
            "wheelchair_accessible": self.get(
                location, "wheelchair_accessible", "location.wheelchair_accessible", bool, False, False
            ),
        }

    def date(self, container, key, field):
        value = self.get(container, key, field, str, required=False)
        if value is None:
            return None
        try:
            if _DATE.fullmatch(value):
                return datetime.date.fromisoformat(value)
        except ValueError:
            pass
        self.fail(field, f'"{value}" is geen datum; schrijf jjjj-mm-dd, bijvoorbeeld 2026-12-03.')

    def schedule_row(self, field, row):
        """One schedule row as ScheduleRow's keywords: weekly, every other week, monthly or on dates."""
        if not isinstance(row, dict):
            self.fail(field, "moet een object zijn.")
        unknown = set(row) - SCHEDULE_KEYS
        if unknown:
            self.fail(f"{field}.{sorted(unknown)[0]}", f"onbekend veld. Kies uit: {', '.join(sorted(SCHEDULE_KEYS))}.")
        values = {"school_holidays": self.get(row, "school_holidays", f"{field}.school_holidays", bool, False, True)}
        times = []
        for key in ("start", "end"):
            value = self.get(row, key, f"{field}.{key}", str)
            if not _TIME.fullmatch(value):
                self.fail(f"{field}.{key}", "schrijf de tijd als uu:mm, bijvoorbeeld 09:30.")
            times.append(datetime.time.fromisoformat(value))
        if times[1] <= times[0]:
            self.fail(f"{field}.end", "moet later zijn dan de begintijd.")
        values["start"], values["end"] = times
        if "dates" in row:
            for key in ("day", "every", "week_of_month", "from", "until"):
                if key in row:
                    self.fail(f"{field}.{key}", 'hoort niet bij losse data ("dates").')
            dates = self.get(row, "dates", f"{field}.dates", list)
            if not 1 <= len(dates) <= MAX_DATES:
                self.fail(f"{field}.dates", f"noem 1 tot {MAX_DATES} data.")
            checked = {self.date({"date": value}, "date", f"{field}.dates") for value in dates}
            return {**values, "frequency": DATES, "dates": tuple(sorted(checked))}
        day = self.get(row, "day", f"{field}.day", str)
        if day not in DAY_SLUGS:
            self.fail(f"{field}.day", f'onbekende dag "{day}". Kies uit: {" ".join(DAY_SLUGS)}.')
        values.update(
            day=DAY_SLUGS.index(day),
            starts_on=self.date(row, "from", f"{field}.from"),
            ends_on=self.date(row, "until", f"{field}.until"),
        )
        if values["starts_on"] and values["ends_on"] and values["ends_on"] < values["starts_on"]:
            self.fail(f"{field}.until", "ligt voor de begindatum (from).")
        every = row.get("every", 1)
        if every not in (1, 2) or isinstance(every, bool):
            self.fail(f"{field}.every", "moet 1 (elke week) of 2 (om de week) zijn.")
        if "week_of_month" in row:
            week = row["week_of_month"]
            if week not in WEEKS_OF_MONTH or isinstance(week, bool):
                self.fail(f"{field}.week_of_month", "moet 1, 2, 3, 4 of -1 (de laatste) zijn.")
            if every != 1:
                self.fail(f"{field}.every", "hoort niet bij een keer per maand (week_of_month).")
            return {**values, "frequency": MONTHLY, "week_of_month": week}
        if every == 2 and not values["starts_on"]:
            self.fail(f"{field}.from", 'is nodig bij "every": 2: de eerste datum zegt welke weken het is.')
        return {**values, "frequency": WEEKLY, "interval": every}

    def check(self):
        raw = self.raw
        if not isinstance(raw, dict):
            raise ImportFailed(f"{self.where}: moet een object zijn.")
        lookups = self.lookups
        ident = self.get(raw, "id", "id", str)
        if not _SLUG.fullmatch(ident) or len(ident) > 100:
            self.fail("id", "gebruik alleen kleine letters, cijfers en streepjes (hoogstens 100 tekens).")
        if ident in RESERVED_SLUGS:
            self.fail("id", f'"{ident}" is een gereserveerd woord.')

        organisation = self.get(raw, "organisation", "organisation", dict)
        org_name = self.text(organisation, "name", "organisation.name", 200)
        kvk = self.text(organisation, "kvk", "organisation.kvk", 8, required=False)
        if kvk and not re.fullmatch(r"\d{8}", kvk):
            self.fail("organisation.kvk", "een KvK-nummer heeft 8 cijfers.")

        online = self.get(raw, "online", "online", bool, required=False, default=False)
        online_url = self.text(raw, "online_url", "online_url", 500, required=False)
        if online_url and not online:
            self.fail("online_url", 'hoort alleen bij een online activiteit ("online": true).')
        if online_url:
            try:
                URLValidator(schemes=["http", "https"])(online_url)
            except ValidationError:
                self.fail("online_url", f'"{online_url}" is geen geldige link (https://…).')
        if online and raw.get("location") is not None:
            self.fail("location", 'moet null zijn bij een online activiteit ("online": true).')
        location = None if online else self.location(self.get(raw, "location", "location", dict), lookups)

        schedule = [
            self.schedule_row(f"schedule[{position}]", row)
            for position, row in enumerate(self.get(raw, "schedule", "schedule", list, required=False, default=[]))
        ]

        languages = self.get(raw, "languages", "languages", list, required=False, default=[])
        for language in languages:
            if not isinstance(language, str) or not _LANGUAGE.fullmatch(language):
                self.fail("languages", f'"{language}" is geen taalcode van 2 letters (ISO 639-1), zoals "en".')

        contact = self.get(raw, "contact", "contact", dict, required=False, default={})
        email = self.text(contact, "email", "contact.email", 254, required=False)
        if email:
            try:
                validate_email(email)
            except ValidationError:
                self.fail("contact.email", f'"{email}" is geen geldig e-mailadres.')

        last_verified = self.get(raw, "last_verified", "last_verified", str, required=False, default="")
        if last_verified:
            try:
                last_verified = datetime.date.fromisoformat(last_verified)
            except ValueError:
                self.fail("last_verified", "schrijf de datum als jjjj-mm-dd.")

        return {
            "slug": ident,
            "organisation": {"name": org_name, "kvk": kvk},
            "location": location,
            "fields": {
                "online": online,
                "online_url": online_url,
                "title": self.text(raw, "title", "title", 120),
                "summary": self.text(raw, "summary", "summary", 200),
                "description": self.text(raw, "description", "description", 10_000, required=False),
                "bouwsteen": self.slug("bouwsteen", raw.get("bouwsteen"), lookups["bouwsteen"]),
                "free": self.get(raw, "free", "free", bool),
                "cost": self.text(raw, "cost", "cost", 200, required=False),
                "registration_required": self.get(
                    raw, "registration_required", "registration_required", bool, False, False
                ),
                "volunteers_wanted": self.text(raw, "volunteers_wanted", "volunteers_wanted", 2000, required=False),
                "languages": languages,
                "contact_email": email,
                "contact_phone": self.text(contact, "phone", "contact.phone", 32, required=False),
            },
            "last_verified": last_verified or None,
            "themes": [
                self.slug("themes", slug, lookups["theme"])
                for slug in self.get(raw, "themes", "themes", list, required=False, default=[])
            ],
            "doelgroepen": [
                self.slug("doelgroepen", slug, lookups["doelgroep"])
                for slug in self.get(raw, "doelgroepen", "doelgroepen", list, required=False, default=[])
            ],
            "schedule": schedule,
        }


def parse(text):
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFailed(
            f"Het bestand is geen geldige JSON (regel {error.lineno}, kolom {error.colno}): {error.msg}."
        ) from error
    except RecursionError as error:
        raise _too_deep(text) from error
    if not isinstance(payload, dict) or not isinstance(payload.get("activities"), list):
        raise ImportFailed('Het bestand moet een object zijn met een lijst "activities".')
    return payload


def _too_deep(text):
    """Name the place where a document nests deeper than the parser follows: line, column and record."""
    opened, record, position = [], 0, 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            opened.append(token)
            record += opened == ["{", "[", "{"]  # a record in the document's list
            if len(opened) > MAX_DEPTH:
                position = match.start()
                break
        elif token in ("]", "}") and opened:
            opened.pop()
    line = text.count("\n", 0, position) + 1
    column = position - text.rfind("\n", 0, position)
    what = (
        f"te diep in elkaar genest (regel {line}, kolom {column}); "
        f"het uitwisselformaat gaat hoogstens {MAX_DEPTH} lagen diep."
    )
    return ImportFailed(f"Activiteit {record}: de gegevens zijn {what}" if record else f"De gegevens zijn {what}")


def check_all(records):
    lookups = {
        "gebied": {g.slug: g for g in Gebied.objects.current()},
        "bouwsteen": {b.slug: b for b in Bouwsteen.objects.all()},
        "theme": {t.slug: t for t in Theme.objects.all()},
        "doelgroep": {d.slug: d for d in Doelgroep.objects.filter(is_public=True)},
    }
    checked, seen = [], {}
    for index, raw in enumerate(records, start=1):
        item = _Checker(index, raw, lookups).check()
        if item["slug"] in seen:
            raise ImportFailed(
                f'Activiteit {index} ("{item["slug"]}"), veld "id": komt ook voor bij activiteit {seen[item["slug"]]}.'
            )
        seen[item["slug"]] = index
        checked.append(item)
    return checked


@transaction.atomic
def import_catalogue(*, payload):
    """Load a parsed exchange document. Raises ImportFailed, and then nothing is written."""
    items = check_all(payload["activities"])
    result = ImportResult()
    organisations = {}
    for item in items:
        key = item["organisation"]["kvk"] or item["organisation"]["name"].casefold()
        if key not in organisations:
            organisations[key] = organisation_for_import(**item["organisation"])
        _activity, created = activity_import(
            slug=item["slug"],
            organisation=organisations[key],
            data=ActivityData(
                **item["fields"],
                place=Place(**item["location"]) if item["location"] else None,
                themes=item["themes"],
                doelgroepen=item["doelgroepen"],
                schedule=[ScheduleRow(**row) for row in item["schedule"]],
            ),
            last_verified=item["last_verified"],
        )
        if created:
            result.created += 1
        else:
            result.updated += 1
    return result
