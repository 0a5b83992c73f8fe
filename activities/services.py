"""Writes for the catalogue.

Services take typed keyword arguments (`ActivityData`, `Place`), never a form's cleaned_data:
the organisation's form, the import and the demo call the same functions.
"""

import datetime
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from activities import schedule
from activities.models import (
    RESERVED_SLUGS,
    Activity,
    Bouwsteen,
    Doelgroep,
    Location,
    ScheduleSlot,
    SearchFeedback,
    Theme,
    ZeroResultQuery,
)
from activities.photos import resized_photo
from audit.models import AuditEvent, record
from organisations.models import Organisation
from stadsdelen.models import Gebied


@dataclass(frozen=True, kw_only=True)
class Place:
    """Where an activity happens, as someone typed it."""

    name: str
    street: str
    postcode: str
    gebied: Gebied
    wheelchair_accessible: bool = False
    # None: not given (the form has no map); the import gives them.
    lat: Decimal | None = None
    lon: Decimal | None = None


@dataclass(frozen=True, kw_only=True)
class ScheduleRow:
    """One schedule row (activities.schedule): weekly by default."""

    start: datetime.time
    end: datetime.time
    day: int | None = None  # 0 is Monday; None for a list of dates
    frequency: str = ScheduleSlot.Frequency.WEEKLY
    interval: int = 1
    week_of_month: int | None = None
    dates: tuple[datetime.date, ...] = ()
    starts_on: datetime.date | None = None
    ends_on: datetime.date | None = None
    school_holidays: bool = True

    @classmethod
    def of(cls, slot):
        rule = slot.rule
        return cls(**{name: getattr(rule, name) for name in schedule.Rule.FIELDS})

    def slot(self, activity):
        values = {name: getattr(self, name) for name in schedule.Rule.FIELDS}
        values["dates"] = [date.isoformat() for date in sorted(self.dates)]
        return ScheduleSlot(activity=activity, **values)


@dataclass(frozen=True, kw_only=True)
class ActivityData:
    """What an organisation says about an activity.

    Where: `online`, or one of the organisation's saved `location`s, or a `place` typed once (it is
    then saved among the organisation's locations). None of them: a draft that cannot be published yet.
    """

    title: str
    summary: str
    bouwsteen: Bouwsteen
    place: Place | None = None
    location: Location | None = None
    online: bool = False
    online_url: str = ""
    description: str = ""
    themes: list[Theme] = field(default_factory=list)
    doelgroepen: list[Doelgroep] = field(default_factory=list)
    schedule: list[ScheduleRow] = field(default_factory=list)
    free: bool = True
    cost: str = ""
    registration_required: bool = False
    volunteers_wanted: str = ""
    languages: list[str] = field(default_factory=list)
    contact_email: str = ""
    contact_phone: str = ""
    photo_alt: str = ""


# The plain fields of ActivityData that are columns of Activity.
_COLUMNS = [
    "title",
    "summary",
    "description",
    "bouwsteen",
    "free",
    "cost",
    "registration_required",
    "volunteers_wanted",
    "languages",
    "contact_email",
    "contact_phone",
    "photo_alt",
    "online",
    "online_url",
]


@transaction.atomic
def feedback_create(*, found, comment="", query_string="", activity=None):
    return SearchFeedback.objects.create(
        found=found, comment=comment.strip(), query_string=query_string, activity=activity
    )


class ConcurrentEdit(Exception):
    """Someone else saved the activity after this form was opened."""


def _unique_slug(title):
    base = slugify(title)[:80] or "activiteit"
    if base in RESERVED_SLUGS:
        base = f"{base}-1"
    slug, n = base, 1
    while Activity.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def location_for(*, organisation, place):
    """The organisation's own location for this place, made if it has none yet.

    An existing location is never changed here: other activities (of this organisation, or of
    others where an old location is shared) rely on what it says, wheelchair access included. A
    place that differs in any detail is another location. There is no unique key (the admin can
    enter the same place twice), so the oldest match is taken.
    """
    address = {
        "name": place.name,
        "street": place.street,
        "postcode": place.postcode,
        "gebied": place.gebied,
        "wheelchair_accessible": place.wheelchair_accessible,
    }
    matches = Location.objects.filter(organisation=organisation, **address)
    if place.lat is not None or place.lon is not None:
        matches = matches.filter(lat=place.lat, lon=place.lon)
    location = matches.order_by("pk").first()
    if location is None:
        location = Location.objects.create(organisation=organisation, lat=place.lat, lon=place.lon, **address)
    return location


class NotTheOrganisationsLocation(Exception):
    """An activity may only take a location of its own organisation."""


def _location_of(organisation, data):
    if data.online:
        return None
    if data.location is not None:
        if data.location.organisation_id != organisation.pk:
            raise NotTheOrganisationsLocation(data.location.pk)
        return data.location
    if data.place is not None:
        return location_for(organisation=organisation, place=data.place)
    return None


