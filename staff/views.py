from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from staff.selectors import catalogue_freshness


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
    summary, stale = catalogue_freshness(request.user)
    return render(request, "staff/dashboard.html", {"summary": summary, "stale": stale})
