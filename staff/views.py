from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone

from activities.models import VERIFY_EVERY, Activity
from stadsdelen.models import Stadsdeel


def staff_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (request.user.staff_stadsdeel_ids or request.user.is_superuser):
            raise PermissionDenied("Alleen voor medewerkers van een stadsdeel.")
        return view(request, *args, **kwargs)

    return wrapper


@staff_required
def dashboard(request):
    """Per stadsdeel of this person: how current the catalogue is."""
    user = request.user
    stadsdelen = Stadsdeel.objects.current()
    if not user.is_superuser:
        stadsdelen = stadsdelen.filter(pk__in=user.staff_stadsdeel_ids)
    stale_before = timezone.localdate() - VERIFY_EVERY
    summary = []
    visible = Activity.objects.visible_to(user).filter(status=Activity.Status.PUBLISHED)
    counts = {
        row["location__gebied__stadsdeel"]: row
        for row in visible.values("location__gebied__stadsdeel").annotate(
            published=Count("pk"),
            stale=Count("pk", filter=Q(last_verified__lt=stale_before) | Q(last_verified__isnull=True)),
        )
    }
    for stadsdeel in stadsdelen:
        row = counts.get(stadsdeel.pk, {"published": 0, "stale": 0})
        summary.append({"stadsdeel": stadsdeel, "published": row["published"], "stale": row["stale"]})
    stale = (
        visible.not_verified_since(stale_before)
        .filter(location__gebied__stadsdeel__in=stadsdelen)
        .select_related("organisation", "location__gebied")
        .order_by("last_verified")[:50]
    )
    return render(request, "staff/dashboard.html", {"summary": summary, "stale": stale})
