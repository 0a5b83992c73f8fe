"""Access helpers for the stadsdeel staff: the areas above use these on every staff view."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def staff_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (request.user.staff_stadsdeel_ids or request.user.is_superuser):
            raise PermissionDenied("Alleen voor medewerkers van een stadsdeel.")
        return view(request, *args, **kwargs)

    return wrapper
