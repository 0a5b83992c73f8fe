"""Reads for the stadsdeel staff, scoped to the stadsdelen of the person asking."""

from django.db.models import Count, Q
from django.utils import timezone

from activities.models import VERIFY_EVERY, Activity
from stadsdelen.models import Stadsdeel


def staff_stadsdelen(user):
    stadsdelen = Stadsdeel.objects.current()
    return stadsdelen if user.is_superuser else stadsdelen.filter(pk__in=user.staff_stadsdeel_ids)


def catalogue_freshness(user, limit=50):
    """Per stadsdeel of this person: published activities and how many are not checked for half
    a year; and the `limit` longest unchecked ones, oldest check first."""
    stadsdelen = staff_stadsdelen(user)
    stale_before = timezone.localdate() - VERIFY_EVERY
    visible = Activity.objects.visible_to(user).filter(status=Activity.Status.PUBLISHED)
    counts = {
        row["location__gebied__stadsdeel"]: row
        for row in visible.values("location__gebied__stadsdeel").annotate(
            published=Count("pk"),
            stale=Count("pk", filter=Q(last_verified__lt=stale_before) | Q(last_verified__isnull=True)),
        )
    }
    summary = []
    for stadsdeel in stadsdelen:
        row = counts.get(stadsdeel.pk, {"published": 0, "stale": 0})
        summary.append({"stadsdeel": stadsdeel, "published": row["published"], "stale": row["stale"]})
    stale = (
        visible.not_verified_since(stale_before)
        .filter(location__gebied__stadsdeel__in=stadsdelen)
        .select_related("organisation", "location__gebied")
        .order_by("last_verified")[:limit]
    )
    return summary, stale
