"""Writes for the catalogue."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from activities.exchange import RESERVED_SLUGS
from activities.models import Activity, Location, ScheduleSlot, SearchFeedback
from activities.photos import resized_photo
from audit.models import AuditEvent, record

# Fields the organisation edits directly on the activity.
EDITABLE_FIELDS = [
    "title",
    "summary",
    "description",
    "free",
    "cost",
    "registration_required",
    "volunteers_wanted",
    "languages",
    "contact_email",
    "contact_phone",
    "photo_alt",
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


def _location(data):
    location, _created = Location.objects.get_or_create(
        name=data["location_name"],
        street=data["location_street"],
        postcode=data["location_postcode"],
        gebied=data["location_gebied"],
        defaults={"wheelchair_accessible": data["location_wheelchair_accessible"]},
    )
    if location.wheelchair_accessible != data["location_wheelchair_accessible"]:
        location.wheelchair_accessible = data["location_wheelchair_accessible"]
        location.save(update_fields=["wheelchair_accessible"])
    return location


def _snapshot(activity):
    """The editable values of an activity, for the audit log's list of changed fields."""
    values = {field: getattr(activity, field) for field in EDITABLE_FIELDS}
    values["location"] = str(activity.location) if activity.location_id else ""
    values["themes"] = sorted(activity.themes.values_list("slug", flat=True)) if activity.pk else []
    values["doelgroepen"] = sorted(activity.doelgroepen.values_list("slug", flat=True)) if activity.pk else []
    values["schedule"] = [str(slot) for slot in activity.schedule.all()] if activity.pk else []
    values["bouwsteen"] = activity.bouwsteen.slug if activity.bouwsteen_id else ""
    values["photo"] = activity.photo.name if activity.photo else ""
    return {
        key: value if isinstance(value, (str, int, bool, list)) or value is None else str(value)
        for key, value in values.items()
    }


def _apply(activity, data, schedule, photo):
    for field in EDITABLE_FIELDS:
        setattr(activity, field, data[field])
    activity.bouwsteen = data["bouwsteen"]
    activity.location = _location(data)
    if data.get("photo_clear"):
        activity.photo = None
        activity.photo_alt = ""
    if photo is not None:
        resized = resized_photo(photo)
        activity.photo.save(resized.name, resized, save=False)
    activity.save()
    activity.themes.set(data["themes"])
    activity.doelgroepen.set(data["doelgroepen"])
    activity.schedule.all().delete()
    ScheduleSlot.objects.bulk_create(
        ScheduleSlot(activity=activity, day=row["day"], start=row["start"], end=row["end"]) for row in schedule
    )
    activity.refresh_search_text()


@transaction.atomic
def activity_create(*, organisation, user, data, schedule, photo=None, creation_key=None):
    """A new draft activity. A repeated submit of the same form returns the first one."""
    if creation_key is not None:
        existing = Activity.objects.filter(creation_key=creation_key, organisation=organisation).first()
        if existing is not None:
            return existing
    activity = Activity(
        organisation=organisation,
        slug=_unique_slug(data["title"]),
        status=Activity.Status.DRAFT,
        creation_key=creation_key,
        last_verified=timezone.localdate(),
    )
    _apply(activity, data, schedule, photo)
    record(
        action=AuditEvent.Action.CREATE,
        actor=user,
        obj=activity,
        organisation=organisation,
        changes={"after": _snapshot(activity)},
    )
    return activity


@transaction.atomic
def activity_update(*, activity, user, data, schedule, expected_version, photo=None):
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    if locked.version != expected_version:
        raise ConcurrentEdit
    before = _snapshot(locked)
    locked.version += 1
    _apply(locked, data, schedule, photo)
    after = _snapshot(locked)
    changed = {key: {"before": before[key], "after": after[key]} for key in after if before[key] != after[key]}
    record(action=AuditEvent.Action.CHANGE, actor=user, obj=locked, organisation=locked.organisation, changes=changed)
    return locked


STATUS_ACTIONS = {
    Activity.Status.PUBLISHED: AuditEvent.Action.PUBLISH,
    Activity.Status.ARCHIVED: AuditEvent.Action.ARCHIVE,
    Activity.Status.DRAFT: AuditEvent.Action.UNPUBLISH,
}


class TransitionNotAllowed(Exception):
    pass


@transaction.atomic
def activity_set_status(*, activity, user, status):
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    if not locked.can_become(status):
        raise TransitionNotAllowed(f"{locked.status} -> {status}")
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
    ScheduleSlot.objects.bulk_create(
        ScheduleSlot(activity=copy, day=slot.day, start=slot.start, end=slot.end) for slot in activity.schedule.all()
    )
    copy.refresh_search_text()
    record(
        action=AuditEvent.Action.DUPLICATE,
        actor=user,
        obj=copy,
        organisation=copy.organisation,
        changes={"copied_from": activity.slug},
    )
    return copy
