"""Reads for the stadsdeel staff, scoped to the stadsdelen of the person asking."""

from collections import Counter

from django.db.models import Count, Q, Sum
from django.utils import timezone

from activities.models import VERIFY_EVERY, Activity
from subsidies.filters import Termijn
from subsidies.models import Aanvraag, Besluit, Ronde
from subsidies.selectors import staff_stadsdelen, work_list
from subsidies.workflow import Status


def catalogue_freshness(user, limit=50):
    """Per stadsdeel of this person: published activities and how many are not checked for half
    a year; and the `limit` longest unchecked ones, oldest check first."""
    stadsdelen = staff_stadsdelen(user)
    stale_before = timezone.localdate() - VERIFY_EVERY
    # The person's stadsdelen themselves, not visible_to (which adds the online activities with an OR
    # that makes PostgreSQL read the whole catalogue): online activities belong to no stadsdeel's count.
    visible = Activity.objects.published().filter(location__gebied__stadsdeel__in=stadsdelen)
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
        .select_related("organisation", "location__gebied")
        .order_by("last_verified")[:limit]
    )
    return summary, stale


def subsidy_overview(user):
    """Per stadsdeel of this person: its current rondes with plafond and what is left, and how many
    aanvragen wait for someone; over all of them, how many terms are past or near their end."""
    stadsdelen = list(staff_stadsdelen(user))
    today = timezone.localdate()
    rondes = (
        Ronde.objects.filter(stadsdeel__in=stadsdelen, period_end__gte=today)
        .select_related("regeling")
        .annotate(
            granted=Sum(
                "aanvragen__besluit__amount_cents",
                filter=Q(aanvragen__besluit__outcome__in=[Besluit.Outcome.VERLEEND, Besluit.Outcome.DEELS_VERLEEND]),
            )
        )
        .order_by("stadsdeel__name", "period_start")
    )
    waiting = Counter(
        {
            (row["ronde__stadsdeel"], row["status"]): row["n"]
            for row in Aanvraag.objects.for_staff(user)
            .filter(status__in=[Status.INGEDIEND, Status.AANVULLING_GEVRAAGD, Status.IN_BEHANDELING, Status.ADVIES])
            .values("ronde__stadsdeel", "status")
            .annotate(n=Count("pk"))
        }
    )
    per_stadsdeel = []
    for stadsdeel in stadsdelen:
        own = [ronde for ronde in rondes if ronde.stadsdeel_id == stadsdeel.pk]
        for ronde in own:
            ronde.left = ronde.plafond_cents - (ronde.granted or 0)
        per_stadsdeel.append(
            {
                "stadsdeel": stadsdeel,
                "rondes": own,
                "waiting": {status: waiting[(stadsdeel.pk, status)] for status in Status.values},
            }
        )
    terms = Counter(term.kind for _pk, term in work_list(user, {}).ordered)
    return {
        "per_stadsdeel": per_stadsdeel,
        "overdue": terms[Termijn.OVERDUE],
        "soon": terms[Termijn.SOON],
        "termijn": Termijn,
    }
