"""Loading the city's gebiedsindeling from its open-data files (CSV or GeoJSON), in place by code.

A row keeps its primary key and slug when the city renames it or moves it to another parent, so
every link and URL keeps working; a row the file no longer has is ended (`valid_until`), never
deleted. One bad row rejects everything: the import runs in one transaction.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from stadsdelen.models import Buurt, Gebied, Stadsdeel, Wijk


@dataclass(frozen=True)
class Level:
    name: str
    model: type
    parent_field: str | None = None
    parent_column: str | None = None
    parent_model: type | None = None


LEVELS = {
    "stadsdelen": Level("stadsdelen", Stadsdeel),
    "gebieden": Level("gebieden", Gebied, "stadsdeel", "stadsdeelcode", Stadsdeel),
    "wijken": Level("wijken", Wijk, "gebied", "gebiedcode", Gebied),
    "buurten": Level("buurten", Buurt, "wijk", "wijkcode", Wijk),
}
LEVELS_BY_MODEL = {level.model: level.name for level in LEVELS.values()}
YES = {"ja", "j", "true", "1", "waar", "yes"}
NO = {"nee", "n", "false", "0", "onwaar", "no", ""}


class ImportFailed(Exception):
    pass


@dataclass
class Summary:
    level: str
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    ended: int = 0

    def __str__(self):
        return (
            f"{self.level}: {self.new} nieuw, {self.changed} gewijzigd, {self.unchanged} ongewijzigd, "
            f"{self.ended} beëindigd"
        )


@dataclass
class Source:
    """One file's rows, each as (where, {column: value}) with lower-case column names without `_`."""

    name: str
    rows: list = field(default_factory=list)
    labels: dict = field(default_factory=dict)  # lower-case column: as the file spells it

    @property
    def columns(self):
        return set().union(*(row.keys() for _, row in self.rows)) if self.rows else set()


def _column(name):
    return str(name).strip().lower().replace("_", "").replace(" ", "")


def _value(value):
    return "" if value is None else str(value).strip()


def read_file(path):
    """The rows of a CSV (comma or semicolon) or GeoJSON file; a file that cannot be read is an ImportFailed."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ImportFailed(f"Kan {path} niet lezen: {error}") from error
    if path.suffix.lower() in {".json", ".geojson"}:
        return _read_geojson(path.name, text)
    return _read_csv(path.name, text)


def _read_csv(name, text):
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    source = Source(name)
    for row in reader:
        if not any(_value(v) for v in row.values()):
            continue
        where = f"{name}, regel {reader.line_num}"
        if None in row:
            raise ImportFailed(f"{where}: meer velden dan kolommen.")
        source.rows.append((where, {_column(k): _value(v) for k, v in row.items()}))
    source.labels = {_column(k): k.strip() for k in reader.fieldnames or ()}
    return source


def _read_geojson(name, text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFailed(f"{name}: geen geldige JSON ({error}).") from error
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise ImportFailed(f"{name}: geen GeoJSON FeatureCollection met features.")
    source = Source(name)
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            raise ImportFailed(f"{name}, feature {number}: geen properties.")
        source.rows.append((f"{name}, feature {number}", {_column(k): _value(v) for k, v in properties.items()}))
        source.labels.update({_column(k): k for k in properties})
    return source


def detect_level(source):
    """The level a file holds: the most specific parent code column it has (none: stadsdelen)."""
    columns = source.columns
    for level in reversed(LEVELS.values()):
        if level.parent_column and level.parent_column in columns:
            return level.name
    return "stadsdelen"


def _flag(where, value):
    if value.lower() in YES:
        return True
    if value.lower() in NO:
        return False
    raise ImportFailed(f"{where}, veld ontwikkelbuurt: '{value}' is geen ja of nee.")


def _free_slug(model, name, code, taken):
    slug = slugify(name)[:50] or code.lower()
    if slug in taken or model.objects.filter(slug=slug).exists():
        slug = f"{slugify(name)[: 49 - len(code)]}-{code.lower()}"
    taken.add(slug)
    return slug


def _load(source, level, today):
    summary = Summary(level.name)
    model = level.model
    rows = model.objects.select_related(level.parent_field) if level.parent_field else model.objects.all()
    existing = {row.code: row for row in rows}
    parents = {p.code: p for p in level.parent_model.objects.all()} if level.parent_model else {}
    seen, taken_slugs = {}, set()
    for where, row in source.rows:
        code, name = row.get("code", ""), row.get("naam", "")
        if not code:
            raise ImportFailed(f"{where}, veld code: leeg.")
        if len(code) > model._meta.get_field("code").max_length:
            raise ImportFailed(f"{where}, veld code: '{code}' is te lang.")
        if code in seen:
            raise ImportFailed(f"{where}, veld code: '{code}' staat ook op {seen[code]}.")
        seen[code] = where
        if not name:
            raise ImportFailed(f"{where}, veld naam: leeg.")
        if len(name) > model._meta.get_field("name").max_length:
            raise ImportFailed(f"{where}, veld naam: te lang.")
        values = {"name": name, "valid_until": None}
        if level.parent_field:
            parent_code = row.get(level.parent_column, "")
            if parent_code not in parents:
                column = source.labels.get(level.parent_column, level.parent_column)
                raise ImportFailed(
                    f"{where}, veld {column}: onbekende code '{parent_code}' "
                    f"(niet in de {LEVELS_BY_MODEL[level.parent_model]})."
                )
            values[level.parent_field] = parents[parent_code]
        if model is Buurt:
            values["is_ontwikkelbuurt"] = _flag(where, row.get("ontwikkelbuurt", ""))
        current = existing.get(code)
        if current is None:
            model.objects.create(code=code, slug=_free_slug(model, name, code, taken_slugs), valid_from=today, **values)
            summary.new += 1
        elif any(getattr(current, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(current, key, value)
            current.save()
            summary.changed += 1
        else:
            summary.unchanged += 1
    summary.ended = model.objects.exclude(code__in=seen).filter(valid_until__isnull=True).update(valid_until=today)
    if model is Buurt:
        _derive_wijk_flags()
    return summary


def _derive_wijk_flags():
    """A wijk with buurten has an ontwikkelbuurt when one of its current buurten is one."""
    with_buurten = Wijk.objects.filter(buurten__isnull=False).distinct()
    flagged = Buurt.objects.current().filter(is_ontwikkelbuurt=True).values("wijk")
    with_buurten.filter(pk__in=flagged).update(has_ontwikkelbuurt=True)
    with_buurten.exclude(pk__in=flagged).update(has_ontwikkelbuurt=False)


@transaction.atomic
def import_gebiedsindeling(*, sources, today, level=None):
    """Load the files, parents first; returns a Summary per file. Raises ImportFailed and changes nothing."""
    by_level = {}
    for source in sources:
        name = level or detect_level(source)
        if name in by_level:
            raise ImportFailed(f"{source.name} en {by_level[name].name} zijn allebei {name}: geef er één.")
        if not source.rows:
            raise ImportFailed(f"{source.name}: geen rijen; een leeg bestand zou alle {name} beëindigen.")
        by_level[name] = source
    return [_load(by_level[name], LEVELS[name], today) for name in LEVELS if name in by_level]