class LocationInUse(Exception):
    """A location that activities use cannot be deleted; `count` says how many use it."""

    def __init__(self, count):
        super().__init__(count)
        self.count = count


def _location_snapshot(location):
    return {
        "name": location.name,
        "street": location.street,
        "postcode": location.postcode,
        "gebied": location.gebied.slug,
        "wheelchair_accessible": location.wheelchair_accessible,
    }


@transaction.atomic
def location_create(*, organisation, user, place):
    """A new saved location of the organisation, for its activities to pick."""
    location = Location.objects.create(
        organisation=organisation,
        name=place.name,
        street=place.street,
        postcode=place.postcode,
        gebied=place.gebied,
        wheelchair_accessible=place.wheelchair_accessible,
        lat=place.lat,
        lon=place.lon,
    )
    record(
        action=AuditEvent.Action.CREATE,
        actor=user,
        obj=location,
        organisation=organisation,
        changes={"after": _location_snapshot(location)},
    )
    return location


@transaction.atomic
def location_update(*, location, user, place):
    """Change a saved location, and so every activity held there: the log names them with the change."""
    locked = Location.objects.select_for_update().get(pk=location.pk)
    before = _location_snapshot(locked)
    moved = (place.street, place.postcode) != (locked.street, locked.postcode)
    locked.name = place.name
    locked.street = place.street
    locked.postcode = place.postcode
    locked.gebied = place.gebied
    locked.wheelchair_accessible = place.wheelchair_accessible
    if place.lat is not None or moved:
        # Old coordinates would send the route planner to the old address.
        locked.lat, locked.lon = place.lat, place.lon
    locked.save()
    after = _location_snapshot(locked)
    changed = {key: {"before": before[key], "after": after[key]} for key in after if before[key] != after[key]}
    if changed:
        changed["activities"] = list(locked.activities.order_by("slug").values_list("slug", flat=True))
        record(
            action=AuditEvent.Action.CHANGE, actor=user, obj=locked, organisation=locked.organisation, changes=changed
        )
    return locked


@transaction.atomic
def location_delete(*, location, user):
    """Delete a location no activity uses; one in use raises LocationInUse and stays."""
    locked = Location.objects.select_for_update().get(pk=location.pk)
    if count := locked.activities.count():
        raise LocationInUse(count)
    record(
        action=AuditEvent.Action.DELETE,
        actor=user,
        obj=locked,
        organisation=locked.organisation,
        changes={"before": _location_snapshot(locked)},
    )
    locked.delete()


def _snapshot(activity):
    """The editable values of an activity, for the audit log's list of changed fields."""
    values = {column: getattr(activity, column) for column in _COLUMNS if column != "bouwsteen"}
    values["location"] = str(activity.location) if activity.location_id else ""
    values["wheelchair_accessible"] = activity.location.wheelchair_accessible if activity.location_id else False
    values["themes"] = sorted(activity.themes.values_list("slug", flat=True)) if activity.pk else []
    values["doelgroepen"] = sorted(activity.doelgroepen.values_list("slug", flat=True)) if activity.pk else []
    values["schedule"] = [str(slot) for slot in activity.schedule.all()] if activity.pk else []
    values["bouwsteen"] = activity.bouwsteen.slug if activity.bouwsteen_id else ""
    values["photo"] = activity.photo.name if activity.photo else ""
    return {
        key: value if isinstance(value, (str, int, bool, list)) or value is None else str(value)
        for key, value in values.items()
    }


def _apply(activity, data, *, photo=None, remove_photo=False):
    for column in _COLUMNS:
        setattr(activity, column, getattr(data, column))
    activity.languages = list(data.languages)
    if not data.online:
        activity.online_url = ""
    activity.location = _location_of(activity.organisation, data)
    if remove_photo:
        activity.photo = None
        activity.photo_alt = ""
    if photo is not None:
        resized = resized_photo(photo)
        activity.photo.save(resized.name, resized, save=False)
    activity.save()
    activity.themes.set(data.themes)
    activity.doelgroepen.set(data.doelgroepen)
    activity.schedule.all().delete()
    ScheduleSlot.objects.bulk_create(row.slot(activity) for row in data.schedule)
    activity.refresh_search_text()


@transaction.atomic
def activity_create(*, organisation, user, data, photo=None, creation_key=None):
    """A new draft activity. A repeated submit of the same form returns the first one."""
    if creation_key is not None:
        existing = Activity.objects.filter(creation_key=creation_key, organisation=organisation).first()
        if existing is not None:
            return existing
    activity = Activity(
        organisation=organisation,
        slug=_unique_slug(data.title),
        status=Activity.Status.DRAFT,
        creation_key=creation_key,
        last_verified=timezone.localdate(),
    )
    _apply(activity, data, photo=photo)
    record(
        action=AuditEvent.Action.CREATE,
        actor=user,
        obj=activity,
        organisation=organisation,
        changes={"after": _snapshot(activity)},
    )
    return activity


