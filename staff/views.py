from django.shortcuts import render

from accounts.access import staff_required
from staff.selectors import catalogue_freshness


@staff_required
def dashboard(request):
    """Per stadsdeel of this person: how current the catalogue is."""
    summary, stale = catalogue_freshness(request.user)
    return render(request, "staff/dashboard.html", {"summary": summary, "stale": stale})