@transaction.atomic
def activity_update(*, activity, user, data, expected_version, photo=None, remove_photo=False):
    locked = Activity.objects.select_for_update().select_related("organisation").get(pk=activity.pk)
    if locked.version != expected_version:
        raise ConcurrentEdit
    before = _snapshot(locked)
    locked.version += 1
    _apply(locked, data, photo=photo, remove_photo=remove_photo)
    after = _snapshot(locked)
    changed = {key: {"before": before[key], "after": after[key]} for key in after if before[key] != after[key]}
    record(action=AuditEvent.Action.CHANGE, actor=user, obj=locked, organisation=locked.organisation, changes=changed)
    return locked


def activity_import(*, slug, organisation: Organisation, data, last_verified):
    """Create or update the published activity `slug` from an import; returns (activity, created).

    Runs inside the import's one transaction (activities.exchange.import_catalogue).
    """
    activity = Activity.objects.filter(slug=slug).first()
    created = activity is None
    if created:
        activity = Activity(slug=slug, status=Activity.Status.PUBLISHED)
    else:
        # The exchange format has no photo; an imported record keeps the one the organisation set.
        data = replace(data, photo_alt=activity.photo_alt)
    activity.organisation = organisation
    activity.last_verified = last_verified
    _apply(activity, data)
    return activity, created


STATUS_ACTIONS = {
    Activity.Status.PUBLISHED: AuditEvent.Action.PUBLISH,
    Activity.Status.ARCHIVED: AuditEvent.Action.ARCHIVE,
    Activity.Status.DRAFT: AuditEvent.Action.UNPUBLISH,
}


class TransitionNotAllowed(Exception):
    pass


class NotReadyToPublish(Exception):
    """Residents would miss something; `missing` says what (Activity.missing_for_publication)."""

    def __init__(self, missing):
        super().__init__(", ".join(item.field for item in missing))
        self.missing = missing


@transaction.atomic
def activity_set_status(*, activity, user, status):
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    if not locked.can_become(status):
        raise TransitionNotAllowed(f"{locked.status} -> {status}")
    if status == Activity.Status.PUBLISHED and (missing := locked.missing_for_publication()):
        raise NotReadyToPublish(missing)
    before = locked.status
    locked.status = status
    locked.version += 1
    if status == Activity.Status.PUBLISHED:
        locked.last_verified = timezone.localdate()
    locked.save(update_fields=["status", "version", "last_verified", "updated_at"])
    record(
        action=STATUS_ACTIONS[status],
        actor=user,
        obj=locked,
        organisation=locked.organisation,
        changes={"status": {"before": before, "after": status}},
    )
    return locked


@transaction.atomic
def activity_verify(*, activity, user):
    """The organisation confirms the activity is still correct."""
    before = activity.last_verified
    today = timezone.localdate()
    Activity.objects.filter(pk=activity.pk).update(last_verified=today)
    activity.last_verified = today
    record(
        action=AuditEvent.Action.VERIFY,
        actor=user,
        obj=activity,
        organisation=activity.organisation,
        changes={"last_verified": {"before": str(before) if before else None, "after": str(today)}},
    )
    return activity


@transaction.atomic
def activities_verify(*, activities, user):
    """'Klopt nog' for several activities at once: all or none, each with its own audit row."""
    return [activity_verify(activity=activity, user=user) for activity in activities]


@transaction.atomic
def activity_duplicate(*, activity, user):
    """A draft copy to start a similar activity from; the photo is not copied."""
    copy = Activity.objects.get(pk=activity.pk)
    copy.pk = None
    copy.slug = _unique_slug(f"{activity.title} kopie")
    copy.title = f"{activity.title} (kopie)"[:120]
    copy.status = Activity.Status.DRAFT
    copy.version = 1
    copy.creation_key = None
    copy.photo = None
    copy.photo_alt = ""
    copy.save()
    copy.themes.set(activity.themes.all())
    copy.doelgroepen.set(activity.doelgroepen.all())
    ScheduleSlot.objects.bulk_create(ScheduleRow.of(slot).slot(copy) for slot in activity.schedule.all())
    copy.refresh_search_text()
    record(
        action=AuditEvent.Action.DUPLICATE,
        actor=user,
        obj=copy,
        organisation=copy.organisation,
        changes={"copied_from": activity.slug},
    )
    return copy


def search_found_nothing(*, words: str, today: datetime.date | None = None) -> None:
    """Count one search that found nothing this month: only its words, never who searched or from where."""
    month = (today or timezone.localdate()).replace(day=1)
    query = words[: ZeroResultQuery._meta.get_field("query").max_length]
    counted = ZeroResultQuery.objects.filter(query=query, month=month)
    if counted.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            ZeroResultQuery.objects.create(query=query, month=month, count=1)
    except IntegrityError:
        # Another request counted the first one at the same moment.
        counted.update(count=F("count") + 1)
